import type { Finding, FindingPlace } from '../model/finding.ts';

// What a batch produces: one summary row per input document and the audit findings of all of them. Rows and
// findings are plain data (they cross the worker boundary by structured clone and go to json/csv/xlsx).

export type BatchStatus =
  /** Read and audited. */
  | 'ok'
  /** Read, but no audit ran (the audit engine is not available in this build). */
  | 'parsed'
  /** The file could not be read (damaged, unsupported, too large) or Caijian failed on it. */
  | 'failed'
  /** The file took longer than the per-file limit; its worker was stopped. */
  | 'timeout';

export interface BatchRow {
  file: string;
  status: BatchStatus;
  format: string | null;
  entity: string | null;
  fiscalYear: number | null;
  kind: string | null;
  pages: number | null;
  /** Tables recognised in the document. */
  tables: number | null;
  /** Tables whose title matched no template. */
  unknownTables: number | null;
  errors: number;
  warnings: number;
  infos: number;
  /** What the audit could check (src/audit/coverage.ts): full, partial or none; null when no audit ran. */
  coverage?: 'full' | 'partial' | 'none' | null;
  /** Standard tables of the document's kind, and how many of them were checked. */
  standardTables?: number | null;
  checkedTables?: number | null;
  /** The standard tables not checked and why, Chinese ("“收入总表”（文件中未找到此表）；…"). */
  unchecked?: string | null;
  /** The entity key (src/catalog/entity.ts) and scope the document was read with; the batch pairs documents by them. */
  entityKey?: string | null;
  level?: '部门' | '单位' | null;
  consolidation?: '汇总' | '本级' | null;
  sha256?: string | null;
  /** Processing time of this file in milliseconds (read + recognise + audit). */
  ms: number;
  /**
   * Highest resident memory of the reading process while it read this file, MiB (the job runner samples it: a floor;
   * it includes what the process held before the file). Absent where it cannot be measured (not Linux, reused rows).
   */
  peakRssMb?: number;
  /** Why a file failed, Chinese then English; null when it did not. */
  reason: string | null;
  reasonEn: string | null;
  /** InputError code, "timeout", "crash" or "internal" for failures. */
  reasonCode: string | null;
}

/** One finding as a flat row (csv/xlsx columns): the shared Finding (src/model/finding.ts) with its place spread out. */
export type BatchFinding = { file: string } & Pick<
  Finding,
  'ruleId' | 'severity' | 'message' | 'messageEn' | 'expected' | 'actual' | 'difference'
> &
  FindingPlace & {
    /** Cross-document findings: the other document of the pair and the place in it. */
    prior?: string | null;
    priorPlace?: FindingPlace | null;
  };

/**
 * Two documents of one entity the batch paired for the cross-document rules (src/batch/pairs.ts): `file` is checked
 * against `prior` (last year's budget or final account). `status` says whether the pair's rules ran.
 */
export interface BatchPair {
  file: string;
  prior: string;
  entityKey: string;
  entity: string | null;
  priorEntity: string | null;
  fiscalYear: number | null;
  kind: string | null;
  priorYear: number | null;
  priorKind: string | null;
  status: 'pending' | 'ok' | 'failed' | 'timeout';
  /** Findings of the cross-document rules on this pair. */
  findings: number;
  reason: string | null;
}

export interface BatchTotals {
  files: number;
  ok: number;
  parsed: number;
  failed: number;
  timeout: number;
  errors: number;
  warnings: number;
  /** Wall-clock time of the whole batch. */
  elapsedMs: number;
  jobs: number;
}

export interface BatchReport {
  startedAt: string;
  rows: BatchRow[];
  findings: BatchFinding[];
  /** Documents paired with the same entity's other document, and what the cross-document rules found on each pair. */
  pairs?: BatchPair[];
  totals: BatchTotals;
}

export interface BatchProgress {
  done: number;
  total: number;
  /** The row just finished. */
  row: BatchRow;
  elapsedMs: number;
}

/** Message from the main thread to a worker. */
export interface WorkerTask {
  id: number;
  path: string;
}

/** First message of a worker: its modules are loaded and it takes tasks. */
export interface WorkerReady {
  ready: true;
}

/** Message from a worker back. */
export interface WorkerResult {
  id: number;
  row: BatchRow;
  findings: BatchFinding[];
}
