import { availableParallelism } from 'node:os';
import { collectInputs } from './collect-inputs.ts';
import { emptyRow } from './process-file.ts';
import type { BatchFinding, BatchProgress, BatchReport, BatchRow } from './types.ts';
import { Journal } from './journal.ts';
import { createWorkerPool } from './worker-pool.ts';
import { reportFormat, unsupportedReport, writeReport } from './writers/write-report.ts';

// Many documents at once: folders expanded, each file read, recognised and audited in a pool of worker
// threads (one per core by default), one summary row per file in input order. A bad file never stops the
// batch: its row says why. See src/batch/README.md for the CLI wiring.

export interface BatchOptions {
  /** Report file: .xlsx (sheets 汇总 + 问题), .json, or .csv (+ .findings.csv). */
  out?: string;
  /** Worker threads; default: the machine's available parallelism. */
  jobs?: number;
  /** Called after each file. Use progressPrinter() from ./progress.ts for the terminal. */
  onProgress?: (p: BatchProgress) => void;
  /** Per-file limit in milliseconds (default 120 s); a file over it is stopped and reported as timeout. */
  timeoutMs?: number;
  /** Heap limit per worker in MiB (default 4096). */
  maxHeapMb?: number;
  /** Reuse the rows of files already done in the journal beside `out` (a batch that was stopped). */
  resume?: boolean;
  /** The worker entry; tests substitute one. */
  workerUrl?: URL;
}

export interface BatchResult extends BatchReport {
  /** Report files written (csv writes two). */
  written: string[];
}

export const DEFAULT_TIMEOUT_MS = 120_000;

export async function runBatch(inputs: string[], options: BatchOptions = {}): Promise<BatchResult> {
  if (options.out && !reportFormat(options.out)) throw unsupportedReport(options.out);
  const startedAt = new Date();
  const started = performance.now();
  const { files, missing } = await collectInputs(inputs);
  // Opened before any work, so that a bad --out fails at once; each finished file is appended and flushed to it.
  const journal = options.out ? new Journal(options.out, options.resume === true) : null;
  const reuse = options.out && options.resume ? Journal.reusable(options.out, files) : new Map();
  const total = files.length + missing.length;
  const rows: BatchRow[] = new Array(files.length);
  const findingsByFile: BatchFinding[][] = new Array(files.length);
  let done = 0;
  const report = (row: BatchRow) => {
    done++;
    options.onProgress?.({ done, total, row, elapsedMs: performance.now() - started });
  };

  const missingRows = missing.map((path) => {
    const row = emptyRow(path);
    row.reasonCode = 'not-found';
    row.reason = `找不到文件或文件夹：${path}`;
    row.reasonEn = `File or folder not found: ${path}`;
    report(row);
    return row;
  });

  const todo: number[] = [];
  files.forEach((path, i) => {
    const done = reuse.get(path);
    if (!done) {
      todo.push(i);
      return;
    }
    rows[i] = done.row;
    findingsByFile[i] = done.findings;
    report(done.row);
  });

  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), todo.length || 1));
  if (todo.length) {
    const pool = createWorkerPool({
      size: jobs,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      workerUrl: options.workerUrl ?? new URL('./batch-worker.ts', import.meta.url),
      maxHeapMb: options.maxHeapMb ?? 4096,
    });
    try {
      await Promise.all(
        todo.map(async (i) => {
          const path = files[i];
          const result = await pool.run(path);
          rows[i] = result.row;
          findingsByFile[i] = result.findings;
          journal?.append(path, result.row, result.findings);
          report(result.row);
        }),
      );
    } finally {
      await pool.close();
      journal?.close();
    }
  } else journal?.close();

  const allRows = [...rows, ...missingRows];
  const findings = findingsByFile.flat();
  const batch: BatchResult = {
    startedAt: startedAt.toISOString(),
    rows: allRows,
    findings,
    totals: {
      files: allRows.length,
      ok: allRows.filter((r) => r.status === 'ok').length,
      parsed: allRows.filter((r) => r.status === 'parsed').length,
      failed: allRows.filter((r) => r.status === 'failed').length,
      timeout: allRows.filter((r) => r.status === 'timeout').length,
      errors: allRows.reduce((n, r) => n + r.errors, 0),
      warnings: allRows.reduce((n, r) => n + r.warnings, 0),
      elapsedMs: Math.round(performance.now() - started),
      jobs,
    },
    written: [],
  };
  if (options.out) batch.written = await writeReport(batch, options.out);
  return batch;
}
