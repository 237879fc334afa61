import { isOutOfMemory } from './messages.ts';
import type { ChildMessage, JobEntry, JobMessage } from './types.ts';

// Entry of a job pool's child process: `node child.ts ENTRY_URL`. Loads the entry module, awaits its warm-up,
// says it is ready, then runs one job at a time. Errors outside a job are reported before the process dies so
// the pool can say why (a module that fails to load reads "module failed to load", not "exit code 1").

if (!process.send) throw new Error('src/jobs/child.ts runs as a job pool child (with an IPC channel)');

// The pool starts this process with --max-old-space-size (its own heap limit), and V8 lets that process-wide flag
// override the heap limit a worker thread is given (`resourceLimits`): pdf.js's parser thread got this process's
// 1280 MB instead of its own 384 (src/read/pdf/pdf-worker.ts; Worker.getHeapStatistics: 1286 MB with the flag, 54 with
// it reset and a limit of 48). This process's heap is configured already; threads started from now on get theirs.
(await import('node:v8')).setFlagsFromString('--max-old-space-size=0');
const send = (m: ChildMessage<unknown>) => process.send!(m);
const text = (e: unknown) => (e instanceof Error ? e.message : String(e));
let starting = true;

const die = (e: unknown) => {
  // The pool reads the message and then sees the exit; exit code 70 (software error) marks a reported death.
  try {
    send({ type: 'fatal', message: text(e), starting });
  } finally {
    setTimeout(() => process.exit(isOutOfMemory(e) ? 71 : 70), 50).unref();
  }
};
process.on('uncaughtException', die);
process.on('unhandledRejection', die);
// The parent went away (killed, or closed the pool): nobody will read a result.
process.on('disconnect', () => process.exit(0));

// The entry and the pipeline behind it load from Node's compile cache (as the CLI does, bin/caijian.js): a child that
// replaces a recycled one is ready sooner.
(await import('node:module')).enableCompileCache?.();

const entryUrl = process.argv[2];
let entry: JobEntry<unknown, unknown>;
try {
  entry = (await import(entryUrl)) as JobEntry<unknown, unknown>;
  if (typeof entry.handle !== 'function') throw new Error(`${entryUrl} exports no handle()`);
  await entry.warmup?.();
} catch (e) {
  die(e);
  await new Promise(() => {});
  throw e;
}
starting = false;

process.on('message', async (m: JobMessage<unknown>) => {
  if (m?.type !== 'job') return;
  try {
    const value = await entry.handle(m.job);
    send({ type: 'result', id: m.id, value });
  } catch (e) {
    const memory = isOutOfMemory(e);
    send({ type: 'error', id: m.id, message: text(e), memory });
    // After a refused allocation the process's state is not to be trusted: the pool replaces it.
    if (memory) setTimeout(() => process.exit(71), 50).unref();
  }
});
send({ type: 'ready' });
