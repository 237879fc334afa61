import { cleanFinal, setCell } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const fixtures: RuleFixtures = {
  valid: [{ name: 'a consistent final account', disclosure: cleanFinal }],
  invalid: [
    {
      name: '支出决算表: 基本 + 项目 ≠ 合计 on one line',
      disclosure: () => setCell(cleanFinal(), 'final.expenditure', '2101501', 'basic', '146.76'),
      expect: [{ messageId: 'mismatch', table: 'final.expenditure', row: '2101501', column: 'total' }],
    },
    {
      name: '三公: 公务用车小计 ≠ 购置 + 运行',
      disclosure: () => setCell(setCell(cleanFinal(), 'final.three_public', 'three_public', 'final.vehicle_operation', '5.89'), 'final.three_public', 'three_public', 'budget.reception', '5.00'),
      expect: [{ messageId: 'mismatch', table: 'final.three_public', column: 'final.vehicle_total' }],
    },
  ],
};

export default fixtures;
