import { disclosure } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const fixtures: RuleFixtures = {
  valid: [{ name: 'glossary entries', disclosure: () => disclosure() }],
  invalid: [{ name: 'no glossary', disclosure: () => disclosure({ glossary: false }), expect: [{ messageId: 'missing', table: null }] }],
};

export default fixtures;
