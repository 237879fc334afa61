import { afterEach, describe, expect, it } from 'vitest';
import { createJobPool, type JobPool } from '../../src/jobs/pool.ts';
import type { Job } from './fixtures/entry.ts';

// The job runner's fences on a tiny entry (src/jobs/pool.ts): handshake, deadline, memory cap (buffers outside
// the heap and the heap itself), crash, recycling, and the start-failure breaker.

const ENTRY = new URL('./fixtures/entry.ts', import.meta.url);
let pool: JobPool<Job, unknown> | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('job pool', () => {
  it('runs jobs in ready children and answers each with its own result', async () => {
    pool = createJobPool<Job, unknown>({ size: 2, entry: ENTRY, deadlineMs: 10_000 });
    const outs = await Promise.all(
      [1, 2, 3, 4].map((value) => pool!.run({ do: 'echo', value: { value, bytes: new Uint8Array([value]) } })),
    );
    expect(outs.map((o) => (o.ok ? o.value : null))).toEqual(
      [1, 2, 3, 4].map((value) => ({ value, bytes: new Uint8Array([value]) })),
    );
  }, 30_000);

  it('stops a job at its deadline, replaces the child, and goes on', async () => {
    pool = createJobPool<Job, unknown>({ size: 1, entry: ENTRY, deadlineMs: 10_000 });
    const [hang, after] = await Promise.all([
      pool.run({ do: 'hang' }, { deadlineMs: 1500 }),
      pool.run({ do: 'echo', value: 'next' }),
    ]);
    expect(hang.ok).toBe(false);
    if (!hang.ok) {
      expect(hang.failure.code).toBe('timeout');
      expect(hang.failure.messageZh).toContain('超时（超过 1.5 秒）');
    }
    expect(after).toMatchObject({ ok: true, value: 'next' });
    expect(pool.stats().spawned).toBe(2);
  }, 30_000);

  it('refuses a job over the memory cap (outside the heap and in it), naming the cap; the next job runs', async () => {
    pool = createJobPool<Job, unknown>({ size: 1, entry: ENTRY, deadlineMs: 20_000, memoryMb: 400, heapMb: 200 });
    const buffers = await pool.run({ do: 'buffers', mb: 2048 });
    const heap = await pool.run({ do: 'heap' });
    const small = await pool.run({ do: 'buffers', mb: 64 });
    for (const o of [buffers, heap]) {
      expect(o.ok).toBe(false);
      if (!o.ok) {
        expect(o.failure.code).toBe('memory-limit');
        expect(o.failure.messageZh).toContain('400 MB');
        expect(o.failure.messageEn).toContain('400 MB');
      }
    }
    expect(small).toMatchObject({ ok: true, value: 4 });
    // Stopped long before its 2048 MB: the cap is hard (RLIMIT_DATA) and the resident watch samples; on a loaded
    // machine the sample lands later (486 MB seen at load 30 for a 400 MB cap), hence 1.5 × the cap, not a near miss.
    if (process.platform === 'linux') expect(buffers.peakRssMb ?? 0).toBeLessThan(600);
  }, 60_000);

  it('reports a crash or a throwing handler as a refusal and replaces a dead child', async () => {
    pool = createJobPool<Job, unknown>({ size: 1, entry: ENTRY, deadlineMs: 10_000 });
    const crash = await pool.run({ do: 'crash' });
    const thrown = await pool.run({ do: 'throw' });
    expect(crash).toMatchObject({ ok: false, failure: { code: 'crash' } });
    if (!crash.ok) {
      // the process's own last words are for the operator's log, not the user's message
      expect(crash.failure.detail).toContain('crashed on purpose');
      expect(`${crash.failure.messageZh} ${crash.failure.messageEn}`).not.toContain('crashed on purpose');
    }
    expect(thrown).toMatchObject({ ok: false, failure: { code: 'crash' } });
    expect(await pool.run({ do: 'echo', value: 1 })).toMatchObject({ ok: true, value: 1 });
  }, 30_000);

  it('recycles a child after N jobs', async () => {
    pool = createJobPool<Job, unknown>({ size: 1, entry: ENTRY, deadlineMs: 10_000, recycleAfter: 2 });
    const pids = [];
    for (let i = 0; i < 5; i++) {
      const o = await pool.run({ do: 'pid' });
      pids.push(o.ok ? o.value : null);
    }
    expect(new Set(pids).size).toBe(3); // 2 + 2 + 1
    expect(pool.stats().recycled).toBe(2);
  }, 30_000);

  it('recycles a child left holding more than recycleAboveMb after a job', async () => {
    if (process.platform !== 'linux') return;
    pool = createJobPool<Job, unknown>({ size: 1, entry: ENTRY, deadlineMs: 20_000, recycleAboveMb: 150 });
    const light = (await pool.run({ do: 'hold', mb: 16, ms: 10 })) as { ok: true; value: { pid: number } };
    const light2 = (await pool.run({ do: 'hold', mb: 16, ms: 10 })) as { ok: true; value: { pid: number } };
    const heavy = (await pool.run({ do: 'hold', mb: 256, ms: 10, keep: true })) as { ok: true; value: { pid: number } };
    const next = (await pool.run({ do: 'hold', mb: 16, ms: 10 })) as { ok: true; value: { pid: number } };
    expect(light2.value.pid).toBe(light.value.pid); // below the threshold: kept
    expect(heavy.value.pid).toBe(light.value.pid);
    expect(next.value.pid).not.toBe(heavy.value.pid); // the heavy job's memory went with its child
    expect(pool.stats().recycled).toBe(1);
  }, 60_000);

  it('keeps the children within budgetMb: the job started last is stopped and run again alone', async () => {
    if (process.platform !== 'linux') return;
    // The budget counts this process too. Each child ≈ 50 MB at rest: two jobs of 200 MB at once take the children past
    // 300, one alone stays within it.
    // (recycleAboveMb, as the batch sets it: the child that held 200 MB is replaced, not carried into the next jobs)
    pool = createJobPool<Job, unknown>({
      size: 2,
      entry: ENTRY,
      deadlineMs: 30_000,
      budgetMb: Math.round(process.memoryUsage().rss / 1048576) + 300,
      recycleAboveMb: 150,
    });
    type Ran = { ok: true; value: { pid: number; start: number; end: number } };
    const [a, b] = (await Promise.all([
      pool.run({ do: 'hold', mb: 208, ms: 2000 }),
      pool.run({ do: 'hold', mb: 208, ms: 2000 }),
    ])) as Ran[];
    expect(a.ok && b.ok).toBe(true);
    expect(pool.stats().requeued).toBeGreaterThanOrEqual(1);
    // the runs that answered did not overlap: the second started after the first ended
    const [first, second] = [a.value, b.value].sort((x, y) => x.start - y.start);
    expect(second.start).toBeGreaterThanOrEqual(first.end);
    // and light jobs still run side by side
    const [c, d] = (await Promise.all([
      pool.run({ do: 'hold', mb: 16, ms: 1500 }),
      pool.run({ do: 'hold', mb: 16, ms: 1500 }),
    ])) as Ran[];
    expect(c.value.pid).not.toBe(d.value.pid);
    expect(Math.max(c.value.start, d.value.start)).toBeLessThan(Math.min(c.value.end, d.value.end));
  }, 90_000);

  it('refuses every job at once when children cannot start, instead of respawning forever', async () => {
    pool = createJobPool<Job, unknown>({
      size: 2,
      entry: new URL('../fixtures/office/batch/broken-worker.ts', import.meta.url),
      deadlineMs: 10_000,
    });
    const outs = await Promise.all([1, 2, 3].map(() => pool!.run({ do: 'pid' })));
    for (const o of outs) expect(o).toMatchObject({ ok: false, failure: { code: 'start-failed' } });
    expect(pool.stats().spawned).toBeLessThanOrEqual(4);
  }, 30_000);
});
