import { disclosure, section } from '../../testing/build.ts';
import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const doc = (p: string) => () => disclosure({ sections: [section('九、财政拨款三公经费支出决算情况说明', p)] });

const fixtures: RuleFixtures = {
  valid: [
    { name: 'the clean final account', disclosure: cleanFinal },
    {
      name: 'a completion rate above 100% is possible',
      disclosure: doc('年初预算为73.20万元，支出决算为311.00万元，完成年初预算的424.86%。'),
    },
  ],
  invalid: [
    {
      name: 'seeds 000/001: completion rate of a zero budget',
      disclosure: doc('因公出国（境）费支出预算为0万元，支出决算为0万元，完成预算的0%。'),
      expect: [{ messageId: 'zeroBudget', table: 'narrative' }],
    },
    {
      name: '佛山 2019 决算 p26: the zero budget printed inside the phrase (完成预算0万元的0%)',
      disclosure: doc('佛山市轨道交通局2019年度“三公”经费财政拨款支出决算为0.16万元，完成预算0万元的0%。'),
      expect: [{ messageId: 'zeroBudget', table: 'narrative' }],
    },
    {
      name: 'a share over 100%',
      disclosure: doc('支出合计100.00万元，其中：基本支出60.00万元，占160%。'),
      expect: [{ messageId: 'shareOver100' }],
    },
  ],
};

export default fixtures;
