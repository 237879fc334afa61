import { disclosure, table } from '../../testing/build.ts';
import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const place = { kind: 'text' as const, line: 1, column: 1 };

/** 西安 2022 p35/p57: 表11 printed empty, declared empty in the 报表目录 (是 / 不涉及) as the template asks. */
const declared = (reason: string) => () => {
  const t = { ...table('budget.carryover_expenditure', { rows: [] }), status: 'empty' as const };
  return disclosure({
    kind: '预算',
    tables: [t],
    listed: [
      {
        title: '2022年部门综合预算财政拨款上年结转资金支出表',
        key: t.key,
        status: 'empty',
        tableId: t.id,
        declaredEmpty: reason,
        place,
      },
    ],
  });
};

const fixtures: RuleFixtures = {
  valid: [
    { name: 'the clean final account (two empty tables with statements)', disclosure: cleanFinal },
    {
      name: 'declared empty with its reason in the contents (西安 2022 表11 “不涉及”)',
      disclosure: declared('不涉及'),
    },
    {
      name: 'a table no template knows without amounts (a list of units, 福州 2026 p9) is no empty amount table',
      disclosure: () =>
        disclosure({
          kind: '预算',
          tables: [{ ...table('unknown', { rows: [] }), title: '', status: 'empty' as const }],
        }),
    },
  ],
  invalid: [
    {
      name: 'an empty table without a statement',
      disclosure: () => {
        const d = cleanFinal();
        const t = d.tables.find((x) => x.key === 'final.state_capital')!;
        t.emptyStatement = undefined;
        d.sections = d.sections.filter((s) => !s.heading.includes('国有资本'));
        return d;
      },
      expect: [{ messageId: 'unexplained', table: 'final.state_capital' }],
    },
    {
      name: 'declared empty in the contents without a reason',
      disclosure: declared(''),
      expect: [{ messageId: 'unexplained', table: 'budget.carryover_expenditure' }],
    },
  ],
};

export default fixtures;
