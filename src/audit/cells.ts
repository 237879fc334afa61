import { parseDecimal, type Decimal } from '../model/decimal.ts';
import type { AmountUnit, Cell, Disclosure, Row, Table } from '../model/disclosure.ts';
import { cellOf } from '../model/query.ts';
import { printed, shift, type Interval } from './interval.ts';
import type { FindingPlace } from './types.ts';

// Table cells as intervals, and the places findings point at. Rules go through these helpers so that every
// numeric rule uses the same precision and the same notion of "blank".

const precisionCache = new WeakMap<Table, number>();

/**
 * The decimals a table prints (its dominant precision). Software exports drop trailing zeros ("178,307" in a
 * 2-decimal 元 table means 178307.00), so a cell's precision is max(its printed decimals, this).
 */
export function tablePrecision(t: Table): number {
  const hit = precisionCache.get(t);
  if (hit !== undefined) return hit;
  const counts = new Map<number, number>();
  for (const r of t.rows)
    for (const c of r.cells) {
      if (c.value === null || c.decimals === 0) continue;
      counts.set(c.decimals, (counts.get(c.decimals) ?? 0) + 1);
    }
  let best = 0;
  let bestCount = 0;
  for (const [d, n] of counts) if (n > bestCount || (n === bestCount && d < best)) [best, bestCount] = [d, n];
  precisionCache.set(t, best);
  return best;
}

/** Characters a spreadsheet's General number format fits a value into (default column width). */
const GENERAL_WIDTH = 11;

const widthCache = new WeakMap<Table, number>();

/**
 * The most characters an unformatted amount (no thousands separators) prints in the table: General-format cells
 * narrower than 11 characters round to their width (西安 2022 科技局 p53: "47137884.3" and "3601018.22" fill their
 * cells; the first stands for 47137884.32). Only a value as wide as the widest one can have been cut.
 */
function plainWidth(t: Table): number {
  const hit = widthCache.get(t);
  if (hit !== undefined) return hit;
  let w = 0;
  for (const r of t.rows)
    for (const c of r.cells) {
      if (c.value === null || /[,，]/.test(c.text)) continue;
      w = Math.max(w, c.text.trim().replace(/^-/, '').length);
    }
  widthCache.set(t, w);
  return w;
}

export function cellPrecision(t: Table, c: Cell | undefined): number {
  const table = tablePrecision(t);
  // A General-format export drops trailing zeros, but it also rounds a number whose full text would not fit in 11
  // characters ("786781502.82" prints "786781502.8", 西安 2022 一般公共预算支出明细表 p46; "535987052.43" prints
  // "535987052.4", 西安 2021 收支总表 p39): such a cell stands only for the decimals it prints.
  if (c && c.value !== null && c.decimals < table && !/[,，]/.test(c.text)) {
    const intDigits = c.value.replace(/^-/, '').split('.')[0].length;
    const printedChars = intDigits + (c.decimals > 0 ? 1 + c.decimals : 0);
    const width = Math.min(GENERAL_WIDTH, plainWidth(t));
    if (intDigits + 1 + table > width && printedChars <= width) return c.decimals;
  }
  return Math.max(c?.decimals ?? 0, table);
}

export interface CellValue {
  /** Exact printed value; 0 for a blank cell. */
  value: Decimal;
  interval: Interval;
  cell: Cell | undefined;
  blank: boolean;
}

const ZERO: Decimal = { units: 0n, scale: 0 };

/**
 * A cell as an interval. A blank cell reads as zero at the table's precision (documents leave zero lines blank);
 * undefined when the row has no such column at all and the table has no such column either.
 */
export function cellValue(t: Table, row: Row, column: string): CellValue | undefined {
  const c = cellOf(row, column);
  if (!c && !t.columns.some((k) => k.key === column && (k.section === undefined || k.section === row.section)))
    return undefined;
  const v = c?.value != null ? parseDecimal(c.value) : null;
  const value = v ?? ZERO;
  return { value, interval: printed(value, cellPrecision(t, c)), cell: c, blank: v === null };
}

