import { figurePlace, paragraphs, placeAt } from '../../narrative/tokens.ts';
import type { Rule } from '../../types.ts';

// Template residue (domain.md §7): documents are written by copying last year's Word template, and the
// template's choices (“增加（减少）”), placeholders (XX, ××, 某某, ＊) and unfilled digits (“0X 万元”) stay in
// the published text. One finding per paragraph and kind, with how often it occurs there.

interface Residue {
  kind: string;
  kindEn: string;
  re: RegExp;
}

export const RESIDUES: Residue[] = [
  { kind: '未删除的备选词', kindEn: 'unresolved alternatives', re: /(增加|减少|增长|下降|降低|大于|小于|高于|低于|上升)[（(](增加|减少|增长|下降|降低|大于|小于|高于|低于|上升)[)）]/g },
  { kind: '占位符', kindEn: 'placeholder', re: /X{2,}|Ｘ{2,}|×{2,}|x{2,}(?=年|万|元|个|项)|某某|\d+[XxＸ](?=\s*(万元|元|%|个|辆|人))/g },
  // a mark glued to a number or a quote (“80*”项目) stands for a missing value; after a name (“渝北区规划自然资源局*”)
  // it is a footnote mark and is left alone
  { kind: '占位标记', kindEn: 'placeholder mark', re: /(?<=[\d“"])[＊*]+|[＊*]{3,}/g },
];

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
        zh: '文中留有模板{kind}“{text}”（本段共 {count} 处）',
        en: 'The text still contains template {kindEn} "{text}" ({count} in this paragraph)',
      },
    },
  },
  check(ctx) {
    for (const l of paragraphs(ctx.disclosure)) {
      for (const p of l.starts) {
        for (const r of RESIDUES) {
          // "**…**" is bold emphasis kept by the PDF-to-text extraction (seed 002), not a placeholder: blank it out
          const text = p.paragraph.text.replace(/\*\*[^*\n]{1,120}?\*\*/g, (m) => ' '.repeat(m.length));
          const hits = [...text.matchAll(r.re)];
          if (!hits.length) continue;
          const source = placeAt(l, p.offset + hits[0].index!);
          ctx.report({
            messageId: 'residue',
            values: { kind: r.kind, kindEn: r.kindEn, text: hits[0][0], count: String(hits.length) },
            location: { ...figurePlace(l, null), source, row: hits[0][0] },
          });
        }
      }
    }
  },
};

export default rule;
