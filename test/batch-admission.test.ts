import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUDGET_PER_JOB_MB, batchPoolOptions, jobWeight, RECYCLE_ABOVE_MB } from '../src/batch/run-batch.ts';
import { admits, createJobPool } from '../src/jobs/pool.ts';
import type { Job } from './jobs/fixtures/entry.ts';

// Admission by weight (src/jobs/pool.ts, issue 13.5): beside jobs already running, a job starts only when the process
// tree, with its child grown to the job's expected peak (the batch's jobWeight, from the file's size), stays within the
// budget (BUDGET_PER_JOB_MB per job); otherwise it waits and runs alone.

const dir = mkdtempSync(join(tmpdir(), 'caijian-admission-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A (sparse) file of `mb` MiB. */
function fileOf(name: string, mb: number): string {
  const path = join(dir, name);
  writeFileSync(path, '');
  truncateSync(path, Math.round(mb * 1048576));
  return path;
}

describe('jobWeight: the expected peak of a reading process, from the file size', () => {
  it('is 190 MB plus 20 MB per MiB of the file, at most 280 MB', () => {
    expect(jobWeight({ path: fileOf('empty.pdf', 0) })).toBe(190);
    expect(jobWeight({ path: fileOf('one.pdf', 1) })).toBe(210);
    expect(jobWeight({ path: fileOf('half.pdf', 0.5) })).toBe(200);
    expect(jobWeight({ path: fileOf('font-heavy.pdf', 4) })).toBe(270);
    expect(jobWeight({ path: fileOf('large.pdf', 4.5) })).toBe(280);
    expect(jobWeight({ path: fileOf('huge.pdf', 40) })).toBe(280);
  });

  it('a pair weighs as its larger document; a file that is gone as an empty one', () => {
    const small = fileOf('small.pdf', 0.5);
    const big = fileOf('big.pdf', 3);
    expect(jobWeight({ path: small, prior: big })).toBe(250);
    expect(jobWeight({ path: big, prior: small })).toBe(250);
    expect(jobWeight({ path: join(dir, 'gone.pdf') })).toBe(190);
  });
});

describe('admits: the budget check', () => {
  it('counts the child at the larger of what it holds and the job’s weight; the tree may reach the budget', () => {
    // tree 400 with this child at 100: 300 besides it, + 200 → 500
    expect(admits(400, 100, 200, 500)).toBe(true);
    expect(admits(400, 100, 201, 500)).toBe(false);
    // a child holding more than the weight already counts as it is
    expect(admits(400, 250, 200, 400)).toBe(true);
    expect(admits(400, 250, 200, 399)).toBe(false);
  });

  it('with the batch’s numbers, two jobs: an ordinary file starts beside a busy child, a font-heavy one waits', () => {
    const budget = 2 * BUDGET_PER_JOB_MB; // 580
    expect(budget).toBe(580);
    // The CLI ≈ 75 MB, the busy child at an ordinary peak ≈ 220, this child at rest ≈ 130 (run-batch.ts).
    const tree = 75 + 220 + 130;
    const ordinary = jobWeight({ path: fileOf('ordinary.pdf', 0.6) }); // 202
    const fontHeavy = jobWeight({ path: fileOf('yantai-like.pdf', 3.5) }); // 260
    expect(admits(tree, 130, ordinary, budget)).toBe(true); // 75 + 220 + 202 = 497
    expect(admits(tree, 130, fontHeavy, budget)).toBe(true); // 555: still fits beside an ordinary read
    // beside a child at a heavy peak (≈ 267 MB), only an ordinary file fits
    const heavyTree = 75 + 267 + 130;
    expect(admits(heavyTree, 130, ordinary, budget)).toBe(true); // 544
    expect(admits(heavyTree, 130, fontHeavy, budget)).toBe(false); // 602
  });
});

describe('the pool admits by weight', () => {
  it('holds a job whose weight passes the budget until the others are done, then runs it alone', async () => {
    const ENTRY = new URL('./jobs/fixtures/entry.ts', import.meta.url);
    const budgetMb = 100_000; // far above the tree: only the weight decides
    const pool = createJobPool<Job, unknown>({
      size: 2,
      entry: ENTRY,
      deadlineMs: 30_000,
      budgetMb,
      weigh: (job) => (job.do === 'hold' && job.mb === 32 ? budgetMb + 1 : 0),
    });
    type Ran = { ok: true; value: { pid: number; start: number; end: number } };
    try {
      const [light, heavy, light2] = (await Promise.all([
        pool.run({ do: 'hold', mb: 16, ms: 1500 }),
        pool.run({ do: 'hold', mb: 32, ms: 300 }),
        pool.run({ do: 'hold', mb: 16, ms: 300 }),
      ])) as Ran[];
      expect([light.ok, heavy.ok, light2.ok]).toEqual([true, true, true]);
      expect(pool.stats().heldAlone).toBe(1);
      expect(pool.stats().requeued).toBe(0); // held before it started, not started and stopped
      // it started only after the light job running beside it had ended, and nothing ran beside it
      expect(heavy.value.start).toBeGreaterThanOrEqual(light.value.end);
      expect(light2.value.start).toBeGreaterThanOrEqual(heavy.value.end);
      // light jobs still run side by side
      const [a, b] = (await Promise.all([
        pool.run({ do: 'hold', mb: 16, ms: 1000 }),
        pool.run({ do: 'hold', mb: 16, ms: 1000 }),
      ])) as Ran[];
      expect(Math.max(a.value.start, b.value.start)).toBeLessThan(Math.min(a.value.end, b.value.end));
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe('the batch’s pool', () => {
  it('admits by jobWeight under BUDGET_PER_JOB_MB per job (several jobs), recycling above RECYCLE_ABOVE_MB', () => {
    const saved = { ...process.env };
    for (const k of ['CAIJIAN_JOB_BUDGET_MB', 'CAIJIAN_JOB_RECYCLE_MB']) delete process.env[k];
    try {
      const two = batchPoolOptions(2, 120_000, {});
      expect(two.weigh).toBe(jobWeight);
      expect(two.budgetMb).toBe(580);
      expect(two.recycleAboveMb).toBe(RECYCLE_ABOVE_MB);
      expect(RECYCLE_ABOVE_MB).toBe(260);
      expect(batchPoolOptions(3, 120_000, {}).budgetMb).toBe(3 * 290);
      // one job alone has no one to be admitted beside: no budget
      expect(batchPoolOptions(1, 120_000, {}).budgetMb).toBeUndefined();
      expect(batchPoolOptions(2, 120_000, { budgetMb: 700 }).budgetMb).toBe(700);
    } finally {
      process.env = saved;
    }
  });
});
