import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const place = { kind: 'text' as const, line: 20, column: 3 };

const fixtures: RuleFixtures = {
  valid: [
    {
      name: 'every listed table found',
      disclosure: () => {
        const d = cleanFinal();
        d.recognition.listed = [
          { title: '收入决算表', key: 'final.income', status: 'found', tableId: d.tables[1].id, place },
        ];
        return d;
      },
    },
    {
      name: 'a required table listed but absent is left to required-tables-final (one finding per missing table)',
      disclosure: () => {
        const d = cleanFinal();
        d.recognition.listed = [{ title: '收入决算表', key: 'final.income', status: 'absent', place }];
        d.tables = d.tables.filter((t) => t.key !== 'final.income');
        return d;
      },
    },
  ],
  invalid: [
    {
      name: 'listed but absent, and an illegible table',
      disclosure: () => {
        const d = cleanFinal();
        d.recognition.listed = [{ title: '政府采购预算表', key: 'budget.procurement', status: 'absent', place }];
        d.tables[1].status = 'illegible';
        return d;
      },
      expect: [
        { messageId: 'absent', table: 'budget.procurement' },
        { messageId: 'illegible', table: 'final.income' },
      ],
    },
  ],
};

export default fixtures;
