// The neutral form of one worksheet that both workbook libraries (exceljs for .xlsx, SheetJS for .xls) are
// reduced to, so that turning a sheet into layout blocks is written once. Rows and columns are 1-based as in A1.

import type { ReadWarning } from '../../model/layout.ts';

export interface SheetCell {
  row: number;
  col: number;
  /** Display text (what a person sees), line breaks inside the cell kept as "\n". */
  text: string;
  /** Exact decimal text when the cell holds a number. */
  raw?: string;
}

export interface SheetMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetData {
  name: string;
  /** Non-empty cells only; cells covered by a merge are not listed (the merge's top-left cell holds the value). */
  cells: SheetCell[];
  merges: SheetMerge[];
  /** Rows and columns hidden in the sheet: not printed, so not read (the reader warns how many). */
  hiddenRows?: ReadonlySet<number>;
  hiddenCols?: ReadonlySet<number>;
}

/** The warning for a sheet's hidden rows and columns, or null when none holds anything. */
export function hiddenWarning(sheet: SheetData): Omit<ReadWarning, 'place'> | null {
  const rows = new Set<number>();
  const cols = new Set<number>();
  for (const c of sheet.cells) {
    if (sheet.hiddenRows?.has(c.row)) rows.add(c.row);
    else if (sheet.hiddenCols?.has(c.col)) cols.add(c.col);
  }
  if (rows.size === 0 && cols.size === 0) return null;
  return {
    code: 'hidden-cells',
    message: `工作表“${sheet.name}”中隐藏的 ${rows.size} 行、${cols.size} 列有内容，打印时不显示，未读取。`,
    messageEn: `Worksheet "${sheet.name}" has content in ${rows.size} hidden rows and ${cols.size} hidden columns; they do not print and were not read.`,
  };
}

export function columnName(col: number): string {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function cellAddress(row: number, col: number): string {
  return `${columnName(col)}${row}`;
}

/** "B3" → { row: 3, col: 2 }; "$B$3" accepted. */
export function parseAddress(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** "A1:C2" → merge; a single cell "A1" is not a merge. */
export function parseRange(range: string): SheetMerge | null {
  const [a, b] = range.split(':');
  if (!b) return null;
  const p = parseAddress(a);
  const q = parseAddress(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}
