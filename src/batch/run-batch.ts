import { readFileSync, statSync } from 'node:fs';
import { availableParallelism, freemem } from 'node:os';
import { createJobPool, type JobPool, type JobPoolOptions } from '../jobs/pool.ts';
import type { JobFailure } from '../jobs/types.ts';
import type { BatchJob, BatchJobResult } from './batch-job.ts';
import { collectInputs } from './collect-inputs.ts';
import { emptyRow } from './row.ts';
import type { BatchFinding, BatchPair, BatchProgress, BatchReport, BatchRow } from './types.ts';
import { Journal, journalPath } from './journal.ts';
import { StorageError, storageProblem } from '../store/io-errors.ts';
import { reportFormat, unsupportedReport, writeReport } from './writers/write-report.ts';

// Many documents at once: folders expanded, each file read, recognised and audited in the job pool (src/jobs:
// child processes with a memory cap and a deadline, one per core by default), one summary row per file in input order. A bad file never stops the
// batch: its row says why. See src/batch/README.md for the CLI wiring.

export interface BatchOptions {
  /** Report file: .xlsx (sheets 汇总 + 问题), .json, or .csv (+ .findings.csv). */
  out?: string;
  /** Jobs at the same time (child processes); default: one per core, bounded by free memory (defaultJobs). */
  jobs?: number;
  /** Called after each file. Use progressPrinter() from ./progress.ts for the terminal. */
  onProgress?: (p: BatchProgress) => void;
  /** Per-file limit in milliseconds (default 120 s); a file over it is stopped and reported as timeout. */
  timeoutMs?: number;
  /** Heap limit per child in MiB (default 256 MB below the memory cap). */
  maxHeapMb?: number;
  /** Hard memory cap per child in MiB (all its memory; default CAIJIAN_JOB_MEMORY_MB or 1536, as the server). */
  memoryMb?: number;
  /** Replace a child after this many files (default 20, CAIJIAN_JOB_RECYCLE), so a long batch does not grow. */
  recycleAfter?: number;
  /**
   * Resident memory the batch's process tree (this process and its reading processes) may hold, MiB (default
   * BUDGET_PER_JOB_MB per job, CAIJIAN_JOB_BUDGET_MB): past it the file started last is stopped and read again alone
   * (src/jobs/pool.ts).
   */
  budgetMb?: number;
  /** Reuse the rows of files already done in the journal beside `out` (a batch that was stopped). */
  resume?: boolean;
  /** Pair each document with the same entity's other documents and run the cross-document rules (default true). */
  pairs?: boolean;
  /** The job entry (src/batch/batch-job.ts); tests substitute one. */
  workerUrl?: URL;
  /**
   * The text of an internal error that stopped a file or a pair (a program error, a reading process's last words),
   * for the operator: the row and the report only say an internal error happened (issue 13: raw JavaScript error
   * text never reaches the report). The journal beside `out` keeps it too (`detail`). Default: one line on stderr.
   */
  onDetail?: (file: string, detail: string) => void;
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
  const onDetail =
    options.onDetail ?? ((file: string, detail: string) => process.stderr.write(detailLine(file, detail)));

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

  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), todo.length || 1));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // The reader's own limit (PDF) is the batch's, not its fixed 120 s: `--timeout 600` lets a large document be read.
  const timeoutSeconds = timeoutMs / 1000;
  let pairs: BatchPair[] = [];
  let pool: JobPool<BatchJob, BatchJobResult> | null = null;
  const openPool = () => (pool ??= createJobPool<BatchJob, BatchJobResult>(batchPoolOptions(jobs, timeoutMs, options)));
  try {
    if (todo.length) {
      const p = openPool();
      await Promise.all(
        todo.map(async (i) => {
          const path = files[i];
          const outcome = await p.run({ path, timeoutSeconds });
          const result: BatchJobResult = outcome.ok
            ? outcome.value
            : { row: refusedRow(path, outcome.failure, outcome.ms), findings: [], detail: outcome.failure.detail };
          if (outcome.peakRssMb) result.row.peakRssMb = outcome.peakRssMb;
          rows[i] = result.row;
          findingsByFile[i] = result.findings;
          journal?.append(path, result.row, result.findings, result.detail);
          report(result.row);
          if (result.detail) onDetail(path, result.detail);
        }),
      );
    }
    journal?.close();
    // Second pass: each document against the same entity's other documents the cross-document rules compare it with.
    // the audit's rules (which pairs.ts asks what each rule compares) load only here, not for the first pass
    pairs = options.pairs === false ? [] : (await import('./pairs.ts')).pairDocuments(rows);
    if (pairs.length) {
      const p = openPool();
      const at = new Map(files.map((f, i) => [f, i]));
      await Promise.all(
        pairs.map(async (pair) => {
          const outcome = await p.run({ path: pair.file, prior: pair.prior, timeoutSeconds });
          if (!outcome.ok) {
            pair.status = outcome.failure.code === 'timeout' ? 'timeout' : 'failed';
            pair.reason = outcome.failure.messageZh;
            if (outcome.failure.detail) onDetail(`${pair.file} ↔ ${pair.prior}`, outcome.failure.detail);
            return;
          }
          const { row, findings, detail } = outcome.value;
          pair.status = row.reason ? 'failed' : 'ok';
          pair.reason = row.reason;
          if (detail) onDetail(`${pair.file} ↔ ${pair.prior}`, detail);
          pair.findings = findings.length;
          const i = at.get(pair.file) as number;
          findingsByFile[i] = [...findingsByFile[i], ...findings];
          for (const f of findings) {
            if (f.severity === 'error') rows[i].errors++;
            else if (f.severity === 'warning') rows[i].warnings++;
            else rows[i].infos++;
          }
        }),
      );
    }
  } finally {
    await (pool as JobPool<BatchJob, BatchJobResult> | null)?.close();
    journal?.close();
  }

  const allRows = [...rows, ...missingRows];
  const findings = findingsByFile.flat();
  const batch: BatchResult = {
    startedAt: startedAt.toISOString(),
    rows: allRows,
    findings,
    pairs,
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
  if (options.out) {
    try {
      batch.written = await writeReport(batch, options.out);
    } catch (e) {
      const p = storageProblem(e, options.out);
      if (!p) throw e;
      // Every row is in the journal already: --resume rereads nothing and writes the report again.
      const journal = journalPath(options.out);
      throw new StorageError(
        p,
        `${p.summaryZh}，报告 ${options.out} 未写成。全部 ${allRows.length} 个文件的结果已保存在 ${journal}；排除问题后用 --resume 重新生成报告（已审核的文件不会重新审核）。`,
        `${p.summaryEn}: the report ${options.out} was not written. The results of all ${allRows.length} files are in ${journal}; fix it and run again with --resume to write the report (files already audited are not audited again).`,
        e,
      );
    }
  }
  return batch;
}

