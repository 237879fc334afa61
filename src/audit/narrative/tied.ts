import { add, cmp, fromUnits, sub, type Decimal } from '../../model/decimal.ts';
import type { AmountUnit, Disclosure, DocumentKind, Row, Table } from '../../model/disclosure.ts';
import { tablesByKey } from '../../model/query.ts';
import { cellValue, rowMisaligned, tableMisaligned, tablePrecision, tidy, unitOf } from '../cells.ts';
import { mayEqual, shift, type Interval } from '../interval.ts';
import { grandTotalRow } from '../refs.ts';
import { lastAtOrBelow, priorYearLabel } from './facts.ts';
import { figureInterval, figureSum, figures, paragraphs, type Figure, type Located } from './tokens.ts';
import { isBareAmountLabel, lineOfLabel, subjectOfLabel, type LineRef, type Scope } from './subjects.ts';

// Narrative facts tied to table cells (issue 10.1): each figure the narrative states about a table line or total,
// with the cells that print the same quantity. Which tables print a subject, per scope, is data (TARGETS); a fact
// agrees with its tables when it agrees with one of its cells (a department that prints the same total in three
// tables restates each of them; the tables' own agreement is the cross-table rules' business).

/** A cell by meaning: table key, row (item key, "total" for the 合计 line, "code:…"), column key or header. */
export interface CellSpec {
  table: string;
  row: string;
  column: string;
  /**
   * Words the column's header must print (tested on the whole header path): a keyed column that lacks them is not
   * taken, and a column that has them is taken when no column has the key (机关运行经费 tables print one unnamed
   * column; a 三公 table whose 小计 the template took for 公务用车购置及运行费).
   */
  header?: RegExp;
  /** Words the header's last part must print ("…/公务用车购置费"). */
  last?: RegExp;
}

const c = (table: string, row: string, column: string, header?: RegExp, last?: RegExp): CellSpec => ({
  table,
  row,
  column,
  header,
  last,
});
const B = (k: string) => `budget.${k}`;

// 收支总表 columns printed as “收入/预算” and “支出/预算” (广州) carry no key: found by their header
const IN = /^收入\/(预算数?|金额|预算金额)$/;
const OUT = /^支出\/(预算数?|金额|预算金额)$/;
const summaryIncome = (item: string) => c(B('summary'), `income.${item}`, 'amount', IN);
// 江苏's one-column tables (财政拨款支出预算表, 一般公共预算支出预算表) head their amount 金额, which no template key takes
const AMOUNT = /^金额$/;
const incomeCol = (col: string) => c(B('income'), 'total', col);

/** 三公 items printed as lines of one table (广州: “其中：（一）因公出国（境）支出”, “1.公务用车购置费”). */
const ITEM_LINES: Record<string, string> = {
  abroad: '因公出国',
  vehicle_total: '公务用车购置(费)?(及|和)运行',
  vehicle_purchase: '公务用车购置费$',
  vehicle_operation: '公务用车运行(维护)?费$',
  reception: '公务接待',
};

