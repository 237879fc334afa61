import { abs, cmp, div, isZero, mulInt, parseDecimal, sub, toFixedString, type Decimal } from '../model/decimal.ts';

// How the narrative prints numbers: amounts in the table's unit with two decimals ("289.70万元"), shares
// and rates computed exactly and rounded half away from zero to two decimals for print only ("63.86%",
// "100%"), and direction words that follow the sign of the exact difference, never a template's "增加（减少）".

export const MISSING = (what: string): string => `【请填写${what}】`;

/** Never rounds an amount: a value printed with three decimals keeps them. */
export function amountText(d: Decimal, unit: string | null): string {
  return `${toFixedString(d, Math.max(2, d.scale))}${unit ?? '万元'}`;
}

/** part / whole as a percentage with two decimals, trailing ".00" dropped; null when the whole is zero. */
export function percentText(part: Decimal, whole: Decimal): string | null {
  if (isZero(whole)) return null;
  const p = div(mulInt(part, 100n), whole, 2);
  const text = toFixedString(p, 2).replace(/\.00$/, '');
  return `${text}%`;
}

export function dec(text: string | null | undefined): Decimal | null {
  if (text == null || text === '') return null;
  return parseDecimal(String(text).replace(/,/g, ''));
}

export interface Change {
  sentence: string;
  direction: 'up' | 'down' | 'same';
}

/**
 * "与上年相比，增加12.65万元，增长4.57%" from this year's and last year's exact figures. The words follow the
 * sign; an unchanged figure says 持平; a zero base prints the amount without a growth rate.
 */
export function changeText(current: Decimal, prior: Decimal, unit: string | null): Change {
  const diff = sub(current, prior);
  const c = cmp(diff, { units: 0n, scale: 0 });
  if (c === 0) return { sentence: '与上年持平', direction: 'same' };
  const up = c > 0;
  const rate = percentText(abs(diff), abs(prior));
  const amount = amountText(abs(diff), unit);
  const sentence = `与上年相比，${up ? '增加' : '减少'}${amount}${rate ? `，${up ? '增长' : '下降'}${rate}` : ''}`;
  return { sentence, direction: up ? 'up' : 'down' };
}

/** "决算数大于年初预算数" — the comparison word follows the exact values. */
export function compareWord(actual: Decimal, budget: Decimal): '大于' | '小于' | '等于' {
  const c = cmp(actual, budget);
  return c > 0 ? '大于' : c < 0 ? '小于' : '等于';
}
