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
      missing: { zh: '缺少必须公开的“{title}”（或未能识别）', en: 'The required table "{titleEn}" is missing (or could not be recognised)' },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    for (const tpl of requiredTemplates('决算')) {
      if (tpl.performanceKind || d.tables.some((t) => t.key === tpl.key)) continue;
      const listed = d.recognition.listed.find((l) => l.key === tpl.key);
      ctx.report({ messageId: 'missing', values: { title: tpl.title, titleEn: tpl.key }, location: { table: tpl.key, tableTitle: tpl.title, row: null, column: null, source: listed?.place ?? null } });
    }
  },
};

export default rule;
