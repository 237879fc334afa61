// Entry of the thread that runs pdf.js's parser (its "worker" half) for the PDF reader. pdf.js talks to
// its worker through a port with postMessage/addEventListener; Node's parentPort is adapted to that shape.
import { parentPort } from 'node:worker_threads';
import { webPort } from './message-port.ts';

const port = parentPort;
if (!port) throw new Error('worker-thread.ts must run as a worker thread');

// pdf.js ships no type declarations for its worker module; this is the one function used.
const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
const { WorkerMessageHandler } = (await import(workerModule)) as {
  WorkerMessageHandler: { initializeFromPort(port: unknown): void };
};

WorkerMessageHandler.initializeFromPort(webPort(port));
