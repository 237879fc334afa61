import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * `mkdir -p`, one level at a time. Node's own `mkdir(…, { recursive: true })` (sync and async, Node 20 and 24) never
 * returns for a path under /proc (`/proc/nope/x.sqlite`: 100 % CPU until killed); a plain mkdir of each missing level
 * fails at once with the reason (ENOENT, EACCES, ENOTDIR…), which the callers turn into a message.
 */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); ) {
    missing.push(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      // made meanwhile by another process: as good as made here
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}
