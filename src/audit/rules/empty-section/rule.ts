import type { NarrativeSection } from '../../../model/disclosure.ts';
import type { SourcePlace } from '../../../model/place.ts';
import type { Rule } from '../../types.ts';

// A heading printed with nothing under it (烟台 2026 司法局 p31: “（二）部门主管专项资金的绩效目标表”, then at once
// “（三）部门预算项目绩效目标表”): the section's text or table was left out. Only a heading between siblings is judged,
// the one before it having text: a contents page, a list of units or of tasks printed as headings (广州卫健's 部门预算
// 构成, 北京's 目录) has no text under any of its items, and is not a section left empty.

/** Reading order of a place: page and top for a PDF, line for text. */
function order(p: SourcePlace | undefined): number {
  if (!p) return Number.POSITIVE_INFINITY;
  if (p.kind === 'pdf') return p.page * 100000 + p.box[1];
  if (p.kind === 'text') return p.line;
  return Number.NaN;
}

const parent = (s: NarrativeSection) => s.headingPath.slice(0, -1).join('\u0000');
const siblings = (a: NarrativeSection | undefined, b: NarrativeSection | undefined) =>
  !!a && !!b && a.headingPath.length === b.headingPath.length && parent(a) === parent(b);

const rule: Rule = {
  meta: {
    id: 'empty-section',
    code: 'CJ410',
    title: { zh: '标题下无内容', en: 'A heading with nothing under it' },
    category: 'completeness',
    severity: 'warning',
    appliesTo: ['预算', '决算'],
    requires: [],
    messages: {
      empty: {
        zh: '标题“{heading}”下没有内容（无文字、无表格），下一标题“{next}”紧随其后',
        en: 'The heading "{heading}" has nothing under it (no text, no table); the next heading "{next}" follows at once',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    const tables = [...d.tables.map((t) => t.place), ...d.performance.map((t) => t.place)].map(order);
    d.sections.forEach((s, i) => {
      const before = d.sections[i - 1];
      const next = d.sections[i + 1];
      if (s.paragraphs.length || !s.heading.trim()) return;
      if (!siblings(before, s) || !before.paragraphs.length || !siblings(s, next)) return;
      const a = order(s.place);
      const b = order(next.place);
      // places the reading order cannot compare (a sheet, a docx block): not judged
      if (Number.isNaN(a) || Number.isNaN(b) || b <= a) return;
      if (tables.some((t) => t > a && t < b)) return;
      ctx.report({
        messageId: 'empty',
        values: { heading: s.heading.trim(), next: next.heading.trim() },
        location: {
          table: 'narrative',
          tableTitle: s.headingPath.join(' / '),
          row: s.heading.trim(),
          column: null,
          source: s.place,
        },
      });
    });
  },
};

export default rule;
