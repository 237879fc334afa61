import { disclosure, section } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const district = '上海市普陀区人民政府万里街道办事处';
const doc =
  (name: string, ...paragraphs: string[]) =>
  () =>
    disclosure({ kind: '预算', fiscalYear: 2024, name, sections: [section(['名词解释'], ...paragraphs)] });
const definition = (level: string) =>
  `（一）财政拨款收入：是${level}级预算主管部门及所属预算单位本年度从本级财政部门取得的财政拨款。`;

const fixtures: RuleFixtures = {
  valid: [
    {
      name: 'a district document defines its terms at the district level',
      disclosure: doc(district, definition('区')),
    },
    {
      name: 'a city unit defines its terms at the city level',
      disclosure: doc('上海市戒毒康复中心', definition('市')),
    },
    {
      name: 'prose about another level is not the document’s own level (西安卫健 2022 p28)',
      disclosure: doc('西安市卫生健康委员会', '或区级财政直接将部分项目资金分配给区级其他单位。'),
    },
  ],
  invalid: [
    {
      name: '万里街道 2024 p5: a 普陀区 budget explaining its terms as 市级',
      disclosure: doc(district, '上海市普陀区2024年区级部门预算', definition('市')),
      expect: [{ messageId: 'otherLevel', table: 'narrative', row: '是市级预算主管部门及所属预算单位' }],
    },
  ],
};

export default fixtures;
