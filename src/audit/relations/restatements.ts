import type { RelationBase } from './types.ts';

// Summary tables restate the detail tables (domain.md §5: 01 = 02/03, 04 = 05/07/08, 收支总表 = 收入/支出总表,
// 财政拨款收支总表 = 一般公共预算支出表). Each restatement says where one line of a summary table comes from: another
// table's 合计 line (a named item), or the same functional class (类) line of the detail table, or the sum of other
// columns of the same line. The authoring workbook (src/author/plan.ts derivation) fills those lines with formulas
// over the detail sheets, and the workbook reader derives them the same way, so an authored document agrees with
// itself by construction. The audit checks the printed identities in cross-table.ts and by-class.ts.

export interface Restatement extends RelationBase {
  /** The summary table and the part (section) of it whose line this is; no section: any part. */
  table: string;
  section?: string;
  /** The line: a named item, or every functional class (类) line of the part. */
  line: { item: string } | 'class';
  /** Columns of the summary line this holds for; absent: every column. */
  columns?: readonly string[];
  /** Where the figure comes from: the other table's 合计 line (item) or its line of the same class (class). */
  from: { table: string; column: string } | { sumColumns: readonly string[] };
}

const FINAL = ['决算'] as const;
const BUDGET = ['预算'] as const;

const F01 = 'final.income_expenditure_summary';
const F04 = 'final.fiscal_summary';

const item = (
  appliesTo: readonly ('预算' | '决算')[],
  table: string,
  section: string | undefined,
  key: string,
  fromTable: string,
  fromColumn: string,
): Restatement => ({
  appliesTo,
  name: `${key} ← ${fromTable} 合计/${fromColumn}`,
  table,
  ...(section ? { section } : {}),
  line: { item: key },
  from: { table: fromTable, column: fromColumn },
});

const byClass = (
  appliesTo: readonly ('预算' | '决算')[],
  table: string,
  section: string,
  columns: readonly string[] | undefined,
  fromTable: string,
  fromColumn: string,
): Restatement => ({
  appliesTo,
  name: `${table} ${section} 各类${columns ? `/${columns.join('|')}` : ''} ← ${fromTable} 同类/${fromColumn}`,
  table,
  section,
  line: 'class',
  ...(columns ? { columns } : {}),
  from: { table: fromTable, column: fromColumn },
});

/** In order: the first restatement that matches a line and column is the one used. */
export const RESTATEMENTS: readonly Restatement[] = [
  // 决算 01表 收入支出决算总表
  ...(
    [
      ['income.general_budget', 'final.general_budget_expenditure', 'total'],
      ['income.gov_fund', 'final.gov_fund', 'income'],
      ['income.state_capital', 'final.state_capital', 'total'],
      ['income.superior_subsidy', 'final.income', 'superior_subsidy'],
      ['income.business', 'final.income', 'business'],
      ['income.operating', 'final.income', 'operating'],
      ['income.affiliated', 'final.income', 'affiliated'],
      ['income.other', 'final.income', 'other'],
    ] as const
  ).map(([key, table, column]) => item(FINAL, F01, 'income', key, table, column)),
  byClass(FINAL, F01, 'expenditure', undefined, 'final.expenditure', 'total'),
  // 决算 04表 财政拨款收入支出决算总表
  item(FINAL, F04, 'income', 'income.general_budget', 'final.general_budget_expenditure', 'total'),
  item(FINAL, F04, 'income', 'income.gov_fund', 'final.gov_fund', 'income'),
  item(FINAL, F04, 'income', 'income.state_capital', 'final.state_capital', 'total'),
  byClass(FINAL, F04, 'expenditure', ['general_budget'], 'final.general_budget_expenditure', 'total'),
  byClass(FINAL, F04, 'expenditure', ['gov_fund'], 'final.gov_fund', 'total'),
  byClass(FINAL, F04, 'expenditure', ['state_capital'], 'final.state_capital', 'total'),
  {
    appliesTo: FINAL,
    name: '04表 各类/合计 = 一般公共预算 + 政府性基金 + 国有资本经营',
    table: F04,
    section: 'expenditure',
    line: 'class',
    columns: ['total'],
    from: { sumColumns: ['general_budget', 'gov_fund', 'state_capital'] },
  },
  // 预算 收支总表
  ...(
    [
      ['income.general_budget', 'general_budget'],
      ['income.gov_fund', 'gov_fund'],
      ['income.state_capital', 'state_capital'],
      ['income.special_account', 'special_account'],
      ['income.business', 'business'],
      ['income.operating', 'operating'],
      ['income.superior_unit', 'superior_subsidy'],
      ['income.affiliated', 'affiliated'],
      ['income.other', 'other'],
      ['income.carryover', 'carryover'],
    ] as const
  ).map(([key, column]) => item(BUDGET, 'budget.summary', undefined, key, 'budget.income', column)),
  ...(['basic', 'project', 'operating'] as const).map((c) =>
    item(BUDGET, 'budget.summary', undefined, `expenditure_dept_econ.${c}`, 'budget.expenditure', c),
  ),
  byClass(BUDGET, 'budget.summary', 'expenditure_function', undefined, 'budget.expenditure', 'total'),
  // 预算 财政拨款收支总表
  item(BUDGET, 'budget.fiscal_summary', undefined, 'income.general_budget', 'budget.general_expenditure', 'total'),
  item(BUDGET, 'budget.fiscal_summary', undefined, 'income.gov_fund', 'budget.gov_fund', 'total'),
  item(BUDGET, 'budget.fiscal_summary', undefined, 'income.state_capital', 'budget.state_capital', 'total'),
  byClass(
    BUDGET,
    'budget.fiscal_summary',
    'expenditure',
    ['general_budget', 'amount'],
    'budget.general_expenditure',
    'total',
  ),
  byClass(BUDGET, 'budget.fiscal_summary', 'expenditure', ['gov_fund'], 'budget.gov_fund', 'total'),
  byClass(BUDGET, 'budget.fiscal_summary', 'expenditure', ['state_capital'], 'budget.state_capital', 'total'),
];
