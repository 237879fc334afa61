import { disclosure, section } from '../../testing/build.ts';
import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const doc = (p: string) => () => disclosure({ sections: [section('一、收入支出决算总体情况说明', p)] });

const fixtures: RuleFixtures = {
  valid: [
    { name: 'the clean final account', disclosure: cleanFinal },
    { name: 'seed 001: a decrease in 元', disclosure: doc('2023 年度收、支总计 7,519,040.48 元。与 2022 年度相比，收、支总计各减少 8,128,053.5 元，降低 51.95%。') },
    { name: 'template residue is not read as a change', disclosure: doc('资本性支出0元，较年初预算数增加（减少）0元，增长（降低）0%。') },
  ],
  invalid: [
    { name: 'a rate that does not follow from the change', disclosure: doc('2023年度收、支总计289.70万元。与上年相比，增加12.65万元，增长5.57%。'), expect: [{ messageId: 'rate', table: 'narrative' }] },
    { name: 'an increase with a falling rate', disclosure: doc('2023年度收、支总计289.70万元。与上年相比，增加12.65万元，下降4.57%。'), expect: [{ messageId: 'direction' }] },
    { name: 'seed 002: 增长100% from a zero prior year', disclosure: doc('公务用车运行维护费支出决算为5.99万元，与上年相比增加5.99万元，增长100%。'), expect: [{ messageId: 'fromZero', severity: 'warning' }] },
  ],
};

export default fixtures;
