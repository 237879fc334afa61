import type { Finding, FindingInput } from '../model/finding.ts';

// What the store keeps and hands back. The repository (repository.ts) is the one interface the server uses,
// whatever the engine underneath.

/**
 * admin: everything, users and deletions; reviewer (财政局复核员): sees and reviews every document;
 * department (部门用户): uploads and checks the documents of its own department, sees only those, cannot review.
 */
export type Role = 'admin' | 'reviewer' | 'department';
export const ROLES: readonly Role[] = ['admin', 'reviewer', 'department'];

export interface User {
  id: string;
  name: string;
  role: Role;
  /** The department a department user belongs to (its documents are the ones it sees); null for bureau staff. */
  department?: string | null;
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
  /** A failed audit's error text, for the server log: never stored, never shown (src/server/run-audit.ts). */
  detail?: string;
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
  /** Current findings of each severity, not counting the ones a reviewer dismissed (they update at once). */
  errors: number;
  warnings: number;
  infos: number;
  /** Findings a reviewer dismissed (not counted above). */
  dismissed: number;
  /** Findings with a review decision (confirmed or dismissed). */
  reviewed: number;
  /** What the audit could check; null for a document stored before coverage was kept (until the server fills it). */
  coverage: CoverageSummary | null;
  /** Department of the user who uploaded it (null: bureau staff). */
  department: string | null;
  uploadedBy: string | null;
  uploadedAt: string;
}

/** The list's view of coverage (audit/types.ts Coverage): never a clean look for a document not fully checked. */
export interface CoverageSummary {
  level: 'full' | 'partial' | 'none';
  standardTables: number;
  checkedStandard: number;
  /** Standard tables not checked, with the reason (Chinese). */
  unchecked: { title: string; reason: string | null }[];
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
  /** What the audit could check (computed at import); absent: filled in later. */
  coverage?: CoverageSummary | null;
  /** Department of the uploading user. */
  department?: string | null;
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
  /** Coverage level; 'unknown' for documents whose coverage is not known yet. */
  coverage?: 'full' | 'partial' | 'none' | 'unknown';
  sort?: DocumentSort;
  dir?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export type DocumentSort = 'uploaded' | 'errors' | 'warnings' | 'coverage' | 'entity' | 'year';
export const DOCUMENT_SORTS: readonly DocumentSort[] = ['uploaded', 'errors', 'warnings', 'coverage', 'entity', 'year'];

/** What a signed-in user may see: everything, or one department's documents. */
export type Visibility = { all: true } | { all: false; department: string };

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

/** One line of the audit trail (store/migrations.ts 'audit-log'). */
/**
 * What the audit log records (issue 13.4). Sign-in, its failure, upload, refusal, review and deletion are each
 * written with the action's own transaction where the action has one (an action never commits without its line).
 */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login-failed',
  'user.create',
  'document.upload',
  'document.refuse',
  'document.reprocess',
  'document.delete',
  'review.set',
  'review.bulk',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who acted, from where: the user (null before sign-in) and the client address as the server saw it. */
export interface AuditActor {
  user: Pick<User, 'id' | 'name'> | null;
  address?: string | null;
}

export interface AuditLogEntry {
  id: string;
  /** Order of writing: newest has the highest. */
  seq: number;
  at: string;
  userId: string | null;
  /** Copied into the line: it outlives a renamed user. For a failed sign-in, the name that was tried. */
  userName: string | null;
  /** Client address (null when the action had no request, e.g. a command-line import). */
  address: string | null;
  action: AuditAction | string;
  /** What it was done to (a finding, document or user id). */
  target: string | null;
  detail: Record<string, unknown>;
}

export interface AuditLogPage {
  total: number;
  entries: AuditLogEntry[];
}
