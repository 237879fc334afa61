import { cleanFinal, setCell } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const fixtures: RuleFixtures = {
  valid: [
    {
      name: '30217 within the 三公 reception actual',
      disclosure: () => setCell(cleanFinal(), 'final.general_budget_basic', '30217', 'amount', '2.00'),
    },
  ],
  invalid: [
    {
      name: '30217 above the 三公 reception actual',
      disclosure: () => setCell(cleanFinal(), 'final.general_budget_basic', '30217', 'amount', '3.00'),
      expect: [{ messageId: 'over', table: 'final.general_budget_basic', row: '30217' }],
    },
  ],
};

export default fixtures;
