import { cellPlace, cellValue, toCommonUnit, unitOf } from '../../cells.ts';
import { surelyExceeds } from '../../interval.ts';
import { sub, toFixedString } from '../../../model/decimal.ts';
import { findRow } from '../../refs.ts';
import type { Rule } from '../../types.ts';

// A part cannot be larger than its whole: the 06表's economic lines 30212 因公出国（境）费, 30217 公务接待费 and
// 30231 公务用车运行维护费 are the basic-spending, general-budget part of the 三公 actuals (domain.md §5: "09 三公
// 决算 items agree with 06 economic lines"); the 三公 table adds project spending and carried-over funds, so
// 06 ≤ 09, and 06 above 09 is implausible.

const PAIRS: [string, string, string][] = [
  ['30212', 'final.abroad', '因公出国（境）费'],
  ['30217', 'final.reception', '公务接待费'],
  ['30231', 'final.vehicle_operation', '公务用车运行维护费'],
];

const rule: Rule = {
  meta: {
    id: 'three-public-vs-basic',
    code: 'CJ702',
    title: {
      zh: '基本支出中的三公经费不超过三公经费决算',
      en: '三公 lines of basic spending do not exceed the 三公 actuals',
    },
    category: 'plausibility',
    severity: 'warning',
    appliesTo: ['决算'],
    requires: ['final.general_budget_basic', 'final.three_public'],
    messages: {
      over: {
        zh: '基本支出明细表 {code} {name} 为 {part}，大于三公经费表中的决算数 {whole}',
        en: 'Basic-spending line {code} ({name}) is {part}, more than the 三公 actual {whole}',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    const t06 = ctx.table('final.general_budget_basic')!;
    const t09 = ctx.table('final.three_public')!;
    for (const [code, col, name] of PAIRS) {
      const r = findRow(t06, `code:${code}`);
      if (!r) continue;
      // The row that prints the 决算 column: the only row of the usual one-row table; 西安's table has a 预算数 row
      // (budget.* cells) above its 决算数 row (final.* cells), and the first row holds no 决算 cell at all.
      const row09 = t09.rows.find((x) => x.cells.some((c) => c.column === col));
      if (!row09) continue;
      const part = cellValue(t06, r, 'amount');
      const whole = cellValue(t09, row09, col);
      if (!part || !whole || part.blank) continue;
      const u06 = unitOf(d, t06);
      const u09 = unitOf(d, t09);
      if (!surelyExceeds(toCommonUnit(part.interval, u06, u09), toCommonUnit(whole.interval, u09, u06))) continue;
      ctx.report({
        messageId: 'over',
        values: { code, name, part: toFixedString(part.value), whole: toFixedString(whole.value) },
        location: cellPlace(t06, r, 'amount'),
        related: [cellPlace(t09, row09, col)],
        expected: whole.value,
        actual: part.value,
        difference: u06 === u09 ? sub(part.value, whole.value) : null,
      });
    }
  },
};

export default rule;
