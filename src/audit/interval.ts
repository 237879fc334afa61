import {
  add,
  cmp,
  div,
  fromUnits,
  mul,
  neg,
  parseDecimal,
  sub,
  toFixedString,
  type Decimal,
} from '../model/decimal.ts';

// Rounding by intervals (domain.md §6). A value printed with d decimals stands for every true value that
// rounds to it: [v − ½·10^-d, v + ½·10^-d]. A relation between printed values is violated only when no
// choice of true values inside their intervals satisfies it. All bounds are exact decimals (bigint).
//
// Boundaries: a true value exactly on a boundary rounds to one side only, whatever the rounding mode, so two
// intervals that merely touch do not explain a difference ("1.00" and "1.01" can never print the same
// quantity). Overlap tests are therefore strict for intervals of positive width; an exact value (width 0,
// e.g. a stated "100%") is tested by closed containment.

export interface Interval {
  readonly lo: Decimal;
  readonly hi: Decimal;
}

const HALF = (d: number): Decimal => fromUnits(5n, d + 1);

/** The interval a printed value with `decimals` decimals stands for. */
export function printed(value: Decimal, decimals: number): Interval {
  const h = HALF(decimals);
  return { lo: sub(value, h), hi: add(value, h) };
}

export function exact(value: Decimal): Interval {
  return { lo: value, hi: value };
}

export function isPoint(a: Interval): boolean {
  return cmp(a.lo, a.hi) === 0;
}

export function plus(a: Interval, b: Interval): Interval {
  return { lo: add(a.lo, b.lo), hi: add(a.hi, b.hi) };
}

export function minus(a: Interval, b: Interval): Interval {
  return { lo: sub(a.lo, b.hi), hi: sub(a.hi, b.lo) };
}

export function total(xs: readonly Interval[]): Interval {
  return xs.reduce(plus, exact(fromUnits(0n, 0)));
}

/** Multiplies by 10^n exactly (unit conversion 万元 → 元 is n = 4). */
export function shift(a: Interval, n: number): Interval {
  const k = fromUnits(10n ** BigInt(n), 0);
  return { lo: mul(a.lo, k), hi: mul(a.hi, k) };
}

/** Can the two printed quantities be the same true value? */
export function mayEqual(a: Interval, b: Interval): boolean {
  if (isPoint(a)) return cmp(b.lo, a.lo) <= 0 && cmp(a.lo, b.hi) <= 0;
  if (isPoint(b)) return cmp(a.lo, b.lo) <= 0 && cmp(b.lo, a.hi) <= 0;
  return cmp(a.lo, b.hi) < 0 && cmp(b.lo, a.hi) < 0;
}

/** Can a be larger than b (strictly) for some true values? */
export function mayExceed(a: Interval, b: Interval): boolean {
  return cmp(a.hi, b.lo) > 0;
}

/** Is a larger than b for every choice of true values? */
export function surelyExceeds(a: Interval, b: Interval): boolean {
  const c = cmp(a.lo, b.hi);
  // touching boundaries cannot both be taken (see above), unless one side is exact
  return c > 0 || (c === 0 && !isPoint(a) && !isPoint(b));
}

const HUNDRED = fromUnits(100n, 0);

/** a·c < b·d, exactly. */
function lt(a: Decimal, c: Decimal, b: Decimal, d: Decimal): boolean {
  return cmp(mul(a, c), mul(b, d)) < 0;
}
function le(a: Decimal, c: Decimal, b: Decimal, d: Decimal): boolean {
  return cmp(mul(a, c), mul(b, d)) <= 0;
}

/**
 * Can 100·num/den fall inside the percentage interval `pct`, for some num ∈ num, den ∈ den? Needs num ≥ 0 and
 * den > 0 throughout (a share or a completion rate); returns true (cannot judge) otherwise. The quotient over a
 * box is the interval [100·num.lo/den.hi, 100·num.hi/den.lo]; the test cross-multiplies so it stays exact.
 */
export function ratioMayEqual(num: Interval, den: Interval, pct: Interval): boolean {
  if (num.lo.units < 0n || den.lo.units <= 0n) return true;
  const strict = !isPoint(pct) || !isPoint(num) || !isPoint(den);
  // lower end of the quotient range below pct.hi, and upper end above pct.lo
  const a = strict ? lt(HUNDRED, num.lo, pct.hi, den.hi) : le(HUNDRED, num.lo, pct.hi, den.hi);
  const b = strict ? lt(pct.lo, den.lo, HUNDRED, num.hi) : le(pct.lo, den.lo, HUNDRED, num.hi);
  return a && b;
}

/**
 * Can a stated change and growth rate agree with the current amount? For an increase the base is current − change,
 * the rate change/(current − change) rises with the change and falls with the current amount; for a decrease the
 * base is current + change, rate change/(current + change). The extreme rates sit at the corners of the box, so the
 * achievable range is exact (the correlation through the shared change is kept).
 */
export function growthMayEqual(current: Interval, change: Interval, pct: Interval, increase: boolean): boolean {
  if (change.lo.units < 0n || current.lo.units < 0n) return true;
  // rate range [change.lo / base(current.hi, change.lo), change.hi / base(current.lo, change.hi)]
  const baseLo = increase ? sub(current.hi, change.lo) : add(current.hi, change.lo);
  const baseHi = increase ? sub(current.lo, change.hi) : add(current.lo, change.hi);
  if (baseLo.units <= 0n) return true;
  // rate lower end: 100·change.lo / baseLo < pct.hi
  const lowOk = lt(HUNDRED, change.lo, pct.hi, baseLo);
  // rate upper end: 100·change.hi / baseHi > pct.lo (baseHi ≤ 0 means unbounded growth: always ok)
  const highOk = baseHi.units <= 0n || lt(pct.lo, baseHi, HUNDRED, change.hi);
  return lowOk && highOk;
}

/** 100·a/b rounded to `scale` decimals, for display in messages only. */
export function percentText(a: Decimal, b: Decimal, scale = 2): string | null {
  if (b.units === 0n) return null;
  return toFixedString(div(mul(a, HUNDRED), b, scale));
}

export function negate(a: Interval): Interval {
  return { lo: neg(a.hi), hi: neg(a.lo) };
}

export function dec(text: string): Decimal {
  const d = parseDecimal(text);
  if (!d) throw new Error(`not a decimal: ${text}`);
  return d;
}