/** Where each subject is printed, by scope; a scope not listed falls back to 'all'. */
export const TARGETS: Record<string, Partial<Record<Scope, CellSpec[]>>> = {
  grand_total: {
    all: [
      summaryIncome('grand_total'),
      c(B('summary'), 'expenditure_function.grand_total', 'amount', OUT),
      incomeCol('total'),
    ],
    fiscal: [
      c(B('fiscal_summary'), 'income.grand_total', 'amount'),
      c(B('fiscal_summary'), 'expenditure.grand_total', 'amount'),
    ],
  },
  'income.grand_total': {
    all: [summaryIncome('grand_total'), incomeCol('total')],
    fiscal: [c(B('fiscal_summary'), 'income.grand_total', 'amount')],
  },
  'income.total': {
    // "收入预算" names the 总计 or the 本年收入合计, as the department prints it
    all: [summaryIncome('total'), summaryIncome('grand_total'), incomeCol('current_total'), incomeCol('total')],
    fiscal: [
      c(B('fiscal_summary'), 'income.current', 'amount'),
      c(B('fiscal_summary'), 'income.grand_total', 'amount'),
    ],
    general: [
      summaryIncome('general_budget'),
      c(B('fiscal_summary'), 'income.general_budget', 'amount'),
      incomeCol('general_budget'),
    ],
    gov_fund: [summaryIncome('gov_fund'), c(B('fiscal_summary'), 'income.gov_fund', 'amount'), incomeCol('gov_fund')],
    state_capital: [
      summaryIncome('state_capital'),
      c(B('fiscal_summary'), 'income.state_capital', 'amount'),
      incomeCol('state_capital'),
    ],
  },
  'expenditure.grand_total': {
    all: [c(B('summary'), 'expenditure_function.grand_total', 'amount', OUT), c(B('expenditure'), 'total', 'total')],
    fiscal: [c(B('fiscal_summary'), 'expenditure.grand_total', 'amount')],
  },
  'expenditure.total': {
    all: [
      c(B('summary'), 'expenditure_function.total', 'amount', OUT),
      c(B('summary'), 'expenditure_function.grand_total', 'amount', OUT),
      c(B('expenditure'), 'total', 'total'),
    ],
    fiscal: [
      c(B('fiscal_summary'), 'expenditure.current', 'amount'),
      c(B('fiscal_summary'), 'expenditure.grand_total', 'amount'),
      c(B('fiscal_expenditure'), 'total', 'total'),
      c(B('fiscal_expenditure'), 'total', 'total', AMOUNT),
    ],
    general: [
      c(B('general_expenditure'), 'total', 'total'),
      c(B('fiscal_summary'), 'expenditure.current', 'general_budget'),
      c(B('general_expenditure'), 'total', 'total', AMOUNT),
    ],
    gov_fund: [c(B('gov_fund'), 'total', 'total'), c(B('fiscal_summary'), 'expenditure.current', 'gov_fund')],
    state_capital: [
      c(B('state_capital'), 'total', 'total'),
      c(B('fiscal_summary'), 'expenditure.current', 'state_capital'),
    ],
  },
  'income.general_budget': {
    all: [
      summaryIncome('general_budget'),
      incomeCol('general_budget'),
      c(B('fiscal_summary'), 'income.general_budget', 'amount'),
    ],
  },
  'income.gov_fund': {
    all: [summaryIncome('gov_fund'), incomeCol('gov_fund'), c(B('fiscal_summary'), 'income.gov_fund', 'amount')],
  },
  'income.state_capital': {
    all: [
      summaryIncome('state_capital'),
      incomeCol('state_capital'),
      c(B('fiscal_summary'), 'income.state_capital', 'amount'),
    ],
  },
  'income.special_account': { all: [summaryIncome('special_account'), incomeCol('special_account')] },
  'income.business': { all: [summaryIncome('business'), incomeCol('business')] },
  'income.operating': { all: [summaryIncome('operating'), incomeCol('operating')] },
  'income.superior': {
    all: [summaryIncome('superior_unit'), summaryIncome('superior_fiscal'), incomeCol('superior_subsidy')],
  },
  'income.affiliated': { all: [summaryIncome('affiliated'), incomeCol('affiliated')] },
  'income.other': { all: [summaryIncome('other'), incomeCol('other')] },
  'income.carryover': {
    all: [summaryIncome('carryover'), incomeCol('carryover')],
    fiscal: [c(B('fiscal_summary'), 'income.carryover', 'amount')],
  },
  'expenditure.carryover': {
    all: [c(B('summary'), 'expenditure_function.carryover', 'amount', OUT)],
    fiscal: [c(B('fiscal_summary'), 'expenditure.carryover', 'amount')],
  },
  'expenditure.basic': {
    all: [c(B('expenditure'), 'total', 'basic'), c(B('summary'), 'expenditure_dept_econ.basic', 'amount', OUT)],
    fiscal: [
      c(B('fiscal_expenditure'), 'total', 'basic'),
      c(B('general_expenditure'), 'total', 'basic'),
      c(B('fiscal_basic'), 'total', 'total'),
    ],
    general: [c(B('general_expenditure'), 'total', 'basic'), c(B('general_basic'), 'total', 'total')],
  },
  'expenditure.project': {
    all: [c(B('expenditure'), 'total', 'project'), c(B('summary'), 'expenditure_dept_econ.project', 'amount', OUT)],
    fiscal: [c(B('fiscal_expenditure'), 'total', 'project'), c(B('general_expenditure'), 'total', 'project')],
    general: [c(B('general_expenditure'), 'total', 'project')],
  },
  'expenditure.operating': {
    all: [c(B('expenditure'), 'total', 'operating'), c(B('summary'), 'expenditure_dept_econ.operating', 'amount', OUT)],
  },
  'expenditure.upper_remit': { all: [c(B('expenditure'), 'total', 'upper_remit')] },
  'expenditure.subsidy_affiliated': { all: [c(B('expenditure'), 'total', 'subsidy_affiliated')] },
  personnel: {
    all: [
      c(B('general_basic'), 'total', 'personnel'),
      c(B('fiscal_basic'), 'total', 'personnel'),
      c(B('general_expenditure'), 'total', 'basic_personnel'),
      c(B('fiscal_expenditure'), 'total', 'basic_personnel'),
      c(B('expenditure'), 'total', 'basic_personnel'),
    ],
  },
  public: {
    all: [
      c(B('general_basic'), 'total', 'public'),
      c(B('fiscal_basic'), 'total', 'public'),
      c(B('general_expenditure'), 'total', 'basic_public'),
      c(B('fiscal_expenditure'), 'total', 'basic_public'),
      c(B('expenditure'), 'total', 'basic_public'),
    ],
  },
  'three_public.total': {
    all: [
      // 广州 prints 行政经费 and “三公”经费 as two lines of one table
      c(B('three_public_and_other'), 'label:^三公经费(合计)?$', 'total'),
      c(B('three_public'), 'total', 'total', undefined, /^(“?三公”?经费)?(合计|小计)$/),
      c(B('three_public_and_other'), 'total', 'three_public_total', /三公/, /^(“?三公”?经费)?(合计|小计)$/),
    ],
  },
  ...Object.fromEntries(
    (
      [
        ['abroad', /因公出国/, undefined],
        ['vehicle_total', /公务用车购置(费)?(及|和)运行/, /(运行(维护)?费(用)?|小计|合计)$/],
        ['vehicle_purchase', /购置/, /购置(费)?$/],
        ['vehicle_operation', /运行/, /运行(维护)?费(用)?$/],
        ['reception', /公务接待/, undefined],
      ] as const
    ).map(([k, header, last]) => [
      `three_public.${k}`,
      {
        all: [
          c(B('three_public'), 'total', k, header, last),
          c(B('three_public_and_other'), 'total', k, header, last),
          c(B('three_public_and_other'), `label:${ITEM_LINES[k]}`, 'total'),
        ],
      },
    ]),
  ),
  operating_costs: {
    all: [
      c(B('operating_costs'), 'total', 'total', /机关运行经费/),
      c(B('three_public_and_other'), 'total', 'operating_costs', /机关运行经费/),
      c(B('three_public_and_other'), 'label:^(行政经费|机关运行经费)', 'total'),
    ],
  },
  meeting: {
    all: [
      c(B('three_public_and_other'), 'total', 'meeting'),
      c(B('meeting_training_fees'), 'total', 'meeting', /会议费/),
    ],
  },
  training: {
    all: [
      c(B('three_public_and_other'), 'total', 'training'),
      c(B('meeting_training_fees'), 'total', 'training', /培训费/),
    ],
  },
  // “其中一般公共预算拨款政府采购 50,106.43 万元” (重庆 2026 规划和自然资源局 p6) is the table's 一般公共预算 column, not its 总计
  'procurement.total': {
    all: [c(B('procurement'), 'total', 'total', /^(总计|合计|金额)$/)],
    general: [c(B('procurement'), 'total', 'general_budget')],
    gov_fund: [c(B('procurement'), 'total', 'gov_fund')],
  },
};

