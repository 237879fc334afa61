import type { Disclosure } from '../../../model/disclosure.ts';
import type { Rule } from '../../types.ts';

// A page with nothing on it (review.md, "an extra blank or empty-table page after the table of contents"). The PDF
// reader says which pages draw no text, no image and no curve (src/read/pdf/page-marks.ts): blank, or an empty
// table grid spilled from the table before it. A page drawing an image (a scan, a chart) is not blank: its content
// was not read, which the reader reports as a page without a text layer. The finding names what precedes the page,
// so the reviewer can tell a spilled grid or a page left after the 目录 from a separator the layout wanted.

/** The last table or heading printed before this page: what the empty page follows. */
function before(d: Disclosure, page: number): string | null {
  let best: { page: number; top: number; text: string } | null = null;
  const consider = (p: { kind: string; page?: number; box?: number[] } | undefined, text: string | undefined) => {
    if (p?.kind !== 'pdf' || p.page === undefined || !text?.trim() || p.page >= page) return;
    const top = p.box?.[1] ?? 0;
    if (!best || p.page > best.page || (p.page === best.page && top >= best.top))
      best = { page: p.page, top, text: text.trim() };
  };
  for (const t of [...d.tables, ...d.performance]) consider(t.place, t.title);
  for (const s of d.sections) consider(s.place, s.heading);
  return (best as { text: string } | null)?.text ?? null;
}

const rule: Rule = {
  meta: {
    id: 'blank-page',
    code: 'CJ412',
    title: { zh: '空白页', en: 'A blank page' },
    category: 'completeness',
    severity: 'warning',
    appliesTo: ['预算', '决算'],
    requires: [],
    messages: {
      blank: {
        zh: '第{page}页没有任何文字或图片（空白页，或只有空的表格框线），位于“{after}”之后，可能是多余的页面',
        en: 'Page {page} holds no text and no image (blank, or an empty table grid), after "{after}": probably a page left in by mistake',
      },
      blankAtStart: {
        zh: '第{page}页没有任何文字或图片（空白页，或只有空的表格框线），可能是多余的页面',
        en: 'Page {page} holds no text and no image (blank, or an empty table grid): probably a page left in by mistake',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    for (const w of d.warnings) {
      if (w.code !== 'blank-page' || w.place?.kind !== 'pdf') continue;
      const page = w.place.page;
      const after = before(d, page);
      ctx.report({
        messageId: after ? 'blank' : 'blankAtStart',
        values: after ? { page: String(page), after } : { page: String(page) },
        location: { table: null, tableTitle: null, row: null, column: null, source: w.place },
      });
    }
  },
};

export default rule;
