import { cleanFinal, setCell } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const fixtures: RuleFixtures = {
  valid: [{ name: 'a consistent final account', disclosure: cleanFinal }],
  invalid: [
    {
      name: '04表 收入总计 left blank (seed 000)',
      disclosure: () => setCell(cleanFinal(), 'final.fiscal_summary', 'income.grand_total', 'amount', null),
      expect: [
        { messageId: 'mismatch', table: 'final.fiscal_summary', row: '总计', column: 'amount' },
        { messageId: 'mismatch', table: 'final.fiscal_summary', row: '总计', column: 'amount' },
      ],
    },
    {
      name: '06表 人员经费合计 ≠ 301 + 303',
      disclosure: () => setCell(setCell(cleanFinal(), 'final.general_budget_basic', 'personnel_total', 'amount', '151.81'), 'final.general_budget_basic', 'total', 'amount', '184.91'),
      expect: [{ messageId: 'mismatch', table: 'final.general_budget_basic', row: '人员经费合计' }],
    },
  ],
};

export default fixtures;
