import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { readJournal } from '../src/batch/journal.ts';
import { seedPath } from './helpers/seeds.ts';

// Issue 13.3: a batch streams each finished file to an append-only journal beside its report, so that a kill -9
// at any point loses no finished row, and --resume completes the batch without doing those files again.

const BIN = join(import.meta.dirname, '..', 'bin', 'caijian.js');

function folderOfSeeds(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'caijian-durable-'));
  mkdirSync(join(dir, 'in'));
  for (let i = 0; i < n; i++) copyFileSync(seedPath(String(i % 5).padStart(3, '0')), join(dir, 'in', `doc-${String(i).padStart(2, '0')}.txt`));
  return dir;
}

function run(args: string[], onTick?: (stop: () => void) => void): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
    const timer = onTick ? setInterval(() => onTick(() => child.kill('SIGKILL')), 10) : null;
    child.on('exit', (code) => {
      if (timer) clearInterval(timer);
      resolve(code);
    });
  });
}

function completeLines(path: string): number {
  if (!existsSync(path)) return 0;
  return readFileSync(path, 'utf8').split('\n').filter((l) => {
    try {
      return !!JSON.parse(l).row;
    } catch {
      return false;
    }
  }).length;
}

describe('batch durability', () => {
  it('kill -9 in the middle loses no finished row; --resume completes the batch without redoing them', async () => {
    const n = 24;
    const dir = folderOfSeeds(n);
    const out = join(dir, 'report.json');
    const journal = `${out}.jsonl`;
    // kill at a point drawn at random among the files, once that many are in the journal
    const killAt = 2 + Math.floor(Math.random() * 8);
    await run(['check', join(dir, 'in'), '--out', out, '--jobs', '1'], (stop) => {
      if (completeLines(journal) >= killAt) stop();
    });
    const finished = readJournal(journal);
    expect(finished.length).toBeGreaterThanOrEqual(killAt);
    const firstRun = new Set(finished.map((e) => e.path));
    expect(firstRun.size).toBe(finished.length);
    for (const e of finished) expect(e.row.status).toBe('ok');

    const code = await run(['check', join(dir, 'in'), '--out', out, '--jobs', '2', '--resume']);
    expect(code === 0 || code === 1).toBe(true);
    const all = readJournal(journal);
    // every file exactly once: the resumed run did not redo what the killed one finished
    expect(all.length).toBe(n);
    expect(new Set(all.map((e) => e.path)).size).toBe(n);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.rows).toHaveLength(n);
    expect(report.rows.every((r: { status: string }) => r.status === 'ok')).toBe(true);
  }, 240_000);

  it('a bad --out is refused before any file is read', async () => {
    const dir = folderOfSeeds(2);
    const err: string[] = [];
    const orig = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((s: string) => {
      err.push(String(s));
      return true;
    }) as typeof process.stderr.write;
    try {
      expect(await main(['check', join(dir, 'in'), '--out', join(dir, 'no-such-folder', 'r.json')])).toBe(2);
    } finally {
      process.stderr.write = orig;
    }
    expect(err.join('')).toMatch(/无法写入报告位置.*文件夹不存在/);
  });
});
