import { figures, paragraphs, placeAt } from '../../narrative/tokens.ts';
import type { Rule } from '../../types.ts';

// An item printed twice (无锡发改 2025 p34: “1.其他支出（款）支出502万元，与上年相比增加15万元，增长3.08%。…
// 2.其他支出（款）支出502万元，…” word for word): the reader adds the class up to twice its amount. Two numbered
// items of one list in a row whose words after the number are the same, amounts included, are one item copied.

/** A list item's number at the start of the text or after a stop: “1.”, “2、”, “（三）”, “四、”. */
const ITEM = /(?:^|(?<=[。；;：:]))\s*(\d+[.．、]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、．.])/g;
/** The kind of a number, so that “1.” is compared with “2.”, not with “（三）”. */
const kindOf = (mark: string) => (/^\d/.test(mark) ? 'digit' : /^[（(]/.test(mark) ? 'paren' : 'cjk');
const MIN_LENGTH = 12;

const rule: Rule = {
  meta: {
    id: 'repeated-item',
    code: 'CJ313',
    title: { zh: '说明中的条目未重复印出', en: 'No list item is printed twice' },
    category: 'narrative',
    severity: 'error',
    appliesTo: ['预算', '决算'],
    requires: [],
    messages: {
      repeated: {
        zh: '第 {second} 项与第 {first} 项文字完全相同（含金额）：“{quote}”，疑为重复印出',
        en: 'Item {second} repeats item {first} word for word, amounts included ("{quote}"): printed twice',
      },
    },
  },
  check(ctx) {
    for (const l of paragraphs(ctx.disclosure)) {
      const text = l.text;
      const marks = [...text.matchAll(ITEM)];
      for (let i = 1; i < marks.length; i++) {
        const a = marks[i - 1];
        const b = marks[i];
        if (kindOf(a[1]) !== kindOf(b[1])) continue;
        const end = i + 1 < marks.length ? marks[i + 1].index! : text.length;
        const bodyA = text.slice(a.index! + a[0].length, b.index!).replace(/\s+/g, '');
        const bodyB = text.slice(b.index! + b[0].length, end).replace(/\s+/g, '');
        if (bodyA !== bodyB || bodyA.length < MIN_LENGTH || !figures(bodyA).some((f) => f.kind === 'amount')) continue;
        const quote = bodyB.length > 40 ? `${bodyB.slice(0, 40)}…` : bodyB;
        const at = b.index! + b[0].length - b[1].length;
        ctx.report({
          messageId: 'repeated',
          values: { first: a[1].replace(/[.．、]$/, ''), second: b[1].replace(/[.．、]$/, ''), quote },
          location: { table: 'narrative', tableTitle: l.heading, row: quote, column: null, source: placeAt(l, at) },
          related: [
            {
              table: 'narrative',
              tableTitle: l.heading,
              row: quote,
              column: null,
              source: placeAt(l, a.index! + a[0].length - a[1].length),
            },
          ],
        });
      }
    }
  },
};

export default rule;
