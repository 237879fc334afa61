import { completions } from '../../narrative/facts.ts';
import { figureInterval, figurePlace, figures, figureText, paragraphs } from '../../narrative/tokens.ts';
import { mayEqual, mayExceed } from '../../interval.ts';
import type { Rule } from '../../types.ts';

// Words of direction agree with the numbers: “决算数大于预算数”, “小于”, “等于/持平” after a stated budget and
// actual. Tested on intervals: “大于” fails only when the actual cannot be above the budget for any true values.

const CLAIM =
  /(决算数|支出决算数|决算)?(大于|高于|超过|多于|小于|低于|少于|等于|持平于?|与)(年初)?(预算数|预算)(持平|相等|一致)?/;

const rule: Rule = {
  meta: {
    id: 'narrative-direction',
    code: 'CJ307',
    title: { zh: '说明中的“大于/小于/持平”与数字相符', en: 'Stated directions agree with the numbers' },
    category: 'narrative',
    severity: 'error',
    appliesTo: ['决算'],
    requires: [],
    messages: {
      wrong: {
        zh: '说明称决算数“{claim}”预算数，但决算 {actual}、预算 {budget}',
        en: 'The narrative says the actual is "{claimEn}" the budget, but the actual is {actual} and the budget {budget}',
      },
    },
  },
  check(ctx) {
    for (const l of paragraphs(ctx.disclosure)) {
      const text = l.text;
      if (/[大小高低多少][于][（(][大小高低多少]于[)）]/.test(text)) continue; // template residue: template-residue's
      const figs = figures(text);
      for (const c of completions(figs)) {
        if (!c.budget || !c.actual || c.budget.unit !== c.actual.unit) continue;
        const next = figs.find((f) => f.start > c.pct.end);
        const window = text.slice(c.pct.end, Math.min(next?.start ?? text.length, c.pct.end + 40));
        const m = CLAIM.exec(window);
        if (!m) continue;
        const word = m[2] === '与' ? (m[5] ? '等于' : null) : m[2];
        if (!word) continue;
        const a = figureInterval(c.actual);
        const b = figureInterval(c.budget);
        const ok = /大于|高于|超过|多于/.test(word)
          ? mayExceed(a, b)
          : /小于|低于|少于/.test(word)
            ? mayExceed(b, a)
            : mayEqual(a, b);
        if (ok) continue;
        ctx.report({
          messageId: 'wrong',
          values: { claim: word, claimEn: word, actual: figureText(c.actual), budget: figureText(c.budget) },
          location: figurePlace(l, c.pct),
          related: [figurePlace(l, c.budget), figurePlace(l, c.actual)],
        });
      }
    }
  },
};

export default rule;
