import { sub, toFixedString } from '../../../model/decimal.ts';
import { mayEqual } from '../../interval.ts';
import {
  figureInterval,
  listedParts,
  figures,
  figureSum,
  figureText,
  paragraphs,
  placeLabel,
  type Figure,
} from '../../narrative/tokens.ts';
import type { Rule } from '../../types.ts';

// A breakdown of the whole by a classification is complete: “2026年支出预算515313.35万元…1.按支出功能分类，包括科学
// 技术支出1140.61万元、…、住房保障支出16588.47万元。” lists every class of the budget, so the classes add up to the total
// (湖州卫健 2026 p7: they add to 500,313.35 — 其他支出 15,000.00 is left out). Unlike a “其中/主要包括” list, which may
// name a few parts (narrative-components), a list announced as a classification of the total must add up to it, on
// intervals (each part's and the total's printed rounding).

/** “按支出功能分类，包括”, “按功能分类,包括”, “按支出经济分类，包括”: the words that announce a complete breakdown. */
const ANNOUNCE = /按(?:支出)?(?:功能|经济)分类[,，:：]?\s*(?:包括|分别为|为)[:：]?/g;

const rule: Rule = {
  meta: {
    id: 'class-list-sum',
    code: 'CJ314',
    title: { zh: '按分类列出的各类支出之和等于总额', en: 'A breakdown by classification adds up to its total' },
    category: 'narrative',
    severity: 'error',
    appliesTo: ['预算', '决算'],
    requires: [],
    messages: {
      short: {
        zh: '说明中“{total}”为 {totalValue}，“{announce}”列出的各类合计 {sum}，相差 {difference}，分类不全或金额有误',
        en: 'The narrative states {totalEn} as {totalValue}, but the classes listed after "{announce}" add up to {sum}, {difference} apart: a class is missing or an amount is wrong',
      },
    },
  },
  check(ctx) {
    for (const l of paragraphs(ctx.disclosure)) {
      const text = l.text;
      const figs = figures(text);
      for (const m of text.matchAll(ANNOUNCE)) {
        const at = m.index!;
        const end = at + m[0].length;
        // the total: the last level (not a change, not a rate) before the announcement, at most one sentence back
        const before = figs.filter((f) => f.end <= at && f.kind === 'amount' && !f.change);
        const head = before[before.length - 1];
        if (!head) continue;
        const gap = text.slice(head.end, at);
        if ((gap.match(/[。；;]/g) ?? []).length > 1 || /包括|其中|分别为/.test(gap)) continue;
        const stop = Math.min(...[text.indexOf('。', end), text.indexOf('；', end)].filter((x) => x >= 0), text.length);
        const parts: Figure[] = figs.filter((f) => f.start >= end && f.end <= stop && f.kind === 'amount');
        if (
          parts.length < 2 ||
          parts.some((p) => p.change || p.unit !== head.unit || !/支出$/.test(p.label.replace(/\s+/g, '')))
        )
          continue;
        const { value: sum, interval } = figureSum(parts);
        if (mayEqual(interval, figureInterval(head))) continue;
        ctx.report({
          messageId: 'short',
          values: {
            total: placeLabel(head.label),
            totalEn: placeLabel(head.label),
            totalValue: figureText(head),
            announce: m[0].replace(/[,，:：\s]/g, ''),
            sum: `${toFixedString(sum)}${head.unit}`,
            difference: `${toFixedString(sub(head.value, sum))}${head.unit}`,
            // the classes as listed, for the reviewer to see which is missing
            parts: parts.map((p) => `${p.label.replace(/^[、，,\s]+/, '')}${figureText(p)}`).join('、'),
          },
          ...listedParts(l, head, parts, sum, sub(head.value, sum)),
        });
      }
    }
  },
};

export default rule;