// 决算 tables (domain.md §2), appended to each subject: a budget prints none of them and a final account none of the
// budget's, so each document resolves only its own. 三公 figures of a final account are narrative-amount's (预算数 and
// 决算数 side by side, completion rates); 机关运行经费 and 政府采购 have no 决算 table.
const F = (k: string) => `final.${k}`;
const FINAL: Record<string, Partial<Record<Scope, CellSpec[]>>> = {
  grand_total: {
    all: [
      c(F('income_expenditure_summary'), 'income.grand_total', 'amount'),
      c(F('income_expenditure_summary'), 'expenditure.grand_total', 'amount'),
    ],
    fiscal: [
      c(F('fiscal_summary'), 'income.grand_total', 'amount'),
      c(F('fiscal_summary'), 'expenditure.grand_total', 'total'),
    ],
  },
  'income.grand_total': {
    all: [c(F('income_expenditure_summary'), 'income.grand_total', 'amount')],
    fiscal: [c(F('fiscal_summary'), 'income.grand_total', 'amount')],
  },
  'income.total': {
    all: [c(F('income_expenditure_summary'), 'income.total', 'amount'), c(F('income'), 'total', 'total')],
    fiscal: [c(F('fiscal_summary'), 'income.total', 'amount')],
    general: [
      c(F('income_expenditure_summary'), 'income.general_budget', 'amount'),
      c(F('fiscal_summary'), 'income.general_budget', 'amount'),
    ],
    gov_fund: [
      c(F('income_expenditure_summary'), 'income.gov_fund', 'amount'),
      c(F('fiscal_summary'), 'income.gov_fund', 'amount'),
    ],
    state_capital: [
      c(F('income_expenditure_summary'), 'income.state_capital', 'amount'),
      c(F('fiscal_summary'), 'income.state_capital', 'amount'),
    ],
  },
  'expenditure.grand_total': {
    all: [c(F('income_expenditure_summary'), 'expenditure.grand_total', 'amount')],
    fiscal: [c(F('fiscal_summary'), 'expenditure.grand_total', 'total')],
  },
  'expenditure.total': {
    all: [c(F('income_expenditure_summary'), 'expenditure.total', 'amount'), c(F('expenditure'), 'total', 'total')],
    fiscal: [c(F('fiscal_summary'), 'expenditure.total', 'total')],
    general: [
      c(F('general_budget_expenditure'), 'total', 'total'),
      c(F('fiscal_summary'), 'expenditure.total', 'general_budget'),
    ],
    gov_fund: [c(F('gov_fund'), 'total', 'total'), c(F('fiscal_summary'), 'expenditure.total', 'gov_fund')],
    state_capital: [
      c(F('state_capital'), 'total', 'total'),
      c(F('fiscal_summary'), 'expenditure.total', 'state_capital'),
    ],
  },
  ...Object.fromEntries(
    (['general_budget', 'gov_fund', 'state_capital'] as const).map((k) => [
      `income.${k}`,
      {
        all: [
          c(F('income_expenditure_summary'), `income.${k}`, 'amount'),
          c(F('fiscal_summary'), `income.${k}`, 'amount'),
        ],
      },
    ]),
  ),
  ...Object.fromEntries(
    (
      [
        ['business', 'business', 'business'],
        ['operating', 'operating', 'operating'],
        ['superior', 'superior_subsidy', 'superior_subsidy'],
        ['affiliated', 'affiliated', 'affiliated'],
        ['other', 'other', 'other'],
      ] as const
    ).map(([subject, item, column]) => [
      `income.${subject}`,
      { all: [c(F('income_expenditure_summary'), `income.${item}`, 'amount'), c(F('income'), 'total', column)] },
    ]),
  ),
  'expenditure.carryover': {
    all: [c(F('income_expenditure_summary'), 'expenditure.closing_balance', 'amount')],
    fiscal: [c(F('fiscal_summary'), 'expenditure.closing_balance', 'total')],
    gov_fund: [c(F('gov_fund'), 'total', 'closing_balance')],
  },
  ...Object.fromEntries(
    (['basic', 'project'] as const).map((k) => [
      `expenditure.${k}`,
      {
        all: [c(F('expenditure'), 'total', k)],
        fiscal: [c(F('general_budget_expenditure'), 'total', k)],
        general: [c(F('general_budget_expenditure'), 'total', k)],
        gov_fund: [c(F('gov_fund'), 'total', k)],
        state_capital: [c(F('state_capital'), 'total', k)],
      },
    ]),
  ),
  'expenditure.operating': { all: [c(F('expenditure'), 'total', 'operating')] },
  'expenditure.upper_remit': { all: [c(F('expenditure'), 'total', 'upper_remit')] },
  'expenditure.subsidy_affiliated': { all: [c(F('expenditure'), 'total', 'subsidy_affiliated')] },
  // the 06表 counts 一般公共预算 money only: a 人员经费 of the whole department is not its figure
  personnel: {
    general: [c(F('general_budget_basic'), 'personnel_total', 'amount')],
    fiscal: [c(F('general_budget_basic'), 'personnel_total', 'amount')],
  },
  public: {
    general: [c(F('general_budget_basic'), 'public_total', 'amount')],
    fiscal: [c(F('general_budget_basic'), 'public_total', 'amount')],
  },
};
for (const [subject, byScope] of Object.entries(FINAL)) {
  TARGETS[subject] ??= {};
  const m = TARGETS[subject];
  // a subject listed here by scope takes a 决算 cell only in the scopes listed (政府性基金's 基本支出 is not the 支出决算表's):
  // the scopes the budget side leaves to 'all' keep the budget's 'all' cells, and only those. A subject listed for
  // 'all' alone (the income sources, whose scope is the source's own name) keeps falling back to 'all'.
  if (Object.keys(byScope).some((k) => k !== 'all'))
    for (const scope of ['fiscal', 'general', 'gov_fund', 'state_capital'] as const) m[scope] ??= [...(m.all ?? [])];
  for (const [scope, specs] of Object.entries(byScope) as [Scope, CellSpec[]][])
    m[scope] = [...(m[scope] ?? []), ...specs];
}

