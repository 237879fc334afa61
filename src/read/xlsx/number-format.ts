import { parseDecimal, toFixedString, toGroupedString, type Decimal } from '../../model/decimal.ts';

// Spreadsheet numbers arrive as binary doubles (exceljs and SheetJS both give JS numbers). Excel itself keeps
// 15 significant digits, so a stored 289.70000000000005 is the 289.7 the author typed or computed. This module
// turns such a double into exact decimal text once, at the reader boundary, and renders the display text the
// cell's number format shows ("#,##0.00" → "7,250,557.36"), so the rest of Caijian never sees a float.

/** The decimal a spreadsheet means by this double: 15 significant digits, shortest form, never exponent notation. */
export function doubleToDecimalText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return '0';
  const shortest = String(Number(n.toPrecision(15)));
  return expandExponent(shortest);
}

function expandExponent(text: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, lead, frac = '', expText] = m;
  const exp = Number(expText);
  const digits = lead + frac;
  const point = 1 + exp; // position of the decimal point within `digits`
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`.replace(/0+$/, '');
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

interface NumberSection {
  prefix: string;
  suffix: string;
  decimals: number;
  grouping: boolean;
  percent: boolean;
  /** The section prints its own sign (a negative section like "(#,##0.00)" or "-0.00"). */
  ownSign: boolean;
}

/** Splits "a;b;c" on semicolons outside quotes and brackets. */
function splitSections(format: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '\\' && !quoted) {
      current += ch + (format[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (ch === '[' && !quoted) bracket = true;
    else if (ch === ']' && !quoted) bracket = false;
    if (ch === ';' && !quoted && !bracket) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** Literal text of a format fragment: quoted strings and escapes kept, colour/locale tags and padding dropped. */
function literal(fragment: string): string {
  let out = '';
  for (let i = 0; i < fragment.length; i++) {
    const ch = fragment[i];
    if (ch === '"') {
      const end = fragment.indexOf('"', i + 1);
      out += fragment.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? fragment.length : end;
    } else if (ch === '\\') {
      out += fragment[i + 1] ?? '';
      i++;
    } else if (ch === '[') {
      const end = fragment.indexOf(']', i);
      const tag = fragment.slice(i + 1, end < 0 ? undefined : end);
      // [$¥-804] carries a currency symbol before the locale; colours like [Red] print nothing.
      if (tag.startsWith('$')) out += tag.slice(1).split('-')[0];
      i = end < 0 ? fragment.length : end;
    } else if (ch === '_' || ch === '*') {
      i++; // "_)" reserves the width of ")", "*-" fills: neither prints a character of its own
    } else out += ch;
  }
  return out;
}

function parseSection(section: string): NumberSection | null {
  // The numeric part runs from the first digit placeholder to the last one (with , . in between).
  const stripped = section.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, (m) => ' '.repeat(m.length));
  const first = stripped.search(/[0#?]/);
  if (first < 0) return null;
  let last = first;
  for (let i = first; i < stripped.length; i++) if (/[0#?.,]/.test(stripped[i])) last = i;
  const numeric = stripped.slice(first, last + 1);
  const point = numeric.indexOf('.');
  const intPart = point < 0 ? numeric : numeric.slice(0, point);
  const fracPart = point < 0 ? '' : numeric.slice(point + 1);
  const prefix = literal(section.slice(0, first));
  const suffix = literal(section.slice(last + 1));
  return {
    prefix,
    suffix,
    decimals: (fracPart.match(/[0#?]/g) ?? []).length,
    grouping: /[0#?],[0#?]/.test(intPart),
    percent: section.replace(/"[^"]*"|\\./g, '').includes('%'),
    ownSign: /[-(]/.test(prefix),
  };
}

export interface FormattedNumber {
  /** What a person sees in the cell. */
  text: string;
  /**
   * Exact decimal text of the value (in percent for a percent format), at least at the scale the format
   * shows; undefined for a date, whose serial number is no amount.
   */
  raw: string | undefined;
  /** Decimals the format shows (null for General / text formats). */
  decimals: number | null;
}

/** Excel's day serial (1900 date system, as Office writes by default) as an ISO date. */
function serialDate(serial: number): string | null {
  if (!(serial >= 1 && serial < 2958466)) return null;
  // Day 0 is 1899-12-30 once Excel's phantom 1900-02-29 is accounted for (serials from 61 on).
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(bare) && !/[0#?]/.test(bare.replace(/[ymdhs]/gi, ''));
}

/** Text of a numeric cell as its number format displays it, with the exact raw value beside it. */
export function formatNumber(value: number, numFmt?: string): FormattedNumber {
  const rawText = doubleToDecimalText(value);
  const raw = parseDecimal(rawText);
  if (numFmt && isDateFormat(numFmt)) return { text: serialDate(value) ?? rawText, raw: undefined, decimals: null };
  if (!raw || !numFmt || /^(general|@)$/i.test(numFmt.trim())) {
    return { text: rawText, raw: rawText, decimals: null };
  }
  const sections = splitSections(numFmt);
  const negative = raw.units < 0n;
  const zero = raw.units === 0n;
  let sectionText = sections[0];
  if (negative && sections.length >= 2 && sections[1].trim()) sectionText = sections[1];
  else if (zero && sections.length >= 3) sectionText = sections[2];
  const section = parseSection(sectionText);
  if (!section) {
    // A section without digits ("-" for zero in accounting formats) prints its literal only.
    return { text: literal(sectionText).trim() || rawText, raw: rawText, decimals: null };
  }
  let shown: Decimal = raw;
  if (section.percent) shown = { units: raw.units, scale: raw.scale - 2 };
  if (shown.scale < 0) shown = { units: shown.units * 10n ** BigInt(-shown.scale), scale: 0 };
  const usesOwnSign = sectionText !== sections[0] || section.ownSign;
  if (negative && usesOwnSign) shown = { units: -shown.units, scale: shown.scale };
  const digits = section.grouping ? toGroupedString(shown, section.decimals) : toFixedString(shown, section.decimals);
  const text = (section.prefix + digits + section.suffix).trim();

  // Keep the printed scale in raw: 289.7 shown as "289.70" is the value 289.70 (domain: printed precision matters).
  // A percent cell's raw is in percent, the unit it prints in (0.0457 under "0.00%" → text "4.57%", raw "4.57"),
  // so that raw and text never differ by a factor of 100 downstream.
  const exact = section.percent ? { units: raw.units, scale: raw.scale - 2 } : raw;
  const exactNorm = exact.scale < 0 ? { units: exact.units * 10n ** BigInt(-exact.scale), scale: 0 } : exact;
  const rawOut = toFixedString(exactNorm, Math.max(exactNorm.scale, section.decimals));
  return { text, raw: rawOut, decimals: section.decimals };
}
