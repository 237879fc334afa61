import { surelyExceeds } from '../../interval.ts';
import { threeNumbers } from '../../narrative/facts.ts';
import { figureInterval, figures, paragraphs, placeAt, placeLabel } from '../../narrative/tokens.ts';
import type { Rule } from '../../types.ts';

// A change and its reason point the same way (review.md: direction words that contradict the numbers). Templates
// explain each item's change with the item's own money: “…比2023年预算执行数减少2.98%。主要原因是：宣传事务一般
// 行政管理事务经费增加。” (万里街道 2024 p6) — the reason names the item and says it rose, the figures say it fell.
// Only that form is judged: a reason of one clause whose subject is the item itself (its words printed in the item's
// own text before). A reason naming something else (“人员经费增加，专项业务经费减少”) may explain either direction.

const UP = /^(增加|增长|上升|提高)$/;
const CHANGE = /(增加|减少|增长|下降|降低|上升)(了|为)?$/;
const REASON =
  /^[。；;]\s*(?:主要)?原因(?:是|为|主要是)?[：:]?\s*([^，,。；;、：:（(]{2,40}?)(经费|支出|资金|预算|费用)?(增加|减少|增长|下降|降低|上升)[。；;]/;
/** Where an item's own text starts: its numbering (“4. “一般公共服务支出（类）…”” or “（四）”). */
const ITEM_START = /(?:^|[。；;])\s*(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、．.])/g;

const rule: Rule = {
  meta: {
    id: 'reason-direction',
    code: 'CJ312',
    title: { zh: '增减原因与增减方向一致', en: 'The reason given for a change points the same way as the change' },
    category: 'narrative',
    severity: 'error',
    appliesTo: ['预算', '决算'],
    requires: [],
    messages: {
      contradicts: {
        zh: '说明称“{name}”{stated}，原因却写“{reason}”：方向相反',
        en: 'The narrative says {name} went {statedEn}, but gives the reason "{reason}": the opposite direction',
      },
    },
  },
  check(ctx) {
    const year = ctx.disclosure.fiscalYear;
    for (const l of paragraphs(ctx.disclosure)) {
      const text = l.text;
      const figs = figures(text);
      const three = threeNumbers(figs, year);
      figs.forEach((f) => {
        const w = CHANGE.exec(f.label);
        if (!w) return;
        const unitLen = /^(万元|元|%|％)/.exec(text.slice(f.end))?.[0].length ?? 0;
        const m = REASON.exec(text.slice(f.end + unitLen));
        if (!m) return;
        let up = UP.test(w[1]);
        // the amounts' own direction, when the sentence states both years
        const t = three.find((x) => x.pct === f);
        if (t) {
          const a = figureInterval(t.prior);
          const b = figureInterval(t.current);
          if (surelyExceeds(b, a)) up = true;
          else if (surelyExceeds(a, b)) up = false;
          else return;
        }
        if (UP.test(m[3]) === up) return;
        // the reason's subject must be the item's own words, printed in the item's text before the change
        const starts = [...text.slice(0, f.start).matchAll(ITEM_START)];
        const from = starts.length ? starts[starts.length - 1].index! : 0;
        const name = m[1].replace(/^(本年|当年|今年|\d{4}年)/, '');
        if (name.length < 2 || !text.slice(from, f.start).includes(name)) return;
        const at = f.end + unitLen + m.index + m[0].indexOf(m[1]);
        const reason = `${m[1]}${m[2] ?? ''}${m[3]}`;
        ctx.report({
          messageId: 'contradicts',
          values: { name, stated: `${up ? '增加' : '减少'}`, statedEn: up ? 'up' : 'down', reason },
          location: { table: 'narrative', tableTitle: l.heading, row: reason, column: null, source: placeAt(l, at) },
          related: [
            {
              table: 'narrative',
              tableTitle: l.heading,
              row: placeLabel(f.label) || null,
              column: null,
              source: placeAt(l, f.start),
            },
          ],
        });
      });
    }
  },
};

export default rule;
