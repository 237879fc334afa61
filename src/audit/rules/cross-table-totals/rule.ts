import { checkEquation } from '../../equation.ts';
import { cellValue } from '../../cells.ts';
import { ref, term, type CellRef } from '../../refs.ts';
import type { Rule } from '../../types.ts';

// Cross-table identities (domain.md §5 Cross-table): the same quantity printed in two tables must be the
// same number. The finding sits on the first table's cell and names the other as related; it cannot tell
// which side is wrong and says so.

export interface CrossRelation {
  name: string;
  nameEn: string;
  left: CellRef;
  right: CellRef[];
  /**
   * Parts that belong on the right only when a line is absent from the left table: a 收支总表 that prints no
   * 上年结转 line of its own counts the carried-over money inside its income lines (重庆 2026).
   */
  whenAbsent?: { row: CellRef; add: CellRef[] };
  /** Parts that belong on the right only when a line is printed in the left table (a line below 本年收入合计). */
  whenPresent?: { row: CellRef; add: CellRef[] }[];
}

const F = (k: string) => `final.${k}`;

export const CROSS_RELATIONS: CrossRelation[] = [
  { name: '01表本年收入合计 = 02表合计', nameEn: 'table 01 income total = table 02 total', left: ref(F('income_expenditure_summary'), 'income.total', 'amount'), right: [ref(F('income'), 'total', 'total')] },
  { name: '01表本年支出合计 = 03表合计', nameEn: 'table 01 expenditure total = table 03 total', left: ref(F('income_expenditure_summary'), 'expenditure.total', 'amount'), right: [ref(F('expenditure'), 'total', 'total')] },
  {
    name: '02表财政拨款收入 = 01表三项财政拨款收入',
    nameEn: 'table 02 fiscal income = the three fiscal lines of table 01',
    left: ref(F('income'), 'total', 'fiscal'),
    right: ['general_budget', 'gov_fund', 'state_capital'].map((k) => ref(F('income_expenditure_summary'), `income.${k}`, 'amount')),
  },
  { name: '04表本年收入合计 = 02表财政拨款收入', nameEn: 'table 04 income total = table 02 fiscal income', left: ref(F('fiscal_summary'), 'income.total', 'amount'), right: [ref(F('income'), 'total', 'fiscal')] },
  { name: '04表一般公共预算财政拨款收入 = 01表', nameEn: 'table 04 general-budget income = table 01', left: ref(F('fiscal_summary'), 'income.general_budget', 'amount'), right: [ref(F('income_expenditure_summary'), 'income.general_budget', 'amount')] },
  { name: '04表一般公共预算财政拨款支出 = 05表合计', nameEn: 'table 04 general-budget spending = table 05 total', left: ref(F('fiscal_summary'), 'expenditure.total', 'general_budget'), right: [ref(F('general_budget_expenditure'), 'total', 'total')] },
  { name: '04表政府性基金支出 = 07表本年支出', nameEn: 'table 04 government-fund spending = table 07 spending', left: ref(F('fiscal_summary'), 'expenditure.total', 'gov_fund'), right: [ref(F('gov_fund'), 'total', 'total')] },
  { name: '04表国有资本经营支出 = 08表合计', nameEn: 'table 04 state-capital spending = table 08 total', left: ref(F('fiscal_summary'), 'expenditure.total', 'state_capital'), right: [ref(F('state_capital'), 'total', 'total')] },
  { name: '05表基本支出 = 06表人员经费合计 + 公用经费合计', nameEn: 'table 05 basic = table 06 personnel + public totals', left: ref(F('general_budget_expenditure'), 'total', 'basic'), right: [ref(F('general_budget_basic'), 'personnel_total', 'amount'), ref(F('general_budget_basic'), 'public_total', 'amount')] },
  // 预算
  { name: '财政拨款收支总表一般公共预算支出 = 一般公共预算支出表合计', nameEn: 'fiscal summary general-budget spending = general budget table total', left: ref('budget.fiscal_summary', 'expenditure.current', 'general_budget'), right: [ref('budget.general_expenditure', 'total', 'total')] },
  { name: '一般公共预算支出表基本支出 = 一般公共预算基本支出表合计', nameEn: 'general budget basic = basic table total', left: ref('budget.general_expenditure', 'total', 'basic'), right: [ref('budget.general_basic', 'total', 'total')] },
  {
    // the 收入总表's 合计 includes the columns of money brought forward when it prints them: 上年结转, 使用非财政拨款结余
    // (烟台 2026), 上年实户资金余额 and 用事业基金弥补收支差额 (西安 2019)
    name: '收支总表本年收入合计 = 收入总表合计 − 上年结转 − 使用非财政拨款结余 − 上年实户资金余额 − 用事业基金弥补收支差额',
    nameEn: 'summary income total = income table total − carry-over − non-fiscal balance used − prior account balance − reserve fund used',
    left: ref('budget.summary', 'income.total', 'amount'),
    right: [ref('budget.income', 'total', 'total'), ...['carryover', 'non_fiscal_balance', 'prior_account_balance', 'fund_balance_used'].map((c) => ref('budget.income', 'total', c, -1))],
    // 烟台 2026 p9: 上级补助收入 60.00 printed below 本年收入合计, counted in the 收入总表's 合计 (p10)
    whenPresent: [
      { row: ref('budget.summary', 'income.superior_unit_below', 'amount'), add: [ref('budget.income', 'total', 'superior_subsidy', -1)] },
      { row: ref('budget.summary', 'income.affiliated_below', 'amount'), add: [ref('budget.income', 'total', 'affiliated', -1)] },
    ],
  },
  { name: '收支总表本年支出合计 = 支出总表合计', nameEn: 'summary expenditure total = expenditure table total', left: ref('budget.summary', 'expenditure_function.total', 'amount'), right: [ref('budget.expenditure', 'total', 'total')] },
  {
    name: '财政拨款收支总表本年支出 = 一般公共预算 + 政府性基金 + 国有资本经营预算支出表合计',
    nameEn: 'fiscal summary spending = general budget + government fund + state capital tables',
    left: ref('budget.fiscal_summary', 'expenditure.current', 'amount'),
    right: [ref('budget.general_expenditure', 'total', 'total'), ref('budget.gov_fund', 'total', 'total'), ref('budget.state_capital', 'total', 'total')],
  },
  {
    name: '收支总表一般公共预算收入 = 财政拨款收支总表（收支总表无上年结转行时含上年结转）',
    nameEn: 'summary general-budget income = fiscal summary (plus its carry-over when the summary prints none)',
    left: ref('budget.summary', 'income.general_budget', 'amount'),
    right: [ref('budget.fiscal_summary', 'income.general_budget', 'amount')],
    whenAbsent: { row: ref('budget.summary', 'income.carryover', 'amount'), add: [ref('budget.fiscal_summary', 'income.carryover.general_budget', 'amount')] },
  },
];

