import { cmp, toFixedString } from '../../../model/decimal.ts';
import { cellValue, unitOf } from '../../cells.ts';
import { termPlace } from '../../equation.ts';
import { mayEqual, shift } from '../../interval.ts';
import { term } from '../../refs.ts';
import { figureInterval, figurePlace, figures, figureText, paragraphs } from '../../narrative/tokens.ts';
import { inExplanation, targetOf } from './targets.ts';
import type { Rule } from '../../types.ts';

// Every amount the 情况说明 restates from a table agrees with that table cell (domain.md §5 Narrative vs tables).
// Narrative figures keep their own printed precision (“289.7万元” is 289.65–289.75); 万元 and 元 are converted
// exactly; a difference rounding explains is an info.

const rule: Rule = {
  meta: {
    id: 'narrative-amount',
    code: 'CJ301',
    title: { zh: '说明中的金额与表格一致', en: 'Amounts stated in the narrative agree with the tables' },
    category: 'narrative',
    severity: 'error',
    appliesTo: ['决算'],
    requires: [],
    messages: {
      mismatch: {
        zh: '说明中“{label}”为 {stated}，而{table}对应数为 {tableValue}{unit}，不一致',
        en: 'The narrative states {labelEn} as {stated}, but {tableEn} prints {tableValue} {unit}',
      },
      'mismatch.rounding': {
        zh: '说明中“{label}”为 {stated}，{table}对应数为 {tableValue}{unit}，差异可由尾数误差解释',
        en: 'The narrative states {labelEn} as {stated}; {tableEn} prints {tableValue} {unit}, a difference rounding explains',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    for (const l of paragraphs(d)) {
      if (!inExplanation(l.heading)) continue;
      for (const f of figures(l.text)) {
        const target = targetOf(l.heading, l.text, f);
        if (!target || !ctx.table(target.table)) continue;
        const t = term(ctx, target);
        if (!t) continue;
        const cv = cellValue(t.table, t.row, t.column);
        // a blank cell is the arithmetic rules' finding (a total left empty); comparing text with it repeats it
        if (!cv || cv.blank) continue;
        const unit = unitOf(d, t.table);
        if (!unit) continue;
        let stated = figureInterval(f, unit === '元');
        let printed = cv.interval;
        if (unit === '万元' && f.unit === '元') printed = shift(printed, 4);
        if (unit === '万元' && f.unit === '元') stated = figureInterval(f);
        const statedValue =
          unit === '元' && f.unit === '万元' ? { units: f.value.units * 10000n, scale: f.value.scale } : f.value;
        const tableValue =
          unit === '万元' && f.unit === '元' ? { units: cv.value.units * 10000n, scale: cv.value.scale } : cv.value;
        if (cmp(statedValue, tableValue) === 0) continue;
        const ok = mayEqual(stated, printed);
        ctx.report({
          messageId: ok ? 'mismatch.rounding' : 'mismatch',
          severity: ok ? 'info' : undefined,
          values: {
            label: f.label,
            labelEn: f.label,
            stated: figureText(f),
            table: `${t.table.title}“${termPlace(t).row ?? ''}”`,
            tableEn: `${t.table.key} [${termPlace(t).row ?? ''}] ${t.column}`,
            tableValue: toFixedString(cv.value),
            unit: unit,
          },
          location: figurePlace(l, f),
          related: [termPlace(t)],
          expected: toFixedString(tableValue),
          actual: toFixedString(statedValue),
        });
      }
    }
  },
};

export default rule;
