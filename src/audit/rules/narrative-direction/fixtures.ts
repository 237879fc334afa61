import { disclosure, section } from '../../testing/build.ts';
import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const doc = (p: string) => () => disclosure({ sections: [section('五、一般公共预算财政拨款支出决算情况说明', p)] });

const fixtures: RuleFixtures = {
  valid: [
    { name: 'the clean final account (等于)', disclosure: cleanFinal },
    {
      name: 'seed 001: 大于',
      disclosure: doc(
        '年初预算为 6,385,587.00 元，支出决算 7,267,891.06 元，完成年初预算的 113.82%。决算数大于预算数的主要原因：增加项目。',
      ),
    },
    {
      name: 'seed 002: 持平',
      disclosure: doc(
        '公务用车购置费支出预算为0.00万元，支出决算为0.00万元，完成预算的0.00%，支出决算数持平预算数的主要原因是：无。',
      ),
    },
  ],
  invalid: [
    {
      name: '等于 while the numbers differ',
      disclosure: doc('年初预算为15.18万元，支出决算为16.18万元，完成年初预算的106.59%，决算数等于年初预算数。'),
      expect: [{ messageId: 'wrong', table: 'narrative' }],
    },
    {
      name: '大于 while below',
      disclosure: doc('年初预算为20.00万元，支出决算为16.00万元，完成年初预算的80%，决算数大于年初预算数。'),
      expect: [{ messageId: 'wrong' }],
    },
  ],
};

export default fixtures;
