import { cleanFinal, setCell } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const fixtures: RuleFixtures = {
  valid: [{ name: 'the clean final account (2 decimals, some printed with fewer)', disclosure: () => setCell(cleanFinal(), 'final.income', '2101504', 'total', '1.2') }],
  invalid: [
    {
      name: 'seed 000: 151.911 in the 06表',
      disclosure: () => setCell(cleanFinal(), 'final.general_budget_basic', '301', 'amount', '151.911'),
      expect: [{ messageId: 'extra', table: 'final.general_budget_basic', row: '301', column: 'amount' }],
    },
  ],
};

export default fixtures;
