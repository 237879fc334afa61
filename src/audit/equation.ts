import { add, cmp, neg, sub, toFixedString, type Decimal } from '../model/decimal.ts';
import type { AmountUnit, Row, Table } from '../model/disclosure.ts';
import { cellPlace, cellValue, columnLabel, rowLabel, rowMisaligned, tableMisaligned, unitOf } from './cells.ts';
import { exact, mayEqual, negate, plus, shift, type Interval } from './interval.ts';
import { valueColumns } from './structure.ts';
import type { FindingPlace, RuleContext } from './types.ts';

// One checker for every "this cell equals the sum of those cells" relation, within a table or across tables:
// hierarchy sums, row sums, line sums, cross-table identities. It converts units (万元 → 元) when the tables
// differ, tests on intervals, and reports an error only when rounding cannot explain the difference; a
// difference that rounding explains is an info (尾数误差) with its own message id.

export interface Term {
  table: Table;
  row: Row;
  column: string;
  /** -1 to subtract (a closing balance = opening + income − spending). */
  sign?: 1 | -1;
  /**
   * The printed lines this subtotal is the sum of (a 类's 款, 本年支出's classes). Documents build a total either from
   * a subtotal's own rounded value or from its rounded parts (无锡 2026 人社局 p27: 合计 26,790.33 = Σ of the printed 项,
   * while 301 + 302 + 303 = 26,790.31, 301 itself being 0.02 below its 项): rounding explains a difference when the
   * relation holds with either, as long as the subtotal agrees with its parts within rounding.
   */
  via?: Term[];
}

export interface Equation {
  target: Term;
  parts: Term[];
  /** Message id for a violation; `${messageId}.rounding` must exist too (the info variant). */
  messageId: string;
  /** Extra values for the message (relation name, etc.). */
  values?: Record<string, string>;
}

const ZERO: Decimal = { units: 0n, scale: 0 };

interface Resolved {
  value: Decimal;
  interval: Interval;
  blank: boolean;
}

function resolve(ctx: RuleContext, t: Term, toYuan: boolean): Resolved | undefined {
  const cv = cellValue(t.table, t.row, t.column);
  if (!cv) return undefined;
  const unit: AmountUnit | null = unitOf(ctx.disclosure, t.table);
  const scale = toYuan && unit === '万元' ? 4 : 0;
  let value = scale ? shiftDec(cv.value, 4) : cv.value;
  let interval = scale ? shift(cv.interval, 4) : cv.interval;
  if (t.sign === -1) {
    value = neg(value);
    interval = negate(interval);
  }
  return { value, interval, blank: cv.blank };
}

/** The widest interval rounding allows for a term: its own, or (when they agree) the sum of the lines it adds up. */
function widened(ctx: RuleContext, t: Term, toYuan: boolean, own: Interval): Interval {
  if (!t.via?.length) return own;
  const parts = t.via
    .map((v) => ({ v, r: resolve(ctx, v, toYuan) }))
    .filter((x): x is { v: Term; r: Resolved } => x.r !== undefined);
  if (!parts.length || parts.every((x) => x.r.blank)) return own;
  // a part's sign is the term's: the parts are resolved as added, then turned with the term
  let sum = parts.reduce((s, x) => plus(s, widened(ctx, x.v, toYuan, x.r.interval)), exact(ZERO));
  if (t.sign === -1) sum = negate(sum);
  if (!mayEqual(own, sum)) return own;
  return { lo: cmp(own.lo, sum.lo) <= 0 ? own.lo : sum.lo, hi: cmp(own.hi, sum.hi) >= 0 ? own.hi : sum.hi };
}

function shiftDec(d: Decimal, n: number): Decimal {
  return { units: d.units * 10n ** BigInt(n), scale: d.scale };
}

export function termPlace(t: Term): FindingPlace {
  return cellPlace(t.table, t.row, t.column);
}

/** "收入决算表 合计 本年收入合计" — how a term is named in a message. */
export function termName(t: Term): string {
  return `${t.table.title}“${rowLabel(t.row)}”${columnLabel(t.table, t.column, t.row.section)}`;
}

export function termNameEn(t: Term): string {
  return `${t.table.key} [${t.row.code ?? t.row.item ?? t.row.label ?? ''}] ${t.column}`;
}

function text(d: Decimal): string {
  return toFixedString(d);
}

