import { disclosure, section } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

// Sentences of 上海市普陀区万里街道办事处 部门预算 (corpus zxj6827111-blip__tianbaoxitong/1769438736627-418301796.pdf, 2024,
// and 1770007475548-818404804.pdf, 2023), 北京市交通委员会 2026 (calinchow-del__renwu/002_北京) and 西安市公安局 2026.
const doc =
  (year: number, ...paragraphs: string[]) =>
  () =>
    disclosure({
      kind: '预算',
      fiscalYear: year,
      name: '上海市普陀区人民政府万里街道办事处',
      sections: [section(['部门预算编制说明', '财政拨款支出主要内容'], ...paragraphs)],
    });

const fixtures: RuleFixtures = {
  valid: [
    {
      name: '万里街道 2024 p9 item 32: 318.14 → 320.17, 增加0.64%',
      disclosure: doc(
        2024,
        '32. “住房保障支出（类）住房改革支出（款）购房补贴（项）”320.17万元，主要用于购房补贴。2023年当年预算执行数为318.14万元，2024年预算安排320.17万元，比2023年预算执行数增加0.64%。主要原因是：购房补贴经费增加。',
      ),
    },
    {
      name: '万里街道 2024 p9 item 25: a decrease, 2083.68 → 1759.10, 减少15.58%',
      disclosure: doc(
        2024,
        '25. “城乡社区支出（类）城乡社区管理事务（款）一般行政管理事务（项）”1759.10万元，主要用于城乡社区管理事务一般行政管理事务。2023年当年预算执行数为2083.68万元，2024年预算安排1759.10万元，比2023年预算执行数减少15.58%。',
      ),
    },
    {
      // 西安市公安局 2026 p16: 上年结转 and 上年实户资金余额 are this year's income lines, not last year's level
      name: '西安 p16: 上年结转 / 上年实户资金余额 are no prior-year amounts',
      disclosure: doc(
        2026,
        '本部门当年预算收入344,447.70万元，其中：一般公共预算拨款324,638.50万元、上年结转13,102.70万元、上年实户资金余额3,262.49万元、其他收入3,444.00万元，较上年减少129,422.00万元，下降27.31%。',
      ),
    },
    {
      name: '北京 p6: the prior right before the change is narrative-change’s form',
      disclosure: doc(
        2026,
        '2026年支出预算1448787.35万元，比2025年年初预算数1506121.45万元减少57334.09万元，下降3.81%。',
      ),
    },
  ],
  invalid: [
    {
      name: '万里街道 2023 p6 item 3: 11.67 → 45.41 is 289.12 %, not 314.82 %',
      disclosure: doc(
        2023,
        '3. “一般公共服务支出（类）群众团体事务（款）一般行政管理事务（项）”45.41万元，主要用于群众团体事务一般行政管理事务。2022年当年预算执行数为11.67万元，2023年预算安排45.41万元，比2022年预算执行数增加314.82%。',
      ),
      expect: [{ messageId: 'rate', table: 'narrative' }],
    },
    {
      name: '万里街道 2024 p9 item 31: the item is 350.35, so 本年预算安排352.67 is the wrong number',
      disclosure: doc(
        2024,
        '31. “住房保障支出（类）住房改革支出（款）住房公积金（项）”350.35万元，主要用于住房公积金。2023年当年预算执行数为348.52万元，2024年预算安排352.67万元，比2023年预算执行数增加0.53%。',
      ),
      expect: [{ messageId: 'currentStated' }],
    },
    {
      name: '万里街道 2023 p6 item 2: a rate against a zero prior year',
      disclosure: doc(
        2023,
        '2. “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”60.13万元，主要用于统计管理。2022年当年预算执行数为0万元，2023年预算安排60.13万元，比2022年预算执行数增加100.00%。',
      ),
      expect: [{ messageId: 'zeroBase' }],
    },
    {
      name: 'review.md: 上年执行数52871.6万元，本年安排4120.35万元，比上年增加12.48% (the amounts fell)',
      disclosure: doc(2026, '上年执行数52871.6万元，本年安排4120.35万元，比上年增加12.48%。'),
      expect: [{ messageId: 'direction' }],
    },
    {
      name: 'with the change amount: the rate is the one wrong number (2310.52 → 1987.40, 减少323.12万元, 1.40 % where it is 13.98 %)',
      disclosure: doc(2026, '上年预算数2310.52万元，本年预算1987.40万元，比上年减少323.12万元，下降1.40%。'),
      expect: [{ messageId: 'rateWrong' }],
    },
    {
      name: 'with the change amount: this year’s amount is the one wrong number',
      disclosure: doc(2026, '上年预算数2310.52万元，本年预算1897.40万元，比上年减少323.12万元，下降13.98%。'),
      expect: [{ messageId: 'currentWrong' }],
    },
  ],
};

export default fixtures;
