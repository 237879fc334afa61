import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const fixtures: RuleFixtures = {
  valid: [{ name: 'the clean final account', disclosure: cleanFinal }],
  invalid: [
    {
      name: 'no section on the 三公 table',
      disclosure: () => {
        const d = cleanFinal();
        d.sections = d.sections.filter((s) => !s.heading.includes('三公'));
        return d;
      },
      expect: [{ messageId: 'missing', table: 'final.three_public' }],
    },
  ],
};

export default fixtures;
