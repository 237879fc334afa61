import { requiredTemplates } from '../../../templates/catalogue.ts';
import type { Rule } from '../../types.ts';

// A 部门决算 publishes all nine standard tables (domain.md §2), an empty one with a statement. Tables are found by
// title and header; a table listed in the 目录 but not found is listed-tables' business too, with its place.

const rule: Rule = {
  meta: {
    id: 'required-tables-final',
    code: 'CJ401',
    title: { zh: '决算公开表格齐全', en: 'All standard final-account tables are published' },
    category: 'completeness',
    severity: 'error',
    appliesTo: ['决算'],
    requires: [],
    messages: {
      kindConflict: {
        zh: '文件被判为决算，但识别出的表格均为预算表格，未检查决算表格是否齐全，请核对文件类型',
        en: 'The document was taken for a final account but every table read is a budget table; the final-account tables were not checked, check the document kind',
      },
      missing: {
        zh: '缺少必须公开的“{title}”（或未能识别）',
        en: 'The required table "{titleEn}" is missing (or could not be recognised)',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    // Judged a 决算 but every table read is a 预算 table: the kind is in doubt, and nine "missing" errors would
    // only repeat that doubt. Say it once.
    if (!d.tables.some((t) => t.key.startsWith('final.')) && d.tables.some((t) => t.key.startsWith('budget.'))) {
      ctx.report({
        messageId: 'kindConflict',
        severity: 'warning',
        values: {},
        location: { table: null, tableTitle: null, row: null, column: null, source: d.tables[0].place },
      });
      return;
    }
    for (const tpl of requiredTemplates('决算')) {
      if (tpl.performanceKind || d.tables.some((t) => t.key === tpl.key)) continue;
      // The document follows a template version without this table (its own tables say so).
      const w = tpl.requiredWith;
      const witness = w && d.tables.find((t) => t.key === w.table);
      if (w && witness && !witness.rows.some((r) => r.item === w.row)) continue;
      const listed = d.recognition.listed.find((l) => l.key === tpl.key);
      ctx.report({
        messageId: 'missing',
        values: { title: tpl.title, titleEn: tpl.key },
        location: { table: tpl.key, tableTitle: tpl.title, row: null, column: null, source: listed?.place ?? null },
      });
    }
  },
};

export default rule;
