import type { Row, Table } from '../model/disclosure.ts';
import { rowByItem } from '../model/query.ts';
import type { Term } from './equation.ts';
import type { RuleContext } from './types.ts';

// Relations written as data name their cells by meaning: table key, a row (an item key, "total" for the
// table's 合计 line, or a code) and a column key. A relation whose table is absent is skipped and said so.

export interface CellRef {
  table: string;
  /** Item key ("income.total"), "total" (the 合计 line) or "code:208". */
  row: string;
  column: string;
  sign?: 1 | -1;
}

export function findRow(t: Table, row: string): Row | undefined {
  if (row === 'total') return grandTotalRow(t);
  if (row.startsWith('code:')) {
    const code = row.slice(5);
    return t.rows.find((r) => r.kind === 'code' && r.code === code);
  }
  return rowByItem(t, row);
}

/** Resolves a reference to a term; undefined when the table is absent (skip noted) or the row is not printed. */
export function term(ctx: RuleContext, ref: CellRef): Term | undefined {
  const t = ctx.table(ref.table);
  if (!t) {
    ctx.skip(ref.table);
    return undefined;
  }
  if (t.status === 'illegible') return undefined;
  const row = findRow(t, ref.row);
  if (!row) return undefined;
  return { table: t, row, column: ref.column, sign: ref.sign };
}

/**
 * The table's 合计 line: the line recognised as item "total" (06表 prints 人员经费合计 and 公用经费合计 as total
 * lines too, so the first total line is not necessarily the table's), else a total line that is no named item.
 */
export function grandTotalRow(t: Table): Row | undefined {
  return (
    rowByItem(t, 'total') ??
    t.rows.find((r) => r.kind === 'total' && !r.item && !r.section) ??
    t.rows.find((r) => r.kind === 'total' && !r.item)
  );
}

export const ref = (table: string, row: string, column: string, sign?: 1 | -1): CellRef => ({
  table,
  row,
  column,
  sign,
});
