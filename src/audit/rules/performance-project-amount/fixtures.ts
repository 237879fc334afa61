import type { PerformanceTable } from '../../../model/disclosure.ts';
import { disclosure, table, total } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

// Seed 004 (株洲市荷塘区医疗保障局 2023 预算): the 一般公共预算支出预算分类汇总表 lists each further project on its own
// line (lines 514–517) and each project's 绩效目标表 prints “年度本级 预算金额” (lines 355–356, 384, 415, 444).

const form = (project: string, amount: string, line: number): PerformanceTable => ({
  id: `perf#${line}`,
  kind: 'project_goals',
  title: '项目支出绩效目标表',
  project,
  rows: [
    ['项目名称', project, '', '', '', '', '', '', ''],
    ['项目类别', '特定项目类', '', '', '', '年度本级 预算金额', amount, '', ''],
    ['项目支出 实施期', '2023年1－12月', '', '', '', '', '', '', ''],
  ],
  place: { kind: 'text', line, column: 1 },
});

const seed004 = (forms: PerformanceTable[]) => () => {
  const d = disclosure({
    kind: '预算',
    tables: [
      table('budget.general_classified_summary', {
        rows: [
          total({ wages: '137.63', public: '17.59', project_amount: '1755.28', grand_total: '1910.50' }),
          {
            kind: 'item',
            label: '困难企业退休人员医疗保险',
            cells: { project_amount: '60.00', grand_total: '215.22' },
          },
          { kind: 'item', label: '离退休干部医疗统筹金', cells: { project_amount: '100.00', grand_total: '255.22' } },
          {
            kind: 'item',
            label: '医保基金监管、打击欺诈骗保工作经费',
            cells: { project_amount: '10.00', grand_total: '165.22' },
          },
          { kind: 'item', label: '医疗救助', cells: { project_amount: '80.00', grand_total: '235.22' } },
        ],
      }),
    ],
  });
  d.performance = forms;
  return d;
};

const fixtures: RuleFixtures = {
  valid: [
    {
      name: 'seed 004: four projects, each form’s 预算金额 equals its line',
      disclosure: seed004([
        form('困难企业退休人员医疗保险', '60', 384),
        form('离退休干部医疗统筹金', '100', 415),
        form('医保基金监管、打击欺诈骗保工作经费', '10', 355),
        form('医疗救助', '80', 444),
      ]),
    },
    {
      name: 'a project no budget table lists by name is not judged',
      disclosure: seed004([form('城镇居民医疗保险区级配套', '1505.28', 330)]),
    },
  ],
  invalid: [
    {
      name: 'a form that states another amount than the project’s line',
      disclosure: seed004([form('医疗救助', '85', 444)]),
      expect: [{ messageId: 'mismatch', table: 'performance' }],
    },
  ],
};

export default fixtures;
