import { code, disclosure, section, table } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const doc = (year: number) => () =>
  disclosure({
    fiscalYear: year,
    tables: [table('final.expenditure', { rows: [code('210', { total: '1.00' }, '医疗卫生与计划生育支出')] })],
  });
const text = (year: number, p: string) => () =>
  disclosure({
    kind: '预算',
    fiscalYear: year,
    tables: [table('budget.expenditure', { rows: [code('210', { total: '1.00' }, '卫生健康支出')] })],
    sections: [section('五、一般公共预算支出预算情况说明', p)],
  });

const fixtures: RuleFixtures = {
  valid: [
    { name: 'the former name in a 2017 document', disclosure: doc(2017) },
    {
      name: 'the former name in the text of a 2018 document (江苏 2018)',
      disclosure: text(2018, '医疗卫生与计划生育支出（类）326.45万元，主要用于医疗保障。'),
    },
    {
      name: 'the current name in the text of a 2026 document',
      disclosure: text(2026, '卫生健康支出（210类）326.45万元。'),
    },
  ],
  invalid: [
    {
      name: 'the former name in a 2023 document',
      disclosure: doc(2023),
      expect: [{ messageId: 'outdated', table: 'final.expenditure', row: '210' }],
    },
    {
      name: 'review.md: 医疗卫生与计划生育支出（210类） in a 2026 说明 whose tables say 卫生健康支出',
      disclosure: text(2026, '医疗卫生与计划生育支出（210类）326.45万元，主要用于行政事业单位医疗。'),
      expect: [{ messageId: 'outdatedText', table: 'narrative', row: '医疗卫生与计划生育支出' }],
    },
  ],
};

export default fixtures;
