import { parentPort } from 'node:worker_threads';
import { processFile } from './process-file.ts';
import type { WorkerResult, WorkerTask } from './types.ts';

// Worker thread entry: processes one file per message and answers with its row and findings. A file that
// hangs or exhausts memory is dealt with by the pool (terminate and replace), not here.

if (!parentPort) throw new Error('batch-worker.ts must run as a worker thread');
const port = parentPort;
// Modules (reader, recognition, the audit's rules) are loaded by the static imports before the worker says it is
// ready, so the per-file time limit measures the file, not the start of a fresh worker (a second when busy).
port.postMessage({ ready: true });
port.on('message', async (task: WorkerTask) => {
  const { row, findings } = await processFile(task.path);
  const result: WorkerResult = { id: task.id, row, findings };
  port.postMessage(result);
});
