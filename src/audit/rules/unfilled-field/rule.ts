import { placeAt, paragraphs } from '../../narrative/tokens.ts';
import type { Rule } from '../../types.ts';

// The narrative writer (src/author) and the fill-in workbook put a visible 【请填写…】 marker wherever a figure, a
// reason or a fact was not given, rather than guess it. A document that still holds such a marker is a draft:
// the officer must fill it before publishing, and `render` refuses it without --force. One finding per marker,
// quoting it, so that the officer sees each field left open and where.

/** 【请填写…】, 【请补充…】, 【待填写】: the marker forms the writer and the usual templates use. */
export const UNFILLED = /【\s*(?:请填写|请补充|请输入|待填写|待补充)[^】]{0,60}】/g;

const rule: Rule = {
  meta: {
    id: 'unfilled-field',
    code: 'CJ590',
    title: { zh: '未填写的内容', en: 'Fields left unfilled' },
    category: 'wording',
    severity: 'error',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      narrative: {
        zh: '“{heading}”中有未填写的内容“{text}”',
        en: 'Unfilled field "{text}" in "{heading}"',
      },
      table: {
        zh: '表格“{title}”的{where}中有未填写的内容“{text}”',
        en: 'Unfilled field "{text}" in the {whereEn} of the table "{title}"',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    for (const l of paragraphs(d)) {
      for (const m of l.text.matchAll(UNFILLED)) {
        ctx.report({
          messageId: 'narrative',
          values: { heading: l.section.heading, text: m[0] },
          location: { table: 'narrative', tableTitle: l.heading, row: m[0], column: null, source: placeAt(l, m.index) },
        });
      }
    }
    for (const s of d.sections) {
      for (const m of s.heading.matchAll(UNFILLED)) {
        ctx.report({
          messageId: 'narrative',
          values: { heading: s.heading, text: m[0] },
          location: {
            table: 'narrative',
            tableTitle: s.headingPath.join(' / '),
            row: m[0],
            column: null,
            source: s.place,
          },
        });
      }
    }
    for (const t of d.tables) {
      const texts: [string, string, string][] = [
        ['标题', 'title', t.title],
        ...t.notes.map((n): [string, string, string] => ['注释', 'notes', n]),
        ...(t.emptyStatement
          ? [['空表说明', 'empty-table statement', t.emptyStatement] as [string, string, string]]
          : []),
      ];
      for (const [where, whereEn, text] of texts) {
        for (const m of text.matchAll(UNFILLED)) {
          ctx.report({
            messageId: 'table',
            values: { title: t.title, where, whereEn, text: m[0] },
            location: { table: t.key, tableTitle: t.title, row: m[0], column: null, source: t.place },
          });
        }
      }
    }
    for (const g of d.glossary) {
      for (const m of `${g.term}${g.definition}`.matchAll(UNFILLED)) {
        ctx.report({
          messageId: 'narrative',
          values: { heading: '名词解释', text: m[0] },
          location: { table: 'narrative', tableTitle: '名词解释', row: m[0], column: null, source: g.place },
        });
      }
    }
  },
};

export default rule;
