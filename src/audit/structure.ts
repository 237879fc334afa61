import type { Row, Table } from '../model/disclosure.ts';
import { templateByKey } from '../templates/catalogue.ts';

// How the coded lines of a table hang together: a table is cut into segments at unit lines (budget tables
// repeat the functional codes under each unit 038 / 038001) and each coded line's parent is the nearest
// shorter code printed in the same segment and classification (tables may print 项 straight under 类).

export interface Segment {
  rows: Row[];
}

export function segments(t: Table): Row[][] {
  const out: Row[][] = [[]];
  for (const r of t.rows) {
    if (r.kind === 'unit') out.push([]);
    else if (r.kind === 'code' && r.code) out[out.length - 1].push(r);
  }
  return out.filter((s) => s.length > 0);
}

/**
 * A line's identity in its segment: its code, and the codes printed beside it. 西安 prints 30101 基本工资 once under
 * 50101 and once under 50501: with the second code the two lines are distinct, not one ambiguous code.
 */
function key(r: Row): string {
  const others = r.otherCodes?.length ? `+${r.otherCodes.map((o) => o.code).join('+')}` : '';
  return `${plain(r)}${others}`;
}

/** The line's own code only: parents are sought by it (a 类 line prints no second code, or its own). */
function plain(r: Row): string {
  return `${r.codeSystem ?? ''}:${r.code}`;
}

export interface Family {
  parent: Row;
  children: Row[];
}

/**
 * Parent → children within one segment. A code printed twice in a segment with nothing to tell the lines apart is
 * ambiguous: neither it nor its parent's sum is judged. Lines that share a code but print different second codes
 * (30101 + 50101, 30101 + 50501) are distinct lines of one breakdown — unless the code is also printed alone, when
 * the breakdown may restate that line and the parent's sum could count it twice.
 */
export function families(segment: Row[]): Family[] {
  const byKey = new Map<string, Row | null>();
  const byCode = new Map<string, Row | null>();
  const printedAlone = new Set<string>();
  for (const r of segment) {
    byKey.set(key(r), byKey.has(key(r)) ? null : r);
    byCode.set(plain(r), byCode.has(plain(r)) ? null : r);
    if (!r.otherCodes?.length) printedAlone.add(plain(r));
  }
  const ambiguous = (r: Row) => byKey.get(key(r)) === null || (!!r.otherCodes?.length && printedAlone.has(plain(r)));
  const children = new Map<Row, Row[]>();
  const tainted = new Set<Row>();
  for (const r of segment) {
    const code = r.code!;
    for (const len of [5, 3]) {
      if (code.length <= len) continue;
      const p = byCode.get(`${r.codeSystem ?? ''}:${code.slice(0, len)}`);
      if (p === undefined) continue;
      if (p === null) break;
      if (ambiguous(r)) tainted.add(p);
      else children.set(p, [...(children.get(p) ?? []), r]);
      break;
    }
  }
  return [...children]
    .filter(([parent]) => !tainted.has(parent) && !ambiguous(parent))
    .map(([parent, cs]) => ({ parent, children: cs }));
}

/** Lines with no printed parent in their segment (the 类 lines, or whatever level is topmost). */
export function topLevel(segment: Row[]): Row[] {
  const codes = new Set(segment.map(plain));
  return segment.filter((r) => {
    const c = r.code!;
    return ![3, 5].some((len) => c.length > len && codes.has(`${r.codeSystem ?? ''}:${c.slice(0, len)}`));
  });
}

/**
 * The top lines as distinct classes. A class code printed more than once in one part is either the class and its
 * 款/项 of the same name that the reader could only place by name (深圳 2026 收支总表: 其他支出 / 其他支出 /
 * 其他支出, all 7,647.43) — the same amounts, counted once — or a code column the reader misread (万里街道 2024:
 * 款 printed "2" and "7" under 类 301, three 301 lines with different amounts). In the second case the classes
 * are not known, so there is nothing to add up: null.
 */
export function distinctClasses(rows: Row[]): Row[] | null {
  const byCode = new Map<string, Row>();
  for (const r of rows) {
    const k = key(r);
    const first = byCode.get(k);
    if (!first) byCode.set(k, r);
    else if (!sameAmounts(first, r)) return null;
  }
  return [...byCode.values()];
}

function sameAmounts(a: Row, b: Row): boolean {
  const text = (r: Row) =>
    r.cells
      .filter((c) => c.value !== null)
      .map((c) => `${c.column}=${c.value}`)
      .sort()
      .join(';');
  return text(a) === text(b);
}

/** Value columns of a table that belong to this row's section. */
export function valueColumns(t: Table, row: Row): string[] {
  const cols = t.columns.filter((c) => c.section === undefined || c.section === row.section).map((c) => c.key);
  const seen = new Set(cols);
  for (const c of row.cells) {
    if (seen.has(c.column)) continue;
    seen.add(c.column);
    cols.push(c.column);
  }
  return cols;
}

/**
 * Tables whose template declares classification-coded lines (or coded parts). A procurement or listing table prints
 * codes as attributes of its lines, not as a hierarchy: no sum of codes holds in it.
 */
export function isCodedTable(t: Table): boolean {
  const tpl = templateByKey(t.key);
  return !!tpl && (!!tpl.codeSystem || !!tpl.sections?.some((s) => s.codeSystem || s.classesByName || s.econByName));
}
