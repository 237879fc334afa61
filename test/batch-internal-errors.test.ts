import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { summaryText } from '../src/batch/check-many.ts';
import { readJournal } from '../src/batch/journal.ts';
import { processFile, processPair } from '../src/batch/process-file.ts';
import { progressPrinter } from '../src/batch/progress.ts';
import { runBatch } from '../src/batch/run-batch.ts';
import { seedPath } from './helpers/seeds.ts';

// Issue 13: a program error's own text ("Cannot set properties of undefined") never reaches the batch's report. The
// row says an internal error stopped the file, in Chinese and English; the text goes to the operator — runBatch's
// onDetail (stderr by default) and the journal beside the report — so it can still be reported.

/** What a reader of the report must never see: a stack trace or raw JavaScript error text. */
const RAW = /\n\s+at |TypeError|ReferenceError|Cannot read prop|Cannot set prop|undefined is not/;

// The pipeline with a bug: every read ends in a TypeError (only in this process; the batch's workers are real).
vi.mock('../src/pipeline.ts', () => ({
  parseBytes: async () => {
    throw new TypeError("Cannot set properties of undefined (setting 'entity')");
  },
}));

describe('an internal error inside one document (processFile, processPair)', () => {
  it('makes a failed row with a plain zh/en reason and the error text as the detail', async () => {
    const { row, findings, detail } = await processFile(seedPath('000'));
    expect(findings).toEqual([]);
    expect(row).toMatchObject({ status: 'failed', reasonCode: 'internal' });
    expect(row.reason).toMatch(/^内部错误，未能处理此文件（详情已记录）/);
    expect(row.reasonEn).toMatch(/^Internal error; this file was not processed \(details logged\)/);
    expect(`${row.reason}\n${row.reasonEn}`).not.toMatch(RAW);
    expect(detail).toBe("TypeError: Cannot set properties of undefined (setting 'entity')");
  });

  it('gives a pair a plain reason and the error text as the detail', async () => {
    const pair = await processPair(seedPath('000'), seedPath('001'));
    expect(pair.findings).toEqual([]);
    expect(pair.reason).toMatch(/^内部错误，未能处理此文件/);
    expect(pair.reason).not.toMatch(RAW);
    expect(pair.detail).toMatch(/^TypeError: Cannot set properties of undefined/);
  });

  it('a file that cannot be read is still named as such (no detail)', async () => {
    const { row, detail } = await processFile('/no/such/file.pdf');
    expect(row.reasonCode).toBe('not-found');
    expect(detail).toBeUndefined();
  });
});

describe('runBatch with a bug in the pipeline and a reading process that dies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'caijian-internal-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the error text out of the rows and the report, and gives it to the operator and the journal', async () => {
    const files = ['a.txt', 'bug.txt', 'crash.txt'].map((name) => {
      const path = join(dir, name);
      copyFileSync(seedPath('000'), path);
      return path;
    });
    const out = join(dir, 'report.xlsx');
    const details: [string, string][] = [];
    const result = await runBatch(files, {
      jobs: 1,
      out,
      pairs: false,
      timeoutMs: 30_000,
      workerUrl: new URL('./fixtures/office/batch/misbehaving-worker.ts', import.meta.url),
      onDetail: (file, detail) => details.push([file, detail]),
    });
    const [ok, bug, crash] = result.rows;
    expect(ok.status).toBe('ok');
    expect(bug).toMatchObject({ status: 'failed', reasonCode: 'internal' });
    expect(crash).toMatchObject({ status: 'failed', reasonCode: 'crash' });
    expect(bug.reason).toMatch(/内部错误，未能处理此文件/);
    expect(crash.reason).toMatch(/处理进程意外退出/);
    expect(crash.reasonEn).toMatch(/ended unexpectedly/);
    for (const r of [bug, crash]) expect(`${r.reason}\n${r.reasonEn}`).not.toMatch(RAW);

    // the operator is told what happened inside, file by file
    expect(details).toEqual([
      [files[1], "TypeError: Cannot set properties of undefined (setting 'sha256')"],
      [files[2], expect.stringContaining("Cannot read properties of undefined (reading 'getPage')")],
    ]);
    // the journal beside the report keeps it
    const journal = readJournal(`${out}.jsonl`);
    expect(journal.find((e) => e.path === files[1])?.detail).toMatch(/^TypeError: Cannot set properties/);
    expect(journal.find((e) => e.path === files[2])?.detail).toMatch(/Cannot read properties of undefined/);
    expect(journal.find((e) => e.path === files[0])?.detail).toBeUndefined();

    // the report (every cell of every sheet) and the CLI's summary do not
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value ?? '')))));
    expect(cells.join('\n')).toMatch(/内部错误，未能处理此文件/);
    expect(cells.join('\n')).not.toMatch(RAW);
    expect(summaryText(result)).not.toMatch(RAW);
    expect(JSON.stringify(result.rows)).not.toMatch(RAW);
  }, 90_000);
});

describe('the progress printer takes a detail line', () => {
  it('as a plain line when stderr is not a terminal', () => {
    let out = '';
    progressPrinter({ write: (t: string) => (out += t), isTTY: false }).note('内部错误详情 x');
    expect(out).toBe('内部错误详情 x\n');
  });

  it('above the bar on a terminal, the bar drawn again under it', () => {
    let out = '';
    const p = progressPrinter({ write: (t: string) => (out += t), isTTY: true, columns: 120 });
    p.onProgress({
      done: 1,
      total: 2,
      row: { file: '/x/a.pdf', status: 'failed', ms: 10 } as never,
      elapsedMs: 1000,
    });
    const bar = out.slice('\r\x1b[2K'.length);
    out = '';
    p.note('内部错误详情 x');
    expect(out).toBe(`\r\x1b[2K内部错误详情 x\n${bar}`);
  });
});
