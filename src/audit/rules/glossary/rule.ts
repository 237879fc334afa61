import type { Disclosure } from '../../../model/disclosure.ts';
import type { Rule } from '../../types.ts';

// A disclosure explains its terms in a 名词解释 part (domain.md §2 第四部分, §5 Completeness).

const HEADING = /名词解释|名词说明|术语解释/;

/** The glossary printed as a heading line of its own that the narrative reader kept as a paragraph (上海's
 * unnumbered, centred “名词解释” over “（一）财政拨款收入：是…”), followed by a definition. */
function headingAsParagraph(d: Disclosure): boolean {
  return d.sections.some((s) =>
    s.paragraphs.some(
      (p, i) =>
        new RegExp(`^(${HEADING.source})$`).test(p.text.replace(/\s+/g, '')) &&
        /[：:]|是|指/.test(s.paragraphs[i + 1]?.text ?? ''),
    ),
  );
}

/** A file that holds only a cover and the tables (西安's 附件2 部门综合预算公开报表, 广州's 绩效目标表 attachment): its narrative, with the
 * glossary, is published as another file, so this one cannot be judged on it. Such a file has no narrative
 * heading and no line that opens a 说明 (the stray lines it has are text from its 绩效 tables). */
function tablesOnly(d: Disclosure): boolean {
  // Performance forms count as tables: 广州's 项目支出绩效目标表 attachment (140 pages of forms, no other table).
  if (!d.tables.length && !d.performance.length) return false;
  if (d.sections.some((s) => s.headingPath.some((h) => h.trim()))) return false;
  return !d.sections.some((s) =>
    s.paragraphs.some((p) => /情况说明|编制说明|预算说明|决算说明|名词解释|主要职能|机构设置/.test(p.text)),
  );
}

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
      tablesOnly: {
        zh: '本文件只有封面和公开表格，没有情况说明和“名词解释”（可能另行公开），未核对',
        en: 'This file holds only a cover and the tables, no narrative and no glossary (perhaps published separately); not checked',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    if (
      d.glossary.length ||
      d.sections.some((s) => s.headingPath.some((h) => HEADING.test(h)) && s.paragraphs.length) ||
      headingAsParagraph(d)
    )
      return;
    const place = { table: null, tableTitle: null, row: null, column: null, source: d.sections[0]?.place ?? null };
    if (tablesOnly(d)) ctx.report({ messageId: 'tablesOnly', values: {}, severity: 'info', location: place });
    else ctx.report({ messageId: 'missing', values: {}, location: place });
  },
};

export default rule;
