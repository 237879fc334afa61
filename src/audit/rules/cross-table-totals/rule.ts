import { checkEquation, equationStatus, type Equation } from '../../equation.ts';
import { cellValue } from '../../cells.ts';
import { CROSS_RELATIONS, relationApplies } from '../../relations/index.ts';
import { term } from '../../refs.ts';
import type { Rule } from '../../types.ts';

// Cross-table identities (domain.md §5 Cross-table): the same quantity printed in two tables must be the
// same number. The finding sits on the first table's cell and names the other as related; it cannot tell
// which side is wrong and says so.

// The relations are data in the relation catalogue (src/audit/relations/cross-table.ts).
export { CROSS_RELATIONS, type CrossRelation } from '../../relations/index.ts';

const rule: Rule = {
  meta: {
    id: 'cross-table-totals',
    code: 'CJ201',
    title: { zh: '表间合计数一致', en: 'Totals agree between tables' },
    category: 'cross-table',
    severity: 'error',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      mismatch: {
        zh: '{target}为 {actual}，与另一表对应数 {expected} 不一致（{relation}），相差 {difference}{unit}；无法判断哪一方有误',
        en: '{targetEn} is {actual} but the other table gives {expected} ({relationEn}), difference {difference} {unit}; either side may be wrong',
      },
      'mismatch.rounding': {
        zh: '{target}为 {actual}，另一表对应数为 {expected}（{relation}），相差 {difference}{unit}，属尾数误差',
        en: '{targetEn} is {actual}, the other table gives {expected} ({relationEn}): difference {difference} {unit} is explained by rounding',
      },
    },
  },
  check(ctx) {
    for (const rel of CROSS_RELATIONS) {
      // A relation holds for the document kinds it names (a 决算 identity does not apply to a 预算).
      if (!relationApplies(rel, ctx.disclosure.kind)) continue;
      // A relation with a table missing is skipped as a whole, and said so: comparing with the remaining parts
      // would read the missing table as zero.
      const absent = [...new Set([rel.left, ...rel.right].map((r) => r.table))].filter((k) => !ctx.table(k));
      if (absent.length) {
        for (const k of absent) ctx.skip(k);
        continue;
      }
      const left = term(ctx, rel.left);
      // The relation's own right-hand lines (not the lines it adds or subtracts) must be printed: with none of them
      // the comparison would be with the adjustments alone (重庆 2026 规划和自然资源局 p18: its 一般公共预算 line read
      // under another name, the check compared 227,955.11 with the 上年结转 4,056.23 it adds).
      if (!rel.right.some((r) => r.sign !== -1 && term(ctx, r))) continue;
      const right = [
        ...(rel.whenAbsent && !term(ctx, rel.whenAbsent.row) ? [...rel.right, ...rel.whenAbsent.add] : rel.right),
        ...(rel.whenPresent ?? []).flatMap((w) => (term(ctx, w.row) ? w.add : [])),
      ];
      const parts = right.map((r) => term(ctx, r)).filter((r) => r !== undefined);
      if (!left || !parts.length) continue;
      // A total printed blank is the line sums' finding within its own table (and often a line the reader did not
      // name, 福州 2026 收支预算总表): comparing it across tables would only repeat or mislead.
      // (the subtracted or added-in lines, such as 上年结转, are often blank and do not count here)
      if ([left, parts[0]].some((t) => cellValue(t.table, t.row, t.column)?.blank)) continue;
      const values = { relation: rel.name, relationEn: rel.nameEn };
      const eq: Equation = { target: left, parts, messageId: 'mismatch', values };
      const extra = (rel.alternative?.add ?? []).map((r) => term(ctx, r)).filter((r) => r !== undefined);
      if (!extra.length) {
        checkEquation(ctx, eq);
        continue;
      }
      // Two accepted forms: the one that holds exactly is silent; else the one rounding explains gives its info;
      // else the plain form is the error.
      const forms: Equation[] = [eq, { ...eq, parts: [...parts, ...extra] }];
      const status = forms.map((f) => equationStatus(ctx, f));
      if (status.some((s) => s === 'exact' || s === 'skipped')) continue;
      checkEquation(ctx, forms[status.indexOf('rounding')] ?? eq);
    }
  },
};

export default rule;
