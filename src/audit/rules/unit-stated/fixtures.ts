import { disclosure, item, table } from '../../testing/build.ts';
import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

/** A table no template knows, with its title and one line. */
const unknown = (title: string, cells: Record<string, string | null>) => () =>
  disclosure({
    kind: '预算',
    tables: [{ ...table('unknown', { rows: [item('x', cells, '第一行')] }), title, unit: null }],
  });

const fixtures: RuleFixtures = {
  valid: [
    { name: 'every table with a unit', disclosure: cleanFinal },
    {
      name: 'a list of units (西安 2022 p17: 序号 | 单位名称)',
      disclosure: unknown('部门预算单位构成', { no: '1', name: null }),
    },
    {
      name: 'an untitled fragment (重庆 2026 p22: indicators 4 次, 85 %)',
      disclosure: unknown('', { value: '85.50' }),
    },
  ],
  invalid: [
    {
      name: 'seed 001: 收入支出决算总表 prints no unit',
      disclosure: () => {
        const d = cleanFinal();
        d.tables[0].unit = null;
        return d;
      },
      expect: [{ messageId: 'missing', table: 'final.income_expenditure_summary' }],
    },
    {
      name: 'a titled table of amounts no template knows',
      disclosure: unknown('部门重点项目预算表', { amount: '1,264.38' }),
      expect: [{ messageId: 'missing', table: 'unknown' }],
    },
  ],
};

export default fixtures;
