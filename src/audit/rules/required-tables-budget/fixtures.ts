import { disclosure, table, total } from '../../testing/build.ts';
import { requiredTemplates } from '../../../templates/catalogue.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const all = () => requiredTemplates('预算').map((t) => table(t.key, { rows: [total({ total: '1.00' })] }));

const fixtures: RuleFixtures = {
  valid: [{ name: 'every core table', disclosure: () => disclosure({ kind: '预算', tables: all() }) }],
  invalid: [
    {
      name: 'no 三公 table',
      disclosure: () => disclosure({ kind: '预算', tables: all().filter((t) => t.key !== 'budget.three_public') }),
      expect: [{ messageId: 'missing', table: 'budget.three_public', severity: 'warning' }],
    },
  ],
};

export default fixtures;
