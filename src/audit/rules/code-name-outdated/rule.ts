import { rowPlace, tidy } from '../../cells.ts';
import { nameCheck } from '../code-name/rule.ts';
import type { Rule } from '../../types.ts';

// Class names change over the years (before 2018, 210 was 医疗卫生与计划生育支出; domain.md §4): a document that
// prints a former name for its year copied an old template.

const rule: Rule = {
  meta: {
    id: 'code-name-outdated',
    code: 'CJ602',
    title: { zh: '科目名称已过时', en: 'An outdated class name' },
    category: 'codes',
    severity: 'warning',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      outdated: {
        zh: '{table}科目 {code} 印为旧名称“{printed}”，{year}年度应为“{name}”',
        en: '{tableEn}: code {code} is printed with its former name "{printed}"; for {year} it is "{name}"',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    for (const t of d.tables)
      for (const r of t.rows) {
        const c = nameCheck(r, d.fiscalYear);
        if (c?.status !== 'outdated') continue;
        ctx.report({
          messageId: 'outdated',
          values: { table: t.title, tableEn: t.key, code: r.code!, printed: tidy(r.label!), name: c.name, year: String(d.fiscalYear ?? '') },
          location: rowPlace(t, r),
        });
      }
  },
};

export default rule;
