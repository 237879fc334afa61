import { add, sub, toFixedString, type Decimal } from '../../../model/decimal.ts';
import { mayEqual, minus, percentText, ratioMayEqual, surelyExceeds, type Interval } from '../../interval.ts';
import { threeNumbers, type ThreeNumber } from '../../narrative/facts.ts';
import { figureInterval, figurePlace, figures, figureText, paragraphs } from '../../narrative/tokens.ts';
import type { Rule } from '../../types.ts';

// The three-number form checked as a whole (issue 10.1): “上年执行数A，本年安排B，比上年增加/减少C%”, with or
// without the change amount D. On intervals: B − A = ±D, D ÷ A = C, |B − A| ÷ A = C. When only one number can be
// wrong (the other relations hold), the finding names it; a rate against a zero prior is an error.

const abs = (d: Decimal): Decimal => (d.units < 0n ? { units: -d.units, scale: d.scale } : d);

const rule: Rule = {
  meta: {
    id: 'narrative-three-number',
    code: 'CJ310',
    title: { zh: '上年数、本年数与增减幅度三者相符', en: 'Prior-year amount, this year’s amount and the rate agree' },
    category: 'narrative',
    severity: 'error',
    appliesTo: ['预算', '决算'],
    requires: [],
    messages: {
      rate: {
        zh: '说明称上年 {prior}、本年 {current}，{word} {stated}；按两数计算应为 {computed}，尾数误差无法解释',
        en: 'The narrative states {prior} last year, {current} this year and a rate of {stated} ({word}); the two amounts give {computed}',
      },
      rateWrong: {
        zh: '说明称上年 {prior}、本年 {current}、{word} {change}，三者相符，但幅度 {stated} 应为 {computed}',
        en: 'The narrative states {prior} last year, {current} this year and a change of {change} ({word}), which agree, but the rate {stated} should be {computed}',
      },
      currentWrong: {
        zh: '说明称上年 {prior}、{word} {change}、幅度 {stated}，三者相符，但本年数 {current} 应为 {expected}',
        en: 'The narrative states {prior} last year, a change of {change} ({word}) and a rate of {stated}, which agree, but this year’s {current} should be {expected}',
      },
      changeWrong: {
        zh: '说明称上年 {prior}、本年 {current}、幅度 {stated}，三者相符，但增减额 {change} 应为 {expected}',
        en: 'The narrative states {prior} last year, {current} this year and a rate of {stated}, which agree, but the change {change} should be {expected}',
      },
      disagree: {
        zh: '说明中上年 {prior}、本年 {current}、{word} {change}、幅度 {stated} 互不相符',
        en: 'The narrative’s prior-year {prior}, this year’s {current}, change {change} ({word}) and rate {stated} do not agree',
      },
      direction: {
        zh: '说明称本年 {current} 比上年 {prior} “{word}”，方向与两数相反',
        en: 'The narrative says this year’s {current} is a change ({word}) from {prior}, the opposite of the two amounts',
      },
      currentStated: {
        zh: '说明中本年数为 {current}，而本项前文为 {own}；按 {own} 计算，上年 {prior} 与幅度 {stated} 相符，本年数 {current} 有误',
        en: 'The narrative gives this year as {current} but the item as {own} just before; {own} agrees with {prior} last year and the rate {stated}, so {current} is wrong',
      },
      zeroBase: {
        zh: '说明称上年 {prior}，却给出增减幅度 {stated}：上年为零，幅度无从计算',
        en: 'The narrative states {prior} last year yet a rate of {stated}: no rate follows from a zero prior year',
      },
    },
  },
  check(ctx) {
    for (const l of paragraphs(ctx.disclosure)) {
      if (/增加[（(]减少[)）]|减少[（(]增加[)）]/.test(l.text)) continue;
      const figs = figures(l.text);
      for (const t of threeNumbers(figs, ctx.disclosure.fiscalYear)) check(t);
      function check(t: ThreeNumber) {
        const up = t.direction === 'up';
        const word = up ? '增加' : '减少';
        const A = figureInterval(t.prior);
        const B = figureInterval(t.current);
        const R = figureInterval(t.pct);
        const values = {
          prior: figureText(t.prior),
          current: figureText(t.current),
          stated: figureText(t.pct),
          word,
          change: t.change ? figureText(t.change) : '—',
        };
        const related = [
          figurePlace(l, t.prior),
          figurePlace(l, t.current),
          ...(t.change ? [figurePlace(l, t.change)] : []),
        ];
        if (t.prior.value.units === 0n) {
          ctx.report({ messageId: 'zeroBase', values, location: figurePlace(l, t.pct), related, actual: t.pct.value });
          return;
        }
        // the amounts' own direction
        if ((up && surelyExceeds(A, B)) || (!up && surelyExceeds(B, A))) {
          ctx.report({ messageId: 'direction', values, location: figurePlace(l, t.pct), related });
          return;
        }
        const diff: Interval = up ? minus(B, A) : minus(A, B);
        const diffValue = abs(sub(t.current.value, t.prior.value));
        const computed = percentText(diffValue, t.prior.value, Math.max(2, t.pct.decimals));
        const r3 = ratioMayEqual(diff, A, R);
        if (!t.change) {
          // "“住房公积金（项）”350.35万元…上年执行数为348.52万元，本年预算安排352.67万元，增加0.53%": the item's own
          // amount stated just before agrees with the prior and the rate, so this year's figure is the wrong one
          const own = r3
            ? undefined
            : figs.find(
                (g) =>
                  g.kind === 'amount' &&
                  !g.change &&
                  g !== t.current &&
                  g !== t.prior &&
                  g.unit === t.prior.unit &&
                  g.start < t.prior.start &&
                  t.prior.sentence - g.sentence <= 1 &&
                  g.value.units > 0n &&
                  ratioMayEqual(up ? minus(figureInterval(g), A) : minus(A, figureInterval(g)), A, R),
              );
          if (own) {
            ctx.report({
              messageId: 'currentStated',
              values: { ...values, own: figureText(own) },
              location: figurePlace(l, t.current),
              related: [figurePlace(l, own), ...related],
              expected: own.value,
              actual: t.current.value,
            });
            return;
          }
          if (!r3)
            ctx.report({
              messageId: 'rate',
              values: { ...values, computed: computed ? `${computed}%` : '—' },
              location: figurePlace(l, t.pct),
              related,
              expected: computed,
              actual: t.pct.value,
            });
          return;
        }
        const D = figureInterval(t.change);
        const r1 = mayEqual(diff, D);
        const r2 = ratioMayEqual(D, A, R);
        if (r1 && r2 && r3) return;
        if (r1 && !r2) {
          ctx.report({
            messageId: 'rateWrong',
            values: { ...values, computed: computed ? `${computed}%` : '—' },
            location: figurePlace(l, t.pct),
            related,
            expected: computed,
            actual: t.pct.value,
          });
        } else if (!r1 && r2) {
          const expected = up ? add(t.prior.value, t.change.value) : sub(t.prior.value, t.change.value);
          ctx.report({
            messageId: 'currentWrong',
            values: { ...values, expected: `${toFixedString(expected)}${t.current.unit}` },
            location: figurePlace(l, t.current),
            related: [figurePlace(l, t.prior), figurePlace(l, t.change), figurePlace(l, t.pct)],
            expected,
            actual: t.current.value,
          });
        } else if (!r1 && r3) {
          ctx.report({
            messageId: 'changeWrong',
            values: { ...values, expected: `${toFixedString(diffValue)}${t.current.unit}` },
            location: figurePlace(l, t.change),
            related,
            expected: diffValue,
            actual: t.change.value,
          });
        } else {
          ctx.report({ messageId: 'disagree', values, location: figurePlace(l, t.pct), related });
        }
      }
    }
  },
};

export default rule;
