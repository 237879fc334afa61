import { z } from 'zod';
import { NO_PLACE, SEVERITIES } from './finding-json.ts';
import { SourcePlace } from './place.ts';

export { ReadWarning, ReadWarningCode } from './warning.ts';

// The one shape of an audit finding, from the audit (src/audit/engine.ts) to the store, the batch, the server,
// the CLI and the workbench. Findings are data — rule id, message id + values, places, numbers compared — and
// their text is rendered from the rule's message templates when the finding is built, zh first, en second.
// Amounts are exact decimal strings (never numbers). Other modules derive their shapes from this one (the batch's
// flat row: BatchFinding) instead of declaring their own. These are the zod schemas (validation, the JSON Schema
// export); the severity list and reading a stored finding back are in finding-json.ts, free of zod.

export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

/** Semantic place (the same whatever the input format) plus the source place for highlighting. */
export const FindingPlace = z.object({
  /** Table key ("final.income"), "narrative" for the 情况说明 text, or null for the document as a whole. */
  table: z.string().nullable(),
  /** Printed table title, or the narrative heading path joined with " / ". */
  tableTitle: z.string().nullable(),
  /** Row code ("2101501") or printed label ("本年收入合计"). */
  row: z.string().nullable(),
  /** Column key ("basic"). */
  column: z.string().nullable(),
  source: SourcePlace.nullable(),
});
export type FindingPlace = z.infer<typeof FindingPlace>;

/** Which other document a cross-document finding points into (the prior year's, the paired budget / final). */
export const DocumentRef = z.object({
  fileName: z.string().nullable(),
  entity: z.string().nullable(),
  fiscalYear: z.number().int().nullable(),
  kind: z.enum(['预算', '决算']).nullable(),
  sha256: z.string().optional(),
});
export type DocumentRef = z.infer<typeof DocumentRef>;

/** The second place of a cross-document finding: a place in another document. */
export const Counterpart = z.object({
  document: DocumentRef,
  place: FindingPlace,
});
export type Counterpart = z.infer<typeof Counterpart>;

/**
 * A finding. The input side (`FindingInput`) lets the fields a rule-less producer may not know default (findings
 * stored before messageId existed, tests building one by hand); the output (`Finding`) always has every field.
 */
export const Finding = z.object({
  ruleId: z.string(),
  severity: Severity,
  /** Key of the rule's message template ("mismatch", "mismatch.rounding", "skipped" for a rule that could not run). */
  messageId: z.string().default(''),
  /** Every number the finding compares (as exact decimal strings) and the words its message names. */
  values: z.record(z.string(), z.string()).default({}),
  message: z.string(),
  messageEn: z.string().default(''),
  /** Where the finding is, in the document checked. */
  location: FindingPlace.default(NO_PLACE),
  /** Other places in the same document the finding compares (the other side of an equation). */
  related: z.array(FindingPlace).default([]),
  expected: z.string().nullable().default(null),
  actual: z.string().nullable().default(null),
  difference: z.string().nullable().default(null),
  /** Cross-document findings only: the place in the other document. */
  counterpart: Counterpart.optional(),
});
export type Finding = z.infer<typeof Finding>;
export type FindingInput = z.input<typeof Finding>;
