import type { Disclosure, DocumentKind, Table } from '../model/disclosure.ts';
import type { SourcePlace } from '../model/place.ts';
import type { Decimal } from '../model/decimal.ts';

// The audit's contract. Findings are data (rule id, message id + values, places, numbers compared); text is
// rendered from the rule's message templates when the finding is built, zh first, en second.

export type Severity = 'error' | 'warning' | 'info';

export type Category = 'completeness' | 'arithmetic' | 'cross-table' | 'narrative' | 'codes' | 'wording' | 'plausibility';

/** Semantic place (same whatever the input format) plus the source place for highlighting. */
export interface FindingPlace {
  /** Table key ("final.income"), "narrative" for the 情况说明 text, or null for the document as a whole. */
  table: string | null;
  /** Printed table title, or the narrative heading path joined with " / ". */
  tableTitle: string | null;
  /** Row code ("2101501") or printed label ("本年收入合计"). */
  row: string | null;
  /** Column key ("basic"). */
  column: string | null;
  source: SourcePlace | null;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  messageId: string;
  /** Every number the finding compares (as exact decimal strings) and the words its message names. */
  values: Record<string, string>;
  message: string;
  messageEn: string;
  location: FindingPlace;
  related: FindingPlace[];
  expected: string | null;
  actual: string | null;
  difference: string | null;
}

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
}

export interface RuleContext {
  readonly disclosure: Disclosure;
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
}

export interface AuditSummary {
  errors: number;
  warnings: number;
  infos: number;
  skipped: number;
}

/** Why a table was or was not checked (src/audit/coverage.ts words each state). */
export type TableCoverageState = 'checked' | 'empty' | 'absent' | 'unsure' | 'illegible' | 'image-only' | 'unrecognised';

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
