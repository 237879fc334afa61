import { code, disclosure, section, table, total } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

// 上海市普陀区人民政府万里街道办事处: sentences of the 2024 部门预算 (corpus zxj6827111-blip__tianbaoxitong/
// 1769438736627-418301796.pdf p6–p9) against the tables of the 2023 部门预算 (1770007475548-818404804.pdf p15–p18,
// printed in 元), cut to the lines the sentences name.
const NAME = '上海市普陀区人民政府万里街道办事处';

function y2023(over: { total?: string; line2010507?: string; line2013202?: string } = {}) {
  return () =>
    disclosure({
      kind: '预算',
      fiscalYear: 2023,
      name: NAME,
      unit: '元',
      tables: [
        table('budget.general_expenditure', {
          unit: '元',
          rows: [
            total({ total: over.total ?? '164978640', basic: '60000000', project: '104978640' }),
            code('201', { total: '2976800', basic: '0', project: '2976800' }, '一般公共服务支出'),
            code('20105', { total: '627600', basic: '0', project: '627600' }, '统计信息事务'),
            code('2010507', { total: over.line2010507 ?? '601300', basic: '0', project: '601300' }, '专项普查活动'),
          ],
        }),
        table('budget.expenditure', {
          unit: '元',
          rows: [
            total({ total: over.total ?? '164978640', basic: '60000000', project: '104978640' }),
            code('201', { total: '2976800', basic: '0', project: '2976800' }, '一般公共服务支出'),
            code('20105', { total: '627600', basic: '0', project: '627600' }, '统计信息事务'),
            code('2010507', { total: over.line2010507 ?? '601300', basic: '0', project: '601300' }, '专项普查活动'),
            code('20132', { total: '656900', basic: '0', project: '656900' }, '组织事务'),
            code('2013202', { total: over.line2013202 ?? '656900', basic: '0', project: '656900' }, '一般行政管理事务'),
          ],
        }),
      ],
    });
}

function y2024(...paragraphs: string[]) {
  return () =>
    disclosure({
      kind: '预算',
      fiscalYear: 2024,
      name: NAME,
      tables: [
        table('budget.general_expenditure', {
          rows: [
            total({ total: '15621.11', basic: '6000.00', project: '9621.11' }),
            code('201', { total: '296.20', basic: '0', project: '296.20' }, '一般公共服务支出'),
            code('20105', { total: '25.77', basic: '0', project: '25.77' }, '统计信息事务'),
            code('2010507', { total: '25.77', basic: '0', project: '25.77' }, '专项普查活动'),
          ],
        }),
        table('budget.expenditure', {
          rows: [
            total({ total: '15621.11', basic: '6000.00', project: '9621.11' }),
            code('201', { total: '296.20', basic: '0', project: '296.20' }, '一般公共服务支出'),
            code('20105', { total: '25.77', basic: '0', project: '25.77' }, '统计信息事务'),
            code('2010507', { total: '25.77', basic: '0', project: '25.77' }, '专项普查活动'),
            code('20132', { total: '88.87', basic: '0', project: '88.87' }, '组织事务'),
            code('2013202', { total: '88.87', basic: '0', project: '88.87' }, '一般行政管理事务'),
          ],
        }),
      ],
      sections: [section(['2024年部门预算编制说明'], ...paragraphs)],
    });
}

const TOTAL =
  '支出预算15621.11万元，其中：财政拨款支出预算15621.11万元，比2023年预算减少876.75万元。财政拨款支出预算中，一般公共预算拨款支出预算15621.11万元，比2023年预算减少876.75万元。';
const LINE =
  '1. “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查活动。2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%。';
const EXECUTED =
  '3. “一般公共服务支出（类）组织事务（款）一般行政管理事务（项）”88.87万元，主要用于组织事务一般行政管理事务。2023年当年预算执行数为60.79万元，2024年预算安排88.87万元，比2023年预算执行数增加46.19%。';

// 江苏省委办公厅: the 2018 部门预算公开文件 (ae86jack__open-budget, 三公 section) against the 2017 预算公开表格's 三公 table.
const JS = '中共江苏省委办公厅';
const jiangsu =
  (year: number, reception: string, ...paragraphs: string[]) =>
  () =>
    disclosure({
      kind: '预算',
      fiscalYear: year,
      name: JS,
      tables: paragraphs.length
        ? []
        : [
            table('budget.three_public_and_other', {
              rows: [
                total(
                  {
                    three_public_total: '509.20',
                    abroad: '70.00',
                    vehicle_total: '411.20',
                    vehicle_purchase: '0',
                    vehicle_operation: '411.20',
                    reception,
                  },
                  undefined,
                  '',
                ),
              ],
            }),
          ],
      sections: paragraphs.length
        ? [section(['2018年部门预算情况说明', '八、一般公共预算“三公”经费支出情况说明'], ...paragraphs)]
        : [],
    });
const RECEPTION = '3．公务接待费预算支出27万元，比上年预算减少1万元，主要原因是厉行节约。';

const fixtures: RuleFixtures = {
  valid: [
    {
      name: '江苏省委办公厅 2018 文件 (narrative only) against the 2017 表格: 27 + 1 = 28.00',
      disclosure: jiangsu(2018, '', RECEPTION),
      prior: jiangsu(2017, '28.00'),
    },
    {
      name: '万里街道 2024 p6: the 2023 budget total 164,978,640元 is 15621.11 + 876.75 万元',
      disclosure: y2024(TOTAL),
      prior: y2023(),
    },
    {
      name: '万里街道 2024 p6 item 1: 2023 executed 60.13 万元, the 2023 budget printed 601,300元',
      disclosure: y2024(LINE),
      prior: y2023(),
    },
    { name: 'no prior document: the rule does not run', disclosure: y2024(TOTAL) },
    {
      name: 'one yuan more than rounding explains is still a finding, one cent within it is not (2023 total 164,978,640.01元)',
      disclosure: y2024(TOTAL),
      prior: y2023({ total: '164978640.01' }),
    },
    {
      name: 'a prior document of another year: the rule does not run',
      disclosure: y2024(TOTAL),
      prior: () => ({ ...y2023({ total: '1' })(), fiscalYear: 2021 }),
    },
  ],
  invalid: [
    {
      name: '江苏省委办公厅 2018: 公务接待费27万元，比上年预算减少1万元, where the 2017 table printed 30.00 (the real one prints 28.00; “27万元” and “1万元” stand for ±0.5 each)',
      disclosure: jiangsu(2018, '', RECEPTION),
      prior: jiangsu(2017, '30.00'),
      expect: [{ messageId: 'change', table: 'narrative', severity: 'error' }],
    },
    {
      name: 'the 2023 budget total printed 10万元 lower (164,878,640元): 减少876.75万元 no longer leads to it',
      disclosure: y2024(TOTAL),
      prior: y2023({ total: '164878640' }),
      expect: [{ messageId: 'change', table: 'narrative', severity: 'error' }],
    },
    {
      name: 'the line’s 2023 budget printed otherwise: 2023年当年预算执行数为60.13万元 is an executed amount, shown against the budget',
      disclosure: y2024(LINE),
      prior: y2023({ line2010507: '611300' }),
      expect: [{ messageId: 'actualVsBudget', table: 'narrative', severity: 'info' }],
    },
    {
      name: '万里街道 2024 p6 item 3 (real): 2023 executed 60.79 万元 where the 2023 budget printed 656,900元 (p15)',
      disclosure: y2024(EXECUTED),
      prior: y2023(),
      expect: [{ messageId: 'actualVsBudget', severity: 'info' }],
    },
  ],
};

export default fixtures;
