import type { Row, Table } from '../../../model/disclosure.ts';
import { rowByItem } from '../../../model/query.ts';
import { grandTotalRow } from '../../refs.ts';
import { checkEquation } from '../../equation.ts';
import { segments, topLevel, valueColumns } from '../../structure.ts';
import type { Rule } from '../../types.ts';

// 合计 = Σ 类 (domain.md §5 Hierarchy): the total line of a coded table equals the sum of its topmost coded
// lines; in the 总表 (01, 04, 收支总表) the 本年支出合计 equals the sum of the functional classes listed by name.
// Tables cut into unit blocks (038 / 038001) are left to the unit lines: their total is not a sum of classes.

const BALANCE_LINES = /\.(total|grand_total|carryover|closing_balance|balance_distribution)$/;

function targets(t: Table): { total: Row; classes: Row[] }[] {
  const out: { total: Row; classes: Row[] }[] = [];
  const sections = [...new Set(t.rows.filter((r) => r.kind === 'code' && r.section).map((r) => r.section!))];
  if (sections.length && t.rows.some((r) => r.item?.endsWith('.total'))) {
    for (const s of sections) {
      const total = rowByItem(t, `${s}.total`);
      if (!total) continue;
      // A part with lines of its own between the classes (收支总表 按部门预算经济分类: 一、基本支出 301…,
      // 二、项目支出 …) does not sum its classes to its total.
      if (t.rows.some((r) => r.section === s && r.item && !BALANCE_LINES.test(r.item))) continue;
      const coded = t.rows.filter((r) => r.kind === 'code' && r.section === s && r.code);
      out.push({ total, classes: topLevel(coded) });
    }
    return out;
  }
  if (t.rows.some((r) => r.kind === 'unit')) return out;
  const total = grandTotalRow(t);
  const segs = segments(t);
  if (!total || segs.length !== 1) return out;
  out.push({ total, classes: topLevel(segs[0]) });
  return out;
}

const rule: Rule = {
  meta: {
    id: 'total-equals-classes',
    code: 'CJ102',
    title: { zh: '合计等于各类科目之和', en: 'The total line equals the sum of the classes' },
    category: 'arithmetic',
    severity: 'error',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      mismatch: {
        zh: '{target}为 {actual}，各类科目合计为 {expected}，相差 {difference}{unit}',
        en: '{targetEn} is {actual} but the classes add up to {expected} (difference {difference} {unit})',
      },
      'mismatch.rounding': {
        zh: '{target}为 {actual}，各类科目合计为 {expected}，相差 {difference}{unit}，属尾数误差',
        en: '{targetEn} is {actual}, the classes add up to {expected}: difference {difference} {unit} is explained by rounding',
      },
    },
  },
  check(ctx) {
    for (const t of ctx.disclosure.tables) {
      for (const { total, classes } of targets(t)) {
        if (classes.length === 0) continue;
        for (const column of valueColumns(t, total)) {
          checkEquation(ctx, {
            target: { table: t, row: total, column },
            parts: classes.map((row) => ({ table: t, row, column })),
            messageId: 'mismatch',
          });
        }
      }
    }
  },
};

export default rule;
