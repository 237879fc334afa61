import { sub, toFixedString, cmp } from '../../../model/decimal.ts';
import {
  figureInterval,
  listedParts,
  figures,
  figureSum,
  figureText,
  paragraphs,
  type Figure,
} from '../../narrative/tokens.ts';
import { lastAtOrBelow } from '../../narrative/facts.ts';
import type { Rule } from '../../types.ts';

// A stated total and its stated components: “基本支出1404.24万元…其中：人员经费960.99万元，公用经费443.25万元”.
// Lists are often partial (“主要包括”), so the finding is only a list whose parts (one or more: a part larger than
// its whole is the same error) add up to more than the total
// for every true value behind the printed figures. The list runs from the marker to the end of the sentence
// (。) or to the next marker (a nested list is not added to its parent's).

const MARKER = /其中[:：]?|包含[:：]|包括[:：]|主要包括[:：]?|分别为[:：]?/g;

function numbering(label: string): string {
  if (/[（(][一二三四五六七八九十]+[)）]/.test(label)) return 'cn-paren';
  if (/[一二三四五六七八九十]+、/.test(label)) return 'cn';
  if (/[（(]\d+[)）]/.test(label)) return 'num-paren';
  if (/\d+[、.．]/.test(label)) return 'num';
  return 'none';
}

const rule: Rule = {
  meta: {
    id: 'narrative-components',
    code: 'CJ306',
    title: { zh: '说明中列出的组成部分之和不超过总额', en: 'Listed components do not add up to more than their total' },
    category: 'narrative',
    severity: 'error',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      over: {
        zh: '说明中“{total}”为 {totalValue}，其后列出的各项合计 {sum}，超过总额 {difference}',
        en: 'The narrative states {totalEn} as {totalValue}, but the parts listed after it add up to {sum}, {difference} more',
      },
    },
  },
  check(ctx) {
    for (const l of paragraphs(ctx.disclosure)) {
      const text = l.text;
      const figs = figures(text);
      const markers = [...text.matchAll(MARKER)].map((m) => ({ at: m.index!, end: m.index! + m[0].length }));
      // figures are in text order: the ones before a marker and the ones in its list are found by binary search
      // (linear reading, issue 13.5), not by filtering every figure for every marker
      const ends = figs.map((f) => f.end);
      const lastEndingBy = (offset: number) => lastAtOrBelow(ends, offset);
      markers.forEach((m, i) => {
        const head = figs[lastEndingBy(m.at)];
        // the total is the amount right before the marker, in the same sentence
        // the list must open in the figure's own sentence: after “…上年结转结余0万元。其中：” the 其中 belongs to the
        // sentence's subject, not to its last figure
        if (head?.kind !== 'amount' || head.change || !/^[\s，,；;]{0,3}$/.test(text.slice(head.end, m.at))) return;
        // a list opened inside brackets (“（其中个人账户基金142787万元）”) ends with them
        let k = m.at - 1;
        while (k >= 0 && /\s/.test(text[k])) k--;
        const bracketed = k >= 0 && (text[k] === '（' || text[k] === '(');
        const close = bracketed
          ? Math.min(...['）', ')'].map((c) => text.indexOf(c, m.end)).filter((x) => x >= 0), text.length)
          : -1;
        const stop = Math.min(
          ...[text.indexOf('。', m.end), markers[i + 1]?.at ?? -1, close].filter((x) => x >= 0),
          text.length,
        );
        const parts: Figure[] = [];
        for (let j = lastEndingBy(m.end - 1) + 1; j < figs.length && figs[j].end <= stop; j++) {
          const f = figs[j];
          if (
            f.start >= m.end &&
            f.kind === 'amount' &&
            !f.change &&
            f.unit === head.unit &&
            !/预算|决算|上年|比|较/.test(f.label)
          )
            parts.push(f);
        }
        if (parts.length < 1) return;
        // an outline (（一）人员经费…1、工资福利支出…（1）基本工资…) lists levels, not siblings: not added up
        if (new Set(parts.map((p) => numbering(p.label))).size > 1) return;
        const { value: sum, interval } = figureSum(parts);
        if (cmp(interval.lo, figureInterval(head).hi) < 0) return;
        ctx.report({
          messageId: 'over',
          values: {
            total: head.label,
            totalEn: head.label,
            totalValue: figureText(head),
            sum: `${toFixedString(sum)}${head.unit}`,
            difference: `${toFixedString(sub(sum, head.value))}${head.unit}`,
          },
          ...listedParts(l, head, parts, sum, sub(sum, head.value)),
        });
      });
    }
  },
};

export default rule;
