import { checkEquation, type Term } from '../../equation.ts';
import { LINE_RELATIONS, type LineRelation } from '../../relations/index.ts';
import { term, type CellRef } from '../../refs.ts';
import type { Rule, RuleContext } from '../../types.ts';

const refKey = (r: CellRef) => `${r.table}|${r.row}|${r.column}`;

/** The relations of more than one part by the cell they total, in catalogue order (built once: withParts looks up every part). */
let totalling: Map<string, LineRelation[]> | undefined;
function relationsTotalling(): Map<string, LineRelation[]> {
  if (!totalling) {
    totalling = new Map();
    for (const r of LINE_RELATIONS) {
      if (r.parts.length < 2) continue;
      const k = refKey(r.target);
      totalling.set(k, [...(totalling.get(k) ?? []), r]);
    }
  }
  return totalling;
}

/**
 * A part that is itself the total of another line relation (本年支出 = Σ classes) may have entered this total as the
 * sum of its own printed parts (无锡 2026 人社局 p23: 支出总计 152,585.76 = Σ classes, 本年支出 printed 152,585.74):
 * the term carries those parts, for the rounding test only (src/audit/equation.ts `via`).
 */
function withParts(ctx: RuleContext, ref: CellRef, seen: ReadonlySet<LineRelation>): Term | undefined {
  const t = term(ctx, ref);
  if (!t) return undefined;
  const sub = relationsTotalling()
    .get(refKey(ref))
    ?.find((r) => !seen.has(r));
  if (!sub) return t;
  const next = new Set([...seen, sub]);
  const via = sub.parts.map((p) => withParts(ctx, p, next)).filter((p) => p !== undefined);
  return via.length ? { ...t, via } : t;
}

// Totals of the summary tables (domain.md §5 Totals): 本年收入合计 = Σ sources; 总计 = 本年合计 + 结转/结余
// lines on both sides; income 总计 = expenditure 总计; 06表 合计 = 人员经费合计 + 公用经费合计, 人员经费 = 301 + 303.
// Lines are found by item key, so it does not matter how the document numbers or orders them. A relation
// whose total line is not printed is not checked (not every document prints 使用非财政拨款结余).

// The relations are data in the relation catalogue (src/audit/relations/line-sum.ts).
export { LINE_RELATIONS, type LineRelation } from '../../relations/index.ts';

const rule: Rule = {
  meta: {
    id: 'line-sum',
    code: 'CJ104',
    title: { zh: '总表合计行与各行相符', en: 'Total lines of the summary tables add up' },
    category: 'arithmetic',
    severity: 'error',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      mismatch: {
        zh: '{target}为 {actual}，按“{relation}”应为 {expected}，相差 {difference}{unit}',
        en: '{targetEn} is {actual} but "{relationEn}" gives {expected} (difference {difference} {unit})',
      },
      'mismatch.rounding': {
        zh: '{target}为 {actual}，按“{relation}”为 {expected}，相差 {difference}{unit}，属尾数误差',
        en: '{targetEn} is {actual}, "{relationEn}" gives {expected}: difference {difference} {unit} is explained by rounding',
      },
    },
  },
  check(ctx) {
    const present = new Set(ctx.disclosure.tables.map((t) => t.key));
    for (const rel of LINE_RELATIONS) {
      // Summary relations of a table the document does not print are not this rule's business (required-tables is).
      if (!present.has(rel.target.table)) continue;
      const target = term(ctx, rel.target);
      if (!target) continue;
      const parts = rel.parts.map((p) => withParts(ctx, p, new Set([rel]))).filter((p) => p !== undefined);
      // Lines recognition could not name (“1.一般公共预算拨款”, “上年结余、结转”) may be the missing terms: a sum over
      // named lines only would read them as zero, so the relation is not judged while such lines carry amounts. An
      // identity of two printed totals (收入总计 = 支出总计, the one-part relations) has no terms to miss (深圳 2026 收支总表:
      // 一、财政拨款 / 三、单位资金 and 款/项 lines printed by name only kept every relation of the table unchecked).
      const sections = new Set([target, ...parts].map((p) => p.row.section));
      if (
        rel.parts.length > 1 &&
        target.table.rows.some(
          (r) =>
            r.kind === 'item' &&
            !r.item &&
            !r.code &&
            sections.has(r.section) &&
            r.cells.some((c) => c.value !== null && c.value !== '0' && !/^0\.0+$/.test(c.value)),
        )
      )
        continue;
      checkEquation(ctx, {
        target,
        parts,
        messageId: 'mismatch',
        values: { relation: rel.name, relationEn: rel.nameEn ?? rel.name },
      });
    }
  },
};

export default rule;
