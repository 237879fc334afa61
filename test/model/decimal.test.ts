import { describe, expect, it } from 'vitest';
import {
  abs,
  add,
  cmp,
  decimal,
  div,
  fromUnits,
  isZero,
  mul,
  mulInt,
  neg,
  normalize,
  parseDecimal,
  rescale,
  sub,
  sum,
  toFixedString,
  toGroupedString,
  type Decimal,
} from '../../src/model/decimal.ts';
import { mulberry32 } from '../helpers/random.ts';

// The money core (src/model/decimal.ts). Known values first (the printed forms the documents use), then property
// tests over generated values: the seeded generator of test/helpers/random.ts, so a failure names its seed and repeats.
// The reference for every property is plain bigint arithmetic on a rational (units / 10^scale), never Number.

const SEED = 20261203;
const RUNS = 500;

interface Gen {
  int(lo: number, hi: number): number;
  digits(n: number): string;
  /** Canonical decimal text: no leading zeros, sign only on a non-zero value, 0–6 decimals, up to 18 integer digits. */
  text(): string;
  decimal(): Decimal;
}

function gen(seed: number): Gen {
  const r = mulberry32(seed);
  const g: Gen = {
    int: (lo, hi) => lo + Math.floor(r() * (hi - lo + 1)),
    digits: (n) => Array.from({ length: n }, () => String(g.int(0, 9))).join(''),
    text() {
      // Small integer parts are common (0.05, 3.20) and so are long ones (7250557.36): draw the length first.
      const intLen = g.int(0, 3) === 0 ? 1 : g.int(1, 18);
      let int = g.digits(intLen).replace(/^0+(?=\d)/, '');
      if (g.int(0, 4) === 0) int = '0';
      const scale = g.int(0, 6);
      const frac = g.digits(scale);
      const zero = /^0+$/.test(int + frac);
      const sign = !zero && g.int(0, 2) === 0 ? '-' : '';
      return sign + int + (scale ? '.' + frac : '');
    },
    decimal: () => decimal(g.text()),
  };
  return g;
}

