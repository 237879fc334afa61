import { disclosure, section } from '../../testing/build.ts';
import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const doc = (p: string) => () =>
  disclosure({ kind: '预算', fiscalYear: 2026, sections: [section('七、预算绩效管理情况说明', p)] });

/** 烟台宣传部 2026 p42's 文明实践工作经费 form, its 时效指标 row as printed (calinchow-del__renwu/025_烟台). */
const form = (deadline: string) => () => {
  const d = disclosure({ kind: '预算', fiscalYear: 2026 });
  d.performance = [
    {
      id: 'p1',
      kind: 'project_goals',
      title: '政策和项目预算绩效目标表',
      project: '文明实践工作经费',
      rows: [
        ['项目名称', '文明实践工作经费'],
        ['绩效指标', '产出指标', '时效指标', '文明实践成效评估完成时间', deadline],
      ],
      place: { kind: 'pdf', page: 42, box: [0, 0, 595, 842] },
    },
  ];
  return d;
};

const fixtures: RuleFixtures = {
  valid: [
    { name: 'the clean final account', disclosure: cleanFinal },
    {
      name: 'month ends and a leap day',
      disclosure: doc('截至2025年12月31日，2024年2月29日前完成，2026年4月30日前完成。'),
    },
    { name: '烟台宣传部 p42 with a real date', disclosure: form('2026年9月30日前') },
  ],
  invalid: [
    {
      name: '烟台宣传部 2026 p42: 2026年9月31日前 in a performance form',
      disclosure: form('2026年9月31日前'),
      expect: [{ messageId: 'impossible', table: 'performance' }],
    },
    {
      name: 'a 29 February outside a leap year, in the narrative',
      disclosure: doc('项目于2026年2月29日前完成验收。'),
      expect: [{ messageId: 'impossible', table: 'narrative' }],
    },
  ],
};

export default fixtures;