/** Functional lines: the tables printing them by code, per scope (budget tables, then 决算 tables). */
export const LINE_TARGETS: Partial<Record<Scope, CellSpec[]>> = {
  all: [
    c(B('expenditure'), 'line', 'total'),
    c(B('summary'), 'line', 'amount', OUT),
    c(F('expenditure'), 'line', 'total'),
  ],
  fiscal: [
    c(B('fiscal_expenditure'), 'line', 'total'),
    c(B('general_expenditure'), 'line', 'total'),
    c(B('fiscal_summary'), 'line', 'amount'),
    c(F('general_budget_expenditure'), 'line', 'total'),
    c(F('fiscal_summary'), 'line', 'total'),
  ],
  general: [c(B('general_expenditure'), 'line', 'total'), c(F('general_budget_expenditure'), 'line', 'total')],
  gov_fund: [c(B('gov_fund'), 'line', 'total'), c(F('gov_fund'), 'line', 'total')],
  state_capital: [c(B('state_capital'), 'line', 'total'), c(F('state_capital'), 'line', 'total')],
};

export interface TiedCell {
  table: Table;
  row: Row;
  column: string;
}

/** A figure of the narrative with what it is about. */
export interface Fact {
  located: Located;
  figure: Figure;
  /** Subject key ("expenditure.basic"), or "line:<code>" for a functional line. */
  subject: string;
  scope: Scope;
  /** Printed wording of the subject (the label), for messages. */
  label: string;
  /** The term as printed (or the line's code): two facts are the same item when subject, scope and term agree. */
  term: string;
  /** Cells printing the same quantity, in the order of TARGETS; empty when the tables are not in the document. */
  cells: TiedCell[];
  /** The subject was taken from the words before a bare "2026年预算数…". */
  inherited: boolean;
}

/**
 * Header words naming money other than the document's own, by kind: a budget's “决算数” is last year's outcome, a
 * final account's “预算数”/“年初预算” the budget it is compared with (its 三公 table prints both).
 */
const OTHER_MONEY: Record<DocumentKind, RegExp> = { 预算: /上年|去年|决算/, 决算: /上年|去年|预算/ };

/** A header naming another year's or another stage's money ("2025年预算数/合计", "上年/…", a budget's "决算数"). */
function otherYear(label: string, year: number | null, kind: DocumentKind | null = null): boolean {
  if (OTHER_MONEY[kind ?? '预算'].test(label)) return true;
  return [...label.matchAll(/(\d{4})年/g)].some((m) => Number(m[1]) !== year);
}

