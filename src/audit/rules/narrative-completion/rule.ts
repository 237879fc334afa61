import { toFixedString } from '../../../model/decimal.ts';
import { percentText, ratioMayEqual } from '../../interval.ts';
import { completions } from '../../narrative/facts.ts';
import { figureInterval, figurePlace, figures, figureText, paragraphs } from '../../narrative/tokens.ts';
import type { Rule } from '../../types.ts';

// Completion rates ("年初预算为1万元，支出决算为1万元，完成年初预算的100%") agree with the two amounts stated
// beside them, on intervals. A rate stated for a zero budget is left to impossible-percentage.

const rule: Rule = {
  meta: {
    id: 'narrative-completion',
    code: 'CJ304',
    title: {
      zh: '说明中的预算完成率与预算数、决算数相符',
      en: 'Completion rates agree with the stated budget and actual',
    },
    category: 'narrative',
    severity: 'error',
    appliesTo: ['决算'],
    requires: [],
    messages: {
      'mismatch.rounding': {
        zh: '说明称完成预算的 {stated}，决算 {actual} ÷ 预算 {budget} 为 {computed}，差异可由尾数误差解释',
        en: 'The narrative states a completion rate of {stated}; actual {actual} / budget {budget} gives {computed}, a difference rounding explains',
      },
      mismatch: {
        zh: '说明称完成预算的 {stated}，但决算 {actual} ÷ 预算 {budget} 应为 {computed}，尾数误差无法解释',
        en: 'The narrative states a completion rate of {stated}, but actual {actual} / budget {budget} gives {computed}, more than rounding explains',
      },
    },
  },
  check(ctx) {
    for (const l of paragraphs(ctx.disclosure)) {
      const figs = figures(l.text);
      for (const c of completions(figs)) {
        if (!c.budget || !c.actual || c.budget.unit !== c.actual.unit || c.budget.value.units === 0n) continue;
        const ok = ratioMayEqual(figureInterval(c.actual), figureInterval(c.budget), figureInterval(c.pct));
        const computed = percentText(c.actual.value, c.budget.value, c.pct.decimals);
        if (ok && (computed === null || computed === toFixedString(c.pct.value))) continue;
        ctx.report({
          messageId: ok ? 'mismatch.rounding' : 'mismatch',
          severity: ok ? 'info' : undefined,
          values: {
            stated: figureText(c.pct),
            actual: figureText(c.actual),
            budget: figureText(c.budget),
            computed: computed ? `${computed}%` : '—',
          },
          location: figurePlace(l, c.pct),
          expected: computed,
          actual: toFixedString(c.pct.value),
        });
      }
    }
  },
};

export default rule;
