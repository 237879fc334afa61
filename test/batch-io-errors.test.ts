import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readJournal } from '../src/batch/journal.ts';
import { runMain } from './helpers/run-main.ts';
import { seedPath } from './helpers/seeds.ts';

// Disk full, I/O error and no permission on the command line (issue 13.4): a clear zh/en message, exit 2, and nothing
// finished lost. The failures are real, without filling a disk: a file the program writes is a symlink to /dev/full
// (every write ENOSPC), /proc/version (every write EIO) or /sys/kernel/notes (open EACCES, even for root).

const ENOSPC = '/dev/full';
const EIO = '/proc/version';
const EACCES = '/sys/kernel/notes';
const linuxDevices = [ENOSPC, EIO, EACCES].every(existsSync);

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folderOfSeeds(n: number): { dir: string; input: string } {
  const dir = mkdtempSync(join(tmpdir(), 'caijian-io-'));
  dirs.push(dir);
  const input = join(dir, 'in');
  mkdirSync(input);
  for (let i = 0; i < n; i++) copyFileSync(seedPath(String(i % 5).padStart(3, '0')), join(input, `doc-${i}.txt`));
  return { dir, input };
}

const run = (args: string[]) => runMain([...args, '--lang', 'zh']);

const RAW = /\n\s+at |内部错误|Internal error|TypeError/;

describe.skipIf(!linuxDevices)('batch and CLI on storage that fails', () => {
  it('a journal on a full disk stops the batch with a message that says so and how to go on', async () => {
    const { dir, input } = folderOfSeeds(3);
    const out = join(dir, 'report.json');
    symlinkSync(ENOSPC, `${out}.jsonl`);
    const { code, err } = await run(['check', input, '--out', out]);
    expect(code).toBe(2);
    expect(err).toMatch(/存储空间已满.*无法继续记录批量审核结果.*--resume/);
    expect(err).not.toMatch(RAW);
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it('a report that cannot be written: the earlier report is untouched, every row is in the journal, --resume writes it without reading again', async () => {
    const { dir, input } = folderOfSeeds(4);
    const out = join(dir, 'report.json');
    writeFileSync(out, '{"earlier": true}\n');
    for (const [device, words] of [
      [ENOSPC, /存储空间已满/],
      [EIO, /存储读写出错（EIO）/],
      [EACCES, /没有写入权限（EACCES）/],
    ] as const) {
      rmSync(`${out}.partial`, { force: true });
      symlinkSync(device, `${out}.partial`); // where the report is written before it is renamed into place
      const { code, err } = await run(['check', input, '--out', out, ...(device === ENOSPC ? [] : ['--resume'])]);
      expect(code, device).toBe(2);
      expect(err).toMatch(words);
      expect(err).toMatch(
        /报告 .*report\.json 未写成。全部 4 个文件的结果已保存在 .*report\.json\.jsonl；排除问题后用 --resume 重新生成报告/,
      );
      expect(err).not.toMatch(RAW);
      expect(readFileSync(out, 'utf8')).toBe('{"earlier": true}\n');
      expect(readJournal(`${out}.jsonl`)).toHaveLength(4);
    }
    // the failed write took its partial file (here the symlink) away with it
    expect(existsSync(`${out}.partial`)).toBe(false);
    const { code } = await run(['check', input, '--out', out, '--resume']);
    expect([0, 1]).toContain(code);
    expect(JSON.parse(readFileSync(out, 'utf8')).rows).toHaveLength(4);
    // nothing was read twice: the journal still has one line per file
    expect(readJournal(`${out}.jsonl`)).toHaveLength(4);
    expect(existsSync(`${out}.partial`)).toBe(false);
  }, 180_000);

  it('another command writing to a full disk says so, not as an internal error nor a bare "cannot write"', async () => {
    const { dir } = folderOfSeeds(0);
    const target = join(dir, 'out.html');
    symlinkSync(ENOSPC, target);
    const { code, err } = await run(['render', seedPath('000'), '--to', 'html', '-o', target, '--force']);
    expect(code).toBe(2);
    expect(err).toMatch(/错误：无法写入文件：.*out\.html。存储空间已满，本次操作未保存/);
    expect(err).not.toMatch(RAW);
  }, 120_000);
});

describe('default number of batch jobs', () => {
  it('one per core, bounded by the memory available at 900 MB a job, never below one', async () => {
    const { defaultJobs, JOB_BUDGET_MB } = await import('../src/batch/run-batch.ts');
    expect(JOB_BUDGET_MB).toBe(900);
    expect(defaultJobs(20_000, 2)).toBe(2);
    expect(defaultJobs(20_000, 16)).toBe(16);
    expect(defaultJobs(2_000, 16)).toBe(2);
    expect(defaultJobs(500, 8)).toBe(1);
    expect(defaultJobs()).toBeGreaterThanOrEqual(1);
  });
});
