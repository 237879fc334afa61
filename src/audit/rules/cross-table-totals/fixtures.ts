import { cleanFinal, inYuan, setCell } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const fixtures: RuleFixtures = {
  valid: [{ name: 'a consistent final account', disclosure: cleanFinal }],
  invalid: [
    {
      name: '05表 基本支出 ≠ 06表 人员 + 公用',
      disclosure: () => setCell(setCell(setCell(cleanFinal(), 'final.general_budget_basic', 'public_total', 'amount', '33.20'), 'final.general_budget_basic', 'total', 'amount', '185.11'), 'final.general_budget_basic', '302', 'amount', '33.20'),
      expect: [{ messageId: 'mismatch', table: 'final.general_budget_expenditure', row: '合计', column: 'basic' }],
    },
    {
      name: 'seed 001: 04表本年收入合计 vs 02表 financial income in 元, 01 in 万元',
      disclosure: () => {
        const d = cleanFinal();
        inYuan(d.tables.find((t) => t.key === 'final.income')!);
        return setCell(d, 'final.income', 'total', 'fiscal', '2,896,000.00');
      },
      expect: [
        { messageId: 'mismatch', table: 'final.income', row: '合计', column: 'fiscal' },
        { messageId: 'mismatch', table: 'final.fiscal_summary', row: '本年收入合计', column: 'amount' },
      ],
    },
  ],
};

export default fixtures;