const rule: Rule = {
  meta: {
    id: 'cross-table-totals',
    code: 'CJ201',
    title: { zh: '表间合计数一致', en: 'Totals agree between tables' },
    category: 'cross-table',
    severity: 'error',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      mismatch: {
        zh: '{target}为 {actual}，与另一表对应数 {expected} 不一致（{relation}），相差 {difference}{unit}；无法判断哪一方有误',
        en: '{targetEn} is {actual} but the other table gives {expected} ({relationEn}), difference {difference} {unit}; either side may be wrong',
      },
      'mismatch.rounding': {
        zh: '{target}为 {actual}，另一表对应数为 {expected}（{relation}），相差 {difference}{unit}，属尾数误差',
        en: '{targetEn} is {actual}, the other table gives {expected} ({relationEn}): difference {difference} {unit} is explained by rounding',
      },
    },
  },
  check(ctx) {
    for (const rel of CROSS_RELATIONS) {
      // Relations between tables of the other document kind never apply (the tables' templates say their kind).
      if (!ctx.ofKind(rel.left.table)) continue;
      // A relation with a table missing is skipped as a whole, and said so: comparing with the remaining parts
      // would read the missing table as zero.
      const absent = [...new Set([rel.left, ...rel.right].map((r) => r.table))].filter((k) => !ctx.table(k));
      if (absent.length) {
        for (const k of absent) ctx.skip(k);
        continue;
      }
      const left = term(ctx, rel.left);
      const right = [
        ...(rel.whenAbsent && !term(ctx, rel.whenAbsent.row) ? [...rel.right, ...rel.whenAbsent.add] : rel.right),
        ...(rel.whenPresent ?? []).flatMap((w) => (term(ctx, w.row) ? w.add : [])),
      ];
      const parts = right.map((r) => term(ctx, r)).filter((r) => r !== undefined);
      if (!left || !parts.length) continue;
      // A total printed blank is the line sums' finding within its own table (and often a line the reader did not
      // name, 福州 2026 收支预算总表): comparing it across tables would only repeat or mislead.
      // (the subtracted or added-in lines, such as 上年结转, are often blank and do not count here)
      if ([left, parts[0]].some((t) => cellValue(t.table, t.row, t.column)?.blank)) continue;
      checkEquation(ctx, { target: left, parts, messageId: 'mismatch', values: { relation: rel.name, relationEn: rel.nameEn } });
    }
  },
};

export default rule;
