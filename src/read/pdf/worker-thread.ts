// Entry of the thread that runs pdf.js's parser (its "worker" half) for the PDF reader. pdf.js talks to
// its worker through a port with postMessage/addEventListener; Node's parentPort is adapted to that shape.
import { parentPort } from 'node:worker_threads';

const port = parentPort;
if (!port) throw new Error('worker-thread.ts must run as a worker thread');

// pdf.js ships no type declarations for its worker module; this is the one function used.
const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
const { WorkerMessageHandler } = (await import(workerModule)) as { WorkerMessageHandler: { initializeFromPort(port: unknown): void } };

const listeners = new Map<(event: { data: unknown }) => void, (data: unknown) => void>();
WorkerMessageHandler.initializeFromPort({
  postMessage: (data: unknown, transfer?: Transferable[]) => port.postMessage(data, transfer as never),
  addEventListener: (_type: string, listener: (event: { data: unknown }) => void, options?: { signal?: AbortSignal }) => {
    const wrapped = (data: unknown) => listener({ data });
    listeners.set(listener, wrapped);
    port.on('message', wrapped);
    // pdf.js removes a document's listener by aborting the signal it registered it with.
    options?.signal?.addEventListener('abort', () => {
      port.off('message', wrapped);
      listeners.delete(listener);
    });
  },
  removeEventListener: (_type: string, listener: (event: { data: unknown }) => void) => {
    const wrapped = listeners.get(listener);
    if (wrapped) port.off('message', wrapped);
    listeners.delete(listener);
  },
});
