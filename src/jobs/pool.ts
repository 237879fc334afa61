import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crashFailure, memoryFailure, startFailure, timeoutFailure } from './messages.ts';
import type { ChildMessage, JobFailure, JobMessage, JobOutcome } from './types.ts';

// One job runner for the batch and the server (docs/decisions/0014-job-runner.md): a few long-lived child
// processes, one job at a time each. A child loads its entry once and says it is ready; only then does it get
// jobs, so a job's deadline measures the job. Each child runs under a hard memory cap for the whole process
// (on Linux RLIMIT_DATA, so pdf.js's own parser thread inside it is bounded too) and V8 heap limits. A job past
// its deadline or over the cap ends as a refusal naming the limit and its child is replaced; children are also
// replaced after `recycleAfter` jobs, so memory a long batch accumulates is given back. Children that die
// before they are ready trip a breaker: jobs are refused at once instead of respawning forever.

export interface JobPoolOptions<J = unknown> {
  /** Child processes (jobs run at the same time). */
  size: number;
  /** The job entry module (exports handle, optionally warmup): see src/jobs/types.ts JobEntry. */
  entry: URL;
  /** Milliseconds one job may take (default; run() can give its own). */
  deadlineMs: number;
  /** Hard cap of a child's memory in MiB (all of it: heap, buffers, threads); Linux only, elsewhere heap only. */
  memoryMb?: number;
  /** V8 old-generation heap limit of a child in MiB. */
  heapMb?: number;
  /** V8 young-generation (semi-space) size of a child in MiB. */
  youngMb?: number;
  /** Replace a child after this many jobs (default 50). */
  recycleAfter?: number;
  /**
   * Replace a child after a job that left it holding more than this many MiB resident (default: never): a heavy
   * document's memory is given back at once instead of being carried into the next jobs (Linux).
   */
  recycleAboveMb?: number;
  /**
   * Resident memory of the whole process tree — this process and all its children — MiB (Linux; default: no budget).
   * When jobs running at the same time take the tree past it, the job started last is stopped (its child killed) and run again alone, the
   * other children stopped while it runs: heavy documents then never run side by side, and the rest keep every
   * child busy. A job alone is bounded by memoryMb only.
   */
  budgetMb?: number;
  /**
   * Resident MiB a child is expected to reach running this job (its peak), for admission under budgetMb: a job is not
   * started beside others when the tree, with this child at that size, would pass the budget; it waits and runs alone
   * (the other children stopped meanwhile), instead of being started, stopped over the budget and read again.
   */
  weigh?: (job: J) => number;
  /** Milliseconds a child may take to become ready (default: the larger of the deadline and 60 s). */
  startTimeoutMs?: number;
  /**
   * Stop a child that has had no job for this long (default: never), and start one again when a job comes: a server
   * at rest then holds no reading process and the memory its last documents needed (issue 13.5).
   */
  idleMs?: number;
}

export interface JobPoolStats {
  /** Children started, replacements included. */
  spawned: number;
  /** Children retired after recycleAfter jobs or above recycleAboveMb. */
  recycled: number;
  /** Children stopped after idleMs without a job. */
  idled: number;
  /** Jobs stopped over budgetMb and run again alone. */
  requeued: number;
  /** Jobs not started beside others because their weight would take the tree past budgetMb: run alone. */
  heldAlone: number;
  /** Children alive now. */
  alive: number;
  jobs: number;
  failures: Partial<Record<JobFailure['code'], number>>;
  /** Highest resident memory one child reached, in MiB (Linux; null elsewhere). */
  peakRssMb: number | null;
}

export interface JobPool<J, R> {
  run(job: J, options?: { deadlineMs?: number }): Promise<JobOutcome<R>>;
  stats(): JobPoolStats;
  close(): Promise<void>;
}

const CHILD = new URL('./child.ts', import.meta.url);

/**
 * The environment of a child (issue 13.5, measured on the corpus PDFs in one process, warm cache):
 * - NODE_COMPILE_CACHE: the compile cache from the start, so that child.ts itself (and pdf.js's parser thread entry)
 *   load from it; enabled only inside child.ts, the entry was type-stripped first, which loads Node's TypeScript
 *   stripper (≈ 25 MB resident per isolate that uses it): a child ready at 99 → 71 MB, with pdf.js and its parser
 *   thread 164 → 130 MB.
 * - MALLOC_ARENA_MAX=1: glibc otherwise gives each thread that allocates (pdf.js's parser thread, V8's GC and
 *   compiler threads) an arena of its own, each keeping what it once held: after 8 documents 342 → 301 MB resident,
 *   no measurable change in time.
 * Both only where the parent's environment does not set them (and no cache with NODE_DISABLE_COMPILE_CACHE).
 */
