import { afterEach, describe, expect, it } from 'vitest';
import { createJobPool, type JobPool } from '../../src/jobs/pool.ts';
import type { Job } from './fixtures/entry.ts';

// Idle children are stopped (issue 13.5: a server at rest holds no reading process and none of the memory its last
// documents needed) and come back when work arrives, as many as the work needs.

const ENTRY = new URL('./fixtures/entry.ts', import.meta.url);
let pool: JobPool<Job, unknown> | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const until = async (ok: () => boolean, ms: number) => {
  for (const t0 = Date.now(); !ok() && Date.now() - t0 < ms; ) await new Promise((r) => setTimeout(r, 50));
};

describe('job pool idleness', () => {
  it('stops a child idle for idleMs and starts new ones for the next jobs', async () => {
    pool = createJobPool<Job, unknown>({ size: 2, entry: ENTRY, deadlineMs: 10_000, idleMs: 600 });
    const first = await pool.run({ do: 'pid' });
    expect(first.ok).toBe(true);
    const pid = first.ok ? (first.value as number) : 0;
    await until(() => pool!.stats().alive === 0, 10_000);
    expect(pool.stats()).toMatchObject({ alive: 0, idled: 2 });
    await until(() => !alive(pid), 5_000);
    expect(alive(pid)).toBe(false);
    // two jobs at once: both children come back, both answer
    const [a, b] = await Promise.all([pool.run({ do: 'pid' }), pool.run({ do: 'echo', value: 'after rest' })]);
    expect(a.ok && a.value !== pid).toBe(true);
    expect(b).toMatchObject({ ok: true, value: 'after rest' });
    expect(pool.stats().alive).toBe(2);
  }, 40_000);

  it('never stops a child in the middle of a job', async () => {
    pool = createJobPool<Job, unknown>({ size: 1, entry: ENTRY, deadlineMs: 10_000, idleMs: 200 });
    const out = await pool.run({ do: 'buffers', mb: 64 });
    expect(out).toMatchObject({ ok: true, value: 4 });
    expect(pool.stats().idled).toBe(0);
  }, 30_000);
});
