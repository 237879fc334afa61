import { parseDecimal, type Decimal } from './decimal.ts';
import type { Cell, Disclosure, Row, Table } from './disclosure.ts';

// Read access to the model by meaning: tables by canonical key, rows by code or item, cells by column key.
// Audit rules, the narrative writer and renderers use these instead of walking arrays by position.

export function tablesByKey(d: Disclosure, key: string): Table[] {
  return d.tables.filter((t) => t.key === key);
}

/** The first table with this key (documents occasionally print a table twice). */
export function tableByKey(d: Disclosure, key: string): Table | undefined {
  return d.tables.find((t) => t.key === key);
}

export function rowByCode(t: Table, code: string, section?: string): Row | undefined {
  return t.rows.find((r) => r.code === code && (section === undefined || r.section === section));
}

export function rowByItem(t: Table, item: string): Row | undefined {
  return t.rows.find((r) => r.item === item);
}

/** The table's total line (合计), when printed. */
export function totalRow(t: Table, section?: string): Row | undefined {
  return t.rows.find((r) => r.kind === 'total' && (section === undefined || r.section === section));
}

export function cellOf(row: Row, column: string): Cell | undefined {
  return row.cells.find((c) => c.column === column);
}

/** Exact value of a cell; null when blank or absent. */
export function valueOf(row: Row | undefined, column: string): Decimal | null {
  if (!row) return null;
  const c = cellOf(row, column);
  return c?.value == null ? null : parseDecimal(c.value);
}

/** Coded rows of one classification level (类/款/项). */
export function codedRows(t: Table, level?: '类' | '款' | '项'): Row[] {
  return t.rows.filter((r) => r.kind === 'code' && (level === undefined || r.level === level));
}

export function hasColumn(t: Table, column: string): boolean {
  return t.columns.some((c) => c.key === column);
}
