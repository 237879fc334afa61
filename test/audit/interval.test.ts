import { describe, expect, it } from 'vitest';
import { decimal } from '../../src/model/decimal.ts';
import {
  exact,
  growthMayEqual,
  mayEqual,
  plus,
  printed,
  ratioMayEqual,
  surelyExceeds,
  total,
} from '../../src/audit/interval.ts';
import { figures } from '../../src/audit/narrative/tokens.ts';

// Rounding by intervals (domain.md §6), the arithmetic every numeric rule shares.

const p = (s: string, d = s.split('.')[1]?.length ?? 0) => printed(decimal(s), d);

describe('intervals', () => {
  it('a printed value stands for ± half a unit of its last place', () => {
    const iv = p('248.98');
    expect([iv.lo, iv.hi].map((x) => x.units)).toEqual([248975n, 248985n]);
  });
  it('a parent one cent off two children is rounding; one cent off one child is not', () => {
    expect(mayEqual(p('248.98'), total([p('145.76'), p('103.23')]))).toBe(true);
    expect(mayEqual(p('1.01'), p('1.00'))).toBe(false);
    expect(mayEqual(p('3.01'), total([p('1.00'), p('1.00'), p('1.00')]))).toBe(true);
  });
  it('never a loose tolerance: 4,999 元 off in a 万元 table is caught', () => {
    expect(mayEqual(p('289.70'), plus(p('185.01'), p('104.19')))).toBe(false);
  });
  it('exact values are compared by closed containment', () => {
    expect(mayEqual(exact(decimal('100')), p('100.00'))).toBe(true);
    expect(mayEqual(exact(decimal('100.006')), p('100.00'))).toBe(false);
  });
  it('shares: 74.66% of 8.21/11.00 is within rounding, 82.12% of 151.91/185.01 is not', () => {
    expect(ratioMayEqual(p('8.21'), p('11.00'), p('74.66'))).toBe(true);
    expect(ratioMayEqual(p('151.91'), p('185.01'), p('82.12'))).toBe(false);
    expect(ratioMayEqual(p('151.91'), p('185.01'), p('82.11'))).toBe(true);
    expect(ratioMayEqual(p('0'), p('0'), p('0'))).toBe(true); // no whole: cannot judge
  });
  it('growth: corner bounds of change / (current ∓ change)', () => {
    expect(growthMayEqual(p('289.7'), p('12.65'), p('4.57'), true)).toBe(true);
    expect(growthMayEqual(p('289.7'), p('12.65'), p('5.57'), true)).toBe(false);
    expect(growthMayEqual(p('7519040.48'), p('8128053.5'), p('51.95'), false)).toBe(true);
  });
  it('surely exceeds: above for every true value', () => {
    expect(surelyExceeds(p('5.22'), p('5.00'))).toBe(true);
    expect(surelyExceeds(p('5.01'), p('5.00'))).toBe(true);
    expect(surelyExceeds(p('5.0'), p('5.00'))).toBe(false);
  });
});

describe('narrative figures', () => {
  it('reads amounts, percentages, labels and changes', () => {
    const fs = figures(
      '2023年度收、支总计289.7万元。与上年相比，增加12.65万元，增长4.57%；其他收入1,174.68 元，占0.02%。0X 万元',
    );
    expect(fs.map((f) => [f.kind, f.value.units, f.decimals, f.unit ?? '%', f.change ?? ''])).toEqual([
      ['amount', 2897n, 1, '万元', ''],
      ['amount', 1265n, 2, '万元', 'up'],
      ['percent', 457n, 2, '%', 'up'],
      ['amount', 117468n, 2, '元', ''],
      ['percent', 2n, 2, '%', ''],
    ]);
    expect(fs[0].label).toBe('2023年度收、支总计');
    expect(fs[3].label).toBe('其他收入');
  });
});
