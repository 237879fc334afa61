// What crosses between the job pool (src/jobs/pool.ts) and its child processes (src/jobs/child.ts). A job and its
// result are plain data (structured clone: Uint8Array bytes and paths both travel).

/** Why a job ended without a result from its handler. */
export type JobFailureCode =
  /** The job ran past its deadline; its process was killed. */
  | 'timeout'
  /** The job needed more memory than the process's cap; its process was stopped or died of it. */
  | 'memory-limit'
  /** The process died or the handler threw. */
  | 'crash'
  /** Processes die before they are ready (the entry cannot load): every job is refused at once. */
  | 'start-failed';

export interface JobFailure {
  code: JobFailureCode;
  /** What the user is told (a batch row, an upload's refusal): never a program error's own text. */
  messageZh: string;
  messageEn: string;
  /**
   * What went wrong inside, for the operator (stderr, the batch journal, the server log and audit log): the dead
   * process's last error line or the handler's error text. Never put in front of the user.
   */
  detail?: string;
}

export type JobOutcome<R> = ({ ok: true; value: R } | { ok: false; failure: JobFailure }) & {
  ms: number;
  /** Highest resident memory of the job's process during the job, MiB (Linux; sampled, so a floor). */
  peakRssMb?: number;
};

/** Parent → child. */
export interface JobMessage<J> {
  type: 'job';
  id: number;
  job: J;
}

/** Child → parent. */
export type ChildMessage<R> =
  /** The entry's modules are loaded (warm-up done); jobs may be sent. */
  | { type: 'ready' }
  | { type: 'result'; id: number; value: R }
  /** The handler failed; `memory` when it was an allocation failure (the process then exits). */
  | { type: 'error'; id: number; message: string; memory: boolean }
  /** The process is about to die of an error outside any job (or while loading). */
  | { type: 'fatal'; message: string; starting: boolean };

/**
 * A job entry module (the file a pool's `entry` names) exports `handle` and may export `warmup`, which the
 * child awaits before saying it is ready, so a job's deadline measures the job, not module loading.
 */
export interface JobEntry<J, R> {
  handle(job: J): Promise<R> | R;
  warmup?(): Promise<void> | void;
}
