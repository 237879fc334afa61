import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const fixtures: RuleFixtures = {
  valid: [{ name: 'every table with a unit', disclosure: cleanFinal }],
  invalid: [
    {
      name: 'seed 001: 收入支出决算总表 prints no unit',
      disclosure: () => {
        const d = cleanFinal();
        d.tables[0].unit = null;
        return d;
      },
      expect: [{ messageId: 'missing', table: 'final.income_expenditure_summary' }],
    },
  ],
};

export default fixtures;
