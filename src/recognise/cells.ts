import { parseAmount } from '../model/amount.ts';
import type { GridCell } from '../model/layout.ts';
import { squash } from '../templates/normalize.ts';

// What a single printed cell is: an amount, a classification code, a label, a line number or nothing.

const HAS_CJK = /[\u4e00-\u9fa5]/;

export function isBlank(c: GridCell | undefined): boolean {
  return !c || c.text.trim() === '';
}

/** A cell printing an amount (not blank). "--" counts: it prints zero. */
export function isAmountCell(c: GridCell | undefined): boolean {
  if (!c) return false;
  const p = parseAmount(c.text);
  return p !== undefined && p.value !== null;
}

/** Text that reads as a label (contains Chinese or Latin letters and is not an amount). */
export function isLabelText(text: string): boolean {
  const t = text.trim();
  if (!t || /^[-—–*＊]+$/.test(t)) return false;
  if (parseAmount(t) !== undefined) return false;
  return HAS_CJK.test(t) || /[A-Za-z]/.test(t);
}

/** A printed classification code, possibly with inner spaces ("20132 99"); returns the digits. */
export function codeDigits(text: string): string | undefined {
  const t = text.trim();
  if (/^[1-9]\d{2}(?:\s?\d{2}){0,2}$/.test(t)) return t.replace(/\s/g, '');
  return undefined;
}

/** Budget unit codes print as "038" / "038001" (they start with 0, classification codes never do). */
export function unitCode(text: string): string | undefined {
  const t = text.trim();
  return /^0\d{2}(\d{3}){0,2}$/.test(t) ? t : undefined;
}

const TOTAL_LABEL = /^(合计|总计|合计:?|总计:?)$/;

export function isTotalLabel(text: string): boolean {
  return TOTAL_LABEL.test(squash(text));
}

/** The 栏次 line: column numbers 1..n (sometimes with a typo) or "栏次". */
export function isColumnNumberRow(cells: GridCell[]): boolean {
  const texts = cells.map((c) => squash(c.text)).filter((t) => t !== '' && t !== '**');
  if (texts.length === 0) return cells.some((c) => c.text.includes('**'));
  if (texts.some((t) => /^栏次/.test(t)))
    return texts.every((t) => /^栏次|^\d{1,2}$|^(合计|类|款|项)$|^栏次合计$/.test(t));
  // "类 | 款 | 项 | 1 | 2 | 3 …": the code-column captions printed on the 栏次 line.
  const numeric = texts.filter((t) => !/^(类|款|项)$/.test(t));
  if (!numeric.every((t) => /^\d{1,2}$/.test(t))) return false;
  const nums = numeric.map(Number);
  let ascending = 0;
  for (let i = 1; i < nums.length; i++) if (nums[i] === nums[i - 1] + 1) ascending++;
  return nums.length >= 3 && ascending >= (nums.length - 1) * 0.6;
}

/** Joins a label wrapped inside its cell: a space between two Chinese characters is a line break, not text. */
export function joinWrapped(text: string): string {
  return text.trim().replace(/(?<=[\u4e00-\u9fa5）)])\s+(?=[\u4e00-\u9fa5（(])/g, '');
}