function findColumn(
  t: Table,
  spec: CellSpec,
  row: Row,
  year: number | null,
  kind: DocumentKind | null,
): string | undefined {
  const label = (k: Table['columns'][number]) =>
    k.label
      .replace(/[\s“”"]/g, '')
      .replace(/（/g, '(')
      .replace(/）/g, ')');
  const named = (k: Table['columns'][number]) =>
    (!spec.header || spec.header.test(label(k))) &&
    (!spec.last || spec.last.test(label(k).split('/').pop()!)) &&
    !/科目|编码|名称|项目|代码/.test(k.label);
  const fits = (k: Table['columns'][number]) =>
    (k.section === undefined || k.section === row.section) && !otherYear(k.label, year, kind);
  const byKey = t.columns.find((k) => k.key === spec.column && (k.section === undefined || k.section === row.section));
  if (byKey && fits(byKey) && (named(byKey) || (!spec.header && !spec.last))) return byKey.key;
  if (byKey && !fits(byKey)) {
    // the template took the prior year's group for the key: the same header under this year's group
    const tail = byKey.label.split('/').slice(1).join('/');
    const mate = t.columns.find(
      (k) =>
        k !== byKey &&
        fits(k) &&
        tail &&
        k.label
          .split('/')
          .slice(1)
          .join('/')
          .replace(/[()（）]/g, '') === tail.replace(/[()（）]/g, '') &&
        /本年|\d{4}年/.test(k.label),
    );
    return mate?.key;
  }
  if (spec.header || spec.last) {
    const hits = t.columns.filter((k) => fits(k) && named(k));
    if (hits.length === 1) return hits[0].key;
    // “三公经费预算数/合计” and “…/公务用车购置及运行费/小计” both end in a total word: the shallower header is the table's
    const depth = (k: Table['columns'][number]) => k.label.split('/').length;
    const top = hits.filter((k) => depth(k) === Math.min(...hits.map(depth)));
    if (top.length === 1) return top[0].key;
  }
  return undefined;
}

const squash = (s: string) =>
  tidy(s)
    .replace(/^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、．.]|\d+[、．.])/, '')
    .replace(/[\s（）()“”"]/g, '')
    .replace(/(类|款|项)$/, '');

/** Names as printed in the text and in the table: “行政运行（项）支出” restates “行政运行”, “卫生健康” “卫生健康支出”. */
function sameName(a: string, b: string): boolean {
  return a === b || a === `${b}支出` || b === `${a}支出`;
}

function levelOfRow(r: Row): '类' | '款' | '项' | undefined {
  return (
    r.level ??
    (r.code
      ? r.code.length === 3
        ? '类'
        : r.code.length === 5
          ? '款'
          : r.code.length === 7
            ? '项'
            : undefined
      : undefined)
  );
}

/** The coded row a line reference names in this table; undefined when none or several fit. */
export function lineRow(t: Table, line: LineRef): Row | undefined {
  const rows = t.rows.filter(
    (r) =>
      r.kind === 'code' &&
      r.code &&
      (r.codeSystem === undefined || r.codeSystem === 'function') &&
      /^2\d{2}(\d{2}){0,2}$/.test(r.code),
  );
  if (line.code) {
    const hit = rows.filter((r) => r.code === line.code);
    return hit.length === 1 ? hit[0] : undefined;
  }
  let pool = rows;
  // outer names narrow the pool to their subtree
  for (let i = 0; i < line.names.length; i++) {
    const n = line.names[i];
    const last = i === line.names.length - 1;
    const want = squash(n.name);
    let hit = pool.filter(
      (r) => r.label && sameName(squash(r.label), want) && (n.level === null || levelOfRow(r) === n.level),
    );
    if (last && line.tail)
      hit = hit.filter((r) => levelOfRow(r) === line.tail!.level && r.code!.endsWith(line.tail!.digits));
    if (hit.length !== 1) return undefined;
    if (last) return hit[0];
    const code = hit[0].code!;
    pool = rows.filter((r) => r.code!.startsWith(code) && r.code !== code);
  }
  return undefined;
}

function resolve(d: Disclosure, spec: CellSpec, line: LineRef | null): TiedCell[] {
  const out: TiedCell[] = [];
  for (const t of tablesByKey(d, spec.table)) {
    if (t.status !== 'data' || tableMisaligned(t)) continue;
    let row: Row | undefined;
    if (spec.row === 'line') row = line ? lineRow(t, line) : undefined;
    else if (spec.row === 'total') row = grandTotalRow(t);
    else if (spec.row.startsWith('label:')) {
      const re = new RegExp(spec.row.slice(6));
      const hits = t.rows.filter((r) => r.label && re.test(squash(r.label)));
      row = hits.length === 1 ? hits[0] : undefined;
    } else row = t.rows.find((r) => r.item === spec.row);
    if (!row || rowMisaligned(t, row)) continue;
    const column = findColumn(t, spec, row, d.fiscalYear, d.kind);
    if (!column || !cellValue(t, row, column)) continue;
    out.push({ table: t, row, column });
  }
  return out;
}

function specsFor(subject: string, scope: Scope): CellSpec[] {
  const m = TARGETS[subject];
  if (!m) return [];
  return m[scope] ?? (scope === 'all' ? [] : (m.all ?? []));
}

const SCOPE_WORDS: [RegExp, Scope][] = [
  [/一般公共预算/, 'general'],
  [/政府性基金/, 'gov_fund'],
  [/国有资本经营/, 'state_capital'],
  [/财政拨款/, 'fiscal'],
];

/** Scope named by a heading or a sentence's head: the most specific word. */
export function scopeOfText(s: string): Scope | null {
  for (const [re, sc] of SCOPE_WORDS) if (re.test(s)) return sc;
  return null;
}

/** Sections whose figures are not restatements of the tables. */
const SKIP_HEADING = /绩效|附件|名词解释|国有资产|重点(项目|支出)|项目(支出)?(情况|说明)/;

/** Index of the first element of the ascending `xs` that is ≥ `v` (xs.length when none). */
function firstAtOrAfter(xs: readonly number[], v: number): number {
  return lastAtOrBelow(xs, v - 1) + 1;
}

export interface TextOffsets {
  /** Where the sentence (。；;) holding offset `at` starts. */
  sentenceStart(at: number): number;
  /** The last clause cut (。；;，,) before offset `at`, or -1. */
  lastCut(at: number): number;
}

export function textOffsets(text: string): TextOffsets {
  const stops = [...text.matchAll(/[。；;]/g)].map((m) => m.index!);
  const cuts = [...text.matchAll(/[。；;，,]/g)].map((m) => m.index!);
  // text.lastIndexOf(ch, at - 1) looks at offset 0 even for at ≤ 0
  const before = (xs: number[], at: number) => {
    const k = lastAtOrBelow(xs, Math.max(at - 1, 0));
    return k < 0 ? -1 : xs[k];
  };
  return { sentenceStart: (at) => before(stops, at) + 1, lastCut: (at) => before(cuts, at) };
}

/** The item markers of a numbered list: “（五）”, “三、” open a new block; “1.”, “2、” are items inside it. */
const BLOCK_MARK = /(?:^|[。；;：:])\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、．.])/g;

/**
 * A bare name (no code, no 类/款/项 mark) that names a project, not a functional line: an item of a list that
 * “项目支出X万元，具体包括：1.…2.…” announces in the same block (深圳 2026: “3.国有资产监管1,642.77万元” is a project
 * of that name, the 款 21507 prints 6105.16), or a part listed under an amount whose subject is not a table line
 * (“5.综合管理367.65万元，主要包括：…；行政运行85.04万元” — 行政运行 is that project's part).
 */
const PROJECT_LIST_HEAD = /^项目支出[^。；]{0,30}?(?:具体包括|主要包括|包括|如下)[:：]/;

/**
 * Found once per paragraph, so that the facts stay linear (issue 13.5): where each block opens (BLOCK_MARK), and
 * each “项目支出…具体包括：” list head with the offset its shortest match ends at.
 */
interface Blocks {
  starts: number[];
  heads: { start: number; end: number }[];
  headStarts: number[];
}

function blocksOf(text: string): Blocks {
  const heads: Blocks['heads'] = [];
  for (const m of text.matchAll(/项目支出/g)) {
    const hit = PROJECT_LIST_HEAD.exec(text.slice(m.index!, m.index! + 60));
    if (hit) heads.push({ start: m.index!, end: m.index! + hit[0].length });
  }
  return { starts: [...text.matchAll(BLOCK_MARK)].map((m) => m.index!), heads, headStarts: heads.map((h) => h.start) };
}

