// Exact decimal numbers for money. Amounts are never binary floats: a value is an integer count of
// 10^-scale units held in a bigint, so 289.70 is { units: 28970n, scale: 2 }. Printed precision matters
// (domain.md §6), so the scale a value was printed with is kept, and arithmetic aligns scales exactly.

export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_TEXT = /^([+-])?(\d+)(?:\.(\d*))?$/;

/** Parses a plain decimal string ("-12.50", "7", "0.035"). Returns null when it is not one. */
export function parseDecimal(text: string): Decimal | null {
  const m = DECIMAL_TEXT.exec(text.trim());
  if (!m) return null;
  const frac = m[3] ?? '';
  const units = BigInt(m[2] + frac) * (m[1] === '-' ? -1n : 1n);
  return { units, scale: frac.length };
}

export function decimal(text: string): Decimal {
  const d = parseDecimal(text);
  if (!d) throw new Error(`not a decimal: ${text}`);
  return d;
}

export function fromUnits(units: bigint, scale: number): Decimal {
  return { units, scale };
}

export const ZERO: Decimal = { units: 0n, scale: 0 };

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** The same value expressed with a larger scale (never loses digits). */
export function rescale(d: Decimal, scale: number): Decimal {
  if (scale === d.scale) return d;
  if (scale < d.scale) throw new Error('rescale would lose digits');
  return { units: d.units * pow10(scale - d.scale), scale };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const s = Math.max(a.scale, b.scale);
  return [rescale(a, s).units, rescale(b, s).units, s];
}

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, s] = align(a, b);
  return { units: x + y, scale: s };
}

export function sub(a: Decimal, b: Decimal): Decimal {
  const [x, y, s] = align(a, b);
  return { units: x - y, scale: s };
}

export function neg(a: Decimal): Decimal {
  return { units: -a.units, scale: a.scale };
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce(add, ZERO);
}

export function cmp(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isZero(a: Decimal): boolean {
  return a.units === 0n;
}

export function abs(a: Decimal): Decimal {
  return a.units < 0n ? neg(a) : a;
}

export function mulInt(a: Decimal, k: bigint): Decimal {
  return { units: a.units * k, scale: a.scale };
}

/** a × b exactly. */
export function mul(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/**
 * a ÷ b rounded half away from zero to `scale` decimals. Division is the one place exactness ends;
 * callers that compare quotients (percentages) do so on intervals, not on this rounded value alone.
 */
export function div(a: Decimal, b: Decimal, scale: number): Decimal {
  if (b.units === 0n) throw new RangeError('division by zero');
  // a/b = (a.units / 10^a.scale) / (b.units / 10^b.scale); want result units at `scale`.
  let num = a.units * pow10(scale + b.scale);
  let den = b.units * pow10(a.scale);
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const q = num / den;
  const r = num % den;
  const twice = (r < 0n ? -r : r) * 2n;
  const rounded = twice >= den ? q + (num < 0n ? -1n : 1n) : q;
  return { units: rounded, scale };
}

/** Drops trailing zero decimals: 12.50 → 12.5 (value unchanged). */
export function normalize(a: Decimal): Decimal {
  let { units, scale } = a;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}

/** Plain text with exactly `scale` decimals ("289.70", "-0.05", "7"). */
export function toFixedString(a: Decimal, scale = a.scale): string {
  const d = scale >= a.scale ? rescale(a, scale) : div(a, { units: 1n, scale: 0 }, scale);
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, '0');
  const int = d.scale ? digits.slice(0, -d.scale) : digits;
  const frac = d.scale ? '.' + digits.slice(-d.scale) : '';
  return (negative ? '-' : '') + int + frac;
}

export function toString(a: Decimal): string {
  return toFixedString(a);
}

/** Thousands-separated display text, as the documents print amounts ("7,250,557.36"). */
export function toGroupedString(a: Decimal, scale = a.scale): string {
  const plain = toFixedString(a, scale);
  const [int, frac] = plain.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const grouped = int.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (frac !== undefined ? '.' + frac : '');
}

/** For charts and display only: never use the result for money arithmetic. */
export function toNumberForDisplay(a: Decimal): number {
  return Number(toFixedString(a));
}
