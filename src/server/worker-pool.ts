import { Worker } from 'node:worker_threads';
import type { ParseJob, ParseReply } from './parse-worker.ts';

// A few long-lived worker threads that read uploads. Workers stay alive between files so pdf.js, exceljs and
// the audit rules load once; a worker that overruns the time limit is terminated and replaced, which is the
// only reliable way to stop a parser stuck in synchronous work.

const WORKER_URL = new URL('./parse-worker.ts', import.meta.url);

interface Slot {
  worker: Worker | null;
  busy: boolean;
}

export class ParsePool {
  private readonly slots: Slot[];
  private readonly waiting: (() => void)[] = [];
  private closed = false;

  constructor(size: number) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => ({ worker: null, busy: false }));
  }

  private spawn(): Worker {
    // A heap limit per worker: a document that needs more fails alone (reported as out of memory) instead
    // of taking the whole server down.
    const w = new Worker(WORKER_URL, { workerData: { caijianParseWorker: true }, resourceLimits: { maxOldGenerationSizeMb: 1536 } });
    w.unref();
    return w;
  }

  private async acquire(): Promise<Slot> {
    for (;;) {
      const free = this.slots.find((s) => !s.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((ok) => this.waiting.push(ok));
    }
  }

  private release(slot: Slot): void {
    slot.busy = false;
    this.waiting.shift()?.();
  }

  async parse(job: ParseJob, seconds: number): Promise<ParseReply> {
    if (this.closed) throw new Error('parse pool closed');
    const slot = await this.acquire();
    try {
      slot.worker ??= this.spawn();
      const worker = slot.worker;
      return await new Promise<ParseReply>((resolve) => {
        const done = (reply: ParseReply) => {
          clearTimeout(timer);
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
          resolve(reply);
        };
        const fail = (zh: string, en: string, code = 'internal') => {
          slot.worker = null;
          void worker.terminate();
          done({ ok: false, code, messageZh: zh, messageEn: en });
        };
        const onMessage = (reply: ParseReply) => done(reply);
        const onError = (e: Error) => fail(`读取文件时发生内部错误：${e.message}`, `Internal error while reading the file: ${e.message}`);
        const onExit = () => fail('读取进程意外退出（可能内存不足）。', 'The reading process exited unexpectedly (possibly out of memory).');
        const timer = setTimeout(
          () => fail(`读取超时（超过 ${seconds} 秒），已放弃该文件。`, `Reading took longer than ${seconds} s; the file was abandoned.`, 'timeout'),
          seconds * 1000,
        );
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        worker.postMessage(job);
      });
    } finally {
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker?.terminate()));
  }
}
