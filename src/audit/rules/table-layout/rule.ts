import { rowLabel, rowMisaligned, rowPlace, tableMisaligned, tablePlace } from '../../cells.ts';
import type { Rule } from '../../types.ts';

// Amounts printed under a code or name header mean the columns of a table, or of one of its lines, were not
// read as printed (a PDF line with an empty first cell shifts left). The arithmetic rules do not judge such
// cells — a false sum error per line would bury the real findings — and this rule says where that happened so
// the reviewer checks those numbers by eye.

const rule: Rule = {
  meta: {
    id: 'table-layout',
    code: 'CJ408',
    title: { zh: '表格列未能对齐，未做勾稽检查', en: 'Table columns not understood; sums not checked' },
    category: 'completeness',
    severity: 'warning',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      table: {
        zh: '“{title}”的金额多数落在科目编码/名称列下，表格列未能对齐，本表未做勾稽检查，请人工核对',
        en: 'Most amounts of "{titleEn}" sit under code/name headers: its columns were not understood and its sums were not checked',
      },
      row: {
        zh: '“{title}”中“{row}”一行的金额落在科目编码/名称列下，该行未做勾稽检查，请人工核对',
        en: 'In "{titleEn}", the line "{rowEn}" has amounts under a code/name header: the line was not checked',
      },
    },
  },
  check(ctx) {
    for (const t of ctx.disclosure.tables) {
      if (tableMisaligned(t)) {
        ctx.report({ messageId: 'table', values: { title: t.title, titleEn: t.key }, location: tablePlace(t) });
        continue;
      }
      for (const r of t.rows)
        if (rowMisaligned(t, r))
          ctx.report({
            messageId: 'row',
            values: { title: t.title, titleEn: t.key, row: rowLabel(r), rowEn: rowLabel(r) },
            location: rowPlace(t, r),
          });
    }
  },
};

export default rule;
