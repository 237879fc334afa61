import { missingRequiredTables } from '../../completeness/missing-tables.ts';
import type { Rule } from '../../types.ts';

// Tables listed in the 目录 must be in the document (Disclosure.recognition.listed): listed but absent, or
// present only as an image or unreadable text, is reported with the 目录 line as its place. A listed standard
// table that the document's kind requires is left to required-tables-final/-budget, which report it with the
// same place and say it was listed: one missing table, one finding.

const rule: Rule = {
  meta: {
    id: 'listed-tables',
    code: 'CJ403',
    title: { zh: '目录所列表格均已公开且可辨认', en: 'Tables listed in the contents are present and legible' },
    category: 'completeness',
    severity: 'warning',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      absent: {
        zh: '目录列出的“{title}”在正文中未找到',
        en: 'The table "{title}" listed in the contents was not found in the document',
      },
      illegible: { zh: '“{title}”无法辨认（可能为图片）', en: 'The table "{title}" is illegible (possibly an image)' },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    const required = new Set(d.kind ? missingRequiredTables(d, d.kind).map((m) => m.template.key) : []);
    for (const l of d.recognition.listed) {
      if (l.status !== 'absent' && l.status !== 'illegible') continue;
      if (l.status === 'absent' && l.key && required.has(l.key)) continue;
      ctx.report({
        messageId: l.status,
        values: { title: l.title },
        location: { table: l.key, tableTitle: l.title, row: null, column: null, source: l.place },
      });
    }
    const listedIds = new Set(d.recognition.listed.map((l) => l.tableId));
    for (const t of d.tables)
      if (t.status === 'illegible' && !listedIds.has(t.id))
        ctx.report({
          messageId: 'illegible',
          values: { title: t.title },
          location: { table: t.key, tableTitle: t.title, row: null, column: null, source: t.place },
        });
  },
};

export default rule;