/** The job pool of a batch of `jobs` jobs: its limits, recycling, and admission under the memory budget. */
export function batchPoolOptions(jobs: number, timeoutMs: number, options: BatchOptions): JobPoolOptions<BatchJob> {
  return {
    size: jobs,
    deadlineMs: timeoutMs,
    entry: options.workerUrl ?? new URL('./batch-job.ts', import.meta.url),
    ...jobMemory(options),
    recycleAfter: options.recycleAfter ?? envNumber('CAIJIAN_JOB_RECYCLE') ?? 20,
    recycleAboveMb: envNumber('CAIJIAN_JOB_RECYCLE_MB') ?? RECYCLE_ABOVE_MB,
    budgetMb:
      options.budgetMb ?? envNumber('CAIJIAN_JOB_BUDGET_MB') ?? (jobs > 1 ? jobs * BUDGET_PER_JOB_MB : undefined),
    weigh: jobWeight,
  };
}

/**
 * The batch's memory budget per job, for the whole process tree (issue 13.5): 580 MB for two, so that what one 100 ms
 * sample lets through stays under the 600 MB target. A reading process holds ≈ 170–220 MB reading most documents and
 * up to ≈ 270 MB a font-heavy one (the parser thread's own heap limit in effect, no page kept after its read), the CLI
 * ≈ 75 MB: two ordinary documents fit, a heavy one beside a busy child waits and is read alone (jobWeight). (Session 4,
 * with the CLI at 135 MB and children growing with every document, 280 per job made nearly every pair go over.)
 */
