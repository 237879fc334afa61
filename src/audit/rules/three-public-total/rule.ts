import type { NarrativeSection } from '../../../model/disclosure.ts';
import { tidyText } from '../../narrative/tokens.ts';
import type { Rule } from '../../types.ts';
import words from './words.json' with { type: 'json' };

// The 三公 section states the 三公 total, then each item (review.md check sheet: 三公 explanation; the 财政部 template:
// “2026年“三公”经费财政拨款预算X万元，比上年…，其中：因公出国（境）费…”). A section that gives the items and their
// shares of the total without ever printing the total (江苏 2017 政协 p18: “因公出国（境）费支出76万元，占“三公”经费的
// 11.24%”, the 676.10 万元 itself nowhere; 福州 2026: three sub-sections, no total) leaves the reader to add them up.

const SUBJECT = new RegExp(words.subject, 'u');
const ITEM = new RegExp(`(?:${words.items})[^。；;]{0,${words.amountGap}}?\\d[\\d,]*(?:\\.\\d+)?\\s*万?元`, 'u');
const TOTAL = new RegExp(words.total, 'u');
const GLOSSARY = new RegExp(words.glossary, 'u');

const rule: Rule = {
  meta: {
    id: 'three-public-total',
    code: 'CJ316',
    title: { zh: '说明“三公”经费总额', en: 'The 三公 total is stated' },
    category: 'narrative',
    severity: 'warning',
    appliesTo: ['预算', '决算'],
    requires: [],
    messages: {
      missing: {
        zh: '“三公”经费说明逐项列示（{item}…），但未说明“三公”经费总额',
        en: 'The 三公 section gives each item ({item}…) but never the 三公 total',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    const path = (s: NarrativeSection) => s.headingPath.map((h) => h ?? '');
    const body = d.sections.filter((s) => !path(s).some((h) => GLOSSARY.test(h)));
    const own = body.filter((s) => path(s).some((h) => SUBJECT.test(h)) && s.paragraphs.length);
    if (!own.length) return;
    // the total may be stated anywhere outside the glossary, a heading included (“六、“三公”经费预算84.10万元”)
    const all = body.flatMap((s) => [...path(s), ...s.paragraphs.map((p) => p.text)]).map(tidyText);
    if (all.some((t) => TOTAL.test(t))) return;
    for (const s of own)
      for (const p of s.paragraphs) {
        const text = tidyText(p.text);
        const m = ITEM.exec(text);
        if (!m) continue;
        // quote the item's clause up to its stop or share (“因公出国（境）费支出76万元，占“三公”经费的11.24%”)
        const rest = text.slice(m.index);
        const end = rest.search(/[。；;]/);
        const clause = (end < 0 ? rest : rest.slice(0, end)).slice(0, 60);
        ctx.report({
          messageId: 'missing',
          values: { item: clause },
          location: {
            table: 'narrative',
            tableTitle: path(s).join(' / '),
            row: m[0],
            column: null,
            source: p.place,
          },
        });
        return;
      }
  },
};

export default rule;
