import { cellPlace, rowLabel, tablePrecision } from '../../cells.ts';
import type { Rule } from '../../types.ts';
import { figurePlace, figures, figureText, paragraphs } from '../../narrative/tokens.ts';

// A number printed with more decimals than its table prints (seed 000 “151.911” in a 2-decimal 万元 table) is a
// typing or conversion slip: the table's other cells show its precision (domain.md §7 "a stray third decimal").

function clearPrecision(
  t: { rows: { cells: { value: string | null; decimals: number }[] }[] },
  precision: number,
): boolean {
  let at = 0;
  let other = 0;
  for (const r of t.rows)
    for (const c of r.cells) if (c.value !== null && c.decimals > 0) c.decimals === precision ? at++ : other++;
  return at >= 4 * other;
}

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
      extraNarrative: {
        zh: '说明中的金额“{text}”有 {decimals} 位小数（{unit}金额通常保留 2 位，多出的一位多为笔误）',
        en: 'The narrative amount "{text}" has {decimals} decimals ({unit} amounts print 2; one more is usually a slip)',
      },
      extra: {
        zh: '{table}“{row}”{column}印为“{text}”，有 {decimals} 位小数，而本表金额保留 {precision} 位',
        en: '{tableEn} [{rowEn}] {columnEn} is printed "{text}" with {decimals} decimals; the table prints {precision}',
      },
    },
  },
  check(ctx) {
    // In the text: exactly one decimal too many (289.701万元, 1,174.681元). Six decimals in 万元 (277.656337万元) is
    // an exact 元 amount written in 万元, not a slip.
    for (const l of paragraphs(ctx.disclosure))
      for (const f of figures(l.text))
        if (f.kind === 'amount' && f.decimals === 3)
          ctx.report({
            messageId: 'extraNarrative',
            values: { text: figureText(f), decimals: '3', unit: f.unit ?? '' },
            location: figurePlace(l, f),
            actual: figureText(f),
          });
    for (const t of ctx.disclosure.tables) {
      const precision = tablePrecision(t);
      // only amount tables the template knows, printed with one clear precision (a statistics table mixing 1 and
      // 2 decimals has none)
      if (precision === 0 || t.key === 'unknown' || !clearPrecision(t, precision)) continue;
      for (const r of t.rows)
        for (const c of r.cells) {
          if (c.value === null || c.decimals <= precision) continue;
          const column =
            t.columns.find((k) => k.key === c.column && (k.section === undefined || k.section === r.section))?.label ??
            c.column;
          ctx.report({
            messageId: 'extra',
            values: {
              table: t.title,
              tableEn: t.key,
              row: rowLabel(r),
              rowEn: r.code ?? r.item ?? '',
              column,
              columnEn: c.column,
              text: c.text,
              decimals: String(c.decimals),
              precision: String(precision),
            },
            location: cellPlace(t, r, c.column),
            actual: c.value,
          });
        }
    }
  },
};

export default rule;
