import { cleanFinal, setCell } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const fixtures: RuleFixtures = {
  valid: [{ name: 'a consistent final account', disclosure: cleanFinal }],
  invalid: [
    {
      name: 'seed 001: 04表 卫生健康支出 ≠ 05表',
      disclosure: () => setCell(cleanFinal(), 'final.fiscal_summary', '210', 'general_budget', '261.45'),
      expect: [{ messageId: 'mismatch', table: 'final.fiscal_summary', row: '210', column: 'general_budget' }],
    },
  ],
};

export default fixtures;
