import type { Disclosure, DocumentKind, Table } from '../model/disclosure.ts';
import type { SourcePlace } from '../model/place.ts';
import type { Decimal } from '../model/decimal.ts';
import type { Counterpart, Finding, FindingPlace, Severity } from '../model/finding.ts';
import type { Fact } from './narrative/tied.ts';

// The audit's contract: rules, their context, results. Findings are data (rule id, message id + values, places,
// numbers compared); text is rendered from the rule's message templates when the finding is built, zh first.

// Severity, FindingPlace and Finding are the shared contract of src/model/finding.ts (zod); re-exported here so
// rules and the engine keep importing them from the audit's types.
export type { Severity, FindingPlace, Finding, Counterpart, DocumentRef } from '../model/finding.ts';

export type Category =
  | 'completeness'
  | 'arithmetic'
  | 'cross-table'
  | 'narrative'
  | 'codes'
  | 'wording'
  | 'plausibility'
  | 'cross-document';

export interface Message {
  zh: string;
  en: string;
}

export interface RuleMeta {
  /** Stable id, never renumbered or reused (markdownlint practice). */
  id: string;
  /** Short code for tables and reports ("CJ101"). */
  code: string;
  title: Message;
  category: Category;
  severity: Severity;
  appliesTo: readonly DocumentKind[];
  /** Table keys the rule cannot run without: when one is absent the rule reports itself skipped. */
  requires: readonly string[];
  /** Message templates with {placeholders} filled from Finding.values. */
  messages: Record<string, Message>;
  /**
   * Cross-document rules (issue 12): the second document the rule compares with — its kinds and its fiscal year
   * relative to this one (−1 last year's, 0 the same year's). Such a rule runs only when that document is given
   * (AuditOptions.prior); a single document's audit leaves it out silently.
   */
  counterpart?: { kinds: readonly DocumentKind[]; yearOffset: number };
}

/** What a rule passes to `report`. Severity defaults to the rule's; a rule lowers it (rounding → info) by saying so. */
export interface Report {
  messageId: string;
  values: Record<string, string>;
  location: FindingPlace;
  related?: FindingPlace[];
  expected?: Decimal | string | null;
  actual?: Decimal | string | null;
  difference?: Decimal | string | null;
  severity?: Severity;
  /** Cross-document rules: the place in the other document (copied to Finding.counterpart). */
  counterpart?: Counterpart;
}

export interface RuleContext {
  readonly disclosure: Disclosure;
  /**
   * The other document of a cross-document pair (AuditOptions.prior): the entity's earlier document — last year's
   * budget or final account, or for a final account that year's budget. Undefined in a single document's audit.
   */
  readonly prior?: Disclosure;
  report(r: Report): void;
  /** Say that part of the rule could not run (a table of one relation is missing). Reported once per rule. */
  skip(missingTable: string): void;
  table(key: string): Table | undefined;
  /**
   * Does a table of this key belong to this document's kind (its template's kind; every table when the kind is
   * unknown)? A relation written for the other kind's tables (a 决算 identity in a 预算) does not apply. Lets a
   * rule holding relations of both kinds choose them by data, without testing the document kind itself.
   */
  ofKind(tableKey: string): boolean;
  /**
   * The document's narrative facts (src/audit/narrative/tied.ts narrativeFacts), extracted once per audit and shared
   * by the rules that read them (narrative-table-fact, narrative-same-item, prior-year-narrative): read, never change.
   */
  narrativeFacts(): readonly Fact[];
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export interface AuditOptions {
  /** Per-rule override: a severity, or 'off'. */
  rules?: Record<string, Severity | 'off'>;
  /** Include info findings for differences that rounding explains (尾数误差). Default true. */
  rounding?: boolean;
  /** The entity's earlier document, for the cross-document rules (RuleMeta.counterpart). */
  prior?: Disclosure;
}

export interface AuditSummary {
  errors: number;
  warnings: number;
  infos: number;
  skipped: number;
}

/** Why a table was or was not checked (src/audit/coverage.ts words each state). */
export type TableCoverageState =
  | 'checked'
  | 'empty'
  | 'absent'
  | 'unsure'
  | 'illegible'
  | 'image-only'
  | 'unrecognised';

export interface TableCoverage {
  /** Template key, or "unknown" for a table whose title matched no template. */
  key: string;
  /** Printed title (the canonical title when the table was not found). */
  title: string;
  /** One of the standard tables a document of this kind must publish. */
  standard: boolean;
  state: TableCoverageState;
  /** The audit checked the table (state checked or empty). */
  checked: boolean;
  /** Why not, Chinese and English; null when checked. */
  reason: string | null;
  reasonEn: string | null;
  /** PDF pages the table was printed on (empty for other inputs or absent tables). */
  pages: number[];
  place: SourcePlace | null;
  /** Rules that could not run because this table is missing. */
  skippedRules: string[];
}

export interface Coverage {
  /** full: every standard table checked; partial: some not; none: no table checked at all. */
  level: 'full' | 'partial' | 'none';
  standardTables: number;
  checkedStandard: number;
  uncheckedStandard: number;
  /** Printed tables in document order, then the standard tables not found (catalogue order). */
  tables: TableCoverage[];
  imageOnlyPages: number[];
  skippedRules: { ruleId: string; rule: string; missing: string[] }[];
}

export interface AuditResult {
  findings: Finding[];
  summary: AuditSummary;
  /** What the audit could and could not check (absent in results stored before it existed). */
  coverage?: Coverage;
}
