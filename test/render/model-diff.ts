import type { Disclosure, Row, Table } from '../../src/model/disclosure.ts';
import { parseDecimal, cmp } from '../../src/model/decimal.ts';

// What "the same model" means for a round trip: the same tables (key, title, unit, status) with the same rows
// (kind, section, code, label, item, line number) and the same cells (column, exact value). Places differ by
// format and are not compared; cell text may differ in grouping ("1,910.50" vs "1910.50") but not in value.

function sameValue(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  return !!x && !!y && cmp(x, y) === 0;
}

function rowKey(r: Row): string {
  return [r.kind, r.section ?? '', r.code ?? '', r.item ?? '', r.lineNo ?? ''].join('|');
}

export function rowDiff(a: Row, b: Row, where: string): string[] {
  const out: string[] = [];
  if (rowKey(a) !== rowKey(b)) out.push(`${where}: row ${rowKey(a)} ≠ ${rowKey(b)}`);
  if ((a.label ?? '') !== (b.label ?? ''))
    out.push(`${where}: label ${JSON.stringify(a.label)} ≠ ${JSON.stringify(b.label)}`);
  const cols = new Set([...a.cells.map((c) => c.column), ...b.cells.map((c) => c.column)]);
  for (const col of cols) {
    const x = a.cells.find((c) => c.column === col)?.value ?? null;
    const y = b.cells.find((c) => c.column === col)?.value ?? null;
    if (!sameValue(x, y)) out.push(`${where} ${col}: ${x} ≠ ${y}`);
  }
  return out;
}

export function tableDiff(a: Table, b: Table | undefined): string[] {
  if (!b) return [`table ${a.key} (${a.title}) missing`];
  const out: string[] = [];
  const where = `${a.key}`;
  if (a.unit !== b.unit) out.push(`${where}: unit ${a.unit} ≠ ${b.unit}`);
  if (a.status !== b.status) out.push(`${where}: status ${a.status} ≠ ${b.status}`);
  const cols = (t: Table) => t.columns.map((c) => `${c.section ?? ''}:${c.key}`).join(',');
  if (cols(a) !== cols(b)) out.push(`${where}: columns ${cols(a)} ≠ ${cols(b)}`);
  if (a.rows.length !== b.rows.length) out.push(`${where}: ${a.rows.length} rows ≠ ${b.rows.length}`);
  const n = Math.min(a.rows.length, b.rows.length);
  for (let i = 0; i < n; i++) out.push(...rowDiff(a.rows[i], b.rows[i], `${where} row ${i}`));
  return out;
}

/** Differences between two models' tables, matched in order. Empty when the tables are the same. */
export function modelDiff(a: Disclosure, b: Disclosure): string[] {
  const out: string[] = [];
  if (a.kind !== b.kind) out.push(`kind ${a.kind} ≠ ${b.kind}`);
  if (a.fiscalYear !== b.fiscalYear) out.push(`year ${a.fiscalYear} ≠ ${b.fiscalYear}`);
  if (a.tables.length !== b.tables.length) out.push(`${a.tables.length} tables ≠ ${b.tables.length}`);
  // Tables are matched by key and occurrence (the second "unknown" with the second), so one lost table
  // is reported once instead of shifting every table after it.
  const seen = new Map<string, number>();
  for (const t of a.tables) {
    const n = seen.get(t.key) ?? 0;
    seen.set(t.key, n + 1);
    out.push(...tableDiff(t, b.tables.filter((x) => x.key === t.key)[n]));
  }
  return out;
}
