import { add, sub, toFixedString } from '../../../model/decimal.ts';
import { growthMayEqual, mayEqual, minus, percentText, plus, ratioMayEqual } from '../../interval.ts';
import { changes, threeNumbers } from '../../narrative/facts.ts';
import { figureInterval, figurePlace, figures, figureText, paragraphs } from '../../narrative/tokens.ts';
import type { Rule } from '../../types.ts';

// Year-on-year changes ("收、支总计289.70万元…增加12.65万元，增长4.57%"): the growth rate must follow from the
// change and the current amount (base = current − increase, or current + decrease), on intervals; and the
// rate's word must go the same way as the amount's (增加…增长, 减少…下降/降低).

const rule: Rule = {
  meta: {
    id: 'narrative-change',
    code: 'CJ305',
    title: { zh: '说明中的增减额与增减幅度相符', en: 'Stated changes and growth rates agree' },
    category: 'narrative',
    severity: 'error',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      rate: {
        zh: '说明称{current}，{word}{change}，幅度 {stated}；按上年数 {base} 计算应为 {computed}，尾数误差无法解释',
        en: 'The narrative states {current}, a change ({word}) of {change} and a rate of {stated}; from the prior-year amount {base} the rate is {computed}, more than rounding explains',
      },
      level: {
        zh: '说明称本年为 {current}，比上年 {prior} {word}{change}，但 {prior} {word}{change} 应为 {expected}',
        en: 'The narrative states {current}, {change} ({word}) from {prior}, but {prior} changed by {change} is {expected}',
      },
      fromZero: {
        zh: '说明称{current}，{word}{change}，幅度 {stated}；上年数为零（或接近零），增长率无从计算',
        en: 'The narrative states {current}, a change ({word}) of {change} and a rate of {stated}, but the prior-year amount is zero (or nearly), so no rate follows',
      },
      zeroChange: {
        zh: '说明称{current}“比上年{word}{change}”，幅度 {stated}：增减额为零，应表述为“与上年持平”',
        en: 'The narrative states {current} as a change ({word}) of {change} with a rate of {stated}: the change is zero, so the amount is unchanged (与上年持平)',
      },
      direction: {
        zh: '说明中金额“{word}{change}”与幅度“{rateWord}{stated}”方向相反',
        en: 'The narrative states an amount change ({word} {change}) and a rate ({rateWord} {stated}) in opposite directions',
      },
    },
  },
  check(ctx) {
    for (const l of paragraphs(ctx.disclosure)) {
      const text = l.text;
      // Template residue (增加（减少）) states no direction: wording rules report it.
      if (/增加[（(]减少[)）]|减少[（(]增加[)）]/.test(text)) continue;
      const figs = figures(text);
      // a change whose prior year is stated apart is checked as a whole by narrative-three-number
      const whole = new Set(threeNumbers(figs, ctx.disclosure.fiscalYear).map((t) => t.change));
      for (const c of changes(figs, text)) {
        if (!c.pct || whole.has(c.amount)) continue;
        const word = c.direction === 'up' ? '增加' : '减少';
        if (c.rateDirection && c.rateDirection !== c.direction && c.amount.value.units !== 0n) {
          const rateWord = c.rateDirection === 'up' ? '增长' : '下降';
          ctx.report({
            messageId: 'direction',
            values: { word, change: figureText(c.amount), rateWord, stated: figureText(c.pct) },
            location: figurePlace(l, c.pct),
          });
          continue;
        }
        const up = c.direction === 'up';
        if (c.prior && c.prior.unit === c.amount.unit) {
          // the base is stated: rate = change / prior; and the level, when stated, = prior ± change
          const ok = ratioMayEqual(figureInterval(c.amount), figureInterval(c.prior), figureInterval(c.pct));
          if (!ok) {
            const computed =
              c.prior.value.units > 0n ? percentText(c.amount.value, c.prior.value, Math.max(2, c.pct.decimals)) : null;
            ctx.report({
              messageId: 'rate',
              values: {
                current: figureText(c.current ?? c.prior),
                word,
                change: figureText(c.amount),
                stated: figureText(c.pct),
                base: figureText(c.prior),
                computed: computed ? `${computed}%` : '—',
              },
              location: figurePlace(l, c.pct),
              related: [figurePlace(l, c.prior)],
              expected: computed,
              actual: toFixedString(c.pct.value),
            });
          }
          if (c.current && c.current.unit === c.prior.unit) {
            const level = up
              ? plus(figureInterval(c.prior), figureInterval(c.amount))
              : minus(figureInterval(c.prior), figureInterval(c.amount));
            if (!mayEqual(figureInterval(c.current), level)) {
              const expected = up ? add(c.prior.value, c.amount.value) : sub(c.prior.value, c.amount.value);
              ctx.report({
                messageId: 'level',
                values: {
                  current: figureText(c.current),
                  prior: figureText(c.prior),
                  word,
                  change: figureText(c.amount),
                  expected: `${toFixedString(expected)}${c.current.unit}`,
                },
                location: figurePlace(l, c.current),
                related: [figurePlace(l, c.prior), figurePlace(l, c.amount)],
                expected,
                actual: c.current.value,
                difference: sub(c.current.value, expected),
              });
            }
          }
          continue;
        }
        if (!c.current || c.current.unit !== c.amount.unit) continue;
        const baseLo = up ? sub(figureInterval(c.current).lo, figureInterval(c.amount).hi) : null;
        // an increase larger than the amount it increased cannot be that amount's: the sentence's subject was not found
        if (up && sub(figureInterval(c.current).hi, figureInterval(c.amount).lo).units < 0n) continue;
        if (baseLo && baseLo.units <= 0n) {
          // 上年为零: a growth rate from nothing is undefined, "增长100%" is a convention, not arithmetic. As printed
          // (current = change) it is an error (issue 10.1); a base rounding might leave above zero, a warning.
          ctx.report({
            messageId: 'fromZero',
            // “增加0万元，增长0%” for an amount that is 0 both years is wording (增加 for no change), a warning
            severity:
              sub(c.current.value, c.amount.value).units === 0n && c.amount.value.units > 0n ? 'error' : 'warning',
            values: { current: figureText(c.current), word, change: figureText(c.amount), stated: figureText(c.pct) },
            location: figurePlace(l, c.pct),
          });
          continue;
        }
        // “比上年增加0万元，增长0%” for an amount that did not change (review.md: direction words that contradict the
        // numbers): amount and rate both printed as zero, the word says otherwise — wording, a warning. A nonzero rate
        // beside a zero change is the rate check's below.
        if (c.amount.value.units === 0n && c.pct.value.units === 0n) {
          ctx.report({
            messageId: 'zeroChange',
            severity: 'warning',
            values: { current: figureText(c.current), word, change: figureText(c.amount), stated: figureText(c.pct) },
            location: figurePlace(l, c.amount),
            related: [figurePlace(l, c.current), figurePlace(l, c.pct)],
          });
          continue;
        }
        if (growthMayEqual(figureInterval(c.current), figureInterval(c.amount), figureInterval(c.pct), up)) continue;
        const base = up ? sub(c.current.value, c.amount.value) : add(c.current.value, c.amount.value);
        const computed = base.units > 0n ? percentText(c.amount.value, base, Math.max(2, c.pct.decimals)) : null;
        ctx.report({
          messageId: 'rate',
          values: {
            current: figureText(c.current),
            word,
            change: figureText(c.amount),
            stated: figureText(c.pct),
            base: `${toFixedString(base)}${c.current.unit}`,
            computed: computed ? `${computed}%` : '—',
          },
          location: figurePlace(l, c.pct),
          related: [figurePlace(l, c.current)],
          expected: computed,
          actual: toFixedString(c.pct.value),
        });
      }
    }
  },
};

export default rule;
