import { section } from '../../testing/build.ts';
import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const withText = (heading: string, p: string) => () => {
  const d = cleanFinal();
  d.sections.push(section(['第三部分 情况说明', heading], p));
  return d;
};

const fixtures: RuleFixtures = {
  valid: [
    { name: 'the clean final account', disclosure: cleanFinal },
    {
      name: 'a figure printed with fewer decimals (289.7万元)',
      disclosure: withText('一、收入支出决算总体情况说明', '2023年度收、支总计289.7万元。'),
    },
    {
      name: 'a figure in 元 against a 万元 table',
      disclosure: withText('三、支出决算情况说明', '2023年度支出合计2,897,000.00元，其中：基本支出1,850,100元。'),
    },
  ],
  invalid: [
    {
      name: 'a stale basic-spending figure',
      disclosure: withText('三、支出决算情况说明', '2023年度支出合计289.70万元，其中：基本支出195.01万元。'),
      expect: [{ messageId: 'mismatch', table: 'narrative' }],
    },
    {
      name: '三公 item restated wrongly',
      disclosure: withText(
        '九、财政拨款三公经费支出决算情况说明',
        '公务接待费支出预算为5.00万元，支出决算为2.32万元。',
      ),
      expect: [{ messageId: 'mismatch' }],
    },
    {
      name: 'a class amount within rounding of the table is an info',
      disclosure: withText(
        '五、一般公共预算财政拨款支出决算情况说明',
        '财政拨款支出289.70万元，主要用于以下方面：卫生健康支出260.4万元。',
      ),
      expect: [{ messageId: 'mismatch.rounding', severity: 'info' }],
    },
  ],
};

export default fixtures;
