import type { Disclosure } from '../../src/model/disclosure.ts';
import { cmp, parseDecimal } from '../../src/model/decimal.ts';
import type { LoadedRecord, TruthCell, TruthTable } from './record.ts';

// Scoring of the reader against the labelled truth set (rules in test/truth/README.md). Pure functions over a
// reduced model (what the child process sends back), so that they can be tested without reading a PDF.

export interface ModelCell {
  column: string;
  value: string | null;
  page: number | null;
}
export interface ModelRow {
  code: string | null;
  label: string | null;
  page: number | null;
  cells: ModelCell[];
}
export interface ModelTable {
  key: string;
  title: string;
  page: number | null;
  rows: ModelRow[];
}
export interface ModelDoc {
  kind: string | null;
  fiscalYear: number | null;
  level: string | null;
  entity: string | null;
  tables: ModelTable[];
}

const pageOf = (p: { kind: string; page?: number }): number | null =>
  p.kind === 'pdf' && typeof p.page === 'number' ? p.page : null;

/** The reduced model: table keys and pages, rows with code/label, cells with their printed column label. */
export function reduce(d: Disclosure): ModelDoc {
  return {
    kind: d.kind,
    fiscalYear: d.fiscalYear,
    level: d.scope.level,
    entity: d.entity.name,
    tables: d.tables.map((t) => ({
      key: t.key,
      title: t.title,
      page: pageOf(t.place),
      rows: t.rows.map((r) => ({
        code: r.code ?? null,
        label: r.label,
        page: pageOf(r.place),
        cells: r.cells.map((c) => {
          // Column keys can repeat across the sections of a two-part table (收入 | 支出); the row's section picks one.
          const cols = t.columns.filter((col) => col.key === c.column);
          const col = cols.find((x) => x.section !== undefined && x.section === r.section) ?? cols[0];
          return { column: col?.label ?? c.column, value: c.value, page: pageOf(c.place) };
        }),
      })),
    })),
  };
}

