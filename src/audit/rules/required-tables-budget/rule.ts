import { missingRequiredTables } from '../../completeness/missing-tables.ts';
import type { Rule } from '../../types.ts';

// 部门预算 have no single national table set (domain.md §3): the core tables are expected, but a missing one is
// a warning for the reviewer, not an error. A table the 目录 lists is reported here with the 目录 line as its place
// (listed-tables leaves it to this rule: one missing table, one finding); one the 目录 lists as illegible (an image)
// is listed-tables' alone.

const rule: Rule = {
  meta: {
    id: 'required-tables-budget',
    code: 'CJ402',
    title: { zh: '预算公开核心表格齐全', en: 'The core budget tables are published' },
    category: 'completeness',
    severity: 'warning',
    appliesTo: ['预算'],
    requires: [],
    messages: {
      missing: { zh: '未找到预算公开核心表格“{title}”', en: 'The core budget table "{titleEn}" was not found' },
      missingListed: {
        zh: '目录列出的“{title}”在正文中未找到（预算公开核心表格）',
        en: 'The core budget table "{titleEn}", listed in the contents, was not found in the document',
      },
    },
  },
  check(ctx) {
    for (const { template: tpl, listed } of missingRequiredTables(ctx.disclosure, '预算')) {
      if (listed?.status === 'illegible') continue;
      ctx.report({
        messageId: listed ? 'missingListed' : 'missing',
        values: { title: listed?.title ?? tpl.title, titleEn: tpl.key },
        location: { table: tpl.key, tableTitle: tpl.title, row: null, column: null, source: listed?.place ?? null },
      });
    }
  },
};

export default rule;
