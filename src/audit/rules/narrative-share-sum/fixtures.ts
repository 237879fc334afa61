import { disclosure, section } from '../../testing/build.ts';
import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const doc = (p: string) => () => disclosure({ sections: [section('三、支出决算情况说明', p)] });

const fixtures: RuleFixtures = {
  valid: [
    { name: 'the clean final account', disclosure: cleanFinal },
    {
      name: 'a partial list below 100%',
      disclosure: doc('财政拨款支出289.70万元，主要用于以下方面：卫生健康支出260.45万元，占89.90%。'),
    },
  ],
  invalid: [
    {
      name: 'shares over 100%',
      disclosure: doc('支出合计100.00万元，其中：基本支出60.00万元，占60.00%；项目支出40.00万元，占45.00%。'),
      expect: [{ messageId: 'over', table: 'narrative' }],
    },
    {
      name: 'a complete list short of 100%',
      disclosure: doc('支出合计100.00万元，其中：基本支出60.00万元，占60%；项目支出40.00万元，占30%。'),
      expect: [{ messageId: 'under' }],
    },
  ],
};

export default fixtures;
