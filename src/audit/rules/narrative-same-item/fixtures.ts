import { code, disclosure, section, table, total } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const budget =
  (...paragraphs: string[]) =>
  () =>
    disclosure({
      kind: '预算',
      fiscalYear: 2026,
      name: '某区医疗保障局',
      tables: [
        table('budget.general_expenditure', {
          rows: [
            total({ total: '68632.12', basic: '28398.17', project: '40233.95' }),
            code('201', { total: '3.00', basic: null, project: '3.00' }, '一般公共服务支出'),
            code('204', { total: '68629.12', basic: '28398.17', project: '40230.95' }, '公共安全支出'),
            code('221', { total: '3660.38', basic: '3660.38', project: null }, '住房保障支出'),
            code('22102', { total: '3660.38', basic: '3660.38', project: null }, '住房改革支出'),
            code('2210201', { total: '1073.77', basic: '1073.77', project: null }, '住房公积金'),
            code('2210202', { total: '2586.61', basic: '2586.61', project: null }, '提租补贴'),
          ],
        }),
      ],
      sections: [section(['第三部分 2026年度部门预算情况说明', '四、一般公共预算拨款支出情况说明'], ...paragraphs)],
    });

const fixtures: RuleFixtures = {
  valid: [
    {
      // ae86jack__open-budget/2018年省检察院部门预算公开.pdf p27: two 项 lines, each “(项):支出…”
      name: '省检察院 2018 p27: “住房公积金(项):支出” and “提租补贴(项):支出” are two items',
      disclosure: budget(
        '住房改革支出(款): 2026年预算支出合计3,660.38万元。其中:1.住房公积金(项):支出1,073.77万元。2.提租补贴(项):支出2,586.61万元。',
      ),
    },
    {
      // calinchow-del__renwu/015_长沙/2026年长沙市公安局2025年部门预算.pdf p9: a class's total, then its project part
      name: '长沙 p9: a class total and the same class under 项目支出 are two quantities',
      disclosure: budget(
        '2026年一般公共预算拨款支出68632.12万元，其中：一般公共服务支出3.00万元，占0.00%；公共安全支出68629.12万元，占100.00%。',
        '（二）项目支出：2026年本单位项目支出预算40233.95万元，主要是单位为完成特定行政工作任务而发生的支出，其中：一般公共服务支出3.00万元，主要用于派驻纪检监察组办公经费等方面。公共安全支出40230.95万元，主要用于警务辅助人员经费等方面。',
      ),
    },
    {
      name: 'the same amount printed with fewer decimals (136.4 and 136.40)',
      disclosure: budget('住房公积金（01项）136.4万元，主要用于缴存住房公积金，2026年预算安排136.40万元。'),
    },
    {
      // calinchow-del__renwu/020_西安/宣传部_2026年部门预算.pdf (2021) p9: the economic lines again under each kind of spending
      name: '西安宣传部 2021 p9: one line under 人员经费： and under 公用经费： is two items',
      disclosure: budget(
        '2026年住房保障支出3660.38万元，其中：住房公积金（2210201）1073.77万元。其中①人员经费：住房公积金（2210201）1000.00万元；②公用经费：住房公积金（2210201）73.77万元。',
      ),
    },
  ],
  invalid: [
    {
      // the head holds until the next numbered item: under one head, two amounts of one line are still two amounts
      name: 'one line given two amounts under the same head 人员经费：',
      disclosure: budget(
        '（1）人员经费：住房公积金（2210201）1073.77万元，较上年增加2.10万元；住房公积金（2210201）1000.00万元。',
      ),
      expect: [{ messageId: 'twoAmounts', table: 'narrative' }],
    },
    {
      // review.md (a Shanghai district's 2026 check sheet): “住房公积金（01项）136.4万元 … 2026年预算安排131.20万元”
      name: 'review.md: 住房公积金（01项）136.4万元 … 2026年预算安排131.20万元',
      disclosure: budget(
        '住房改革支出（02款）：住房公积金（01项）136.4万元，主要用于按规定为职工缴存住房公积金，2026年预算安排131.20万元，比上年增加2.10万元。',
      ),
      expect: [{ messageId: 'twoAmounts', table: 'narrative' }],
    },
    {
      name: 'a 三公 item stated twice in its section with different amounts',
      disclosure: () =>
        disclosure({
          kind: '预算',
          fiscalYear: 2026,
          sections: [
            section(
              ['第三部分', '四、财政拨款“三公”经费预算情况说明'],
              '（三）公务接待费1.00万元，与2025年预算持平。',
              '公务接待费预算1.20万元，主要用于接待外省市来沪交流。',
            ),
          ],
        }),
      expect: [{ messageId: 'twoAmounts' }],
    },
  ],
};

export default fixtures;
