import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const fixtures: RuleFixtures = {
  valid: [{ name: 'all nine tables (two declared empty)', disclosure: cleanFinal }],
  invalid: [
    {
      name: 'a budget taken for a final account (西安 卫生健康委员会 2026)',
      disclosure: () => {
        const d = cleanFinal();
        d.tables = [{ ...d.tables[1], key: 'budget.expenditure' }];
        return d;
      },
      expect: [{ messageId: 'kindConflict', severity: 'warning' }],
    },
    {
      name: 'the 三公 table is missing',
      disclosure: () => {
        const d = cleanFinal();
        d.tables = d.tables.filter((t) => t.key !== 'final.three_public');
        return d;
      },
      expect: [{ messageId: 'missing', table: 'final.three_public' }],
    },
  ],
};

export default fixtures;
