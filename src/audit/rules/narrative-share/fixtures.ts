import { disclosure, section } from '../../testing/build.ts';
import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const doc =
  (...ps: string[]) =>
  () =>
    disclosure({ sections: [section('六、一般公共预算财政拨款基本支出决算情况说明', ...ps)] });

const fixtures: RuleFixtures = {
  valid: [
    { name: 'the clean final account', disclosure: cleanFinal },
    {
      name: 'seed 002: 占本年支出合计的 99.75%, whole from the 01表',
      disclosure: () => {
        const d = cleanFinal();
        d.sections.push(
          section(
            ['第三部分', '五、一般公共预算财政拨款支出决算情况说明'],
            '2023年度财政拨款支出289.70万元，占本年支出合计的100%。',
          ),
        );
        return d;
      },
    },
    {
      name: 'shares within rounding of rounded amounts',
      disclosure: doc('2023年度支出合计289.70万元，其中：基本支出185.01万元，占63.86%；项目支出104.69万元，占36.14%。'),
    },
  ],
  invalid: [
    {
      name: 'seed 000: 82.12% of the basic spending, whole named in the previous paragraph',
      disclosure: doc(
        '2023年度财政拨款基本支出185.01万元，其中：',
        '人员经费151.91万元，占基本支出的82.12%，主要包括基本工资。',
      ),
      expect: [{ messageId: 'mismatch', table: 'narrative' }],
    },
    {
      name: 'a whole named but read from the 01表 (占本年支出合计的)',
      disclosure: () => {
        const d = cleanFinal();
        d.sections.push(
          section(
            ['第三部分', '五、一般公共预算财政拨款支出决算情况说明'],
            '2023年度财政拨款支出279.70万元，占本年支出合计的99.75%。',
          ),
        );
        return d;
      },
      expect: [{ messageId: 'mismatch', table: 'narrative' }],
    },
    {
      name: 'a share that is off by whole points',
      disclosure: doc('2023年度支出合计289.70万元，其中：基本支出185.01万元，占66.86%。'),
      expect: [{ messageId: 'mismatch' }],
    },
    {
      name: 'a rounding difference is only an info',
      disclosure: doc('2023年度支出合计289.7万元，其中：基本支出185.0万元，占63.88%。'),
      expect: [{ messageId: 'mismatch.rounding', severity: 'info' }],
    },
  ],
};

export default fixtures;
