import { disclosure, section } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

// 湖州 2026 部门预算 p7 (corpus calinchow-del__renwu/079_湖州/2026年湖州市卫生健康委员会部门预算.pdf and 交通运输局).
const doc =
  (name: string, ...paragraphs: string[]) =>
  () =>
    disclosure({
      kind: '预算',
      fiscalYear: 2026,
      name,
      sections: [section(['部门预算情况说明', '二、收支预算总体情况'], ...paragraphs)],
    });

const fixtures: RuleFixtures = {
  valid: [
    {
      name: '湖州交通 p7: nine classes, 201286.10 for 201286.11 is rounding',
      disclosure: doc(
        '湖州市交通运输局',
        '湖州市交通运输局2026年支出预算201286.11万元，比上年执行数增加81487.86万元，增长68.02%。1.按支出功能分类，包括一般公共服务支出0.64万元、国防支出16.50万元、教育支出4673.98万元、社会保障和就业支出3668.49万元、卫生健康支出1488.12万元、农林水支出15.00万元、交通运输支出113743.52万元、住房保障支出2179.85万元、其他支出75500.00万元。',
      ),
    },
    {
      name: 'a partial 其中 list is not a classification',
      disclosure: doc('湖州市卫生健康委员会', '2026年支出预算515313.35万元，其中：卫生健康支出447751.87万元。'),
    },
  ],
  invalid: [
    {
      name: '湖州卫健 p7: five classes add to 500313.35 against 515313.35 (其他支出 left out)',
      disclosure: doc(
        '湖州市卫生健康委员会',
        '湖州市卫生健康委员会2026年支出预算515313.35万元，比上年执行数减少10087.38万元，下降1.9%。1.按支出功能分类，包括科学技术支出1140.61万元、社会保障和就业支出22232.40万元、卫生健康支出447751.87万元、城乡社区支出12600.00万元、住房保障支出16588.47万元。2.按支出用途分类，包括人员支出212605.27万元，占41.3%。',
      ),
      expect: [{ messageId: 'short', table: 'narrative' }],
    },
  ],
};

export default fixtures;
