import { z } from 'zod';
import { SourcePlace } from './place.ts';

export { ReadWarning, ReadWarningCode } from './warning.ts';

// The one shape of an audit finding, from the audit (src/audit/engine.ts) to the store, the batch, the server,
// the CLI and the workbench. Findings are data — rule id, message id + values, places, numbers compared — and
// their text is rendered from the rule's message templates when the finding is built, zh first, en second.
// Amounts are exact decimal strings (never numbers). Other modules derive their shapes from this one (the batch's
// flat row: BatchFinding) instead of declaring their own.

export const Severity = z.enum(['error', 'warning', 'info']);
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

const NO_PLACE: FindingPlace = { table: null, tableTitle: null, row: null, column: null, source: null };

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

/**
 * A finding read back from storage (JSON written by an earlier version, or by hand) with every field present.
 * Fields this version does not know are kept, not dropped, so data written by a newer producer survives a round trip.
 */
export function findingFromJson(value: unknown): Finding {
  const raw = (value && typeof value === 'object' ? value : {}) as Partial<Finding> & Record<string, unknown>;
  const location = raw.location && typeof raw.location === 'object' ? { ...NO_PLACE, ...raw.location } : NO_PLACE;
  return {
    ...raw,
    ruleId: String(raw.ruleId ?? ''),
    severity: Severity.safeParse(raw.severity).data ?? 'info',
    messageId: raw.messageId ?? '',
    values: raw.values ?? {},
    message: String(raw.message ?? ''),
    messageEn: raw.messageEn ?? '',
    location,
    related: Array.isArray(raw.related) ? raw.related : [],
    expected: raw.expected ?? null,
    actual: raw.actual ?? null,
    difference: raw.difference ?? null,
  };
}