export function childEnv(parent: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env = { ...parent };
  if (!env.NODE_DISABLE_COMPILE_CACHE && !env.NODE_COMPILE_CACHE)
    env.NODE_COMPILE_CACHE = join(tmpdir(), 'node-compile-cache'); // where enableCompileCache() puts it by default
  if (LINUX && !env.MALLOC_ARENA_MAX) env.MALLOC_ARENA_MAX = '1';
  return env;
}
const MAX_START_FAILURES = 3;
/**
 * Address space a process reserves writable without using it, which RLIMIT_DATA counts: V8's code range and
 * friends, VmData ≈ 570 MB at ≈ 45 MB resident for the main thread on Node 24 x64, plus ≈ 80 MB for pdf.js's
 * parser thread (started with a 64 MB code range, src/read/pdf/pdf-worker.ts; a thread with the default range
 * would take ≈ 540 MB). The cap is memoryMb on top of it, so memoryMb is what the job may really use.
 */
const RESERVED_MB = 680;
const LINUX = process.platform === 'linux';
/**
 * CAIJIAN_JOB_TRACE=file: one JSON line per job start and end (time, child pid, job, outcome), for the memory
 * benchmark's timeline (bench/batch-memory.ts), which tells from it which document each child was reading.
 */
const TRACE = process.env.CAIJIAN_JOB_TRACE;
function trace(event: Record<string, unknown>): void {
  if (!TRACE) return;
  try {
    appendFileSync(TRACE, `${JSON.stringify({ t: Date.now(), ...event })}\n`);
  } catch {
    // a diagnostic only
  }
}

interface Pending<J, R> {
  job: J;
  deadlineMs: number;
  resolve: (o: JobOutcome<R>) => void;
  /** Runs with no other job at the same time (a job stopped over the budget). */
  alone?: boolean;
}

interface Slot<J, R> {
  child: ChildProcess | null;
  ready: boolean;
  jobsDone: number;
  current:
    | (Pending<J, R> & {
        id: number;
        started: number;
        timer: NodeJS.Timeout;
        sampler: NodeJS.Timeout | null;
        peak: number;
      })
    | null;
  /** Last words of the child (a `fatal` message, or the end of its stderr). */
  fatal: string | null;
  stderr: string;
  idleTimer: NodeJS.Timeout | null;
}

