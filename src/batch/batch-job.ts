import { emptyRow, processFile, processPair } from './process-file.ts';
import type { BatchFinding, BatchRow } from './types.ts';

// The batch's job entry for the job pool (src/jobs): one file by path → its row and findings. A file that hangs
// or needs more memory than the cap is dealt with by the pool (the child is stopped and replaced), not here.
// The reader, recognition and the audit's rules are static imports: loaded before the child says it is ready,
// so a file's time limit measures the file.

export interface BatchJob {
  path: string;
  /** A pair's job (src/batch/pairs.ts): the cross-document rules on `path` against this document. */
  prior?: string;
  /** The batch's per-file limit in seconds, for the reader's own time limit (PDF). */
  timeoutSeconds?: number;
}

export interface BatchJobResult {
  row: BatchRow;
  findings: BatchFinding[];
  /** An internal error's own text, for the operator (runBatch's onDetail and the journal), never the report. */
  detail?: string;
}

export async function handle(job: BatchJob): Promise<BatchJobResult> {
  const options = { timeoutSeconds: job.timeoutSeconds };
  if (!job.prior) return processFile(job.path, options);
  const { findings, reason, detail } = await processPair(job.path, job.prior, options);
  const row: BatchRow = { ...emptyRow(job.path), status: reason ? 'failed' : 'ok', reason };
  return detail ? { row, findings, detail } : { row, findings };
}
