import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const fixtures: RuleFixtures = {
  valid: [
    { name: 'the clean final account', disclosure: cleanFinal },
    {
      name: 'income explained under its own sub-heading “（一）年度收入总体情况” (佛山 2019 p24)',
      disclosure: () => {
        const d = cleanFinal();
        d.sections = d.sections.map((s) =>
          s.heading.includes('收入决算')
            ? {
                ...s,
                headingPath: [
                  '第三部分 2023年度部门决算情况说明',
                  '一、2023年度收入支出决算总体情况说明',
                  '（一）年度收入总体情况',
                ],
                heading: '（一）年度收入总体情况',
              }
            : s,
        );
        return d;
      },
    },
  ],
  invalid: [
    {
      name: 'no section on the 三公 table',
      disclosure: () => {
        const d = cleanFinal();
        d.sections = d.sections.filter((s) => !s.heading.includes('三公'));
        return d;
      },
      expect: [{ messageId: 'missing', table: 'final.three_public' }],
    },
    {
      name: 'a sub-heading about 财政拨款收入 is not the income table’s section',
      disclosure: () => {
        const d = cleanFinal();
        d.sections = d.sections.map((s) =>
          s.heading.includes('收入决算')
            ? { ...s, headingPath: [s.headingPath[0], '（一）财政拨款收入情况'], heading: '（一）财政拨款收入情况' }
            : s,
        );
        return d;
      },
      expect: [{ messageId: 'missing', table: 'final.income' }],
    },
  ],
};

export default fixtures;
