import { requiredTemplates, stoodInFor } from '../../../templates/catalogue.ts';
import type { Rule } from '../../types.ts';

// 部门预算 have no single national table set (domain.md §3): the core tables are expected, but a missing one is
// a warning for the reviewer, not an error.

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
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    for (const tpl of requiredTemplates('预算')) {
      if (tpl.performanceKind || d.tables.some((t) => t.key === tpl.key)) continue;
      // Tables that together stand in for this one (the 三公 table printed as a 三公 + 机关运行经费 table) are not a gap.
      if (stoodInFor(tpl, (k) => d.tables.some((t) => t.key === k))) continue;
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
