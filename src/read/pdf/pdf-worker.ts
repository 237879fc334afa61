import { Worker } from 'node:worker_threads';
import type { PDFWorker } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { InputError, limitExceeded } from '../errors.ts';
import { webPort } from './message-port.ts';

// pdf.js's parser runs in a worker thread of its own: pages are parsed there while the reader builds the
// previous page's tables here (the two overlap), and a document that sends the parser into an endless
// loop can be stopped by terminating the thread, which an in-thread parser would not allow.
// One thread is shared by all reads of the process; it does not keep the process alive when idle.

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/**
 * Heap of the parser thread (issue 13.5). Without a limit of its own V8 sizes a thread's heap like the process's and
 * lets garbage grow far past what a page needs: the font-heavy 烟台 交通运输局 2026 budget (81 pages, 113 embedded
 * font subsets) took 757 MB resident. With this limit, a small young generation and the document's caches cleared every
 * few pages (read-pdf.ts), 300 MB (its live parser heap ≈ 100 MB).
 */
export const PARSER_HEAP_MB = 384;

/** The parser thread's heap limit: PARSER_HEAP_MB, or CAIJIAN_PDF_PARSER_HEAP_MB (a test reaches the limit with it). */
export function parserHeapMb(): number {
  const n = Number(process.env.CAIJIAN_PDF_PARSER_HEAP_MB);
  return Number.isFinite(n) && n > 0 ? n : PARSER_HEAP_MB;
}
const PARSER_YOUNG_MB = 6;

/**
 * The death of a parser thread, for the reads using it: `watch(reject)` calls `reject` with the reader's refusal when
 * the thread dies (at once if it has died) and returns the function that stops watching. Not a promise raced against
 * each request: a reaction on a promise that lives as long as the thread can never be removed, and each one kept its
 * request's result (a page and its operator list) alive for the thread's whole life — every page of every document a
 * process had read (issue 13.5: +1.2 MB of live heap per read of a 10-page PDF, 34 → 197 MB after 13 corpus PDFs).
 */
export interface ParserLoss {
  watch(reject: (e: unknown) => void): () => void;
}

function parserLoss(): { loss: ParserLoss; die(e: InputError): void } {
  const watchers = new Set<(e: unknown) => void>();
  let death: InputError | null = null;
  return {
    loss: {
      watch(reject) {
        if (death) {
          reject(death);
          return () => {};
        }
        watchers.add(reject);
        return () => watchers.delete(reject);
      },
    },
    die(e) {
      death ??= e;
      for (const w of [...watchers]) w(death);
      watchers.clear();
    },
  };
}

interface Shared {
  thread: Worker;
  pdfWorker: PDFWorker;
  users: number;
  /** Retired after a timeout: stopped when its last read ends. */
  doomed: boolean;
  /** The thread's death under a read (out of its heap, crashed): the read stops at once instead of waiting. */
  lost: ParserLoss;
}

const deaths = new WeakSet<object>();

/** True for the refusal a read gets when its parser thread died (it ends the whole read, not one page). */
export function isParserDeath(e: unknown): boolean {
  return typeof e === 'object' && e !== null && deaths.has(e);
}

/** Why a read's parser thread died, as the reader's refusal. */
function threadDeath(e: unknown, heapMb: number): InputError {
  const refusal = describeDeath(e, heapMb);
  deaths.add(refusal);
  return refusal;
}

function describeDeath(e: unknown, heapMb: number): InputError {
  if ((e as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY')
    return limitExceeded(
      'pdf-parser-memory',
      {
        zh: '解析此 PDF 所需内存超过解析线程的上限',
        en: 'parsing this PDF needs more memory than the parser thread has',
      },
      { zh: `${heapMb} MB`, en: `${heapMb} MB` },
    );
  // What the thread died of is a program error's text (pdf.js's or ours), not the file's: it stays the cause.
  return new InputError(
    'unreadable',
    'PDF 解析线程意外退出，无法读取此文件；文件可能已损坏。',
    'The PDF parser thread exited unexpectedly; the file could not be read and may be damaged.',
    { cause: e },
  );
}

let shared: Shared | null = null;

function adapt(thread: Worker) {
  return { ...webPort(thread), terminate: () => void thread.terminate() };
}

/** The shared parser thread, started on first use; call the returned release() when the read ends. */
export function acquireWorker(pdfjs: PdfJs): {
  pdfWorker: PDFWorker;
  /** The reader's refusal if the thread dies during the read. */
  lost: ParserLoss;
  release(): void;
  kill(): void;
} {
  if (!shared) {
    // A small code range: V8 otherwise reserves ≈ 510 MB of writable address space per thread for generated code,
    // which a process memory cap (src/jobs, RLIMIT_DATA) counts; pdf.js's parser needs far less than 64 MB of it.
    const heapMb = parserHeapMb();
    const thread = new Worker(new URL('./worker-thread.ts', import.meta.url), {
      resourceLimits: {
        codeRangeSizeMb: 64,
        maxOldGenerationSizeMb: heapMb,
        maxYoungGenerationSizeMb: PARSER_YOUNG_MB,
      },
    });
    const { loss: lost, die } = parserLoss();
    const current: Shared = {
      thread,
      pdfWorker: new pdfjs.PDFWorker({ port: adapt(thread) as never, verbosity: 0 }),
      users: 0,
      doomed: false,
      lost,
    };
    // A thread that dies (crash, out of memory) fails the reads using it and is replaced on the next read.
    thread.on('error', (e) => {
      if (shared === current) shared = null;
      die(threadDeath(e, heapMb));
    });
    thread.on('exit', (code) => {
      if (shared === current) shared = null;
      if (code !== 0 && !current.doomed) die(threadDeath(new Error(`exit code ${code}`), heapMb));
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
    lost: mine.lost,
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