/** Whitespace removed, full-width forms (brackets, colons, digits) to half-width. */
export function norm(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

export function sameValue(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  return x !== null && y !== null && cmp(x, y) === 0;
}

function columnMatches(modelLabel: string, truthColumn: string): boolean {
  // "其中：基本支出" is the 基本支出 column whichever way the reader keeps the nesting mark.
  const last = norm(truthColumn.split('/').pop() ?? truthColumn).replace(/^其中:?/, '');
  return norm(modelLabel).endsWith(last);
}

/**
 * A row label compared without a leading 其中: and its printed ordinal ("一、", "1.", "（二）", "2、"): numbering and
 * nesting marks, not the item.
 */
export function normLabel(s: string): string {
  return norm(s)
    .replace(/^其中:?/, '')
    .replace(/^(\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+[、.]|\(\d+\)|\d+[、.](?!\d))/, '');
}

function rowMatches(row: ModelRow, cell: TruthCell): boolean {
  if (cell.rowCode === null && cell.rowLabel === null) return true;
  if (cell.rowCode !== null) {
    if (row.code !== cell.rowCode) return false;
    return cell.rowLabel === null || row.label === null || normLabel(row.label) === normLabel(cell.rowLabel);
  }
  return row.label !== null && cell.rowLabel !== null && normLabel(row.label) === normLabel(cell.rowLabel);
}

export const FIGURES = [
  'tablesKeyed',
  'cellsExact',
  'cellValueInTable',
  'cellRowRight',
  'cellColumnRight',
  'entity',
  'year',
  'kind',
  'level',
] as const;
export type Figure = (typeof FIGURES)[number];
export const FIGURE_NAMES: Record<Figure, string> = {
  tablesKeyed: 'tables keyed',
  cellsExact: 'cells exact (value, row, column)',
  cellValueInTable: 'cells: value found in the table',
  cellRowRight: 'cells: row found (code / label)',
  cellColumnRight: 'cells: value under the right column',
  entity: 'entity',
  year: 'year',
  kind: 'kind (预算/决算)',
  level: 'level (部门/单位)',
};

export interface Tally {
  hit: number;
  total: number;
}
export type Tallies = Record<Figure, Tally>;
export const emptyTallies = (): Tallies => Object.fromEntries(FIGURES.map((f) => [f, { hit: 0, total: 0 }])) as Tallies;

export interface Miss {
  doc: string;
  figure: Figure;
  page: number | null;
  expected: string;
  found: string;
}

export interface DocScore {
  id: string;
  file: string;
  tallies: Tallies;
  misses: Miss[];
  /** Set when the document could not be read: everything it labels counts as missed. */
  readError?: string;
}

const show = (v: string | null) => (v === null ? '(blank)' : v);

/** The model tables a truth cell is sought in: keyed tables with a row on its page, else the nearest start page. */
function tablesFor(model: ModelDoc, key: string, page: number): ModelTable[] {
  const keyed = model.tables.filter((t) => t.key === key);
  const onPage = keyed.filter((t) => t.rows.some((r) => r.page === page || r.cells.some((c) => c.page === page)));
  if (onPage.length) return onPage;
  let best: ModelTable | undefined;
  let bestDist = Infinity;
  for (const t of keyed) {
    // Prefer a table that starts before the cell (the cell is on a continuation page) over one after it.
    const dist = t.page === null ? 1e6 : t.page <= page ? page - t.page : t.page - page + 0.5;
    if (dist < bestDist) {
      best = t;
      bestDist = dist;
    }
  }
  return best ? [best] : [];
}

/** Tables of any key with a row on the page: only to tell "digits not read" from "table not keyed". */
function tablesOnPage(model: ModelDoc, page: number): ModelTable[] {
  return model.tables.filter((t) => t.rows.some((r) => r.page === page || r.cells.some((c) => c.page === page)));
}

function describeRow(r: ModelRow): string {
  const cells = r.cells.map((c) => `${c.column}=${show(c.value)}`).join('; ');
  return `[${r.code ?? '-'}|${r.label ?? '-'}] ${cells}`;
}

export function scoreTables(doc: string, truth: TruthTable[], model: ModelDoc, tallies: Tallies, misses: Miss[]): void {
  const used = new Set<ModelTable>();
  for (const t of truth) {
    tallies.tablesKeyed.total++;
    const match = t.key.startsWith('new:')
      ? undefined
      : model.tables.find((m) => !used.has(m) && m.key === t.key && m.page !== null && Math.abs(m.page - t.page) <= 1);
    if (match) {
      used.add(match);
      tallies.tablesKeyed.hit++;
      continue;
    }
    const near = model.tables.filter((m) => m.page !== null && Math.abs(m.page - t.page) <= 1);
    misses.push({
      doc,
      figure: 'tablesKeyed',
      page: t.page,
      expected: `${t.key} 「${t.title}」${t.empty ? ' (empty)' : ''}`,
      found: near.length
        ? near.map((m) => `${m.key} 「${m.title}」 p${m.page}`).join(' · ')
        : 'no table starting on pages ±1',
    });
  }
}

export function scoreCell(doc: string, cell: TruthCell, model: ModelDoc, tallies: Tallies, misses: Miss[]): void {
  for (const f of ['cellsExact', 'cellValueInTable', 'cellRowRight', 'cellColumnRight'] as const) tallies[f].total++;
  const keyed = tablesFor(model, cell.table, cell.page);
  // Digits: sought in the keyed table, or (when no table has the key) in whatever table has rows on the page.
  const valueTables = keyed.length ? keyed : tablesOnPage(model, cell.page);
  const allCells = (ts: ModelTable[]) => ts.flatMap((t) => t.rows.flatMap((r) => r.cells));
  const valueFound = allCells(valueTables).some((c) => sameValue(c.value, cell.value));
  const rows = keyed.flatMap((t) => t.rows.filter((r) => rowMatches(r, cell)));
  const columnRight = allCells(keyed).some(
    (c) => sameValue(c.value, cell.value) && columnMatches(c.column, cell.column),
  );
  const exact = rows.some((r) =>
    r.cells.some((c) => columnMatches(c.column, cell.column) && sameValue(c.value, cell.value)),
  );
  if (valueFound) tallies.cellValueInTable.hit++;
  if (rows.length) tallies.cellRowRight.hit++;
  if (columnRight) tallies.cellColumnRight.hit++;
  if (exact) {
    tallies.cellsExact.hit++;
    return;
  }
  let found: string;
  if (!keyed.length) {
    found =
      `no table keyed ${cell.table}` + (valueFound ? ' (value is in an unkeyed/other-keyed table on the page)' : '');
  } else if (rows.length) {
    found = `row: ${rows.slice(0, 2).map(describeRow).join(' ‖ ')}`;
  } else {
    // The row is not found: show the rows that hold the value, so a code/label slip is visible.
    const holders = keyed.flatMap((t) => t.rows.filter((r) => r.cells.some((c) => sameValue(c.value, cell.value))));
    found = holders.length
      ? `row not found; value in: ${holders.slice(0, 2).map(describeRow).join(' ‖ ')}`
      : `row not found and value not in table ${keyed.map((t) => `「${t.title}」 p${t.page}`).join(', ')}`;
  }
  // Say when the digits themselves are nowhere in the table, so a reading failure is not taken for a row slip.
  if (!valueFound && keyed.length) found = `value in no cell of the table; ${found}`;
  misses.push({
    doc,
    figure: 'cellsExact',
    page: cell.page,
    expected: `${cell.table} [${cell.rowCode ?? '-'}|${cell.rowLabel ?? '-'}] ${cell.column}=${show(cell.value)}`,
    found: found.length > 600 ? `${found.slice(0, 600)}…` : found,
  });
}

export function scoreMeta(
  doc: string,
  rec: LoadedRecord['record'],
  model: ModelDoc,
  tallies: Tallies,
  misses: Miss[],
): void {
  const meta = rec.meta;
  if (!meta) return;
  const names = [meta.entity, ...(meta.entityAliases ?? [])].map(norm);
  const checks: [Figure, boolean, string, string][] = [
    ['entity', model.entity !== null && names.includes(norm(model.entity)), meta.entity, String(model.entity)],
    ['year', model.fiscalYear === meta.year, String(meta.year), String(model.fiscalYear)],
    ['kind', model.kind === meta.kind, String(meta.kind), String(model.kind)],
    ['level', model.level === meta.level, String(meta.level), String(model.level)],
  ];
  for (const [figure, ok, expected, found] of checks) {
    tallies[figure].total++;
    if (ok) tallies[figure].hit++;
    else misses.push({ doc, figure, page: null, expected, found });
  }
}

/** Scores one document; `model` null means its read failed (every labelled item is a miss). */
export function scoreDoc(loaded: LoadedRecord, model: ModelDoc | null, readError?: string): DocScore {
  const { record } = loaded;
  const doc = `${loaded.id} ${record.file}`;
  const tallies = emptyTallies();
  const misses: Miss[] = [];
  if (!record.disclosure) return { id: loaded.id, file: record.file, tallies, misses };
  const m: ModelDoc = model ?? { kind: null, fiscalYear: null, level: null, entity: null, tables: [] };
  scoreMeta(doc, record, m, tallies, misses);
  scoreTables(doc, record.tables ?? [], m, tallies, misses);
  for (const c of record.cells ?? []) scoreCell(doc, c, m, tallies, misses);
  if (model === null) {
    // One line for the document instead of one per item.
    return { id: loaded.id, file: record.file, tallies, misses: [], readError: readError ?? 'read failed' };
  }
  return { id: loaded.id, file: record.file, tallies, misses };
}

export function addTallies(into: Tallies, t: Tallies): void {
  for (const f of FIGURES) {
    into[f].hit += t[f].hit;
    into[f].total += t[f].total;
  }
}

export const pct = (t: Tally): number => (t.total === 0 ? 100 : Math.round((1000 * t.hit) / t.total) / 10);
