import { disclosure, table, total } from '../../testing/build.ts';
import { requiredTemplates } from '../../../templates/catalogue.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const all = () => requiredTemplates('预算').map((t) => table(t.key, { rows: [total({ total: '1.00' })] }));
const without =
  (key: string, ...extra: string[]) =>
  () =>
    disclosure({
      kind: '预算',
      tables: [
        ...all().filter((t) => t.key !== key),
        ...extra.map((k) => table(k, { rows: [total({ total: '1.00' })] })),
      ],
    });

const fixtures: RuleFixtures = {
  valid: [
    { name: 'every core table', disclosure: () => disclosure({ kind: '预算', tables: all() }) },
    {
      name: '深圳: 基本支出总表 and 一般公共预算支出表（按经济分类） together stand in for the 一般公共预算基本支出表',
      disclosure: without('budget.general_basic', 'budget.basic_expenditure', 'budget.general_expenditure_by_econ'),
    },
    {
      name: 'listed in the 目录 as illegible (an image): listed-tables says so, not this rule',
      disclosure: () =>
        disclosure({
          kind: '预算',
          tables: all().filter((t) => t.key !== 'budget.income'),
          listed: [
            {
              title: '部门收入总表',
              key: 'budget.income',
              status: 'illegible',
              place: { kind: 'text', line: 7, column: 1 },
            },
          ],
        }),
    },
  ],
  invalid: [
    {
      name: 'no 三公 table',
      disclosure: () => disclosure({ kind: '预算', tables: all().filter((t) => t.key !== 'budget.three_public') }),
      expect: [{ messageId: 'missing', table: 'budget.three_public', severity: 'warning' }],
    },
    {
      name: 'listed in the 目录 but absent: said so, with the 目录 line and its printed title',
      disclosure: () =>
        disclosure({
          kind: '预算',
          tables: all().filter((t) => t.key !== 'budget.income'),
          listed: [
            {
              title: '部门收入总表',
              key: 'budget.income',
              status: 'absent',
              place: { kind: 'text', line: 7, column: 1 },
            },
          ],
        }),
      expect: [{ messageId: 'missingListed', table: 'budget.income', severity: 'warning' }],
    },
    {
      name: 'a 基本支出总表 alone does not stand in for the 一般公共预算基本支出表',
      disclosure: without('budget.general_basic', 'budget.basic_expenditure'),
      expect: [{ messageId: 'missing', table: 'budget.general_basic', severity: 'warning' }],
    },
  ],
};

export default fixtures;
