import { disclosure, section } from '../../testing/build.ts';
import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const doc = (p: string) => () => disclosure({ sections: [section('五、一般公共预算财政拨款支出决算情况说明', p)] });

const fixtures: RuleFixtures = {
  valid: [
    { name: 'the clean final account', disclosure: cleanFinal },
    {
      name: 'seed 001: 113.82%',
      disclosure: doc(
        '2023 年度一般公共预算财政拨款支出年初预算为 6,385,587.00 元，支出决算 7,267,891.06 元，完成年初预算的 113.82%。',
      ),
    },
    {
      name: 'the budget printed inside the phrase, rate right',
      disclosure: doc('“三公”经费财政拨款支出决算为8.21万元，完成预算11.00万元的74.64%。'),
    },
  ],
  invalid: [
    {
      name: 'a rate that does not follow',
      disclosure: doc('年初预算为73.20万元，支出决算为311.00万元，完成年初预算的42.49%。'),
      expect: [{ messageId: 'mismatch', table: 'narrative' }],
    },
    {
      name: 'the budget printed inside the phrase (佛山 2019 form “完成预算X万元的P%”), rate wrong',
      disclosure: doc('“三公”经费财政拨款支出决算为8.21万元，完成预算11.00万元的84.64%。'),
      expect: [{ messageId: 'mismatch', table: 'narrative' }],
    },
    {
      name: 'seed 002: 74.66% for 8.21 / 11.00 is within rounding (info)',
      disclosure: doc('“三公”经费财政拨款支出预算为 11.00 万元，支出决算为 8.21 万元，完成预算的 74.66%。'),
      expect: [{ messageId: 'mismatch.rounding', severity: 'info' }],
    },
  ],
};

export default fixtures;
