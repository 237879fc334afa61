import { cleanFinal, setCell } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

/** 西安's layout: the 三公 table printed as a 预算数 row (budget.* cells only) above a 决算数 row (final.* cells only). */
function budgetRowFirst() {
  const d = setCell(cleanFinal(), 'final.general_budget_basic', '30217', 'amount', '2.00');
  const t = d.tables.find((x) => x.key === 'final.three_public')!;
  const [row] = t.rows;
  t.rows = [
    { ...row, label: '预算数', cells: row.cells.filter((c) => c.column.startsWith('budget.')) },
    { ...row, label: '决算数', cells: row.cells.filter((c) => c.column.startsWith('final.')) },
  ];
  return d;
}

const fixtures: RuleFixtures = {
  valid: [
    {
      name: '30217 within the 三公 reception actual',
      disclosure: () => setCell(cleanFinal(), 'final.general_budget_basic', '30217', 'amount', '2.00'),
    },
    {
      name: '30217 within the reception actual of the 决算数 row, below a 预算数 row (西安 卫健委 2022 p161)',
      disclosure: budgetRowFirst,
    },
  ],
  invalid: [
    {
      name: '30217 above the 三公 reception actual',
      disclosure: () => setCell(cleanFinal(), 'final.general_budget_basic', '30217', 'amount', '3.00'),
      expect: [{ messageId: 'over', table: 'final.general_budget_basic', row: '30217' }],
    },
  ],
};

export default fixtures;
