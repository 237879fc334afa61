import { disclosure, section } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const doc =
  (...sections: ReturnType<typeof section>[]) =>
  () =>
    disclosure({ kind: '预算', fiscalYear: 2026, sections });

const heading = ['第三部分 部门预算情况说明', '六、一般公共预算“三公”经费支出情况'];
const items = section(
  heading,
  '江苏省政协办公厅2017年度一般公共预算拨款安排的“三公”经费预算支出中，因公出国（境）费支出76万元，占“三公”经费的11.24%；公务用车购置及运行维护费支出156.60万元，占“三公”经费的23.16%；公务接待费支出443.50万元，占“三公”经费的65.60%。',
);

const fixtures: RuleFixtures = {
  valid: [
    {
      name: 'the total stated first, then the items',
      disclosure: doc(
        section(
          heading,
          '2026年财政拨款“三公”经费预算102.11万元，比上年增加3.21万元。其中：因公出国（境）费用48.24万元；公务用车购置及运行维护费51.06万元；公务接待费2.81万元。',
        ),
      ),
    },
    {
      name: '上海 2026 政府办公厅: a total of 0 printed without its unit (“预算数为0”)',
      disclosure: doc(
        section(
          heading,
          '2026年“三公”经费预算数为0，与2025年预算持平。其中：（一）因公出国（境）费为0。（二）公务用车购置及运行费为0。（三）公务接待费为0。',
        ),
      ),
    },
    {
      name: 'the total stated in another section (支出预算情况)',
      disclosure: doc(section(['第三部分 部门预算情况说明', '三、支出预算情况'], '“三公”经费预算676.10万元。'), items),
    },
    {
      name: 'a glossary definition is not a statement, but a section without items is not judged',
      disclosure: doc(section(['第四部分 名词解释'], '“三公”经费：指用财政拨款安排的因公出国（境）费、公务接待费。')),
    },
  ],
  invalid: [
    {
      name: '江苏政协 2017 p18: each item and its share of the 三公 total, the total itself nowhere',
      disclosure: doc(items),
      expect: [{ messageId: 'missing', table: 'narrative', row: '因公出国（境）费支出76万元' }],
    },
  ],
};

export default fixtures;
