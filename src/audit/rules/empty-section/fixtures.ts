import { disclosure, section } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const part = '第三部分 部门预算情况说明';
const parentHeading = '七、预算绩效管理情况说明';
const doc = (second: string[]) => () =>
  disclosure({
    kind: '预算',
    fiscalYear: 2026,
    sections: [
      section(
        [part, parentHeading, '（一）总体工作情况'],
        '本局2026年政策和项目全面实施绩效目标管理，涉及一级预算项目10个。',
      ),
      section([part, parentHeading, '（二）部门主管专项资金的绩效目标表'], ...second),
      section([part, parentHeading, '（三）部门预算项目绩效目标表'], '见下表。'),
    ],
  });

const fixtures: RuleFixtures = {
  valid: [
    { name: 'every heading has its text', disclosure: doc(['本部门无主管专项资金。']) },
    {
      name: 'a list of units printed as headings, none with text (广州卫健 2026 部门预算构成)',
      disclosure: () =>
        disclosure({
          kind: '预算',
          sections: [
            section(['第一部分 概况', '三、部门预算构成', '（一）广州市第一人民医院']),
            section(['第一部分 概况', '三、部门预算构成', '（二）广州医科大学附属中医医院']),
            section(['第一部分 概况', '三、部门预算构成', '（三）广州市红十字会医院']),
          ],
        }),
    },
  ],
  invalid: [
    {
      name: '烟台 2026 司法局 p31: （二）部门主管专项资金的绩效目标表 with nothing under it',
      disclosure: doc([]),
      expect: [{ messageId: 'empty', table: 'narrative', row: '（二）部门主管专项资金的绩效目标表' }],
    },
  ],
};

export default fixtures;
