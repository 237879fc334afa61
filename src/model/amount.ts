import { parseDecimal, type Decimal } from './decimal.ts';

// Reading printed amounts. Documents print "7,250,557.36", "1 070.62", full-width "１２.５", "0", "0.00",
// "--" and blanks. Blank means "nothing printed" (null); "--", "－", "—" mean zero as printed.

const FULLWIDTH = /[０-９．，－]/g;

function halfWidth(s: string): string {
  return s.replace(FULLWIDTH, (c) => {
    if (c === '．') return '.';
    if (c === '，') return ',';
    if (c === '－') return '-';
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
}

const DASH_ZERO = /^[-－—–]{1,2}$/;
// Groups of three after the first group, however long the first group is: 上海's 2026 tables print
// "125360,898" for 125,360,898 (only the last separator survives their export).
const AMOUNT = /^[-+]?(?:\d+(?:[, ]\d{3})+|\d+)(?:\.\d+)?$/;

export interface ParsedAmount {
  /** Exact value, or null for a blank cell. */
  value: Decimal | null;
  decimals: number;
}

/**
 * Parses a printed amount cell. Returns undefined when the text is not an amount at all (a label, a code),
 * so that callers can tell "blank" (value null) from "not a number".
 */
export function parseAmount(text: string): ParsedAmount | undefined {
  const t = halfWidth(text).trim();
  if (t === '') return { value: null, decimals: 0 };
  if (DASH_ZERO.test(t)) return { value: { units: 0n, scale: 0 }, decimals: 0 };
  if (!AMOUNT.test(t)) return undefined;
  const plain = t.replace(/[, ]/g, '');
  const d = parseDecimal(plain);
  if (!d) return undefined;
  return { value: d, decimals: d.scale };
}

export function isAmountText(text: string): boolean {
  const p = parseAmount(text);
  return p !== undefined && p.value !== null;
}
