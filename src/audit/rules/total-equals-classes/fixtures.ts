import type { Disclosure } from '../../../model/disclosure.ts';
import { cleanFinal, setCell } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

/**
 * The 01表's class 210 printed again right below itself (深圳 2026 收支总表: 五、其他支出 followed by its 款 and
 * 项, all named 其他支出 and read as class 229), with the same amount or, as a misread code column gives
 * (万里街道 2024: 款 "2", "7" under 类 301), with another amount.
 */
function classRepeated(amount: string | null): Disclosure {
  const d = cleanFinal();
  const t = d.tables.find((x) => x.key === 'final.income_expenditure_summary')!;
  const i = t.rows.findIndex((r) => r.code === '210');
  const copy = structuredClone(t.rows[i]);
  copy.label = '行政事业单位医疗';
  if (amount !== null) copy.cells = copy.cells.map((c) => ({ ...c, text: amount, value: amount }));
  t.rows.splice(i + 1, 0, copy);
  return d;
}

const fixtures: RuleFixtures = {
  valid: [
    { name: 'a consistent final account', disclosure: cleanFinal },
    { name: 'a class line repeated with its amount (its 款 and 项 of the same name, 深圳 2026) counts once', disclosure: () => classRepeated(null) },
    { name: 'a class code printed twice with different amounts (misread code column, 万里街道 2024): classes unknown, no sum', disclosure: () => classRepeated('11.01') },
  ],
  invalid: [
    {
      name: '01表 本年支出合计 ≠ Σ classes',
      disclosure: () => setCell(cleanFinal(), 'final.income_expenditure_summary', '221', 'amount', '13.70'),
      expect: [{ messageId: 'mismatch', table: 'final.income_expenditure_summary', row: '本年支出合计', column: 'amount' }],
    },
    {
      name: 'a repeated class line still counts once when another class is wrong',
      disclosure: () => setCell(classRepeated(null), 'final.income_expenditure_summary', '221', 'amount', '13.70'),
      expect: [{ messageId: 'mismatch', table: 'final.income_expenditure_summary', row: '本年支出合计', column: 'amount' }],
    },
    {
      name: '06表 合计 ≠ Σ economic classes (seed 001: 310 printed outside the total)',
      disclosure: () => setCell(cleanFinal(), 'final.general_budget_basic', '310', 'amount', '3.28'),
      expect: [{ messageId: 'mismatch', table: 'final.general_budget_basic', row: '合计', column: 'amount' }],
    },
  ],
};

export default fixtures;