export const BUDGET_PER_JOB_MB = 290;
/** A reading process left holding more than this after a file is replaced, so a heavy file's memory is given back. */
export const RECYCLE_ABOVE_MB = 260;

/**
 * Expected peak of a reading process for a job, from its files' sizes (the pool's admission under the budget). Each of
 * the 20 largest corpus PDFs read alone in a fresh child (bench/batch-files.ts, after the reader's page leak was fixed):
 * 130–267 MB, the highest the 2–4 MB font-heavy 烟台 files; ordinary files of 0.1–1 MB 180–240 MB.
 */
export function jobWeight(job: BatchJob): number {
  const mb = (path: string) => {
    try {
      return statSync(path).size / 1048576;
    } catch {
      return 0;
    }
  };
  const size = Math.max(mb(job.path), job.prior ? mb(job.prior) : 0);
  return Math.min(280, 190 + 20 * size);
}

/**
 * Memory one job is given room for when choosing how many run at once: the heaviest corpus document read in a child
 * peaked near 720 MB (a font-heavy PDF, issue 13), and a child starts at ≈ 130 MB.
 */
export const JOB_BUDGET_MB = 900;

/** Memory this process may still take, in MiB: what the system has available, within a cgroup's limit if any. */
export function availableMemoryMb(): number {
  let mb = freemem() / 1048576;
  try {
    const max = readFileSync('/sys/fs/cgroup/memory.max', 'utf8').trim();
    const current = Number(readFileSync('/sys/fs/cgroup/memory.current', 'utf8'));
    if (max !== 'max' && Number.isFinite(Number(max))) mb = Math.min(mb, (Number(max) - current) / 1048576);
  } catch {
    // no cgroup v2 limit here
  }
  return mb;
}

/**
 * Default number of jobs: one per core, but no more than the available memory holds at JOB_BUDGET_MB each (at least
 * one), so a batch started on a busy or small machine does not push it into swapping or the OOM killer.
 */
export function defaultJobs(memoryMb = availableMemoryMb(), cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(memoryMb / JOB_BUDGET_MB)));
}

function envNumber(name: string): number | undefined {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** Memory bounds of one child: the cap from the option or environment, the heap a little below it. */
function jobMemory(options: BatchOptions): { memoryMb: number; heapMb: number; youngMb: number } {
  const env = Number(process.env.CAIJIAN_JOB_MEMORY_MB);
  // The server's cap (src/server/limits.ts): every corpus document reads within it, and a child's heap limit that
  // high makes V8 keep garbage for long (a 2-job batch of the corpus peaked at 1.6 GB with 4608).
  const memoryMb = options.memoryMb ?? (Number.isFinite(env) && env > 0 ? env : 1536);
  // A small young generation (semi-spaces of 2 MB, V8's default 16): each isolate's nursery is resident once touched,
  // and reading documents allocates mostly short-lived objects (semi 16 → 2: 213 → 179 MB on a small PDF).
  return { memoryMb, heapMb: options.maxHeapMb ?? Math.min(4096, Math.max(128, memoryMb - 256)), youngMb: 2 };
}

/** The operator's line for an internal error's text (runBatch's default onDetail, the CLI's stderr). */
export function detailLine(file: string, detail: string): string {
  return `内部错误详情 / internal error detail — ${file}: ${detail}\n`;
}

/** The row of a file the job pool stopped (deadline, memory cap, crash) or could not run. */
function refusedRow(path: string, failure: JobFailure, ms: number): BatchRow {
  const row = emptyRow(path);
  row.status = failure.code === 'timeout' ? 'timeout' : 'failed';
  row.reasonCode = failure.code;
  row.reason = failure.messageZh;
  row.reasonEn = failure.messageEn;
  row.ms = ms;
  return row;
}
