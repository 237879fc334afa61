import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const fixtures: RuleFixtures = {
  valid: [
    { name: 'all nine tables (two declared empty)', disclosure: cleanFinal },
    {
      // One warning from listed-tables (partAbsent) instead of nine errors: the tables may be a separate file.
      name: 'a narrative-only file: none of the listed tables and no table at all',
      disclosure: () => {
        const d = cleanFinal();
        const place = { kind: 'text' as const, line: 20, column: 3 };
        d.recognition.listed = d.tables.map((t) => ({ title: t.title, key: t.key, status: 'absent' as const, place }));
        d.tables = [];
        return d;
      },
    },
    {
      name: 'a template without the 国有资本经营 table: its 收入支出决算总表 has no 国有资本经营预算财政拨款收入 line (佛山 2019)',
      disclosure: () => {
        const d = cleanFinal();
        d.tables = d.tables.filter((t) => t.key !== 'final.state_capital');
        const summary = d.tables.find((t) => t.key === 'final.income_expenditure_summary')!;
        summary.rows = summary.rows.filter((r) => r.item !== 'income.state_capital');
        return d;
      },
    },
  ],
  invalid: [
    {
      name: 'a budget taken for a final account (西安 卫生健康委员会 2026)',
      disclosure: () => {
        const d = cleanFinal();
        d.tables = [{ ...d.tables[1], key: 'budget.expenditure' }];
        return d;
      },
      expect: [{ messageId: 'kindConflict', severity: 'warning' }],
    },
    {
      name: 'the 三公 table is missing',
      disclosure: () => {
        const d = cleanFinal();
        d.tables = d.tables.filter((t) => t.key !== 'final.three_public');
        return d;
      },
      expect: [{ messageId: 'missing', table: 'final.three_public' }],
    },
    {
      name: 'the 收入决算表 listed in the 目录 but absent: one error, said to be listed (listed-tables leaves it here)',
      disclosure: () => {
        const d = cleanFinal();
        d.tables = d.tables.filter((t) => t.key !== 'final.income');
        d.recognition.listed = [
          { title: '收入决算表', key: 'final.income', status: 'absent', place: { kind: 'text', line: 5, column: 1 } },
        ];
        return d;
      },
      expect: [{ messageId: 'missingListed', table: 'final.income', severity: 'error' }],
    },
    {
      name: 'the 国有资本经营 table missing while the 收入支出决算总表 prints its income line',
      disclosure: () => {
        const d = cleanFinal();
        d.tables = d.tables.filter((t) => t.key !== 'final.state_capital');
        const summary = d.tables.find((t) => t.key === 'final.income_expenditure_summary')!;
        const line = summary.rows.find((r) => r.item === 'income.general_budget')!;
        summary.rows.splice(1, 0, {
          ...line,
          item: 'income.state_capital',
          label: '国有资本经营预算财政拨款收入',
          cells: line.cells.map((c) => ({ ...c, text: '', value: null })),
        });
        return d;
      },
      expect: [{ messageId: 'missing', table: 'final.state_capital' }],
    },
  ],
};

export default fixtures;
