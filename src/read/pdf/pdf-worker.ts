import { Worker } from 'node:worker_threads';
import type { PDFWorker } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { webPort } from './message-port.ts';

// pdf.js's parser runs in a worker thread of its own: pages are parsed there while the reader builds the
// previous page's tables here (the two overlap), and a document that sends the parser into an endless
// loop can be stopped by terminating the thread, which an in-thread parser would not allow.
// One thread is shared by all reads of the process; it does not keep the process alive when idle.

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

interface Shared {
  thread: Worker;
  pdfWorker: PDFWorker;
  users: number;
  /** Retired after a timeout: stopped when its last read ends. */
  doomed: boolean;
}

let shared: Shared | null = null;

function adapt(thread: Worker) {
  return { ...webPort(thread), terminate: () => void thread.terminate() };
}

/** The shared parser thread, started on first use; call the returned release() when the read ends. */
export function acquireWorker(pdfjs: PdfJs): { pdfWorker: PDFWorker; release(): void; kill(): void } {
  if (!shared) {
    // A small code range: V8 otherwise reserves ≈ 510 MB of writable address space per thread for generated code,
    // which a process memory cap (src/jobs, RLIMIT_DATA) counts; pdf.js's parser needs far less than 64 MB of it.
    const thread = new Worker(new URL('./worker-thread.ts', import.meta.url), {
      resourceLimits: { codeRangeSizeMb: 64 },
    });
    const current: Shared = {
      thread,
      pdfWorker: new pdfjs.PDFWorker({ port: adapt(thread) as never, verbosity: 0 }),
      users: 0,
      doomed: false,
    };
    // A thread that dies (crash, out of memory) is replaced on the next read.
    thread.on('error', () => {
      if (shared === current) shared = null;
    });
    thread.on('exit', () => {
      if (shared === current) shared = null;
    });
    shared = current;
  }
  const mine = shared;
  mine.users++;
  mine.thread.ref();
  let released = false;
  const stop = () => {
    mine.pdfWorker.destroy();
    void mine.thread.terminate();
  };
  return {
    pdfWorker: mine.pdfWorker,
    release() {
      if (released) return;
      released = true;
      mine.users--;
      if (mine.users > 0) return;
      if (mine.doomed) stop();
      else mine.thread.unref();
    },
    /**
     * Retires the thread after a read ran out of time (it may be stuck): new reads get a new thread, and
     * this one is stopped as soon as no other read still uses it (a read that shares a truly stuck thread
     * runs out of time itself and then stops it).
     */
    kill() {
      if (shared === mine) shared = null;
      mine.doomed = true;
    },
  };
}
