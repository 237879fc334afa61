import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const fixtures: RuleFixtures = {
  valid: [{ name: 'the clean final account (two empty tables with statements)', disclosure: cleanFinal }],
  invalid: [
    {
      name: 'an empty table without a statement',
      disclosure: () => {
        const d = cleanFinal();
        const t = d.tables.find((x) => x.key === 'final.state_capital')!;
        t.emptyStatement = undefined;
        d.sections = d.sections.filter((s) => !s.heading.includes('国有资本'));
        return d;
      },
      expect: [{ messageId: 'unexplained', table: 'final.state_capital' }],
    },
  ],
};

export default fixtures;