/** a ? b on the rationals, by cross-multiplying (independent of the module's scale alignment). */
function refCmp(a: Decimal, b: Decimal): number {
  const x = a.units * 10n ** BigInt(b.scale);
  const y = b.units * 10n ** BigInt(a.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

function forAll(name: string, property: (g: Gen, i: number) => void): void {
  it(`${name} (${RUNS} generated values, seed ${SEED})`, () => {
    const g = gen(SEED ^ name.length);
    for (let i = 0; i < RUNS; i++) property(g, i);
  });
}

describe('decimal: known values', () => {
  it('parses the plain forms and refuses everything else', () => {
    expect(parseDecimal('289.70')).toEqual({ units: 28970n, scale: 2 });
    expect(parseDecimal(' -12.50 ')).toEqual({ units: -1250n, scale: 2 });
    expect(parseDecimal('+7')).toEqual({ units: 7n, scale: 0 });
    expect(parseDecimal('0.035')).toEqual({ units: 35n, scale: 3 });
    expect(parseDecimal('5.')).toEqual({ units: 5n, scale: 0 });
    for (const bad of ['', '.5', '1,234.00', '1e3', '12.3.4', '--1', '１２', 'NaN', '12 3', '¥12'])
      expect(parseDecimal(bad)).toBeNull();
    expect(() => decimal('abc')).toThrow('not a decimal: abc');
  });

  it('adds money exactly where floats do not', () => {
    expect(toFixedString(add(decimal('0.1'), decimal('0.2')))).toBe('0.3');
    expect(toFixedString(sum(['7250557.36', '0.01', '-7250557.37'].map(decimal)))).toBe('0.00');
    expect(toFixedString(add(decimal('9007199254740993'), decimal('0.01')))).toBe('9007199254740993.01');
    expect(toFixedString(sum([]))).toBe('0');
  });

  it('keeps the printed scale and aligns scales in arithmetic', () => {
    expect(toFixedString(add(decimal('289.7'), decimal('0.05')))).toBe('289.75');
    expect(toFixedString(sub(decimal('1'), decimal('0.001')))).toBe('0.999');
    expect(toFixedString(mul(decimal('1.5'), decimal('0.2')))).toBe('0.30');
    expect(toFixedString(mulInt(decimal('-2.50'), 3n))).toBe('-7.50');
    expect(toFixedString(normalize(decimal('12.500')))).toBe('12.5');
    expect(toFixedString(normalize(decimal('-0.000')))).toBe('0');
    expect(rescale(decimal('1.2'), 4)).toEqual({ units: 12000n, scale: 4 });
    expect(() => rescale(decimal('1.25'), 1)).toThrow('rescale would lose digits');
  });

  it('rounds half away from zero when printing fewer decimals, and prints no negative zero', () => {
    const cases: [string, number, string][] = [
      ['2.345', 2, '2.35'],
      ['-2.345', 2, '-2.35'],
      ['2.344', 2, '2.34'],
      ['0.005', 2, '0.01'],
      ['-0.005', 2, '-0.01'],
      ['-0.004', 2, '0.00'],
      ['99.995', 2, '100.00'],
      ['0.5', 0, '1'],
      ['-1.5', 0, '-2'],
      ['7', 2, '7.00'],
    ];
    for (const [text, scale, printed] of cases)
      expect(toFixedString(decimal(text), scale), `${text} at ${scale}`).toBe(printed);
  });

  it('divides rounding half away from zero, and refuses division by zero', () => {
    expect(toFixedString(div(decimal('1'), decimal('3'), 4))).toBe('0.3333');
    expect(toFixedString(div(decimal('2'), decimal('3'), 2))).toBe('0.67');
    expect(toFixedString(div(decimal('-1'), decimal('8'), 2))).toBe('-0.13');
    expect(toFixedString(div(decimal('1'), decimal('-8'), 2))).toBe('-0.13');
    expect(toFixedString(div(decimal('136.40'), decimal('131.20'), 4))).toBe('1.0396');
    expect(() => div(decimal('1'), decimal('0.00'), 2)).toThrow(RangeError);
  });

  it('groups thousands as the documents print them', () => {
    expect(toGroupedString(decimal('7250557.36'))).toBe('7,250,557.36');
    expect(toGroupedString(decimal('-1234567'))).toBe('-1,234,567');
    expect(toGroupedString(decimal('999.995'), 2)).toBe('1,000.00');
    expect(toGroupedString(decimal('0.50'))).toBe('0.50');
  });

  it('compares across scales and knows zero', () => {
    expect(cmp(decimal('1.10'), decimal('1.1'))).toBe(0);
    expect(cmp(decimal('-0.01'), decimal('0'))).toBe(-1);
    expect(cmp(decimal('10'), decimal('9.999'))).toBe(1);
    expect(isZero(decimal('-0.00'))).toBe(true);
    expect(abs(decimal('-3.20'))).toEqual(decimal('3.20'));
    expect(neg(fromUnits(5n, 1))).toEqual({ units: -5n, scale: 1 });
  });
});

describe('decimal: properties', () => {
  forAll('parse then print gives back the canonical text', (g) => {
    const text = g.text();
    expect(toFixedString(decimal(text))).toBe(text);
  });

  forAll('print then parse gives back the value and the scale', (g) => {
    const d = g.decimal();
    const back = decimal(toFixedString(d));
    expect(back.scale).toBe(d.scale);
    expect(refCmp(back, d)).toBe(0);
  });

  forAll('grouped text without its commas is the plain text', (g) => {
    const d = g.decimal();
    const grouped = toGroupedString(d);
    expect(grouped.replaceAll(',', '')).toBe(toFixedString(d));
    const int = grouped.replace(/^-/, '').split('.')[0];
    expect(int).toMatch(/^\d{1,3}(,\d{3})*$/);
  });

  forAll('add and sub are exact: (a + b) − b = a, a + b = b + a, a − a = 0', (g) => {
    const a = g.decimal();
    const b = g.decimal();
    expect(refCmp(sub(add(a, b), b), a)).toBe(0);
    expect(add(a, b)).toEqual(add(b, a));
    expect(isZero(sub(a, a))).toBe(true);
    expect(add(a, b).scale).toBe(Math.max(a.scale, b.scale));
  });

  forAll('add is associative and sum is the fold of add', (g) => {
    const xs = Array.from({ length: g.int(0, 8) }, () => g.decimal());
    const left = xs.reduce((acc, x) => add(acc, x), decimal('0'));
    const right = xs.reduceRight((acc, x) => add(x, acc), decimal('0'));
    expect(refCmp(left, right)).toBe(0);
    expect(refCmp(sum(xs), left)).toBe(0);
  });

  forAll('cmp agrees with the rationals and with the sign of the difference', (g) => {
    const a = g.decimal();
    const b = g.int(0, 5) === 0 ? rescale(a, a.scale + g.int(0, 3)) : g.decimal();
    const c = cmp(a, b);
    expect(c).toBe(refCmp(a, b));
    expect(cmp(b, a) + c).toBe(0);
    const d = sub(a, b).units;
    expect(c).toBe(d < 0n ? -1 : d > 0n ? 1 : 0);
  });

  forAll('normalize and rescale change the scale, never the value', (g) => {
    const a = g.decimal();
    const n = normalize(a);
    expect(refCmp(n, a)).toBe(0);
    expect(n.scale === 0 || n.units % 10n !== 0n).toBe(true);
    expect(refCmp(rescale(a, a.scale + g.int(0, 4)), a)).toBe(0);
  });

  forAll('rounding to fewer decimals is half away from zero and within half a unit', (g) => {
    const a = g.decimal();
    const scale = g.int(0, Math.max(0, a.scale));
    const r = decimal(toFixedString(a, scale));
    expect(r.scale).toBe(scale);
    // |a − r| ≤ ½ · 10^−scale, i.e. 2·|a − r|·10^scale ≤ 1, on the rationals.
    const diff = sub(a, r);
    const twice = abs(diff).units * 2n * 10n ** BigInt(scale);
    const one = 10n ** BigInt(diff.scale);
    expect(twice <= one).toBe(true);
    // A tie goes away from zero: |r| > |a|.
    if (twice === one) expect(refCmp(abs(r), abs(a))).toBe(1);
    // Rounding is odd-symmetric: round(−a) = −round(a).
    expect(refCmp(decimal(toFixedString(neg(a), scale)), neg(r))).toBe(0);
  });

  forAll('div is the quotient rounded half away from zero', (g) => {
    const a = g.decimal();
    let b = g.decimal();
    if (isZero(b)) b = decimal('1');
    const scale = g.int(0, 6);
    const q = div(a, b, scale);
    // Exact: a/b − q·10^−scale has |…| ≤ ½ ulp. In integers: |a·10^(scale+bs) − q·b·10^as| · 2 ≤ |b·10^as|.
    const num = a.units * 10n ** BigInt(scale + b.scale);
    const den = b.units * 10n ** BigInt(a.scale);
    const err = num - q.units * den;
    const absErr2 = (err < 0n ? -err : err) * 2n;
    const absDen = den < 0n ? -den : den;
    expect(absErr2 <= absDen).toBe(true);
    if (absErr2 === absDen) expect(q.units < 0n === (num < 0n !== den < 0n)).toBe(true);
  });

  forAll('mul agrees with bigint arithmetic and has 1 as identity', (g) => {
    const a = g.decimal();
    const b = g.decimal();
    const p = mul(a, b);
    expect(p.units).toBe(a.units * b.units);
    expect(refCmp(mul(a, decimal('1.00')), a)).toBe(0);
    expect(refCmp(mulInt(a, 3n), sum([a, a, a]))).toBe(0);
  });
});
