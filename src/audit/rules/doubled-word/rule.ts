import type { Rule } from '../../types.ts';
import { excerpt, quotePlace, texts } from '../../wording/texts.ts';
import vocabulary from './words.json' with { type: 'json' };

// A word printed twice in a row by an editing slip: “主要用于用于贯彻落实…”, “减少6.03万元万元”. Only words whose
// doubling is never prose are judged (words.json); one finding per text piece, quoting the first and counting all.

// a run of listed words doubled is a slip too (上海工信 2026 p6 “主要用于主要用于”: 主要 + 用于, each alone undoubled)
const DOUBLED = new RegExp(`((?:${vocabulary.words.join('|')})+)\\s*\\1`, 'gu');

const rule: Rule = {
  meta: {
    id: 'doubled-word',
    code: 'CJ508',
    title: { zh: '词语重复', en: 'A word printed twice' },
    category: 'wording',
    severity: 'error',
    appliesTo: ['预算', '决算'],
    requires: [],
    messages: {
      doubled: {
        zh: '“{word}”重复印出：{excerpt}（此处共 {count} 处）',
        en: '"{word}" is printed twice: {excerpt} ({count} here)',
      },
    },
  },
  check(ctx) {
    for (const p of texts(ctx.disclosure)) {
      if (p.kind === 'title' || p.kind === 'heading') continue;
      const hits = [...p.text.matchAll(DOUBLED)];
      if (!hits.length) continue;
      const h = hits[0];
      ctx.report({
        messageId: 'doubled',
        values: { word: h[1], excerpt: excerpt(p.text, h.index!, h.index! + h[0].length), count: String(hits.length) },
        location: quotePlace(p, h.index!, h[0]),
      });
    }
  },
};

export default rule;
