import { spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './helpers/run-main.ts';
import { Journal, journalPath, readJournal } from '../src/batch/journal.ts';
import { emptyRow } from '../src/batch/process-file.ts';
import { seedPath } from './helpers/seeds.ts';

// Issue 13.3: a batch streams each finished file to an append-only journal beside its report, so that a kill -9
// at any point loses no finished row, and --resume completes the batch without doing those files again.

const BIN = join(import.meta.dirname, '..', 'bin', 'caijian.js');

function folderOfSeeds(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'caijian-durable-'));
  mkdirSync(join(dir, 'in'));
  for (let i = 0; i < n; i++)
    copyFileSync(seedPath(String(i % 5).padStart(3, '0')), join(dir, 'in', `doc-${String(i).padStart(2, '0')}.txt`));
  return dir;
}

/**
 * Runs the CLI; with `kill`, sends SIGKILL `delayMs` after the `afterReports`-th file is reported done (a point drawn
 * at random by the caller: between files, in the middle of one, or while its row is being written). Counting files,
 * not time from the first, keeps the kill inside the run on a fast machine (three kills 0.8–1.1 s after the first
 * file all came after the 40th on a quiet one). Returns the exit code and the files the batch reported finished on
 * stderr before it died.
 */
function run(
  args: string[],
  kill?: { afterReports: number; delayMs: number },
): Promise<{ code: number | null; signal: string | null; reported: string[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    const reported: string[] = [];
    let buffered = '';
    let timer: NodeJS.Timeout | null = null;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      buffered += d;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        // progress lines: "[k/n] 完成/ok  <path>  0.0s" — printed after the row is in the journal
        const m = /^\[\d+\/\d+\] \S+\s+(\S+)\s/.exec(line);
        if (m) reported.push(m[1]);
      }
      if (kill && reported.length >= kill.afterReports && !timer)
        timer = setTimeout(() => child.kill('SIGKILL'), kill.delayMs);
    });
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, reported });
    });
  });
}

describe('batch durability', () => {
  it('kill -9 at random points loses no finished row; --resume completes the batch without redoing them', async () => {
    const n = 40;
    const dir = folderOfSeeds(n);
    const out = join(dir, 'report.json');
    const journal = `${out}.jsonl`;
    const kills: number[] = [];
    let killed = 0;
    let announced = 0;
    // Three runs killed at a point drawn at random (after 1–8 more finished files, then 0–40 ms), each resuming the
    // one before; then one run to the end.
    for (let round = 0; round < 3; round++) {
      const before = new Set(readJournal(journal).map((e) => e.path));
      const kill = { afterReports: 1 + Math.floor(Math.random() * 8), delayMs: Math.floor(Math.random() * 40) };
      const at = kill.afterReports * 100 + kill.delayMs;
      kills.push(at);
      const r = await run(
        ['check', join(dir, 'in'), '--out', out, '--jobs', '1', ...(round ? ['--resume'] : [])],
        kill,
      );
      const finished = readJournal(journal);
      const paths = finished.map((e) => e.path);
      // no file twice: a resumed run did not redo what was finished
      expect(new Set(paths).size, `round ${round}, kill point ${at}`).toBe(paths.length);
      // every file the batch said was done (this run's new ones) is in the journal, whole
      for (const p of r.reported)
        if (!before.has(p)) expect(paths, `round ${round}: ${p} reported, not in journal`).toContain(p);
      for (const e of finished) expect(e.row.status).toBe('ok');
      if (r.signal === 'SIGKILL') killed++;
      announced += r.reported.length;
    }
    // kill points as files × 100 + ms: 305 = 3 files, then 5 ms
    expect(killed, `kill points ${kills.join(', ')}`).toBeGreaterThan(0);
    expect(announced).toBeGreaterThan(0);

    const last = await run(['check', join(dir, 'in'), '--out', out, '--jobs', '2', '--resume']);
    expect(last.code === 0 || last.code === 1).toBe(true);
    const all = readJournal(journal);
    expect(all.length).toBe(n);
    expect(new Set(all.map((e) => e.path)).size).toBe(n);
    // every line of the journal is whole JSON: a row cut by a kill was dropped before appending, not glued to
    expect(readFileSync(journal, 'utf8').trimEnd().split('\n')).toHaveLength(n);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.rows).toHaveLength(n);
    expect(report.rows.every((r: { status: string }) => r.status === 'ok')).toBe(true);
  }, 240_000);

  it('a row cut by a kill mid-write is dropped on resume, so the next row is not glued to it', () => {
    const dir = folderOfSeeds(2);
    const out = join(dir, 'report.json');
    const files = [join(dir, 'in', 'doc-00.txt'), join(dir, 'in', 'doc-01.txt')];
    const first = new Journal(out, false);
    first.append(files[0], emptyRow(files[0]), []);
    first.close();
    appendFileSync(journalPath(out), '{"path":"' + files[1] + '","size":12,"row":{"fi'); // the kill came here
    const resumed = new Journal(out, true);
    resumed.append(files[1], emptyRow(files[1]), []);
    resumed.close();
    expect(readJournal(journalPath(out)).map((e) => e.path)).toEqual(files);
    expect(
      readFileSync(journalPath(out), 'utf8')
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).path),
    ).toEqual(files);
  });

  it('a bad --out is refused before any file is read', async () => {
    const dir = folderOfSeeds(2);
    const { code, err } = await runMain(['check', join(dir, 'in'), '--out', join(dir, 'no-such-folder', 'r.json')]);
    expect(code).toBe(2);
    expect(err).toMatch(/无法写入报告位置.*文件夹不存在/);
  });
});
