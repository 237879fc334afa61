import { cellPlace, cellValue } from '../../cells.ts';
import { surelyExceeds } from '../../interval.ts';
import { toFixedString, sub } from '../../../model/decimal.ts';
import type { Rule } from '../../types.ts';

// 三公 spending above its budget is allowed only with a reason the narrative states (domain.md §5 plausibility).
// The comparison is on intervals: "above" means above for every true value behind the printed ones.

const ITEMS = ['total', 'abroad', 'vehicle_total', 'reception'] as const;
const REASON = /(超|高于|大于|多于|超出|超过)(年初)?(预算|预算数).{0,40}(原因|因为|由于)|原因[是为：:]/;

const rule: Rule = {
  meta: {
    id: 'three-public-over-budget',
    code: 'CJ701',
    title: { zh: '三公经费决算超预算须说明原因', en: '三公 spending above budget needs a stated reason' },
    category: 'plausibility',
    severity: 'warning',
    appliesTo: ['决算'],
    requires: ['final.three_public'],
    messages: {
      over: {
        zh: '三公经费“{item}”决算 {actual} 高于预算 {budget}，情况说明未说明原因',
        en: '三公 item {itemEn}: actual {actual} is above the budget {budget} and the narrative states no reason',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    const t = ctx.table('final.three_public')!;
    // The section read as one text: a reason may run on into the next paragraph and PDF text keeps the spaces of
    // justified lines (佛山 2019: “决算大于 预算数的主要情况：” / “因为我局为 2019 年新成立单位…”).
    const reasoned = d.sections.some(
      (s) =>
        s.headingPath.some((h) => /三公/.test(h)) &&
        REASON.test(
          s.paragraphs
            .map((p) => p.text)
            .join('')
            .replace(/\s+/g, ''),
        ),
    );
    if (reasoned) return;
    for (const row of t.rows)
      for (const item of ITEMS) {
        const b = cellValue(t, row, `budget.${item}`);
        const a = cellValue(t, row, `final.${item}`);
        if (!a || !b || !surelyExceeds(a.interval, b.interval)) continue;
        const label = t.columns.find((c) => c.key === `final.${item}`)?.label ?? item;
        ctx.report({
          messageId: 'over',
          values: { item: label, itemEn: item, actual: toFixedString(a.value), budget: toFixedString(b.value) },
          location: cellPlace(t, row, `final.${item}`),
          related: [cellPlace(t, row, `budget.${item}`)],
          expected: b.value,
          actual: a.value,
          difference: sub(a.value, b.value),
        });
      }
  },
};

export default rule;
