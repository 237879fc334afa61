import { tablePlace } from '../../cells.ts';
import type { Rule } from '../../types.ts';

// Every published 决算 table is explained in the 情况说明 (domain.md §2, §5 Completeness): a section whose heading
// names the table's subject. Headings vary by region, so the test is on the subject words only.

const SUBJECT: Record<string, RegExp> = {
  'final.income_expenditure_summary': /收入支出决算总体|收支决算总体|收入支出决算情况/,
  'final.income': /收入决算/,
  'final.expenditure': /支出决算/,
  'final.fiscal_summary': /财政拨款收入支出/,
  'final.general_budget_expenditure': /一般公共预算(财政拨款)?支出/,
  'final.general_budget_basic': /基本支出/,
  'final.gov_fund': /政府性基金/,
  'final.state_capital': /国有资本经营/,
  'final.three_public': /三公/,
};

const rule: Rule = {
  meta: {
    id: 'narrative-sections',
    code: 'CJ405',
    title: { zh: '每张表均有情况说明', en: 'Each table has a narrative section' },
    category: 'completeness',
    severity: 'warning',
    appliesTo: ['决算'],
    requires: [],
    messages: {
      missing: { zh: '情况说明中没有关于“{title}”的部分', en: 'The narrative has no section on the table "{titleEn}"' },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    const headings = d.sections.map((s) => s.headingPath.join(' '));
    for (const t of d.tables) {
      const re = SUBJECT[t.key];
      if (!re || headings.some((h) => re.test(h))) continue;
      ctx.report({ messageId: 'missing', values: { title: t.title, titleEn: t.key }, location: tablePlace(t) });
    }
  },
};

export default rule;
