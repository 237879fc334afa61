import type { Row } from '../../../model/disclosure.ts';
import { checkCodedSum } from '../../equation.ts';
import { families, segments } from '../../structure.ts';
import type { Rule } from '../../types.ts';
import { isCodedTable } from '../../structure.ts';

// 类 = Σ 款, 款 = Σ 项 (domain.md §5 Hierarchy), in every coded table and every value column. A parent is
// compared with its printed children only; a table that prints 项 directly under 类 sums the 项.

const rule: Rule = {
  meta: {
    id: 'code-hierarchy-sum',
    code: 'CJ101',
    title: { zh: '上级科目等于下级科目之和', en: 'A parent code equals the sum of its children' },
    category: 'arithmetic',
    severity: 'error',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      mismatch: {
        zh: '{target}为 {actual}，其下级科目合计为 {expected}，相差 {difference}{unit}',
        en: '{targetEn} is {actual} but its child codes add up to {expected} (difference {difference} {unit})',
      },
      'mismatch.rounding': {
        zh: '{target}为 {actual}，下级科目合计为 {expected}，相差 {difference}{unit}，属尾数误差',
        en: '{targetEn} is {actual}, its child codes add up to {expected}: difference {difference} {unit} is explained by rounding',
      },
    },
  },
  check(ctx) {
    for (const t of ctx.disclosure.tables.filter(isCodedTable)) {
      for (const seg of segments(t)) {
        const fams = families(seg);
        // a 款 may have been added into its 类 from its own printed 项 rather than from its rounded value
        const childrenOf = new Map<Row, Row[]>(fams.map((f) => [f.parent, f.children]));
        for (const { parent, children } of fams) checkCodedSum(ctx, t, parent, children, childrenOf);
      }
    }
  },
};

export default rule;
