import { cellPlace, rowLabel, tablePrecision } from '../../cells.ts';
import type { Rule } from '../../types.ts';

// A number printed with more decimals than its table prints (seed 000 “151.911” in a 2-decimal 万元 table) is a
// typing or conversion slip: the table's other cells show its precision (domain.md §7 "a stray third decimal").

const rule: Rule = {
  meta: {
    id: 'stray-decimal',
    code: 'CJ502',
    title: { zh: '数字多出小数位', en: 'A number printed with a stray extra decimal' },
    category: 'wording',
    severity: 'error',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      extra: {
        zh: '{table}“{row}”{column}印为“{text}”，有 {decimals} 位小数，而本表金额保留 {precision} 位',
        en: '{tableEn} [{rowEn}] {columnEn} is printed "{text}" with {decimals} decimals; the table prints {precision}',
      },
    },
  },
  check(ctx) {
    for (const t of ctx.disclosure.tables) {
      const precision = tablePrecision(t);
      if (precision === 0) continue;
      for (const r of t.rows)
        for (const c of r.cells) {
          if (c.value === null || c.decimals <= precision) continue;
          const column = t.columns.find((k) => k.key === c.column && (k.section === undefined || k.section === r.section))?.label ?? c.column;
          ctx.report({
            messageId: 'extra',
            values: { table: t.title, tableEn: t.key, row: rowLabel(r), rowEn: r.code ?? r.item ?? '', column, columnEn: c.column, text: c.text, decimals: String(c.decimals), precision: String(precision) },
            location: cellPlace(t, r, c.column),
            actual: c.value,
          });
        }
    }
  },
};

export default rule;
