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

// Counts in the same form: “本单位共有公务用车102辆，其中，机要通信用车1辆…”, “单位价值50万元以上设备8台，其中，单位价值
// 100万元以上设备15台” (长沙公安 2025 p10: the 100万元 items are among the 50万元 ones). Counts are exact, so any
// excess is an error. The list stops at a ； and before the count that heads the next 其中: “编制142人，其中行政编制32人、
// 事业编制110人；实有人员102人，其中…” lists two wholes, and in “实有在职人员380人，其中行政89人,事业291人；单位管理的离退休
// 人员203人” (西安人社 2020 p10) the retired are not a part.
const COUNT = /(\d{1,9})\s*(台[（(](?:件、套|套|件)[)）]|辆|台|套|件|个|家|人次|人|名|项|次|场)/g;

interface Count {
  value: bigint;
  unit: string;
  start: number;
  end: number;
  label: string;
}

function counts(text: string): Count[] {
  const out: Count[] = [];
  let last = 0;
  for (const m of text.matchAll(COUNT)) {
    const start = m.index!;
    // part of a larger number or an amount (“100万元以上设备”: 万 is no count unit), a decimal, a code
    if (start > 0 && /[\dA-Za-z.．]/.test(text[start - 1])) continue;
    const between = text.slice(last, start);
    const cut = Math.max(...[...'。；;，,：:、'].map((c) => between.lastIndexOf(c)));
    out.push({
      value: BigInt(m[1]),
      unit: m[2].startsWith('台') ? '台' : m[2],
      start,
      end: start + m[0].length,
      label: between.slice(cut + 1).trim(),
    });
    last = start + m[0].length;
  }
  return out;
}

const asFigure = (c: Count): Figure => ({
  kind: 'amount',
  value: { units: c.value, scale: 0 },
  decimals: 0,
  start: c.start,
  end: c.end,
  label: c.label,
  sentence: 0,
  clause: 0,
});

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
      const cs = counts(text);
      const heads = markers.map((m) => {
        const h = cs.filter((c) => c.end <= m.at).at(-1);
        return h && /^[\s，,；;]{0,3}$/.test(text.slice(h.end, m.at)) ? h : undefined;
      });
      markers.forEach((m, i) => {
        const head = heads[i];
        if (!head) return;
        const stop = Math.min(
          ...[
            text.indexOf('。', m.end),
            text.indexOf('；', m.end),
            text.indexOf(';', m.end),
            ...heads.slice(i + 1).map((h) => h?.start ?? -1),
            markers[i + 1]?.at ?? -1,
          ].filter((x) => x >= 0),
          text.length,
        );
        const parts = cs.filter((c) => c.start >= m.end && c.end <= stop && c.unit === head.unit);
        if (parts.length < 1) return;
        const sum = parts.reduce((a, c) => a + c.value, 0n);
        if (sum <= head.value) return;
        const total = asFigure(head);
        ctx.report({
          messageId: 'over',
          values: {
            total: head.label,
            totalEn: head.label,
            totalValue: `${head.value}${head.unit}`,
            sum: `${sum}${head.unit}`,
            difference: `${sum - head.value}${head.unit}`,
          },
          ...listedParts(
            l,
            total,
            parts.map(asFigure),
            { units: sum, scale: 0 },
            { units: sum - head.value, scale: 0 },
          ),
        });
      });
    }
  },
};

export default rule;
