import type { Disclosure, PerformanceTable } from '../../../model/disclosure.ts';
import { disclosure } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

let line = 900;
/** A 烟台-style 政策和项目预算绩效目标表 with one cost indicator. */
function form(
  project: string,
  budget: string,
  indicator: string,
  value: string,
  unitCell = '项目资金（万元）',
): PerformanceTable {
  return {
    id: `perf-${line}`,
    kind: 'project_goals',
    title: '政策和项目预算绩效目标表',
    project,
    rows: [
      ['项目名称', '', '', project, '', ''],
      [unitCell, '', '', '年度预算资金总额：', budget, ''],
      ['', '', '', '其中：财政拨款', budget, ''],
      ['', '一级指标', '二级指标', '三级指标', '指标值', ''],
      ['绩效指标', '成本指标', '经济成本', indicator, value, ''],
      ['绩效指标', '产出指标', '数量指标', '公车统管车辆数', '≤2辆', ''],
    ],
    place: { kind: 'text', line: line++, column: 1 },
  };
}

const doc =
  (...forms: PerformanceTable[]) =>
  (): Disclosure => ({ ...disclosure({ kind: '预算', fiscalYear: 2026 }), performance: forms });

const fixtures: RuleFixtures = {
  valid: [
    { name: 'a cost target within the budget', disclosure: doc(form('实施公车统管', '5.00', '项目总成本', '≤5万元')) },
    {
      name: 'a target in 元 within a budget in 万元',
      disclosure: doc(form('城市体检', '87.45', '项目总成本', '≤874500元')),
    },
    {
      name: 'a standard per unit may exceed the year’s budget (福州科技 2026 p34 奖补标准 ≤1000万元 on 800.00)',
      disclosure: doc(form('科技特派员专项', '800.00', '奖补标准', '≤1000万元')),
    },
    {
      name: 'a loan’s principal is not the year’s cost (烟台交通 2026 p55 本金总额 on 债券付息)',
      disclosure: doc(form('政府专项债券付息', '70.64', '本金总额', '≤2385万元')),
    },
    {
      name: 'a budget of 0 is not judged (the project is funded elsewhere)',
      disclosure: doc(form('重点工程和城乡事务工作经费', '0.00', '项目总成本', '≤13.56万元')),
    },
    {
      name: 'a form whose amounts have no printed unit is not judged',
      disclosure: doc(form('实施公车统管', '30.00', '公车统管费用', '≤100万元', '项目资金')),
    },
    {
      name: 'a rate is not a bound in money',
      disclosure: doc(form('光电实验室建设', '1000.00', '创新实验室成本控制率', '≤100%')),
    },
  ],
  invalid: [
    {
      name: '烟台宣传部 2026 p35: 公车统管费用 ≤100万元 on a budget of 30.00',
      disclosure: doc(form('实施公车统管', '30.00', '公车统管费用', '≤100万元')),
      expect: [{ messageId: 'aboveBudget', table: 'performance', row: '实施公车统管', severity: 'warning' }],
    },
    {
      name: '烟台商务 2026 p45: 项目总成本 ≤8万元 on 5.00',
      disclosure: doc(form('实施公车统管费用', '5.00', '项目总成本', '≤8万元')),
      expect: [{ messageId: 'aboveBudget', row: '实施公车统管费用' }],
    },
  ],
};

export default fixtures;