export function unitOf(d: Disclosure, t: Table): AmountUnit | null {
  return t.unit ?? d.unit;
}

/** Shifts an interval so two tables in different units compare in 元. */
export function toCommonUnit(iv: Interval, from: AmountUnit | null, other: AmountUnit | null): Interval {
  return from === '万元' && other === '元' ? shift(iv, 4) : iv;
}

export function rowName(r: Row): string {
  return r.code ?? ((r.label && tidy(r.label)) || r.item || (r.kind === 'total' ? '合计' : ''));
}

export function tablePlace(t: Table): FindingPlace {
  return { table: t.key, tableTitle: t.title, row: null, column: null, source: t.place };
}

export function rowPlace(t: Table, r: Row): FindingPlace {
  return { table: t.key, tableTitle: t.title, row: rowName(r), column: null, source: r.place };
}

export function cellPlace(t: Table, r: Row, column: string): FindingPlace {
  const c = cellOf(r, column);
  return { table: t.key, tableTitle: t.title, row: rowName(r), column, source: c?.place ?? r.place };
}

/**
 * The column of this key, on the row's side of a two-sided table (收支总表: 收入 | 支出 share their column keys): the
 * one of that section, else the first of the key.
 */
export function columnOf(t: Table, column: string, section?: string): Table['columns'][number] | undefined {
  return (
    t.columns.find(
      (c) => c.key === column && (section === undefined || c.section === undefined || c.section === section),
    ) ?? t.columns.find((c) => c.key === column)
  );
}

/** Column label as printed, for messages. */
export function columnLabel(t: Table, column: string, section?: string): string {
  return columnOf(t, column, section)?.label ?? column;
}

/** Row label for messages: "2101501 行政运行", "本年收入合计". */
/** Spaces printed inside Chinese words ("合 计", "本 年 收 入 合 计") are layout, not text. */
export function tidy(s: string): string {
  return s.replace(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g, '');
}

export function rowLabel(r: Row): string {
  return [r.code, r.label && tidy(r.label)].filter(Boolean).join(' ') || r.item || (r.kind === 'total' ? '合计' : '');
}

/** A column whose header names codes or names (科目编码, 科目名称, 项目), not amounts. */
const LABEL_COLUMN = /科目|编码|名称|^项目$|代码/;

function isLabelColumn(t: Table, key: string): boolean {
  const c = t.columns.find((k) => k.key === key);
  return !!c && key.startsWith('col:') && LABEL_COLUMN.test(c.label.replace(/\s+/g, ''));
}

/**
 * A line whose amounts sit under a code/name header (a decimal amount in “科目名称”): the reader shifted its
 * cells, so its value columns cannot be trusted. Rules do not judge such lines (table-layout reports them).
 */
export function rowMisaligned(t: Table, r: Row): boolean {
  return r.cells.some((c) => c.value !== null && c.decimals > 0 && isLabelColumn(t, c.column));
}

const misalignedCache = new WeakMap<Table, boolean>();

/** Most amounts of the table sit under code/name headers: its columns were not understood. */
export function tableMisaligned(t: Table): boolean {
  const hit = misalignedCache.get(t);
  if (hit !== undefined) return hit;
  let inLabels = 0;
  let inValues = 0;
  for (const r of t.rows)
    for (const c of r.cells) {
      if (c.value === null || c.decimals === 0) continue;
      if (isLabelColumn(t, c.column)) inLabels++;
      else inValues++;
    }
  const bad = inLabels > inValues;
  misalignedCache.set(t, bad);
  return bad;
}

/** Does a table no template knows hold amounts at all? A list of units (序号 | 单位名称), a 绩效 indicator grid
 * (指标值 4, 85, 90 with their own 计量单位) or a contents grid has numbers but no money. */
export function holdsAmounts(t: Table): boolean {
  return t.rows.some((r) => r.cells.some((c) => c.value !== null && (c.decimals > 0 || /\d,\d{3}/.test(c.text))));
}
