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

// A sub-heading of its own about income or spending alone, under the 决算 explanation (佛山 2019 p24: “一、2019年度收入
// 支出决算总体情况说明 > （一）年度收入总体情况”, where 收入决算 is printed nowhere): the heading itself is the subject.
const NUMBERING = '(?:[（(][一二三四五六七八九十\\d]+[)）]|[一二三四五六七八九十]+[、．.]|\\d+[、．.])?';
const YEAR = '(?:\\d{4}年度?|本年度?|年度)?';
const OWN_HEADING: Record<string, RegExp> = {
  'final.income': new RegExp(`^${NUMBERING}${YEAR}收入(?:总体)?情况`),
  'final.expenditure': new RegExp(`^${NUMBERING}${YEAR}支出(?:总体)?情况`),
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
    const own = d.sections.flatMap((s) => s.headingPath.map((h) => h.replace(/\s+/g, '')));
    for (const t of d.tables) {
      const re = SUBJECT[t.key];
      if (!re || headings.some((h) => re.test(h))) continue;
      const alone = OWN_HEADING[t.key];
      if (alone && own.some((h) => alone.test(h))) continue;
      ctx.report({ messageId: 'missing', values: { title: t.title, titleEn: t.key }, location: tablePlace(t) });
    }
  },
};

export default rule;
