import { disclosure, section, table, total } from '../../testing/build.ts';
import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const doc =
  (...ps: string[]) =>
  () =>
    disclosure({ sections: [section('二、收入支出决算总体情况说明', ...ps)] });

const fixtures: RuleFixtures = {
  valid: [
    { name: 'the clean final account', disclosure: cleanFinal },
    {
      name: 'a bracketed note that asks nothing',
      disclosure: doc('本部门2023年度收、支总计289.70万元【详见公开01表】。'),
    },
    { name: 'the word 填写 in ordinary prose', disclosure: doc('按要求填写并报送部门决算报表。') },
  ],
  invalid: [
    {
      // as the narrative writer prints a reason nobody gave (src/author/numbers.ts MISSING)
      name: 'two markers in one paragraph are two findings',
      disclosure: doc(
        '收、支总计289.70万元，与上年相比增加12.65万元，主要原因是【请填写增减原因】。其中【请填写部门职责】。',
      ),
      expect: [
        { messageId: 'narrative', table: 'narrative', row: '【请填写增减原因】' },
        { messageId: 'narrative', table: 'narrative', row: '【请填写部门职责】' },
      ],
    },
    {
      name: 'a marker in an empty-table statement',
      disclosure: () =>
        disclosure({
          tables: [
            table('final.gov_fund', {
              rows: [total({ total: null })],
              emptyStatement: '说明：【请填写空表说明】',
              status: 'empty',
            }),
          ],
        }),
      expect: [{ messageId: 'table', table: 'final.gov_fund', row: '【请填写空表说明】' }],
    },
  ],
};

export default fixtures;
