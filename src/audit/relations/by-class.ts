import type { ClassRelation } from './types.ts';

// Each functional class (类) printed in a summary table equals the same class in the detail table (domain.md §5):
// 01表 classes = 03表, 04表 一般公共预算 column = 05表, 财政拨款收支总表 一般公共预算 = 一般公共预算支出表.

const FINAL = ['决算'] as const;
const BUDGET = ['预算'] as const;

/** Class-by-class identities, evaluated by cross-table-classes (CJ202). */
export const CLASS_RELATIONS: ClassRelation[] = [
  {
    appliesTo: FINAL,
    name: '01表支出功能分类 = 03表',
    nameEn: 'table 01 class = table 03 class',
    left: { table: 'final.income_expenditure_summary', section: 'expenditure', column: 'amount' },
    right: { table: 'final.expenditure', column: 'total' },
  },
  {
    appliesTo: FINAL,
    name: '04表一般公共预算财政拨款 = 05表',
    nameEn: 'table 04 general-budget column = table 05',
    left: { table: 'final.fiscal_summary', section: 'expenditure', column: 'general_budget' },
    right: { table: 'final.general_budget_expenditure', column: 'total' },
  },
  {
    appliesTo: BUDGET,
    name: '财政拨款收支总表一般公共预算 = 一般公共预算支出表',
    nameEn: 'fiscal summary general-budget column = general budget table',
    left: { table: 'budget.fiscal_summary', section: 'expenditure', column: 'general_budget' },
    right: { table: 'budget.general_expenditure', column: 'total' },
  },
];
