import { disclosure, section } from '../../testing/build.ts';
import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const doc = (p: string) => () => disclosure({ sections: [section('一、收入支出决算总体情况说明', p)] });

const fixtures: RuleFixtures = {
  valid: [
    // calinchow-del__renwu/003_深圳/2026年深圳市人民政府口岸办公室部门预算.pdf p8: the change after a “主要包括：…；…” list is of the
    // amount the list hangs from (367.65), not of its last item (96.81)
    {
      name: '深圳口岸 p8: a change opening its sentence after a list is of the list head',
      disclosure: doc(
        '（三）其他运转类项目367.65万元，主要包括：国家免除费用项目管理费21.60万元，用于审计服务等；行政运行85.04万元，用于档案整理等；内控、审计及绩效专项96.81万元，用于内控建设等工作。较2025年年初预算减少52.44万元，减幅12.5%。',
      ),
    },
    { name: 'the clean final account', disclosure: cleanFinal },
    {
      name: 'seed 001: a decrease in 元',
      disclosure: doc(
        '2023 年度收、支总计 7,519,040.48 元。与 2022 年度相比，收、支总计各减少 8,128,053.5 元，降低 51.95%。',
      ),
    },
    {
      name: 'a stated prior-year figure (北京 2026)',
      disclosure: doc('2026年度收入预算134133.33万元，比2025年年初预算数125462.47万元增加8670.86万元，增长6.91%。'),
    },
    {
      name: 'a bracketed aside is not the current amount (广州 2026)',
      disclosure: doc(
        '公务用车购置及运行维护费701.34万元（公务用车购置费331万元，比上年增加119.15万元；公务用车运行维护费370.34万元，比上年减少52.36万元。）比上年增加66.79万元，增长10.5%。',
      ),
    },
    {
      name: 'a change after a 其中 enumeration is of the total (西安 2026)',
      disclosure: doc(
        '本部门当年预算收入344,447.70万元，其中：一般公共预算拨款324,638.50万元、上年结转13,102.70万元、上年实户资金余额3,262.49万元、其他收入3,444.00万元，较上年减少129,422.00万元，下降27.31%。',
      ),
    },
    {
      name: 'items after 其中 with their own changes (西安 2026)',
      disclosure: doc(
        '基本支出30331.26万元，其中：（1）工资福利支出20000.00万元，较上年增加100.00万元，增长0.50%；（2）商品和服务支出10331.26万元，较上年减少50.00万元，下降0.48%。',
      ),
    },
    {
      name: 'template residue is not read as a change',
      disclosure: doc('资本性支出0元，较年初预算数增加（减少）0元，增长（降低）0%。'),
    },
    {
      name: 'an unchanged amount said to be 持平 (广州城管 2026 p36, corrected)',
      disclosure: doc('因公出国（境）费25.16万元，与上年持平。'),
    },
  ],
  invalid: [
    {
      name: 'a rate that does not follow from the change',
      disclosure: doc('2023年度收、支总计289.70万元。与上年相比，增加12.65万元，增长5.57%。'),
      expect: [{ messageId: 'rate', table: 'narrative' }],
    },
    {
      name: 'the level does not follow from the stated prior figure',
      disclosure: doc('2026年度收入预算134133.33万元，比2025年年初预算数125462.47万元增加8770.86万元，增长6.99%。'),
      expect: [{ messageId: 'level' }],
    },
    {
      name: 'an increase with a falling rate',
      disclosure: doc('2023年度收、支总计289.70万元。与上年相比，增加12.65万元，下降4.57%。'),
      expect: [{ messageId: 'direction' }],
    },
    // issue 10.1: a rate against a zero base (as printed: this year = the increase) is an error
    {
      name: 'seed 002: 增长100% from a zero prior year',
      disclosure: doc('公务用车运行维护费支出决算为5.99万元，与上年相比增加5.99万元，增长100%。'),
      expect: [{ messageId: 'fromZero', severity: 'error' }],
    },
    // a base rounding may leave above zero (66.73 carried over, 569.63 added, 深圳口岸 2026 p7): a warning
    {
      name: 'a base that is zero only within rounding is a warning',
      disclosure: doc('公用经费支出决算为5.99万元，与上年相比增加5.98万元，增长100%。'),
      expect: [{ messageId: 'fromZero', severity: 'warning' }],
    },
    // calinchow-del__renwu/005_广州/城市管理和综合执法局_2026年部门预算.pdf p36 (as printed): an unchanged amount said to increase by 0
    {
      name: '广州城管 2026 p36: 增加0万元，增长0% for an unchanged amount',
      disclosure: doc('因公出国（境）费25.16万元，比上年增加0万元，增长0%，主要原因是与上年持平。'),
      expect: [{ messageId: 'zeroChange', severity: 'warning' }],
    },
  ],
};

export default fixtures;