type Evaluation =
  | { status: 'skipped' }
  | { status: 'exact' }
  | {
      status: 'rounding' | 'violated';
      target: Resolved;
      parts: (Resolved | undefined)[];
      sumValue: Decimal;
      difference: Decimal;
      toYuan: boolean;
    };

function evaluate(ctx: RuleContext, eq: Equation): Evaluation {
  const all = [eq.target, ...eq.parts];
  // cells the reader misplaced are not judged: table-layout says so once, instead of a false sum error per line
  if (all.some((t) => tableMisaligned(t.table) || rowMisaligned(t.table, t.row))) return { status: 'skipped' };
  const units = new Set(all.map((t) => unitOf(ctx.disclosure, t.table)));
  const toYuan = units.has('元') && units.has('万元');
  const target = resolve(ctx, eq.target, toYuan);
  if (!target) return { status: 'skipped' };
  const parts = eq.parts.map((p) => resolve(ctx, p, toYuan));
  const present = parts.filter((p): p is Resolved => p !== undefined);
  if (present.length === 0) return { status: 'skipped' };
  // Nothing printed on either side: the relation is not stated, not violated.
  if (target.blank && present.every((p) => p.blank)) return { status: 'skipped' };
  const sumValue = present.reduce((s, p) => add(s, p.value), ZERO);
  const sumInterval = present.reduce((s, p) => plus(s, p.interval), exact(ZERO));
  if (cmp(sumValue, target.value) === 0) return { status: 'exact' };
  const explained =
    mayEqual(target.interval, sumInterval) ||
    mayEqual(
      widened(ctx, eq.target, toYuan, target.interval),
      eq.parts.reduce((s, p, i) => (parts[i] ? plus(s, widened(ctx, p, toYuan, parts[i]!.interval)) : s), exact(ZERO)),
    );
  return {
    status: explained ? 'rounding' : 'violated',
    target,
    parts,
    sumValue,
    difference: sub(target.value, sumValue),
    toYuan,
  };
}

/**
 * How an equation fares without reporting anything: it holds exactly (or is not stated, or not judged: 'skipped'),
 * rounding explains its difference, or it is violated. For relations with accepted variants (cross-table-totals).
 */
export function equationStatus(ctx: RuleContext, eq: Equation): Evaluation['status'] {
  return evaluate(ctx, eq).status;
}

/** Checks one equation; returns true when it holds exactly, false when a finding was reported or it was skipped. */
export function checkEquation(ctx: RuleContext, eq: Equation): boolean {
  const e = evaluate(ctx, eq);
  if (e.status === 'skipped' || e.status === 'exact') return true;
  const { target, parts, sumValue, difference, toYuan } = e;
  const explained = e.status === 'rounding';
  const values: Record<string, string> = {
    target: termName(eq.target),
    targetEn: termNameEn(eq.target),
    // a total printed blank while its parts are not: say so rather than "0"
    actual: target.blank ? '空白/blank' : text(target.value),
    expected: text(sumValue),
    difference: text(difference),
    unit: toYuan ? '元' : (unitOf(ctx.disclosure, eq.target.table) ?? ''),
    ...eq.values,
  };
  eq.parts.forEach((_, i) => {
    const r = parts[i];
    if (r) values[`part${i + 1}`] = text(r.value);
  });
  const related = eq.parts.filter((_, i) => parts[i]).map(termPlace);
  ctx.report({
    messageId: explained ? `${eq.messageId}.rounding` : eq.messageId,
    severity: explained ? 'info' : undefined,
    values,
    location: termPlace(eq.target),
    related,
    expected: sumValue,
    actual: target.blank ? null : target.value,
    difference,
  });
  return false;
}

/**
 * A line of a coded table equals the sum of lines below it (类 = Σ 款, 合计 = Σ 类) in every value column of that
 * line. `childrenOf` gives each part's own printed parts (a 类's 款, a 款's 项): a document may have added the part
 * up from them rather than from its rounded value, which the rounding test allows (`Term.via`).
 */
export function checkCodedSum(
  ctx: RuleContext,
  table: Table,
  total: Row,
  parts: readonly Row[],
  childrenOf: ReadonlyMap<Row, Row[]>,
): void {
  const termOf = (row: Row, column: string): Term => ({
    table,
    row,
    column,
    via: childrenOf.get(row)?.map((c) => termOf(c, column)),
  });
  for (const column of valueColumns(table, total)) {
    checkEquation(ctx, {
      target: { table, row: total, column },
      parts: parts.map((row) => termOf(row, column)),
      messageId: 'mismatch',
    });
  }
}
