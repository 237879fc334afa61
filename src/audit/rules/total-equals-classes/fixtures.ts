import { cleanFinal, setCell } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const fixtures: RuleFixtures = {
  valid: [{ name: 'a consistent final account', disclosure: cleanFinal }],
  invalid: [
    {
      name: '01表 本年支出合计 ≠ Σ classes',
      disclosure: () => setCell(cleanFinal(), 'final.income_expenditure_summary', '221', 'amount', '13.70'),
      expect: [{ messageId: 'mismatch', table: 'final.income_expenditure_summary', row: '本年支出合计', column: 'amount' }],
    },
    {
      name: '06表 合计 ≠ Σ economic classes (seed 001: 310 printed outside the total)',
      disclosure: () => setCell(cleanFinal(), 'final.general_budget_basic', '310', 'amount', '3.28'),
      expect: [{ messageId: 'mismatch', table: 'final.general_budget_basic', row: '合计', column: 'amount' }],
    },
  ],
};

export default fixtures;
