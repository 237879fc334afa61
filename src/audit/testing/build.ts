import type { Cell, Disclosure, NarrativeSection, Row, Table } from '../../model/disclosure.ts';
import { parseAmount } from '../../model/amount.ts';
import { levelOf } from '../../catalog/catalog.ts';
import { templateByKey } from '../../templates/catalogue.ts';

// Small model-shaped fixtures for rule tests and the mutation test: a Disclosure built in a few lines, every
// table, row, cell and paragraph with its own text place (line numbers count up), so findings can be checked
// for their source place as well as their semantic place.

let nextLine = 1;
const at = (column = 1) => ({ kind: 'text' as const, line: nextLine++, column });

export interface RowSpec {
  kind?: Row['kind'];
  code?: string;
  item?: string;
  label?: string | null;
  section?: string;
  codeSystem?: Row['codeSystem'];
  /** A second classification printed on the line (部门经济 30101 beside 政府经济 50101). */
  otherCodes?: Row['otherCodes'];
  cells: Record<string, string | null>;
}

/** A coded row; the level follows from the code length. */
export function code(
  c: string,
  cells: Record<string, string | null>,
  label: string | null = null,
  section?: string,
): RowSpec {
  return { kind: 'code', code: c, label, cells, section };
}

export function total(cells: Record<string, string | null>, section?: string, label = '合计'): RowSpec {
  return { kind: 'total', label, cells, section };
}

export function item(key: string, cells: Record<string, string | null>, label?: string): RowSpec {
  const section = key.includes('.') ? key.split('.')[0] : undefined;
  return { kind: 'item', item: key, label: label ?? key, cells, section };
}

function cell(column: string, text: string | null): Cell {
  const p = text === null ? { value: null, decimals: 0 } : parseAmount(text);
  if (!p) throw new Error(`fixture: not an amount: ${text}`);
  const value = p.value ? (p.value.scale ? insertPoint(p.value.units, p.value.scale) : p.value.units.toString()) : null;
  return { column, text: text ?? '', value, decimals: p.decimals, place: at(10) };
}

function insertPoint(units: bigint, scale: number): string {
  const neg = units < 0n;
  const s = (neg ? -units : units).toString().padStart(scale + 1, '0');
  return (neg ? '-' : '') + s.slice(0, -scale) + '.' + s.slice(-scale);
}

export interface TableSpec {
  title?: string;
  unit?: Table['unit'];
  status?: Table['status'];
  emptyStatement?: string;
  /** Notes printed under the table. */
  notes?: string[];
  rows: RowSpec[];
}

export function table(key: string, spec: TableSpec): Table {
  const tpl = templateByKey(key);
  const place = at();
  const rows: Row[] = spec.rows.map((r) => {
    const rowPlace = at();
    const codeSystem =
      r.codeSystem ??
      (r.kind === 'code' ? (tpl?.codeSystem ?? (r.code?.startsWith('3') ? 'dept_econ' : 'function')) : undefined);
    return {
      kind: r.kind ?? 'item',
      section: r.section,
      code: r.code,
      codeSystem: r.code ? codeSystem : undefined,
      level: r.code ? levelOf(r.code) : undefined,
      ...(r.otherCodes ? { otherCodes: r.otherCodes } : {}),
      label: r.label ?? null,
      item: r.item,
      cells: Object.entries(r.cells).map(([k, v]) => cell(k, v)),
      place: rowPlace,
    };
  });
  const columns = tpl?.columns.length
    ? tpl.columns.map((c) => ({ key: c.key, label: c.label, section: c.section }))
    : [...new Set(rows.flatMap((r) => r.cells.map((c) => c.column)))].map((k) => ({ key: k, label: k }));
  const hasValue = rows.some((r) => r.cells.some((c) => c.value !== null));
  return {
    id: `${key}#${place.line}`,
    key,
    title: spec.title ?? tpl?.title ?? key,
    unit: spec.unit === undefined ? '万元' : spec.unit,
    status: spec.status ?? (hasValue ? 'data' : 'empty'),
    emptyStatement: spec.emptyStatement,
    notes: spec.notes ?? [],
    ...(spec.notes ? { notePlaces: spec.notes.map(() => at()) } : {}),
    columns,
    rows,
    place,
  };
}

/** A narrative section: heading path (outermost first) and its paragraphs. */
export function section(headingPath: string | string[], ...paragraphs: string[]): NarrativeSection {
  const path = Array.isArray(headingPath) ? headingPath : ['第三部分 情况说明', headingPath];
  return {
    headingPath: path,
    heading: path[path.length - 1],
    part: 3,
    paragraphs: paragraphs.map((text) => {
      const place = at();
      return { text, place, segments: [{ offset: 0, place }] };
    }),
    place: at(),
  };
}

export interface DocSpec {
  kind?: Disclosure['kind'];
  unit?: Disclosure['unit'];
  fiscalYear?: number;
  name?: string;
  names?: string[];
  tables?: Table[];
  sections?: NarrativeSection[];
  glossary?: boolean;
  listed?: Disclosure['recognition']['listed'];
}

export function disclosure(spec: DocSpec = {}): Disclosure {
  const name = spec.name ?? '某区医疗保障局';
  return {
    schemaVersion: 1,
    kind: spec.kind === undefined ? '决算' : spec.kind,
    scope: { level: '部门', consolidation: '汇总' },
    fiscalYear: spec.fiscalYear ?? 2023,
    entity: { name, names: spec.names ?? [name], units: [] },
    unit: spec.unit === undefined ? '万元' : spec.unit,
    precision: 2,
    source: { format: 'text', fileName: 'fixture.txt', imageOnlyPages: [] },
    tables: spec.tables ?? [],
    sections: spec.sections ?? [],
    glossary:
      spec.glossary === false
        ? []
        : [{ term: '财政拨款收入', definition: '从同级财政部门取得的拨款收入。', place: at() }],
    performance: [],
    recognition: { listed: spec.listed ?? [], unknownTables: [], missingStandard: [] },
    warnings: [],
  };
}

/** Finds a cell of a fixture table to mutate or to assert on. */
export function findCell(t: Table, row: string, column: string): Cell {
  const r = t.rows.find(
    (x) => x.code === row || x.item === row || (x.kind === 'total' && row === 'total' && !x.section) || x.label === row,
  );
  const c = r?.cells.find((x) => x.column === column);
  if (!c) throw new Error(`fixture: no cell ${row}/${column} in ${t.key}`);
  return c;
}
