import { ref } from '../refs.ts';
import type { CrossRelation } from './types.ts';

// The same quantity printed in two tables must be the same number (domain.md §5 Cross-table). 决算 first (公开
// 01–09表 by their usual numbers), then 预算.

const FINAL = ['决算'] as const;
const BUDGET = ['预算'] as const;
const F = (k: string) => `final.${k}`;
/** Columns of money brought forward that a table by fund source counts in its 合计 beside this year's sources. */
const BROUGHT_FORWARD = ['carryover', 'non_fiscal_balance', 'prior_account_balance', 'fund_balance_used'];

/** Cross-table identities, evaluated by cross-table-totals (CJ201). */
export const CROSS_RELATIONS: CrossRelation[] = [
  {
    appliesTo: FINAL,
    name: '01表本年收入合计 = 02表合计',
    nameEn: 'table 01 income total = table 02 total',
    left: ref(F('income_expenditure_summary'), 'income.total', 'amount'),
    right: [ref(F('income'), 'total', 'total')],
  },
  {
    appliesTo: FINAL,
    name: '01表本年支出合计 = 03表合计',
    nameEn: 'table 01 expenditure total = table 03 total',
    left: ref(F('income_expenditure_summary'), 'expenditure.total', 'amount'),
    right: [ref(F('expenditure'), 'total', 'total')],
  },
  {
    appliesTo: FINAL,
    name: '02表财政拨款收入 = 01表三项财政拨款收入',
    nameEn: 'table 02 fiscal income = the three fiscal lines of table 01',
    left: ref(F('income'), 'total', 'fiscal'),
    right: ['general_budget', 'gov_fund', 'state_capital'].map((k) =>
      ref(F('income_expenditure_summary'), `income.${k}`, 'amount'),
    ),
  },
  {
    appliesTo: FINAL,
    name: '04表本年收入合计 = 02表财政拨款收入',
    nameEn: 'table 04 income total = table 02 fiscal income',
    left: ref(F('fiscal_summary'), 'income.total', 'amount'),
    right: [ref(F('income'), 'total', 'fiscal')],
  },
  {
    appliesTo: FINAL,
    name: '04表一般公共预算财政拨款收入 = 01表',
    nameEn: 'table 04 general-budget income = table 01',
    left: ref(F('fiscal_summary'), 'income.general_budget', 'amount'),
    right: [ref(F('income_expenditure_summary'), 'income.general_budget', 'amount')],
  },
  {
    appliesTo: FINAL,
    name: '04表一般公共预算财政拨款支出 = 05表合计',
    nameEn: 'table 04 general-budget spending = table 05 total',
    left: ref(F('fiscal_summary'), 'expenditure.total', 'general_budget'),
    right: [ref(F('general_budget_expenditure'), 'total', 'total')],
  },
  {
    appliesTo: FINAL,
    name: '04表政府性基金支出 = 07表本年支出',
    nameEn: 'table 04 government-fund spending = table 07 spending',
    left: ref(F('fiscal_summary'), 'expenditure.total', 'gov_fund'),
    right: [ref(F('gov_fund'), 'total', 'total')],
  },
  {
    appliesTo: FINAL,
    name: '04表国有资本经营支出 = 08表合计',
    nameEn: 'table 04 state-capital spending = table 08 total',
    left: ref(F('fiscal_summary'), 'expenditure.total', 'state_capital'),
    right: [ref(F('state_capital'), 'total', 'total')],
  },
  {
    appliesTo: FINAL,
    name: '05表基本支出 = 06表人员经费合计 + 公用经费合计',
    nameEn: 'table 05 basic = table 06 personnel + public totals',
    left: ref(F('general_budget_expenditure'), 'total', 'basic'),
    right: [
      ref(F('general_budget_basic'), 'personnel_total', 'amount'),
      ref(F('general_budget_basic'), 'public_total', 'amount'),
    ],
  },
  // 预算
  {
    appliesTo: BUDGET,
    name: '财政拨款收支总表一般公共预算支出 = 一般公共预算支出表合计',
    nameEn: 'fiscal summary general-budget spending = general budget table total',
    left: ref('budget.fiscal_summary', 'expenditure.current', 'general_budget'),
    right: [ref('budget.general_expenditure', 'total', 'total')],
  },
  {
    appliesTo: BUDGET,
    name: '一般公共预算支出表基本支出 = 一般公共预算基本支出表合计',
    nameEn: 'general budget basic = basic table total',
    left: ref('budget.general_expenditure', 'total', 'basic'),
    right: [ref('budget.general_basic', 'total', 'total')],
  },
  {
    // the 收入总表's 合计 includes the columns of money brought forward when it prints them: 上年结转, 使用非财政拨款结余
    // (烟台 2026), 上年实户资金余额 and 用事业基金弥补收支差额 (西安 2019)
    appliesTo: BUDGET,
    variants: [
      '收入总表另列上年结转、使用非财政拨款结余（烟台 2026）/ the income table also prints carry-over and non-fiscal balance used',
      '收入总表另列上年实户资金余额、用事业基金弥补收支差额（西安 2019）/ … prior account balance and reserve fund used',
      '收支总表在本年收入合计之下另列上级补助收入、附属单位上缴收入（烟台 2026）/ superior subsidy and affiliated income printed below the income total',
    ],
    name: '收支总表本年收入合计 = 收入总表合计 − 上年结转 − 使用非财政拨款结余 − 上年实户资金余额 − 用事业基金弥补收支差额',
    nameEn:
      'summary income total = income table total − carry-over − non-fiscal balance used − prior account balance − reserve fund used',
    left: ref('budget.summary', 'income.total', 'amount'),
    right: [
      ref('budget.income', 'total', 'total'),
      ...BROUGHT_FORWARD.map((c) => ref('budget.income', 'total', c, -1)),
    ],
    // 烟台 2026 p9: 上级补助收入 60.00 printed below 本年收入合计, counted in the 收入总表's 合计 (p10)
    whenPresent: [
      {
        row: ref('budget.summary', 'income.superior_unit_below', 'amount'),
        add: [ref('budget.income', 'total', 'superior_subsidy', -1)],
      },
      {
        row: ref('budget.summary', 'income.affiliated_below', 'amount'),
        add: [ref('budget.income', 'total', 'affiliated', -1)],
      },
    ],
  },
  {
    // 西安 (2019–2026) prints the 支出总表 by fund source, as the 收入总表: its 合计 counts the spending of money brought
    // forward (上年实户资金余额, 上年结转, 用事业基金弥补收支差额), which the 收支总表 counts in 本年支出合计 (民政 2021 p40:
    // 872,031,967.20 = 支出总表 合计; 公安 2026 likewise) or leaves out of it, beside 本年收入合计 (应急 2019 p3: 3,643.37 =
    // 3,695.91 − 40.93 − 11.61, the 52.54 printed as 结转下年)
    appliesTo: BUDGET,
    variants: [
      '支出总表按资金来源列示，合计含上年实户资金余额、上年结转、用事业基金弥补收支差额；收支总表本年支出合计含（西安 2021 民政局、2026 公安局）或不含（西安 2019 应急管理局）这些资金/ the expenditure table by fund source counts money brought forward, which the summary expenditure total may or may not count',
    ],
    name: '收支总表本年支出合计 = 支出总表合计（或支出总表合计 − 上年结转 − 使用非财政拨款结余 − 上年实户资金余额 − 用事业基金弥补收支差额）',
    nameEn:
      'summary expenditure total = expenditure table total (or that total − carry-over − non-fiscal balance used − prior account balance − reserve fund used)',
    left: ref('budget.summary', 'expenditure_function.total', 'amount'),
    right: [ref('budget.expenditure', 'total', 'total')],
    alternative: {
      add: BROUGHT_FORWARD.map((c) => ref('budget.expenditure', 'total', c, -1)),
    },
  },
  {
    appliesTo: BUDGET,
    name: '财政拨款收支总表本年支出 = 一般公共预算 + 政府性基金 + 国有资本经营预算支出表合计',
    nameEn: 'fiscal summary spending = general budget + government fund + state capital tables',
    left: ref('budget.fiscal_summary', 'expenditure.current', 'amount'),
    right: [
      ref('budget.general_expenditure', 'total', 'total'),
      ref('budget.gov_fund', 'total', 'total'),
      ref('budget.state_capital', 'total', 'total'),
    ],
  },
  {
    appliesTo: BUDGET,
    variants: [
      '收支总表不列上年结转行，上年结转含在各项收入中（重庆 2026）/ the summary prints no carry-over line and counts it in its income lines',
    ],
    name: '收支总表一般公共预算收入 = 财政拨款收支总表（收支总表无上年结转行时含上年结转）',
    nameEn: 'summary general-budget income = fiscal summary (plus its carry-over when the summary prints none)',
    left: ref('budget.summary', 'income.general_budget', 'amount'),
    right: [ref('budget.fiscal_summary', 'income.general_budget', 'amount')],
    whenAbsent: {
      row: ref('budget.summary', 'income.carryover', 'amount'),
      add: [ref('budget.fiscal_summary', 'income.carryover.general_budget', 'amount')],
    },
  },
];
