import { cmp, fromUnits, toFixedString } from '../../../model/decimal.ts';
import { completions, shares } from '../../narrative/facts.ts';
import { figurePlace, figures, figureText, paragraphs } from '../../narrative/tokens.ts';
import type { Rule } from '../../types.ts';

// Percentages that cannot be: a share of a whole above 100%, and a completion rate of a budget of zero (the
// template's “预算为0万元，支出决算为0万元，完成预算的0%” — no rate follows from a zero budget).

const HUNDRED = fromUnits(100n, 0);

const rule: Rule = {
  meta: {
    id: 'impossible-percentage',
    code: 'CJ504',
    title: { zh: '不可能的百分比', en: 'Impossible percentages' },
    category: 'wording',
    severity: 'warning',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      shareOver100: {
        zh: '说明中“{part}”的占比为 {stated}，部分不可能超过整体的100%',
        en: 'The narrative gives {partEn} a share of {stated}; a part cannot exceed 100% of its whole',
      },
      zeroBudget: {
        zh: '预算数为 {budget}，却写明完成预算的 {stated}：预算为零时完成率无从计算',
        en: 'The budget is {budget} yet a completion rate of {stated} is stated: no rate follows from a zero budget',
      },
    },
  },
  check(ctx) {
    for (const l of paragraphs(ctx.disclosure)) {
      const figs = figures(l.text);
      for (const s of shares(l.text, figs)) {
        if (cmp(s.pct.value, HUNDRED) > 0)
          ctx.report({
            messageId: 'shareOver100',
            values: { part: s.part.label, partEn: s.part.label, stated: figureText(s.pct) },
            location: figurePlace(l, s.pct),
            actual: toFixedString(s.pct.value),
          });
      }
      for (const c of completions(figs)) {
        if (c.budget?.value.units !== 0n) continue;
        ctx.report({
          messageId: 'zeroBudget',
          values: { budget: figureText(c.budget), stated: figureText(c.pct) },
          location: figurePlace(l, c.pct),
          actual: toFixedString(c.pct.value),
        });
      }
    }
  },
};

export default rule;
