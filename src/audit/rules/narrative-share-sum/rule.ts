import { cmp, fromUnits, toFixedString } from '../../../model/decimal.ts';
import { figureInterval, figurePlace, figureSum, figures, paragraphs } from '../../narrative/tokens.ts';
import { shares } from '../../narrative/facts.ts';
import type { Rule } from '../../types.ts';

// Shares of one whole add up to at most 100% (domain.md §5: "shares of a whole add up to 100%"). Lists are
// often partial ("主要用于以下方面"), so only a sum that exceeds 100% beyond rounding is a finding, and a sum
// short of 100% when the listed parts add up to the whole.

const HUNDRED = fromUnits(100n, 0);

const rule: Rule = {
  meta: {
    id: 'narrative-share-sum',
    code: 'CJ303',
    title: { zh: '同一总额的各项占比合计不超过100%', en: 'Shares of one whole add up to 100%' },
    category: 'narrative',
    severity: 'error',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      over: {
        zh: '说明中“{whole}”各组成部分的占比合计为 {sum}%，超过100%（尾数误差无法解释）',
        en: 'The shares of {wholeEn} stated in the narrative add up to {sum}%, over 100% beyond rounding',
      },
      under: {
        zh: '说明中所列各项金额合计等于“{whole}”，但其占比合计仅为 {sum}%，不足100%（尾数误差无法解释）',
        en: 'The listed parts add up to {wholeEn}, but their shares add up to only {sum}%, short of 100% beyond rounding',
      },
    },
  },
  check(ctx) {
    for (const l of paragraphs(ctx.disclosure)) {
      const text = l.text;
      const figs = figures(text);
      const groups = new Map<number, ReturnType<typeof shares>>();
      for (const s of shares(text, figs))
        if (s.whole) groups.set(s.whole.start, [...(groups.get(s.whole.start) ?? []), s]);
      for (const group of groups.values()) {
        if (group.length < 2) continue;
        const whole = group[0].whole!;
        const {
          value: sum,
          interval: { lo, hi },
        } = figureSum(group.map((s) => s.pct));
        const { lo: partsLo, hi: partsHi } = figureSum(group.map((s) => s.part)).interval;
        const w = figureInterval(whole);
        // shares of nothing are undefined (三公 0 of 0): impossible-percentage speaks about those
        if (w.lo.units <= 0n) continue;
        const values = { whole: whole.label || '总额', wholeEn: whole.label || 'the whole', sum: toFixedString(sum) };
        if (cmp(lo, HUNDRED) > 0) {
          ctx.report({
            messageId: 'over',
            values,
            location: figurePlace(l, group[0].pct),
            expected: '100',
            actual: toFixedString(sum),
          });
          continue;
        }
        // the listed parts are the whole list only when their amounts add up to the whole within rounding
        const complete =
          cmp(partsLo, w.hi) < 0 && cmp(w.lo, partsHi) < 0 && group.every((s) => s.part.unit === whole.unit);
        if (complete && cmp(hi, HUNDRED) < 0)
          ctx.report({
            messageId: 'under',
            values,
            location: figurePlace(l, group[0].pct),
            expected: '100',
            actual: toFixedString(sum),
          });
      }
    }
  },
};

export default rule;
