import type { Row, Table } from '../../../model/disclosure.ts';
import { checkEquation } from '../../equation.ts';
import { CLASS_RELATIONS, relationApplies } from '../../relations/index.ts';
import type { Rule } from '../../types.ts';

// Cross-table by class (domain.md §5): 01表 classes = 03表 classes (本年支出合计), and the 04表 一般公共预算
// column = 05表 by class. Codes printed in only one table compare with zero: a class missing from one side is
// a difference, not a pass.

// The relations are data in the relation catalogue (src/audit/relations/by-class.ts).
export { CLASS_RELATIONS as BY_CODE } from '../../relations/index.ts';

function classes(t: Table, section?: string): Map<string, Row> {
  const out = new Map<string, Row>();
  for (const r of t.rows)
    if (
      r.kind === 'code' &&
      r.code?.length === 3 &&
      (section === undefined || r.section === section) &&
      !out.has(r.code)
    )
      out.set(r.code, r);
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
    for (const rel of CLASS_RELATIONS) {
      // A relation holds for the document kinds it names (a 决算 identity does not apply to a 预算).
      if (!relationApplies(rel, ctx.disclosure.kind)) continue;
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
