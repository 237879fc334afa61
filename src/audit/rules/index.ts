import type { Rule } from '../types.ts';
import codeHierarchySum from './code-hierarchy-sum/rule.ts';
import crossTableClasses from './cross-table-classes/rule.ts';
import crossTableTotals from './cross-table-totals/rule.ts';
import lineSum from './line-sum/rule.ts';
import narrativeAmount from './narrative-amount/rule.ts';
import narrativeChange from './narrative-change/rule.ts';
import narrativeCompletion from './narrative-completion/rule.ts';
import narrativeShare from './narrative-share/rule.ts';
import narrativeShareSum from './narrative-share-sum/rule.ts';
import rowSum from './row-sum/rule.ts';
import totalEqualsClasses from './total-equals-classes/rule.ts';

// The rule catalogue: an explicit list (no globbing at run time). Adding a rule = a folder with rule.ts,
// doc.md and fixtures.ts, plus one line here; the meta-test fails if a folder is not listed.

export const rules: readonly Rule[] = [
  codeHierarchySum,
  totalEqualsClasses,
  rowSum,
  lineSum,
  crossTableTotals,
  crossTableClasses,
  narrativeAmount,
  narrativeShare,
  narrativeShareSum,
  narrativeCompletion,
  narrativeChange,
];