function inProjectList(
  text: string,
  figs: readonly Figure[],
  starts: readonly number[],
  bl: Blocks,
  f: Figure,
  isFact: ReadonlySet<Figure>,
): boolean {
  // the block the figure is in: the last mark that starts before it
  const k = lastAtOrBelow(bl.starts, f.start - 1);
  const block = k < 0 ? 0 : bl.starts[k];
  if (/^[\d]+[.．、]/.test(f.label)) {
    // a list head inside the block, wholly before the figure
    for (let i = lastAtOrBelow(bl.headStarts, f.start); i >= 0 && bl.heads[i].start >= block; i--)
      if (bl.heads[i].end <= f.start) return true;
  }
  const stop = Math.max(text.lastIndexOf('。', f.start - 1), block);
  const markers = [...text.slice(stop, f.start).matchAll(/具体包括|主要包括|包括|其中/g)];
  if (!markers.length) return false;
  const at = stop + markers[0].index!;
  // the last amount between the sentence's stop and the list marker
  let head: Figure | undefined;
  for (let i = lastAtOrBelow(starts, at); i >= 0 && figs[i].start >= stop; i--) {
    const g = figs[i];
    if (g.kind === 'amount' && !g.change && g.end <= at) {
      head = g;
      break;
    }
  }
  return !!head && !isFact.has(head);
}

const GENERIC = /^(?:\d{4}年度?|本年|当年)?(?:预算)?(?:支出|收入)?(?:预算)?(?:合计|小计)?(?:数)?(?:为|是)?$/;

/** The label, or the name before a colon joined to it when the label itself names nothing ("…(项):支出"). */
function labelWithName(
  text: string,
  f: Figure,
  names: readonly string[],
  year: number | null,
  at: TextOffsets,
  kind: DocumentKind | null,
): string {
  const cut = at.lastCut(f.start);
  const seg = text.slice(cut + 1, f.start);
  const colon = Math.max(seg.lastIndexOf('：'), seg.lastIndexOf(':'));
  if (colon < 0 || !GENERIC.test(f.label.replace(/\s+/g, ''))) return f.label;
  const before = tidy(seg.slice(0, colon))
    .replace(/\s+/g, '')
    .replace(/^.*[:：]/, '');
  if (!before || /\d+(\.\d+)?(万元|元|%)/.test(before)) return f.label;
  // “检察（款）：2018年预算支出合计…”: the document's year belongs to the generic label, not between name and term
  const generic = f.label.replace(/\s+/g, '').replace(/^(\d{4})年度?/, (y, n) => (Number(n) === year ? '' : y));
  const joined = before + generic;
  return lineOfLabel(joined, names, year, kind) || subjectOfLabel(before, names, year, kind) ? joined : f.label;
}

/**
 * Every figure of the narrative whose words name a table line or total, with its subject, its scope (the words
 * before the term, else the sentence's head up to its first figure, else the heading) and the cells it restates.
 */
