import type { Rule } from '../../types.ts';
import { excerpt, quotePlace, texts, type TextPiece } from '../../wording/texts.ts';
import vocabulary from './words.json' with { type: 'json' };

// A word printed twice in a row by an editing slip: “主要用于用于贯彻落实…”, “减少6.03万元万元”. Only words whose
// doubling is never prose are judged (words.json); one finding per text piece, quoting the first and counting all.

// a run of listed words doubled is a slip too (上海工信 2026 p6 “主要用于主要用于”: 主要 + 用于, each alone undoubled)
const DOUBLED = new RegExp(`((?:${vocabulary.words.join('|')})+)\\s*\\1`, 'gu');

// A longer phrase printed twice in a row within one printed line (广州应急 2026 p33 “主要原因是：无增减变化无增减变化。”).
// Chinese characters only, so that list items sharing words (“行政在职人员医疗定额补助、全额事业在职人员…”) are not
// a doubling; a phrase ending like a name is a unit column read beside a project named after it.
const PHRASE = new RegExp(`([\\u4e00-\\u9fff]{${vocabulary.phrase.min},${vocabulary.phrase.max}})\\1`, 'gu');
const NAME_END = new RegExp(`(?:${vocabulary.nameEnds.join('|')})$`, 'u');

// A lead-in ending in a colon printed again before its text begins (福州科技 2026 p4 “…(本级)的主要职责是：福州市科学技术局的
// 主要职责是：负责…”): the template's lead-in and the pasted text's own. At least four Chinese characters before the colon
// (“审查情况：… 审签情况：” are two form fields), nothing that ends a clause between.
const LEAD_IN = new RegExp(
  `([\\u4e00-\\u9fff]{${vocabulary.leadIn.min},${vocabulary.leadIn.max}}[：:])[^。；;：:！？!?\\n]{0,${vocabulary.leadIn.gap}}?\\1`,
  'gu',
);

/** Whether [at, at + length) lies inside a word that is a doubling in its own right (的的确确, 目的的). */
function insideWord(text: string, at: number, length: number): boolean {
  return vocabulary.reduplicated.some((w) => {
    for (let k = text.indexOf(w, Math.max(0, at - w.length)); k >= 0 && k <= at; k = text.indexOf(w, k + 1))
      if (k + w.length >= at + length) return true;
    return false;
  });
}

/** Where the printed line holding offset k ends in the piece's text (the next segment's start). */
function lineEnd(p: TextPiece, k: number): number {
  const starts = (p.paragraph?.segments ?? []).map((s) => s.offset).filter((o) => o > k);
  return starts.length ? Math.min(...starts) : p.text.length;
}

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
      repeatedSentence: {
        zh: '句子“{word}。”重复了上一句的结尾：{excerpt}',
        en: 'The sentence "{word}." repeats the end of the sentence before it: {excerpt}',
      },
      doubledLeadIn: {
        zh: '引导语“{word}”重复印出（模板引导语与粘贴文字各一处）：{excerpt}',
        en: 'The lead-in "{word}" is printed twice (the template\'s and the pasted text\'s): {excerpt}',
      },
      doubledPhrase: {
        zh: '“{word}”在同一行中连续重复印出：{excerpt}',
        en: '"{word}" is printed twice in a row on one line: {excerpt}',
      },
    },
  },
  check(ctx) {
    for (const p of texts(ctx.disclosure)) {
      if (p.kind === 'title' || p.kind === 'heading') continue;
      const hits = [...p.text.matchAll(DOUBLED)].filter((x) => !insideWord(p.text, x.index!, x[0].length));
      const h = hits[0];
      if (h)
        ctx.report({
          messageId: 'doubled',
          values: {
            word: h[1],
            excerpt: excerpt(p.text, h.index!, h.index! + h[0].length),
            count: String(hits.length),
          },
          location: quotePlace(p, h.index!, h[0]),
        });
      if (p.kind !== 'paragraph') continue;
      // a sentence that repeats the end of the one before it (无锡住建 2026 p3 “…白蚁防治等规章制度并监督执行。房屋征收、
      // 房屋安全鉴定、白蚁防治等规章制度并监督执行。”): an edit that pasted a clause twice
      let from = 0;
      let prev = '';
      for (const sentence of p.text.split('。')) {
        const tidy = sentence.replace(/\s+/g, '');
        if (tidy.length >= vocabulary.sentence.min && prev.endsWith(tidy)) {
          const at = from + sentence.length - sentence.trimStart().length;
          ctx.report({
            messageId: 'repeatedSentence',
            values: { word: tidy, excerpt: excerpt(p.text, Math.max(0, at - 1), at + sentence.length, 6) },
            location: quotePlace(p, at, tidy),
            severity: 'warning',
          });
        }
        prev = tidy;
        from += sentence.length + 1;
      }
      for (const m of p.text.matchAll(LEAD_IN)) {
        const at = m.index!;
        ctx.report({
          messageId: 'doubledLeadIn',
          values: { word: m[1], excerpt: excerpt(p.text, at, at + m[0].length, 8) },
          location: quotePlace(p, at, m[0]),
          severity: 'warning',
        });
      }
      for (const m of p.text.matchAll(PHRASE)) {
        const at = m.index!;
        // already reported as listed words doubled; or a name; or two printed lines meeting
        if (hits.some((x) => x.index! <= at + m[0].length && at <= x.index! + x[0].length)) continue;
        if (NAME_END.test(m[1]) || at + m[0].length > lineEnd(p, at)) continue;
        ctx.report({
          messageId: 'doubledPhrase',
          values: { word: m[1], excerpt: excerpt(p.text, at, at + m[0].length) },
          location: quotePlace(p, at, m[0]),
          severity: 'warning',
        });
      }
    }
  },
};

export default rule;
