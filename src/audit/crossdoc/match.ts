import type { AmountUnit, Disclosure, Row, Table } from '../../model/disclosure.ts';
import { fromUnits } from '../../model/decimal.ts';
import { tablesByKey } from '../../model/query.ts';
import {
  cellPlace,
  cellValue,
  rowMisaligned,
  tableMisaligned,
  tablePrecision,
  tidy,
  unitOf,
  type CellValue,
} from '../cells.ts';
import { shift, type Interval } from '../interval.ts';
import { grandTotalRow } from '../refs.ts';
import type { DocumentRef, FindingPlace } from '../types.ts';
import { add, sub } from '../../model/decimal.ts';

// The same cell in another document of the entity (issue 12): a table of this document, one of its rows and a
// column, found again in the prior year's (or the paired) document by meaning — the table key, the row's item, code
// or total line, the column's key with the years of each document read as “this year” — never by position.

export interface OtherCell {
  table: Table;
  row: Row;
  column: string;
  value: CellValue;
  unit: AmountUnit;
  place: FindingPlace;
}

/** A column's key or label with the document's own year read as 本年 and the year before as 上年. */
export function yearless(s: string, year: number | null): string {
  if (!year) return s;
  return s.replaceAll(`${year}年`, '本年').replaceAll(`${year - 1}年`, '上年');
}

function sameRow(t: Table, r: Row, other: Table): Row | undefined {
  if (r.item) return other.rows.find((x) => x.item === r.item && x.section === r.section);
  if (r.code) {
    const hits = other.rows.filter(
      (x) =>
        x.code === r.code &&
        (x.section ?? null) === (r.section ?? null) &&
        (x.codeSystem ?? null) === (r.codeSystem ?? null),
    );
    return hits.length === 1 ? hits[0] : undefined;
  }
  if (r === grandTotalRow(t)) return grandTotalRow(other);
  if (r.label) {
    const hits = other.rows.filter((x) => x.label && tidy(x.label) === tidy(r.label!) && !x.code && !x.item);
    if (hits.length === 1) return hits[0];
  }
  // a one-line table (三公 budgets print one row of amounts)
  const lines = (x: Table) => x.rows.filter((y) => y.cells.some((c) => c.value !== null));
  return lines(t).length === 1 && lines(other).length === 1 && lines(t)[0] === r ? lines(other)[0] : undefined;
}

function sameColumn(
  t: Table,
  column: string,
  year: number | null,
  other: Table,
  otherYear: number | null,
): string | undefined {
  if (other.columns.some((k) => k.key === column) && !column.includes('年')) return column;
  const label = t.columns.find((k) => k.key === column)?.label ?? column;
  const want = yearless(column, year);
  const wantLabel = yearless(label, year);
  const hit =
    other.columns.find((k) => yearless(k.key, otherYear) === want) ??
    other.columns.find((k) => yearless(k.label, otherYear) === wantLabel);
  return hit?.key;
}

/** The cell in `other` printing what (t, row, column) prints in `d`; undefined when it cannot be told. */
export function cellInOther(
  d: Disclosure,
  t: Table,
  row: Row,
  column: string,
  other: Disclosure,
): OtherCell | undefined {
  for (const ot of tablesByKey(other, t.key)) {
    if (ot.status !== 'data' || tableMisaligned(ot)) continue;
    const orow = sameRow(t, row, ot);
    if (!orow || rowMisaligned(ot, orow)) continue;
    const col = sameColumn(t, column, d.fiscalYear, ot, other.fiscalYear);
    if (!col) continue;
    const value = cellValue(ot, orow, col);
    const unit = unitOf(other, ot);
    if (!value || !unit) continue;
    return { table: ot, row: orow, column: col, value, unit, place: cellPlace(ot, orow, col) };
  }
  return undefined;
}

/**
 * What a printed cell may stand for, in 元: its printed interval; a total or parent line is a sum of printed parts,
 * and a narrative restating it from the parts may be off by one unit of the table's last place.
 */
export function cellInterval(c: OtherCell): Interval {
  const yuan = c.unit === '万元' ? shift(c.value.interval, 4) : c.value.interval;
  const sum = c.row.kind === 'total' || (c.row.kind === 'code' && c.row.level !== '项');
  if (!sum) return yuan;
  const one = fromUnits(1n, tablePrecision(c.table));
  const u = c.unit === '万元' ? { units: one.units * 10000n, scale: one.scale } : one;
  return { lo: sub(yuan.lo, u), hi: add(yuan.hi, u) };
}

/** The other document as a finding names it (Finding.counterpart.document). */
export function documentRef(d: Disclosure): DocumentRef {
  return {
    fileName: d.source.fileName ?? null,
    entity: d.entity.name,
    fiscalYear: d.fiscalYear,
    kind: d.kind,
    ...(d.source.sha256 ? { sha256: d.source.sha256 } : {}),
  };
}
