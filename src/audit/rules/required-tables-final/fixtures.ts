import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const fixtures: RuleFixtures = {
  valid: [{ name: 'all nine tables (two declared empty)', disclosure: cleanFinal }],
  invalid: [
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
