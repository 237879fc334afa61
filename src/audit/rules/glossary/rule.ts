import type { Rule } from '../../types.ts';

// A disclosure explains its terms in a 名词解释 part (domain.md §2 第四部分, §5 Completeness).

const rule: Rule = {
  meta: {
    id: 'glossary',
    code: 'CJ406',
    title: { zh: '有名词解释', en: 'A glossary is present' },
    category: 'completeness',
    severity: 'warning',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      missing: { zh: '未找到“名词解释”部分', en: 'No glossary (名词解释) was found' },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    if (d.glossary.length || d.sections.some((s) => s.headingPath.some((h) => /名词解释|名词说明|术语解释/.test(h)) && s.paragraphs.length)) return;
    ctx.report({ messageId: 'missing', values: {}, location: { table: null, tableTitle: null, row: null, column: null, source: d.sections[0]?.place ?? null } });
  },
};

export default rule;
