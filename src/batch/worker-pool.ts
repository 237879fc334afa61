import { Worker } from 'node:worker_threads';
import { emptyRow } from './process-file.ts';
import type { WorkerReady, WorkerResult, WorkerTask } from './types.ts';

// A small pool of worker threads, one document at a time per worker. A document that runs past the
// per-file limit, crashes its worker or exhausts the worker's heap gets a row saying so; its worker is
// terminated and replaced, and the rest of the batch goes on.

export interface PoolOptions {
  size: number;
  /** Milliseconds one file may take before its worker is stopped. */
  timeoutMs: number;
  workerUrl: URL;
  /** Heap limit of one worker, so one pathological file cannot take the machine's memory. */
  maxHeapMb?: number;
}

interface Slot {
  worker: Worker;
  /** The worker has loaded its modules (its first message); tasks are sent to ready workers only. */
  ready: boolean;
  task: WorkerTask | null;
  started: number;
  timer: NodeJS.Timeout | null;
  resolve: ((r: WorkerResult) => void) | null;
}

export interface WorkerPool {
  run(path: string): Promise<WorkerResult>;
  close(): Promise<void>;
}

export function createWorkerPool(options: PoolOptions): WorkerPool {
  const queue: { task: WorkerTask; resolve: (r: WorkerResult) => void }[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  /** Set when workers die before ever becoming ready: the pipeline itself cannot load, so nothing can run. */
  let broken: { zh: string; en: string } | null = null;
  let startFailures = 0;
  const MAX_START_FAILURES = 3;

  const failure = (task: WorkerTask, code: string, zh: string, en: string, started: number): WorkerResult => {
    const row = emptyRow(task.path);
    row.status = code === 'timeout' ? 'timeout' : 'failed';
    row.reasonCode = code;
    row.reason = zh;
    row.reasonEn = en;
    row.ms = Math.round(performance.now() - started);
    return { id: task.id, row, findings: [] };
  };

  const finish = (slot: Slot, result: WorkerResult) => {
    if (slot.timer) clearTimeout(slot.timer);
    const resolve = slot.resolve;
    slot.task = null;
    slot.resolve = null;
    slot.timer = null;
    resolve?.(result);
    dispatch();
  };

  const spawn = (slot: Slot) => {
    const worker = new Worker(options.workerUrl, {
      resourceLimits: options.maxHeapMb ? { maxOldGenerationSizeMb: options.maxHeapMb } : undefined,
      stdout: false,
      stderr: false,
    });
    slot.worker = worker;
    slot.ready = false;
    worker.on('message', (message: WorkerResult | WorkerReady) => {
      if (slot.worker !== worker) return;
      if ('ready' in message) {
        slot.ready = true;
        startFailures = 0;
        dispatch();
      } else if (slot.task && message.id === slot.task.id) finish(slot, message);
    });
    const lost = (zh: string, en: string) => {
      if (slot.worker !== worker || closed) return; // already replaced (a timeout terminated it), or closing
      const task = slot.task;
      if (!slot.ready && ++startFailures >= MAX_START_FAILURES) {
        // Respawning would loop forever: every queued file gets a row saying the reader could not start.
        broken = { zh: `处理进程无法启动：${zh}`, en: `The worker could not start: ${en}` };
        slot.worker = null as unknown as Worker;
        dispatch();
        return;
      }
      spawn(slot);
      if (task) finish(slot, failure(task, 'crash', zh, en, slot.started));
    };
    worker.on('error', (e) => {
      const oom = (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      const detail = e instanceof Error ? e.message : String(e);
      lost(
        oom ? '处理此文件时内存不足，已跳过。' : `处理此文件时出错：${detail}`,
        oom ? 'Ran out of memory on this file; skipped.' : `Failed on this file: ${detail}`,
      );
    });
    worker.on('exit', (code) => {
      if (!closed) lost(`处理进程意外退出（代码 ${code}）。`, `The worker exited unexpectedly (code ${code}).`);
    });
    // A worker that neither starts nor dies would leave its files waiting forever.
    const startTimer = setTimeout(() => {
      if (slot.worker !== worker || slot.ready || closed) return;
      lost('处理进程启动超时。', 'The worker did not start in time.');
      void worker.terminate();
    }, options.timeoutMs);
    startTimer.unref();
    worker.once('message', () => clearTimeout(startTimer));
    worker.once('exit', () => clearTimeout(startTimer));
  };

  const dispatch = () => {
    if (broken) {
      for (const { task, resolve } of queue.splice(0)) resolve(failure(task, 'crash', broken.zh, broken.en, performance.now()));
      return;
    }
    for (const slot of slots) {
      if (!slot.ready || slot.task || queue.length === 0) continue;
      const { task, resolve } = queue.shift()!;
      slot.task = task;
      slot.resolve = resolve;
      slot.started = performance.now();
      slot.timer = setTimeout(() => {
        // The file hangs: stop its worker (terminate interrupts even a busy loop) and start a fresh one.
        const old = slot.worker;
        spawn(slot);
        void old.terminate();
        const seconds = Number((options.timeoutMs / 1000).toFixed(1));
        finish(
          slot,
          failure(task, 'timeout', `处理超时（超过 ${seconds} 秒），已停止。`, `Timed out (over ${seconds} s); stopped.`, slot.started),
        );
      }, options.timeoutMs);
      slot.worker.postMessage(task);
    }
  };

  for (let i = 0; i < Math.max(1, options.size); i++) {
    const slot: Slot = { worker: null as unknown as Worker, ready: false, task: null, started: 0, timer: null, resolve: null };
    spawn(slot);
    slots.push(slot);
  }

  return {
    run(path: string) {
      if (closed) return Promise.reject(new Error('pool closed'));
      return new Promise<WorkerResult>((resolve) => {
        queue.push({ task: { id: nextId++, path }, resolve });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const slot of slots) if (slot.timer) clearTimeout(slot.timer);
      await Promise.all(slots.map((s) => s.worker?.terminate()));
    },
  };
}
