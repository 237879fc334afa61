import type { Rule } from '../../types.ts';
import { excerpt, quotePlace, texts, type TextKind } from '../../wording/texts.ts';
import vocabulary from './vocabulary.json' with { type: 'json' };

// Template residue (domain.md §7): documents are written by copying last year's Word template, and the
// template's choices (“增加（减少）”), placeholders (XX, ××, 某某, ＊), unfilled digits (“0X 万元”) and the words
// addressed to the person filling it (“仍保留该表格式，并在本表下方作下述说明”) stay in the published text —
// in paragraphs, headings, table titles and the notes under tables alike. The vocabulary is data
// (vocabulary.json); one finding per text piece and kind, quoting the first occurrence and counting the rest.

interface Residue {
  kind: string;
  kindEn: string;
  re: RegExp;
  severity?: 'warning';
}

const words = vocabulary.alternatives.words.join('|');
const bodies = vocabulary.alternatives.bodies.join('|');
const levels = vocabulary.alternatives.levels.join('|');
const join = (xs: { pattern: string }[]) => new RegExp(xs.map((x) => `(?:${x.pattern})`).join('|'), 'gu');

export const RESIDUES: Residue[] = [
  {
    kind: '未删除的备选词',
    kindEn: 'unresolved alternatives',
    re: new RegExp(`(?:${words})[（(](?:${words})[)）]`, 'gu'),
  },
  {
    kind: '未删除的备选词',
    kindEn: 'unresolved alternatives',
    re: new RegExp(`(?:${bodies})[（(](?:${bodies})(?:[、，](?:${bodies}))+[)）]`, 'gu'),
  },
  {
    kind: '未删除的备选词',
    kindEn: 'unresolved alternatives',
    re: new RegExp(`(?:${levels})[（(](?:${levels})(?:/(?:${levels}))+[)）]`, 'gu'),
  },
  { kind: '占位符', kindEn: 'placeholder', re: join(vocabulary.placeholders) },
  { kind: '占位标记', kindEn: 'placeholder mark', re: join(vocabulary.marks) },
  { kind: '填写说明', kindEn: 'instruction to the author', re: join(vocabulary.instructions) },
  { kind: '以“无”填写的空位', kindEn: 'blank filled with 无', re: join(vocabulary.blanks), severity: 'warning' },
];

const WHERE: Record<TextKind, { zh: string; en: string }> = {
  paragraph: { zh: '正文', en: 'the text' },
  heading: { zh: '标题', en: 'a heading' },
  title: { zh: '表题', en: 'a table title' },
  note: { zh: '表注', en: 'a note under a table' },
  'empty-statement': { zh: '空表说明', en: 'an empty-table statement' },
};

const rule: Rule = {
  meta: {
    id: 'template-residue',
    code: 'CJ501',
    title: { zh: '模板残留文字', en: 'Template residue left in the text' },
    category: 'wording',
    severity: 'error',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      residue: {
        zh: '{where}留有模板{kind}“{text}”：{excerpt}（此处共 {count} 处）',
        en: '{whereEn} still contains template {kindEn} "{text}": {excerpt} ({count} here)',
      },
    },
  },
  check(ctx) {
    for (const p of texts(ctx.disclosure)) {
      // "**…**" is bold emphasis kept by the PDF-to-text extraction (seed 002), not a placeholder: blank it out
      const text = p.text.replace(/\*\*[^*\n]{1,120}?\*\*/g, (m) => ' '.repeat(m.length));
      for (const r of RESIDUES) {
        const hits = [...text.matchAll(r.re)].filter((h) => h[0].trim());
        if (!hits.length) continue;
        const h = hits[0];
        const quote = h[0].trim();
        const where = WHERE[p.kind];
        ctx.report({
          messageId: 'residue',
          values: {
            where: where.zh,
            whereEn: where.en,
            kind: r.kind,
            kindEn: r.kindEn,
            text: quote,
            excerpt: excerpt(p.text, h.index!, h.index! + h[0].length),
            count: String(hits.length),
          },
          location: quotePlace(p, h.index!, quote),
          ...(r.severity ? { severity: r.severity } : {}),
        });
      }
    }
  },
};

export default rule;
