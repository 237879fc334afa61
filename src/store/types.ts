import type { Finding, FindingInput } from '../model/finding.ts';

// What the store keeps and hands back. The repository (repository.ts) is the one interface the server uses,
// whatever the engine underneath.

export type Role = 'admin' | 'reviewer';
export const ROLES: readonly Role[] = ['admin', 'reviewer'];

export interface User {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
}

export interface UserWithHash extends User {
  passwordHash: string;
}

/**
 * A finding as it goes into the store: the shared contract (src/model/finding.ts) on its input side, so fields a
 * producer may leave out default when it is read back. The whole object is stored as JSON and handed back as a
 * full `Finding` (findingFromJson), unknown fields kept.
 */
export type AuditFinding = FindingInput;

export type AuditStatus = 'done' | 'unavailable' | 'failed';

export interface AuditOutcome {
  status: AuditStatus;
  /** Why the audit did not run (unavailable / failed), for display. */
  message?: string;
  findings: AuditFinding[];
}

/** Amounts for charts, exact decimal strings as printed (in the document's unit). */
export interface DocumentFigures {
  unit: string | null;
  totalExpenditure: string | null;
  basic: string | null;
  project: string | null;
  /** Expenditure by functional class (类). */
  byClass: { code: string; label: string; amount: string }[];
  /** 三公 经费 as printed (final accounts: 决算数; budgets: 预算数). */
  threePublic: { abroad: string | null; vehicle: string | null; reception: string | null; total: string | null } | null;
}

export interface DocumentSummary {
  id: string;
  sha256: string;
  fileName: string;
  format: string;
  mediaType: string;
  size: number;
  kind: string | null;
  fiscalYear: number | null;
  entity: string | null;
  /** Entity key shared by the department's documents across years and name variants (src/catalog/entity.ts). */
  entityKey: string | null;
  region: string | null;
  pageCount: number | null;
  tableCount: number;
  auditStatus: AuditStatus;
  auditMessage: string | null;
  errors: number;
  warnings: number;
  infos: number;
  /** Findings with a review decision (confirmed or dismissed). */
  reviewed: number;
  uploadedBy: string | null;
  uploadedAt: string;
}

export interface NewDocument {
  fileName: string;
  format: string;
  mediaType: string;
  bytes: Uint8Array;
  sha256: string;
  kind: string | null;
  fiscalYear: number | null;
  entity: string | null;
  /** Optional: documents saved without it have no key (never paired). */
  entityKey?: string | null;
  region: string | null;
  pageCount: number | null;
  tableCount: number;
  modelJson: string;
  figures: DocumentFigures;
  audit: AuditOutcome;
  uploadedBy: string | null;
}

export type ReviewStatus = 'open' | 'confirmed' | 'dismissed';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['open', 'confirmed', 'dismissed'];

export interface Review {
  status: ReviewStatus;
  reason: string;
  userId: string;
  userName: string;
  at: string;
}

export interface StoredFinding {
  id: string;
  documentId: string;
  seq: number;
  ruleId: string;
  severity: string;
  message: string;
  messageEn: string | null;
  finding: Finding;
  /** The latest review decision, null when nobody reviewed it yet. */
  review: Review | null;
}

export interface DocumentQuery {
  /** Free text: matched against entity and file name. */
  q?: string;
  entity?: string;
  region?: string;
  year?: number;
  kind?: string;
  hasErrors?: boolean;
  limit?: number;
  offset?: number;
}

export interface DocumentPage {
  total: number;
  items: DocumentSummary[];
}

export interface Facets {
  entities: { value: string; count: number }[];
  regions: { value: string; count: number }[];
  years: { value: number; count: number }[];
  kinds: { value: string; count: number }[];
}

export interface SeriesPoint {
  id: string;
  entity: string | null;
  fiscalYear: number | null;
  kind: string | null;
  figures: DocumentFigures;
}
