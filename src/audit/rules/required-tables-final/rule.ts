import { finalKindInDoubt, missingRequiredTables } from '../../completeness/missing-tables.ts';
import type { Rule } from '../../types.ts';

// A 部门决算 publishes all nine standard tables (domain.md §2), an empty one with a statement. Tables are found by
// title and header. A table the 目录 lists is reported here with the 目录 line as its place (listed-tables leaves
// it to this rule: one missing table, one finding); one the 目录 lists as illegible (an image) is listed-tables'
// alone, a warning: it may be there, unread.

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
      missingListed: {
        zh: '目录列出的“{title}”在正文中未找到（必须公开的决算表格）',
        en: 'The required table "{titleEn}", listed in the contents, was not found in the document',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    // Judged a 决算 but every table read is a 预算 table: the kind is in doubt, and nine "missing" errors would
    // only repeat that doubt. Say it once.
    if (finalKindInDoubt(d)) {
      ctx.report({
        messageId: 'kindConflict',
        severity: 'warning',
        values: {},
        location: { table: null, tableTitle: null, row: null, column: null, source: d.tables[0].place },
      });
      return;
    }
    for (const { template: tpl, listed } of missingRequiredTables(d, '决算')) {
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
