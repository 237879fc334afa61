import { disclosure, section } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';
import type { Disclosure } from '../../../model/disclosure.ts';

/** A 2026 budget with one 政策和项目预算绩效目标表 whose 总体目标 is `goal` (烟台住建 2026 p37). */
const withGoal =
  (project: string, goal: string, year = 2026) =>
  (): Disclosure => ({
    ...disclosure({
      kind: '预算',
      fiscalYear: year,
      sections: [section('一、收支预算总体情况', `${year}年收入预算100万元。`)],
    }),
    performance: [
      {
        id: 'perf-1',
        kind: 'project_goals',
        title: '政策和项目预算绩效目标表',
        project,
        rows: [
          ['项目名称', '', '', project, '', ''],
          ['总体目标', goal, '', '', '', ''],
        ],
        place: { kind: 'text', line: 800, column: 1 },
      },
    ],
  });

// 西安市科学技术局 2022 部门预算 p37 (corpus calinchow-del__renwu/020_西安/科技创新局_2026年部门预算.pdf).
const budget =
  (year: number, ...paragraphs: string[]) =>
  () =>
    disclosure({
      kind: '预算',
      fiscalYear: year,
      name: '西安市科学技术局',
      sections: [section(['部门预算情况说明', '七、机关运行经费'], ...paragraphs)],
    });
const final =
  (year: number, ...paragraphs: string[]) =>
  () =>
    disclosure({ kind: '决算', fiscalYear: year, sections: [section('一、部门决算情况说明', ...paragraphs)] });

const page37 = [
  '局机关行政运行经费预算109.15万元，比2021年增加21.79万元，主要原因是：标准提高经费增加。',
  '西安市社会科学院公用经费预算60.57万元，比2021年减少5万元，主要原因是因人员减少费用减少。',
  '西安生产力促进中心公用经费预算0万元，与2021年度持平。',
  '本部门无2021年结转的财政拨款机关运行经费支出。',
];

const fixtures: RuleFixtures = {
  valid: [
    {
      name: 'a goal naming the years behind it (以来, a range) or the year before',
      disclosure: withGoal(
        '人口发展研究',
        '分析2020年以来我市人口的变化情况，完成2018-2024年已实施改造户的运维管理，编制2025年度报告。',
      ),
    },
    {
      name: 'archives of two years back are worked on now (北京审计局 2026 p12)',
      disclosure: withGoal('档案数字化', '主要开展2024年度全部文书、2023年及2024年部分审计非密纸质档案的整理。'),
    },
    {
      name: 'a project named after its year (烟台住建 2026 p48)',
      disclosure: withGoal(
        '2023年度烟台市老旧小区改造工程审查核查第三方机构选定',
        '通过特聘请专业技术服务机构全程参与和管理2023年度烟台市城镇老旧小区改造的每个环节，完成2023年老旧小区改造任务。',
      ),
    },
    { name: '西安 2022 p37: comparisons with 2021 and a 2021 carry-over', disclosure: budget(2022, ...page37) },
    {
      name: 'a 2026 budget: 截至2025年12月31日, 比2025年预算数',
      disclosure: budget(
        2026,
        '截至2025年12月31日，本部门共有车辆12辆。2026年支出预算100万元，比2025年预算数增加5万元。',
      ),
    },
    {
      name: 'a final account: 截至2019年12月31日, 比2019年年初预算',
      disclosure: final(
        2019,
        '截至2019年12月31日，本部门共有车辆2辆。支出决算1668.14万元，比2019年年初预算增加1668.14万元，比2018年减少3万元。',
      ),
    },
    {
      // 北京 国资委 2026 read as 2025 (its title prints “2026部门预算”): the text's own years say 2026
      name: 'a misread document year: the text names the next year throughout, nothing is judged',
      disclosure: budget(
        2025,
        '2026年收入预算495,836.20万元，比2025年初预算数增加。2026年支出预算495,836.20万元。2026年“三公”经费预算175.42万元。',
      ),
    },
  ],
  invalid: [
    {
      name: '烟台住建 2026 p37: a 2026 goal to write the 2022 report',
      disclosure: withGoal(
        '城市更新城市体检',
        '委托相关机构完成数据分析，问题诊断、整治建议，并撰写烟台市2022年度城市体检报告。',
      ),
      expect: [{ messageId: 'oldGoal', table: 'performance', row: '城市更新城市体检', severity: 'warning' }],
    },
    {
      name: '西安 2022 p37: “比2020年增加16.93万元” in a 2022 budget',
      disclosure: budget(
        2022,
        ...page37,
        '西安地球环境创新研究院公用经费预算115.36万元，比2020年增加16.93万元，主要原因是人员增加和标准提高导致经费增加。',
      ),
      expect: [{ messageId: 'wrong', table: 'narrative', row: '比2020年' }],
    },
    {
      name: 'a 截至 date two years back in a budget',
      disclosure: budget(
        2026,
        '截至2024年12月31日，本部门共有车辆12辆。2026年支出预算100万元，比2025年预算数增加5万元。',
      ),
      expect: [{ messageId: 'wrong', row: '截至2024年' }],
    },
  ],
};

export default fixtures;