export function narrativeFacts(d: Disclosure): Fact[] {
  const names = [...new Set([d.entity.name, ...d.entity.names].filter((n): n is string => !!n))].sort(
    (a, b) => b.length - a.length,
  );
  const out: Fact[] = [];
  for (const l of paragraphs(d)) {
    if (SKIP_HEADING.test(l.heading)) continue;
    const headingScope =
      scopeOfText(l.section.headingPath.slice(-1).join('')) ??
      scopeOfText(l.heading.replace(/第[一二三四五六七八九十]+部分[^/]*/, ''));
    const figs = figures(l.text);
    let last: Fact | null = null;
    // Linear reading (issue 13.5): sentence starts and clause cuts are looked up in offsets found once, the first
    // figure of a sentence by binary search, and "an amount of something unknown before this one in the sentence"
    // is kept as the offset of the last such amount instead of being searched for at every figure.
    const at = textOffsets(l.text);
    const starts = figs.map((g) => g.start);
    const indexOfFigure = new Map(figs.map((g, k) => [g, k]));
    const isFact = new Set<Figure>();
    let blocks: Blocks | undefined;
    const blocksFor = (): Blocks => {
      blocks ??= blocksOf(l.text);
      return blocks;
    };
    let lastUnknown = -1;
    figs.forEach((f, i) => {
      readFigure(f, i);
      if (f.kind === 'amount' && !f.change && !isFact.has(f) && !priorYearLabel(f.label, d.fiscalYear))
        lastUnknown = f.start;
    });
    function readFigure(f: Figure, i: number) {
      if (f.kind !== 'amount' || f.change) return;
      const ss = at.sentenceStart(f.start);
      const first = firstAtOrAfter(starts, ss);
      const firstInSentence = first < figs.length ? figs[first] : undefined;
      const head = l.text.slice(
        ss,
        firstInSentence && firstInSentence.start < f.start ? firstInSentence.start : f.start,
      );
      // a figure right after a 比/较 (“比2025年预算数1506121.45万元减少…”) is the prior year's
      if (
        /(比|较|与|同)[^，。；]{0,20}$/.test(l.text.slice(Math.max(0, f.start - 24), f.start)) &&
        /(比|较)/.test(f.label)
      )
        return;
      const scopeFromHead = scopeOfText(head.replace(/占.*$/, ''));
      let fact: Fact | null = null;
      // "广深港…物业管理服务2,520.00万元，上年结转122.31万元": after an amount of something the vocabulary does not
      // know, the sentence's parts are that thing's
      const unknownBefore = lastUnknown >= ss;
      if (unknownBefore && !/^[（(]?[一二三四五六七八九十\d]+[)）.、．]/.test(f.label)) return;
      // "1.住房公积金(项):支出1,073.77万元": a generic label after a colon restates the name before the colon
      const label = labelWithName(l.text, f, names, d.fiscalYear, at, d.kind);
      const line = lineOfLabel(label, names, d.fiscalYear, d.kind);
      if (
        line &&
        !line.code &&
        !line.tail &&
        line.names.every((n) => n.level === null) &&
        inProjectList(l.text, figs, starts, blocksFor(), f, isFact)
      )
        return;
      if (line) {
        const scope = scopeFromHead ?? headingScope ?? 'all';
        // lines listed under "项目支出…，其中：" are that kind's part of the line, not the line's total
        const kinds = [...new Set([...head.matchAll(/基本支出|项目支出/g)].map((m) => m[0]))];
        let column = kinds.length === 1 ? (kinds[0] === '基本支出' ? 'basic' : 'project') : null;
        // the list goes on in the next sentence ("其中：一般公共服务支出3.00万元，主要用于…。公共安全支出40230.95万元")
        if (
          !kinds.length &&
          last?.subject.startsWith('line:') &&
          last.figure.sentence === f.sentence - 1 &&
          last.cells[0]?.column !== 'total' &&
          last.cells[0]?.column !== 'amount'
        )
          column = last.cells[0]?.column ?? null;
        const specs = (LINE_TARGETS[scope] ?? []).map((x) => (column ? { ...x, column } : x));
        const cells = specs.flatMap((s) => resolve(d, s, line));
        // every table must name the same line (a bare name may be a 项 under two 款)
        const code = cells[0]?.row.code;
        if (code && cells.every((x) => x.row.code === code))
          fact = {
            located: l,
            figure: f,
            subject: `line:${code}`,
            scope,
            label,
            term: `${code}:${cells[0].column}`,
            cells,
            inherited: false,
          };
        else if (!cells.length && (line.code || line.names.some((n) => n.level))) {
          // no table to resolve it (北京 publishes its tables apart): the line as printed is still one item
          const key =
            line.code ??
            line.names.map((n) => `${n.name}${n.level ?? ''}`).join('/') + (line.tail ? `/${line.tail.digits}` : '');
          fact = {
            located: l,
            figure: f,
            subject: `line:${key}`,
            scope,
            label,
            term: key + (column ? `:${column}` : ''),
            cells: [],
            inherited: false,
          };
        }
      }
      const subj = fact ? null : subjectOfLabel(label, names, d.fiscalYear, d.kind);
      if (fact) {
        // a functional line
      } else if (subj) {
        // "对个人和家庭的补助（303）100151.38万元,其中：人员经费138.06万元" (西安 2020 人社局 p19): the 人员经费 of that line, not
        // the department's; unchecked rather than tied to the total
        // The same when the line's breakdown is a sentence of its own that opens on 具体为/其中 ("（1）进修及培训（20508）
        // 102.32万元，较上年…。具体为：人员经费0.00万元…；公用经费28.32万元", 西安 2021 民政局 p21–32, one paragraph per 款).
        const between = l.text.slice(last?.figure.start ?? 0, f.start);
        if (
          last?.subject.startsWith('line:') &&
          /^(personnel|public|expenditure\.(basic|project))$/.test(subj.subject) &&
          ((/其中/.test(between) && !/。/.test(between)) ||
            /^[\s（(]*(具体(为|是|包括)|其中)/.test(between.slice(between.lastIndexOf('。') + 1)))
        )
          return;
        let subject = subj.subject;
        let scope: Scope = subj.scope ?? scopeFromHead ?? headingScope ?? 'all';
        if (subj.sided) {
          // "其中：一般公共预算拨款X万元" after a spending total is spending from that budget
          const before = l.text.slice(ss, f.start);
          const side = [...before.matchAll(/收入|支出/g)].pop()?.[0] ?? (/支出/.test(l.heading) ? '支出' : '收入');
          if (side === '支出') {
            scope =
              subject === 'income.general_budget'
                ? 'general'
                : subject === 'income.gov_fund'
                  ? 'gov_fund'
                  : 'state_capital';
            subject = 'expenditure.total';
          }
        }
        // source subjects are scope-free; income/spending totals keep the scope
        const cells = specsFor(subject, scope).flatMap((s) => resolve(d, s, null));
        fact = { located: l, figure: f, subject, scope, label, term: subj.term, cells, inherited: false };
      } else if (isBareAmountLabel(f.label, names, d.fiscalYear, d.kind)) {
        // a subject named just before without a figure ("（一）因公出国（境）费用。2026年预算数…"), else the subject of
        // the last fact when only changes and rates stand between ("住房公积金（01项）136.4万元，…，预算安排131.20万元")
        const prevStart = at.sentenceStart(ss - 1);
        const prev = l.text.slice(prevStart, f.start - f.label.length).replace(/[。；;，,：:]+$/, '');
        const clauses = prev.split(/[。；;，,]/).filter(Boolean);
        const topic = clauses[clauses.length - 1] ?? '';
        const named = topic && !/\d/.test(topic) ? subjectOfLabel(topic, names, d.fiscalYear, d.kind) : null;
        if (named) {
          const scope: Scope = named.scope ?? scopeOfText(head) ?? headingScope ?? 'all';
          const cells = specsFor(named.subject, scope).flatMap((s) => resolve(d, s, null));
          fact = {
            located: l,
            figure: f,
            subject: named.subject,
            scope,
            label: topic + f.label,
            term: named.term,
            cells,
            inherited: true,
          };
        } else if (
          last &&
          f.sentence - last.figure.sentence <= 1 &&
          figs
            .slice((indexOfFigure.get(last.figure) ?? figs.length) + 1, i)
            .every((g) => g.kind === 'percent' || g.change || priorYearLabel(g.label, d.fiscalYear))
        ) {
          fact = { ...last, figure: f, label: f.label, inherited: true };
        }
      }
      if (fact) {
        out.push(fact);
        isFact.add(f);
        last = fact;
      }
    }
  }
  return out;
}

/**
 * The cells of another document (the entity's prior year, issue 12) that print what a fact of this document is
 * about: the fact's subject and scope resolved there, as narrativeFacts resolves them here. Lets a narrative
 * published without its tables (江苏 prints 文件 and 表格 apart) be checked against last year's tables.
 */
export function factCellsIn(other: Disclosure, fact: Fact, names: readonly string[], year: number | null): TiedCell[] {
  if (fact.subject.startsWith('line:')) {
    const line = lineOfLabel(fact.label, names, year);
    if (!line) return [];
    const column = fact.cells[0]?.column;
    const specs = (LINE_TARGETS[fact.scope] ?? []).map((x) =>
      column && (column === 'basic' || column === 'project') ? { ...x, column } : x,
    );
    return specs.flatMap((x) => resolve(other, x, line));
  }
  return specsFor(fact.subject, fact.scope).flatMap((x) => resolve(other, x, null));
}

export interface Comparison {
  status: 'equal' | 'rounding' | 'differs';
  /** The cell compared: the one that agrees, else the first that could be read. */
  cell: TiedCell;
  tableValue: Decimal;
  unit: AmountUnit;
}

const toYuan = (v: Decimal, unit: AmountUnit | undefined | null): Decimal =>
  unit === '万元' ? { units: v.units * 10000n, scale: v.scale } : v;

/**
 * Compares a fact with its cells in 元, on intervals: equal when one cell prints the same amount, rounding when
 * one cell's interval meets the figure's, differs when none does. A blank cell reads as zero only for a stated zero
 * (a cell the reader lost must not make a stated amount wrong); null when no cell can be read.
 */
export function compareFact(d: Disclosure, fact: Fact): Comparison | null {
  const f = fact.figure;
  const statedValue = toYuan(f.value, f.unit);
  let rounding: Comparison | null = null;
  let differs: Comparison | null = null;
  for (const cell of fact.cells) {
    const cv = cellValue(cell.table, cell.row, cell.column);
    const unit = unitOf(d, cell.table);
    if (!cv || !unit) continue;
    if (cv.blank && f.value.units !== 0n) continue;
    if (cmp(toYuan(cv.value, unit), statedValue) === 0) return { status: 'equal', cell, tableValue: cv.value, unit };
    if (mayEqual(statedInterval(fact, unit), cellInterval(cell.table, cell.row, cv.interval, unit)))
      rounding ??= { status: 'rounding', cell, tableValue: cv.value, unit };
    else differs ??= { status: 'differs', cell, tableValue: cv.value, unit };
  }
  return rounding ?? differs;
}

/**
 * What a narrative figure may stand for, in 元, against a cell of `unit`: its printed interval; when the narrative
 * converts the table's unit (元 → 万元) the digits are as often cut off as rounded (西安 2022: 56,206,054.00元
 * printed “5620.60万元”), so the interval reaches one unit above.
 */
function statedInterval(fact: Fact, unit: AmountUnit): Interval {
  const f = fact.figure;
  const base = f.unit === '元' ? figureInterval(f) : figureInterval(f, true);
  const own =
    f.unit === unit
      ? base
      : { lo: base.lo, hi: add(toYuan(f.value, f.unit), toYuan(fromUnits(1n, f.decimals), f.unit)) };
  // A total the narrative states as the sum of the parts it lists after it (“财政拨款收入70,376.87万元，其中一般公共预算
  // 拨款收入53,598.71万元、政府性基金拨款收入16,778.16万元”, 西安民政 2021 p20) was added from those rounded parts: it stands
  // for any value their intervals allow (70,376.86–70,376.88), and the 元 table's 703,768,605.79 is such a value.
  const parts = statedParts(fact.located.text, f);
  if (!parts) return own;
  const iv = f.unit === '万元' ? shift(parts, 4) : parts;
  return { lo: cmp(iv.lo, own.lo) < 0 ? iv.lo : own.lo, hi: cmp(iv.hi, own.hi) > 0 ? iv.hi : own.hi };
}

/** The interval of the parts listed right after a figure (其中/包括 …, to the sentence's end), when their printed values add
 * up to it exactly; null when no such list follows. */
function statedParts(text: string, f: Figure): Interval | null {
  if (f.kind !== 'amount' || f.change) return null;
  const after = /^[\s，,；;]{0,3}(?:其中|包括)[:：，,]?/.exec(text.slice(f.end));
  if (!after) return null;
  const from = f.end + after[0].length;
  const parts = figures(text).filter(
    (g) =>
      g.start >= from &&
      g.sentence === f.sentence &&
      g.kind === 'amount' &&
      !g.change &&
      g.unit === f.unit &&
      !/上年|比|较|年初|预算数|决算数/.test(g.label),
  );
  if (parts.length < 2) return null;
  const sum = figureSum(parts);
  return cmp(sum.value, f.value) === 0 ? sum.interval : null;
}

/**
 * What a cell may stand for when a narrative restates it, in 元: a total or parent line is a sum of printed parts,
 * and a narrative that adds the printed parts is off by up to one unit of the table's last place for two parts
 * (重庆经信委 2026 p2 “190.62万元” for a 201 printed 190.63): its interval widens by that unit each side.
 */
function cellInterval(t: Table, row: Row, iv: Interval, unit: AmountUnit): Interval {
  const sum = row.kind === 'total' || (row.kind === 'code' && row.level !== '项');
  const yuan = unit === '万元' ? shift(iv, 4) : iv;
  if (!sum) return yuan;
  const u = toYuan(fromUnits(1n, tablePrecision(t)), unit);
  return { lo: sub(yuan.lo, u), hi: add(yuan.hi, u) };
}

/** The cells printing a subject in a scope (TARGETS), for rules that test a claim about it without a figure. */
export function cellsOf(d: Disclosure, subject: string, scope: Scope): TiedCell[] {
  return specsFor(subject, scope).flatMap((s) => resolve(d, s, null));
}
