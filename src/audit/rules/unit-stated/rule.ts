import { holdsAmounts, tablePlace } from '../../cells.ts';
import type { Rule } from '../../types.ts';

// Each table with amounts states its unit (元 / 万元): a reader cannot tell 289.70 万元 from 289.70 元
// (domain.md §5 Completeness "unit stated"). The audit falls back to the document's dominant unit meanwhile.
// A unit stated in the column headers (“预算数（万元）”) counts: the reader takes it as the table's unit.

const rule: Rule = {
  meta: {
    id: 'unit-stated',
    code: 'CJ407',
    title: { zh: '表格标明金额单位', en: 'Tables state their amount unit' },
    category: 'completeness',
    severity: 'warning',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      missing: { zh: '“{title}”未标明金额单位', en: 'The table "{titleEn}" does not state its amount unit' },
    },
  },
  check(ctx) {
    for (const t of ctx.disclosure.tables) {
      if (t.status !== 'data' || t.unit !== null) continue;
      // An untitled fragment (a table's continuation page, a grid the reader could not place) prints no head where a
      // unit would stand; reading-confidence tells the reviewer about it once per document.
      if (t.key === 'unknown' && (!t.title || !holdsAmounts(t))) continue;
      ctx.report({ messageId: 'missing', values: { title: t.title, titleEn: t.key }, location: tablePlace(t) });
    }
  },
};

export default rule;
