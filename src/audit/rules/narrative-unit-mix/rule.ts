import { figurePlace, figures, figureText, paragraphs } from '../../narrative/tokens.ts';
import type { Rule } from '../../types.ts';

// An item's amount and its change are printed in one unit: “其他城乡社区公共设施支出（2120399）0元，较上年减少400000
// 万元” (西安住建 2022 p24) gives the amount in 元 and its change in 万元, so one of the two is printed in the wrong unit
// and the reader cannot tell the prior year's figure. Only that form is judged: an amount, then in the same sentence
// and the next clause a change (增加/减少…) whose unit differs. Which unit is wrong the text does not say: a warning.

const rule: Rule = {
  meta: {
    id: 'narrative-unit-mix',
    code: 'CJ315',
    title: { zh: '金额与增减额单位一致', en: 'An amount and its change in one unit' },
    category: 'narrative',
    severity: 'warning',
    appliesTo: ['预算', '决算'],
    requires: [],
    messages: {
      mixed: {
        zh: '同一句中金额与其增减额单位不一致：“{amount}”与“{change}”（{excerpt}）',
        en: 'An amount and its change are printed in different units: "{amount}" and "{change}" ({excerpt})',
      },
    },
  },
  check(ctx) {
    for (const l of paragraphs(ctx.disclosure)) {
      const figs = figures(l.text);
      for (let i = 1; i < figs.length; i++) {
        const a = figs[i - 1];
        const b = figs[i];
        if (a.kind !== 'amount' || b.kind !== 'amount' || a.change || !b.change) continue;
        if (a.sentence !== b.sentence || b.clause - a.clause > 1 || a.unit === b.unit) continue;
        const excerpt = l.text.slice(a.start, b.end);
        ctx.report({
          messageId: 'mixed',
          values: { amount: figureText(a), change: figureText(b), excerpt },
          location: figurePlace(l, a),
          related: [figurePlace(l, b)],
        });
      }
    }
  },
};

export default rule;