/** Resident memory high-water mark of a process in MiB, from /proc (Linux). */
function peakRss(pid: number | undefined): number | null {
  if (!LINUX || !pid) return null;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Resident memory of a process now, in MiB, from /proc (Linux). */
function currentRss(pid: number | undefined): number | null {
  if (!LINUX || !pid) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Starts a new high-water mark, so a job's peak is its own and not its predecessors'. */
function resetPeak(pid: number | undefined): void {
  if (!LINUX || !pid) return;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not permitted here: the peak then covers the child's life, which only overstates it
  }
}

export function createJobPool<J, R>(options: JobPoolOptions<J>): JobPool<J, R> {
  const queue: Pending<J, R>[] = [];
  const slots: Slot<J, R>[] = [];
  const recycleAfter = Math.max(1, options.recycleAfter ?? 50);
  const startTimeoutMs = options.startTimeoutMs ?? Math.max(options.deadlineMs, 60_000);
  const limitMb = options.memoryMb ?? options.heapMb ?? 0;
  const stats: JobPoolStats = {
    spawned: 0,
    recycled: 0,
    idled: 0,
    requeued: 0,
    heldAlone: 0,
    alive: 0,
    jobs: 0,
    failures: {},
    peakRssMb: null,
  };
  let nextId = 1;
  let closed = false;
  let startFailures = 0;
  let broken: JobFailure | null = null;

  const command = (): [string, string[]] => {
    const flags = ['--disable-warning=ExperimentalWarning'];
    if (options.heapMb) flags.push(`--max-old-space-size=${options.heapMb}`);
    if (options.youngMb) flags.push(`--max-semi-space-size=${options.youngMb}`);
    const node = [...flags, CHILD.pathname, options.entry.href];
    // RLIMIT_DATA caps every private writable mapping of the process: an ArrayBuffer past it fails with a
    // RangeError, a heap past it aborts the process; either way only this child is lost.
    if (LINUX && options.memoryMb) {
      return [
        '/bin/sh',
        [
          '-c',
          'ulimit -d "$1" && shift && exec "$@"',
          'sh',
          String((options.memoryMb + RESERVED_MB) * 1024),
          process.execPath,
          ...node,
        ],
      ];
    }
    return [process.execPath, node];
  };

  const settle = (slot: Slot<J, R>, outcome: JobOutcome<R>) => {
    const cur = slot.current;
    if (!cur) return;
    clearTimeout(cur.timer);
    if (cur.sampler) clearInterval(cur.sampler);
    const peak = peakRss(slot.child?.pid);
    if (peak) cur.peak = Math.max(cur.peak, peak);
    slot.current = null;
    if (cur.peak > 0) {
      outcome.peakRssMb = cur.peak;
      stats.peakRssMb = Math.max(stats.peakRssMb ?? 0, cur.peak);
    }
    stats.jobs++;
    trace({
      event: 'end',
      pid: slot.child?.pid,
      id: cur.id,
      ok: outcome.ok,
      peak: cur.peak,
      code: outcome.ok ? undefined : outcome.failure.code,
    });
    if (!outcome.ok) stats.failures[outcome.failure.code] = (stats.failures[outcome.failure.code] ?? 0) + 1;
    cur.resolve(outcome);
  };

  /** The job's peak so far (a child killed or dead can no longer be asked, so it is sampled while it runs). */
  const sample = (slot: Slot<J, R>) => {
    const cur = slot.current;
    const peak = cur && peakRss(slot.child?.pid);
    if (!cur || !peak) return;
    cur.peak = Math.max(cur.peak, peak);
    // The resident watch: RLIMIT_DATA is the hard stop for a sudden allocation, but it also counts address space
    // reserved and never used (see RESERVED_MB), so the job's real use is held to memoryMb here.
    if (options.memoryMb && peak > options.memoryMb && slot.current === cur) {
      fail(slot, memoryFailure(limitMb));
      retire(slot);
      replace(slot);
      dispatch();
      return;
    }
    if (options.budgetMb && slot.current === cur) keepBudget();
  };

  /** Over budgetMb with several jobs running: the job started last goes back to the head of the queue, to run alone. */
  const keepBudget = () => {
    const running = slots.filter((s) => s.current && s.child);
    if (running.length < 2 || !options.budgetMb) return;
    const total = treeNow();
    if (total <= options.budgetMb) return;
    const victim = running.reduce((a, b) => (b.current!.started > a.current!.started ? b : a));
    const cur = victim.current!;
    clearTimeout(cur.timer);
    if (cur.sampler) clearInterval(cur.sampler);
    victim.current = null;
    stats.requeued++;
    trace({ event: 'requeue', pid: victim.child?.pid, id: cur.id, total });
    retire(victim); // its memory back now; the slot gets a child again when there is work it may take
    queue.unshift({ job: cur.job, deadlineMs: cur.deadlineMs, resolve: cur.resolve, alone: true });
    dispatch();
  };

  const fail = (slot: Slot<J, R>, failure: JobFailure) => {
    const cur = slot.current;
    if (cur) settle(slot, { ok: false, failure, ms: Math.round(performance.now() - cur.started) });
  };

  /** Why a child died, from what it said last and how it ended. */
  const deathOf = (slot: Slot<J, R>, code: number | null, signal: NodeJS.Signals | null): JobFailure => {
    const words = `${slot.fatal ?? ''}\n${slot.stderr}`;
    if (code === 71 || /heap out of memory|Allocation failed|allocation failed|out of memory/i.test(words))
      return memoryFailure(limitMb);
    const detail = slot.fatal ?? lastErrorLine(slot.stderr) ?? (signal ? `signal ${signal}` : `code ${code}`);
    return crashFailure(detail);
  };

  const retire = (slot: Slot<J, R>) => {
    const child = slot.child;
    slot.child = null;
    slot.ready = false;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };

  const spawnChild = (slot: Slot<J, R>) => {
    const [file, args] = command();
    const child = spawn(file, args, {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
      env: childEnv(),
    });
    stats.spawned++;
    slot.child = child;
    slot.ready = false;
    slot.jobsDone = 0;
    slot.fatal = null;
    slot.stderr = '';
    idle(child);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (d: string) => {
      if (slot.child === child) slot.stderr = (slot.stderr + d).slice(-4000);
    });
    const startTimer = setTimeout(() => {
      if (slot.child !== child || slot.ready) return;
      slot.fatal = 'did not become ready in time / 启动超时';
      child.kill('SIGKILL');
    }, startTimeoutMs);
    startTimer.unref();
    child.on('message', (m: ChildMessage<R>) => {
      if (slot.child !== child) return;
      if (m.type === 'ready') {
        clearTimeout(startTimer);
        slot.ready = true;
        startFailures = 0;
        armIdle(slot);
        dispatch();
      } else if (m.type === 'fatal') slot.fatal = m.message;
      else if (slot.current && m.id === slot.current.id) {
        const cur = slot.current;
        const ms = Math.round(performance.now() - cur.started);
        slot.jobsDone++;
        if (m.type === 'result') settle(slot, { ok: true, value: m.value, ms });
        else settle(slot, { ok: false, failure: m.memory ? memoryFailure(limitMb) : crashFailure(m.message), ms });
        if (m.type === 'error' && m.memory) {
          retire(slot);
          replace(slot);
        } else if (
          slot.jobsDone >= recycleAfter ||
          (options.recycleAboveMb && (currentRss(child.pid) ?? 0) > options.recycleAboveMb)
        ) {
          stats.recycled++;
          retire(slot);
          replace(slot);
        } else {
          idle(child);
          armIdle(slot);
        }
        dispatch();
      }
    });
    child.on('error', (e) => {
      if (slot.child === child) slot.fatal ??= e.message;
    });
    child.on('exit', (code, signal) => {
      clearTimeout(startTimer);
      if (slot.child !== child || closed) return; // replaced already (deadline, recycling) or closing
      const wasReady = slot.ready;
      const failure = deathOf(slot, code, signal);
      slot.child = null; // dead: settle() must not sample a pid that may be reused
      slot.ready = false;
      if (!wasReady && ++startFailures >= MAX_START_FAILURES) {
        broken = startFailure(slot.fatal ?? lastErrorLine(slot.stderr) ?? `code ${code}`);
        fail(slot, broken);
        dispatch();
        return;
      }
      fail(slot, failure);
      replace(slot);
      dispatch();
    });
  };

  const replace = (slot: Slot<J, R>) => {
    if (!closed && !broken) spawnChild(slot);
  };

  /** An idle child does not keep the parent alive (a server closing, a CLI finishing). */
  const idle = (child: ChildProcess) => {
    child.unref();
    (child.channel as { unref?: () => void } | undefined)?.unref?.();
  };

  /** Waits idleMs after a slot's child became free; stops it then if still free (a job brings a new one). */
  const armIdle = (slot: Slot<J, R>) => {
    if (!options.idleMs) return;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => {
      slot.idleTimer = null;
      if (!slot.child || !slot.ready || slot.current || queue.length > 0 || closed) return;
      stats.idled++;
      retire(slot);
    }, options.idleMs);
    slot.idleTimer.unref();
  };
  const busy = (child: ChildProcess) => {
    child.ref();
    (child.channel as { ref?: () => void } | undefined)?.ref?.();
  };

  /** Resident MiB of this process and all its children now (Linux; 0 elsewhere). */
  const treeNow = () => {
    let total = currentRss(process.pid) ?? 0;
    for (const s of slots) total += currentRss(s.child?.pid) ?? 0;
    return total;
  };

  /**
   * Admission: would `p`, started on `slot` beside the jobs running, take the tree past the budget (its child grown to
   * the job's weight)? Then it is to run alone.
   */
  const tooHeavy = (slot: Slot<J, R>, p: Pending<J, R>) => {
    if (!options.budgetMb || !options.weigh || p.alone || !slots.some((s) => s !== slot && s.current)) return false;
    return !admits(treeNow(), currentRss(slot.child?.pid) ?? 0, options.weigh(p.job), options.budgetMb);
  };

  /** A job that must run alone is running, or is next and waits for the others to finish. */
  const held = () =>
    slots.some((s) => s.current?.alone) || (queue.length > 0 && queue[0].alone && slots.some((s) => s.current));

  const dispatch = () => {
    if (broken) {
      for (const p of queue.splice(0)) p.resolve({ ok: false, failure: broken, ms: 0 });
      return;
    }
    for (const slot of slots) {
      if (held()) break;
      if (!slot.child || !slot.ready || slot.current || queue.length === 0) continue;
      if (tooHeavy(slot, queue[0])) {
        queue[0].alone = true; // waits (held) for the running jobs, then runs with the other children stopped
        stats.heldAlone++;
        trace({ event: 'held', id: 0, job: queue[0].job, tree: treeNow() });
        break;
      }
      const p = queue.shift()!;
      if (p.alone) {
        // the other children's memory back while it runs (started again for the jobs after it)
        for (const other of slots) if (other !== slot && other.child && !other.current) retire(other);
      }
      const child = slot.child;
      const id = nextId++;
      const timer = setTimeout(() => {
        // Terminating the process is the only reliable way to stop a parser stuck in synchronous work.
        fail(slot, timeoutFailure(p.deadlineMs));
        retire(slot);
        replace(slot);
        dispatch();
      }, p.deadlineMs);
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.idleTimer = null;
      resetPeak(child.pid);
      const sampler = LINUX ? setInterval(() => sample(slot), 100) : null;
      sampler?.unref();
      slot.current = { ...p, id, started: performance.now(), timer, sampler, peak: 0 };
      busy(child);
      trace({ event: 'start', pid: child.pid, id, job: p.job, alone: p.alone === true });
      const message: JobMessage<J> = { type: 'job', id, job: p.job };
      child.send(message);
    }
    // Slots emptied for the budget (or an alone job) get a child again when work is waiting that may run.
    if (!closed && !held() && queue.length > 0) {
      const free = slots.filter((s) => s.child && !s.current).length;
      let wanted = (queue[0].alone ? 1 : queue.length) - free;
      for (const slot of slots) {
        if (wanted <= 0) break;
        if (!slot.child && !slot.current) {
          spawnChild(slot);
          wanted--;
        }
      }
    }
  };

  for (let i = 0; i < Math.max(1, options.size); i++) {
    const slot: Slot<J, R> = {
      child: null,
      ready: false,
      jobsDone: 0,
      current: null,
      fatal: null,
      stderr: '',
      idleTimer: null,
    };
    slots.push(slot);
    spawnChild(slot);
  }

  return {
    run(job, runOptions) {
      if (closed) return Promise.reject(new Error('job pool closed'));
      return new Promise((resolve) => {
        queue.push({ job, deadlineMs: runOptions?.deadlineMs ?? options.deadlineMs, resolve });
        // Children stopped for idleness come back for the work waiting (dispatch starts as many as it needs).
        dispatch();
      });
    },
    stats: () => ({ ...stats, alive: slots.filter((s) => s.child).length, failures: { ...stats.failures } }),
    async close() {
      closed = true;
      const exits: Promise<unknown>[] = [];
      for (const slot of slots) {
        if (slot.idleTimer) clearTimeout(slot.idleTimer);
        fail(slot, crashFailure('job pool closed / 已关闭'));
        const child = slot.child;
        slot.child = null;
        if (child && child.exitCode === null && child.signalCode === null) {
          exits.push(new Promise((ok) => child.once('exit', ok)));
          child.ref(); // an idle child is unref'd: without this the caller's process could end before the exit
          child.kill('SIGKILL');
        }
      }
      for (const p of queue.splice(0))
        p.resolve({ ok: false, failure: crashFailure('job pool closed / 已关闭'), ms: 0 });
      await Promise.all(exits);
    },
  };
}

/**
 * The admission rule under budgetMb: may a job of weight `weightMb` start on a child now holding `childMb` while the
 * whole tree holds `treeMb` (that child included)? The child is counted at the larger of what it holds and what the
 * job will take it to; the tree may reach the budget, not pass it.
 */
export function admits(treeMb: number, childMb: number, weightMb: number, budgetMb: number): boolean {
  return treeMb - childMb + Math.max(childMb, weightMb) <= budgetMb;
}

/** The last "SomethingError: message" line of a stderr tail (a module that failed to load prints its stack). */
function lastErrorLine(stderr: string): string | null {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^\w*Error\b.*:/.test(l));
  return lines.length ? lines[lines.length - 1].replace(/^\w*Error:\s*/, '') : null;
}
