import type { Row, Table } from '../../../model/disclosure.ts';
import { checkEquation } from '../../equation.ts';
import type { Rule } from '../../types.ts';

// Cross-table by class (domain.md §5): 01表 classes = 03表 classes (本年支出合计), and the 04表 一般公共预算
// column = 05表 by class. Codes printed in only one table compare with zero: a class missing from one side is
// a difference, not a pass.

interface ByCode {
  name: string;
  nameEn: string;
  left: { table: string; section?: string; column: string };
  right: { table: string; column: string };
}

export const BY_CODE: ByCode[] = [
  { name: '01表支出功能分类 = 03表', nameEn: 'table 01 class = table 03 class', left: { table: 'final.income_expenditure_summary', section: 'expenditure', column: 'amount' }, right: { table: 'final.expenditure', column: 'total' } },
  { name: '04表一般公共预算财政拨款 = 05表', nameEn: 'table 04 general-budget column = table 05', left: { table: 'final.fiscal_summary', section: 'expenditure', column: 'general_budget' }, right: { table: 'final.general_budget_expenditure', column: 'total' } },
  { name: '财政拨款收支总表一般公共预算 = 一般公共预算支出表', nameEn: 'fiscal summary general-budget column = general budget table', left: { table: 'budget.fiscal_summary', section: 'expenditure', column: 'general_budget' }, right: { table: 'budget.general_expenditure', column: 'total' } },
];

function classes(t: Table, section?: string): Map<string, Row> {
  const out = new Map<string, Row>();
  for (const r of t.rows) if (r.kind === 'code' && r.code?.length === 3 && (section === undefined || r.section === section) && !out.has(r.code)) out.set(r.code, r);
  return out;
}

const rule: Rule = {
  meta: {
    id: 'cross-table-classes',
    code: 'CJ202',
    title: { zh: '表间各类科目数一致', en: 'Class amounts agree between tables' },
    category: 'cross-table',
    severity: 'error',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      mismatch: {
        zh: '{target}为 {actual}，另一表同一类科目为 {expected}（{relation}），相差 {difference}{unit}；无法判断哪一方有误',
        en: '{targetEn} is {actual} but the same class in the other table is {expected} ({relationEn}), difference {difference} {unit}; either side may be wrong',
      },
      'mismatch.rounding': {
        zh: '{target}为 {actual}，另一表同一类科目为 {expected}（{relation}），相差 {difference}{unit}，属尾数误差',
        en: '{targetEn} is {actual}, the same class in the other table is {expected} ({relationEn}): difference {difference} {unit} is explained by rounding',
      },
    },
  },
  check(ctx) {
    for (const rel of BY_CODE) {
      // relations between tables of the other document kind never apply (the tables' templates say their kind)
      if (!ctx.ofKind(rel.left.table)) continue;
      const lt = ctx.table(rel.left.table);
      const rt = ctx.table(rel.right.table);
      if (!lt || !rt) {
        if (!lt) ctx.skip(rel.left.table);
        if (!rt) ctx.skip(rel.right.table);
        continue;
      }
      if (lt.status === 'illegible' || rt.status === 'illegible') continue;
      const lc = classes(lt, rel.left.section);
      const rc = classes(rt);
      // Compare where both print the class. A class printed on one side only is left to total-equals-classes on
      // each side: the 01/04 tables list classes by name and a name recognition missed must not read as zero.
      for (const [code, lrow] of lc) {
        const rrow = rc.get(code);
        if (!rrow) continue;
        checkEquation(ctx, {
          target: { table: lt, row: lrow, column: rel.left.column },
          parts: [{ table: rt, row: rrow, column: rel.right.column }],
          messageId: 'mismatch',
          values: { relation: rel.name, relationEn: rel.nameEn },
        });
      }
    }
  },
};

export default rule;
