import { CLASS_RELATIONS } from './by-class.ts';
import { CROSS_RELATIONS } from './cross-table.ts';
import { LINE_RELATIONS } from './line-sum.ts';
import type { RelationBase } from './types.ts';

// The relation catalogue: every table relation the audit evaluates, as data, by the rule that evaluates it, and the
// restatements the authoring workbook fills its summary tables from (src/author/plan.ts derivation). The rules read
// their relations from here; the rule pages (scripts/gen-rule-docs.ts) list them from here; a test checks that
// every table, row and column they name exists in the templates (src/templates).

export { CLASS_RELATIONS } from './by-class.ts';
export { CROSS_RELATIONS } from './cross-table.ts';
export { LINE_RELATIONS } from './line-sum.ts';
export { RESTATEMENTS, type Restatement } from './restatements.ts';
export type { ClassRelation, CrossRelation, LineRelation, RelationBase } from './types.ts';
export { relationApplies } from './types.ts';

/** Relations by the id of the rule that evaluates them. */
export const RELATIONS_BY_RULE: Readonly<Record<string, readonly RelationBase[]>> = {
  'cross-table-totals': CROSS_RELATIONS,
  'cross-table-classes': CLASS_RELATIONS,
  'line-sum': LINE_RELATIONS,
};
