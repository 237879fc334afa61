import { disclosure, section } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const doc =
  (...paragraphs: string[]) =>
  () =>
    disclosure({
      kind: '预算',
      fiscalYear: 2022,
      sections: [section(['部门预算情况说明', '一般公共预算支出情况'], ...paragraphs)],
    });

const fixtures: RuleFixtures = {
  valid: [
    {
      name: 'amount and change in 万元',
      disclosure: doc('其他城乡社区公共设施支出（2120399）0万元，较上年减少400000万元，原因是项目由部门代编。'),
    },
    {
      name: 'two amounts in different units that are not an amount and its change',
      disclosure: doc('人员经费1,234.56万元；其中人均经费12,345元，较上年增加1,000元。'),
    },
  ],
  invalid: [
    {
      name: '西安住建 2022 p24: 0 元, 较上年减少 400000 万元',
      disclosure: doc(
        '（16）其他城乡社区公共设施支出（2120399）0元，较上年减少400000万元，原因是2021年部门预算中城市建设及维护项目投资40亿由部门代编。',
      ),
      expect: [{ messageId: 'mixed', table: 'narrative' }],
    },
  ],
};

export default fixtures;
