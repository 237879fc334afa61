import type { Disclosure } from '../../../model/disclosure.ts';
import { disclosure, section } from '../../testing/build.ts';
import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const doc =
  (level: '部门' | '单位', ...ps: string[]) =>
  () => {
    const d: Disclosure = disclosure({
      kind: '预算',
      fiscalYear: 2025,
      sections: [section('第三部分 预算情况说明', ...ps)],
    });
    d.scope.level = level;
    return d;
  };

const fixtures: RuleFixtures = {
  valid: [
    { name: 'the clean final account', disclosure: cleanFinal },
    {
      name: 'a 单位预算 that names itself so throughout',
      disclosure: doc('单位', '2025年单位预算收入1,000万元。', '本单位无政府性基金预算。'),
    },
    {
      name: 'generic terms of budget management are no self-designation',
      disclosure: doc('单位', '2025年单位预算收入1,000万元。', '深化部门预算改革，按部门预算支出经济分类编列。'),
    },
    {
      name: '湖州 2026 交通运输局: read as 单位, yet it calls itself 部门预算 throughout — not judged',
      disclosure: doc(
        '单位',
        '湖州市交通运输局2026年部门预算。',
        '2026年部门预算安排购置车辆10辆。',
        '本单位共有车辆12辆。',
      ),
    },
  ],
  invalid: [
    {
      name: '上海市财政局 2025 单位预算 p21: 部门预算安排购置车辆',
      disclosure: doc(
        '单位',
        '2025年单位预算收入1,000万元。',
        '本单位共有车辆8辆。',
        '2025年部门预算安排购置车辆0辆，其中：部级领导用车0辆。',
      ),
      expect: [{ messageId: 'foreign', table: 'narrative', row: '部门预算安排' }],
    },
    {
      name: '苏州 2026 科学技术局 单位预算 p37: 本部门 among 本单位',
      disclosure: doc(
        '单位',
        '2026年单位预算收入1,000万元。',
        '主要原因是本年度本部门市立项目科技创新专项资金调整。',
        '主要原因是本年度本单位退休人员增加。',
      ),
      expect: [{ messageId: 'foreign', row: '本部门' }],
    },
    {
      name: 'the reverse: a 部门预算 naming itself 单位预算 once',
      disclosure: doc('部门', '2025年部门预算收入1,000万元，本部门共有车辆8辆。', '2025年单位预算安排购置车辆0辆。'),
      expect: [{ messageId: 'foreign', row: '单位预算' }],
    },
  ],
};

export default fixtures;
