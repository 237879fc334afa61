import { disclosure, section } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const part = '第三部分 2026年部门预算情况说明';
const base = [
  section([part, '一、收支预算总体情况'], '2026年收入预算1,234.56万元，支出预算1,234.56万元。'),
  section([part, '二、一般公共预算支出情况'], '一般公共预算支出1,000.00万元。'),
  section([part, '三、“三公”经费情况'], '“三公”经费预算12.00万元。'),
];
const running = section([part, '四、机关运行经费情况'], '2026年本部门机关运行经费安排604.53万元。');
const procurement = section([part, '五、政府采购情况'], '2026年政府采购预算262.17万元。');
// 杭州's form: the matter opens a numbered paragraph under one heading of other matters
const assets = section(
  [part, '六、其他重要事项的情况说明'],
  '3.国有资产占有使用情况截至2025年12月31日，本部门共有车辆10辆。',
  '4.预算绩效情况说明2026年本部门项目均实行绩效目标管理，共计24个一级项目。',
);
const glossary = section(
  ['第四部分 名词解释'],
  '政府采购：指各级国家机关、事业单位和团体组织，使用财政性资金采购货物、工程和服务的行为。',
);
const doc =
  (...sections: ReturnType<typeof section>[]) =>
  () =>
    disclosure({ kind: '预算', fiscalYear: 2026, sections: [...base, ...sections] });

const fixtures: RuleFixtures = {
  valid: [
    { name: 'every matter explained (heading or numbered paragraph)', disclosure: doc(running, procurement, assets) },
    {
      name: 'a 2018 budget is not judged on 国有资产占用 (江苏 2017–2018 templates print none)',
      disclosure: () =>
        disclosure({
          kind: '预算',
          fiscalYear: 2018,
          sections: [
            ...base,
            running,
            procurement,
            section(
              [part, '六、预算绩效目标设置情况说明'],
              '2018年本部门共0个项目实行绩效目标管理，涉及财政性资金0万元。',
            ),
          ],
        }),
    },
    { name: 'a file of tables only is not judged', disclosure: () => disclosure({ kind: '预算', sections: [] }) },
  ],
  invalid: [
    {
      name: 'no 政府采购 section; the glossary entry does not count',
      disclosure: doc(running, assets, glossary),
      expect: [{ messageId: 'missing', table: 'narrative' }],
    },
  ],
};

export default fixtures;
