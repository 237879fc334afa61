import { figureInterval, figurePlace, figureText } from '../../narrative/tokens.ts';
import { textOffsets, type Fact, type TextOffsets } from '../../narrative/tied.ts';
import { mayEqual } from '../../interval.ts';
import { lastAtOrBelow } from '../../narrative/facts.ts';
import type { Rule } from '../../types.ts';

// The same item given two different amounts in one section (review.md: “住房公积金（01项）136.4万元 … 2026年预算安排
// 131.20万元”): one of them is a leftover of a draft. Two figures are the same item when the narrative extractor gives
// them the same subject, scope and printed term (or the second restates the first: “…预算安排”); amounts are
// compared on intervals, so 136.4 and 136.40 are the same amount.

// A breakdown by kind of spending opened with its name and a colon ("②公用经费：商品和服务支出（302）126万元…③专项
// 业务经费：商品和服务支出（302）23469.41万元", 西安宣传部 2021 p8–10): the same line under two such heads is two items.
// A head holds until the next numbered item of the text ("（1）…", "3、…"); circled numbers (①②③) list the heads.
const NUMBERED = /[（(][一二三四五六七八九十\d]{1,2}[)）]|(?<![\d.])\d{1,2}、/g;
const BREAKDOWN_HEAD = /(?:^|[①-⑳（(）)、；;。，,\s\d])(人员经费|公用经费|专项业务经费|基本支出|项目支出)[:：]/g;

const statedIn = (f: Fact) => (f.figure.unit === '元' ? figureInterval(f.figure) : figureInterval(f.figure, true));

const rule: Rule = {
  meta: {
    id: 'narrative-same-item',
    code: 'CJ309',
    title: { zh: '同一项目在一段说明中金额前后一致', en: 'One item is given one amount within a section' },
    category: 'narrative',
    severity: 'error',
    appliesTo: ['预算', '决算'],
    requires: [],
    messages: {
      twoAmounts: {
        zh: '同一部分说明中“{item}”先为 {first}，后为 {second}，前后不一致',
        en: 'Within one section the narrative gives {item} as {first} and later as {second}',
      },
    },
  },
  check(ctx) {
    const seen = new Map<string, Fact>();
    // offsets of each section's text found once (facts come section by section), not searched per fact
    type Offsets = {
      text: string;
      at: TextOffsets;
      lists: { at: number; end: number }[];
      listEnds: number[];
      heads: { name: string; end: number }[];
      headEnds: number[];
      numbered: number[];
    };
    let current = null as Offsets | null;
    for (const f of ctx.narrativeFacts()) {
      // a part listed after “其中/包括” belongs to the amount the list hangs from (“302…4464.76万元，其中：公用经费621.37万元”
      // and “502…3423.08万元，其中：公用经费545.71万元” are two parts, 西安人社 2020)
      const text = f.located.text;
      if (!current || current.text !== text) {
        const lists = [...text.matchAll(/其中|包括|含/g)].map((m) => ({ at: m.index!, end: m.index! + m[0].length }));
        const heads = [...text.matchAll(BREAKDOWN_HEAD)].map((x) => ({ name: x[1], end: x.index! + x[0].length }));
        current = {
          text,
          at: textOffsets(text),
          lists,
          listEnds: lists.map((x) => x.end),
          heads,
          headEnds: heads.map((x) => x.end),
          numbered: [...text.matchAll(NUMBERED)].map((x) => x.index!),
        };
      }
      const ss = current.at.sentenceStart(f.figure.start);
      // the last list word of the sentence before the figure
      let m: { at: number; end: number } | undefined = current.lists[lastAtOrBelow(current.listEnds, f.figure.start)];
      if (m && m.at < ss) m = undefined;
      const parent = m ? text.slice(Math.max(ss, m.at - 16), m.at) : '';
      const h = current.heads[lastAtOrBelow(current.headEnds, f.figure.start)];
      const closed = h && (current.numbered[lastAtOrBelow(current.numbered, f.figure.start)] ?? -1) >= h.end;
      const head = h && !closed ? h.name : '';
      const key = [f.located.heading, f.subject, f.scope, f.term, parent, head].join('|');
      const first = seen.get(key);
      if (!first) {
        seen.set(key, f);
        continue;
      }
      if (first.figure.kind !== f.figure.kind || mayEqual(statedIn(first), statedIn(f))) continue;
      ctx.report({
        messageId: 'twoAmounts',
        values: {
          item: first.label.replace(/^[（(]?[一二三四五六七八九十\d]+[)）.、．]\s*/, '').replace(/[“”]/g, ''),
          first: figureText(first.figure),
          second: figureText(f.figure),
        },
        location: figurePlace(f.located, f.figure),
        related: [figurePlace(first.located, first.figure)],
        expected: first.figure.value,
        actual: f.figure.value,
      });
    }
  },
};

export default rule;
