import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkMany,
  isBatchInput,
  progressPrinter,
  runBatch,
  type BatchProgress,
  type BatchResult,
} from '../src/batch/index.ts';
import { isInputError } from '../src/read/errors.ts';
import { SEEDS, seedTable, seedText, tablesToXlsx } from './fixtures/office/seed-tables.ts';

const MISBEHAVING = new URL('./fixtures/office/batch/misbehaving-worker.ts', import.meta.url);

function seedFile(prefix: string): string {
  return join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(prefix))!);
}

describe('runBatch over the seeds, a workbook and bad files', () => {
  let dir: string;
  let result: BatchResult;
  const progress: BatchProgress[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caijian-batch-'));
    const text = seedText('000');
    writeFileSync(
      join(dir, 'seed000.xlsx'),
      await tablesToXlsx([{ sheet: '收入决算表', table: seedTable(text, '收入决算表') }]),
    );
    const workbook = readFileSync(join(dir, 'seed000.xlsx'));
    writeFileSync(join(dir, 'damaged.xlsx'), workbook.subarray(0, workbook.length >> 1));
    writeFileSync(join(dir, 'empty.pdf'), '');
    writeFileSync(join(dir, 'ignored.png'), 'not a document');
    result = await runBatch([SEEDS, dir, join(dir, 'missing.docx')], {
      jobs: 2,
      out: join(dir, 'report.xlsx'),
      onProgress: (p) => progress.push(p),
    });
  }, 60_000);

  it('gives one row per document, folders expanded, other files skipped', () => {
    expect(result.rows).toHaveLength(5 + 3 + 1);
    expect(result.rows.some((r) => r.file.endsWith('ignored.png'))).toBe(false);
    expect(result.totals).toMatchObject({ files: 9, ok: 6, failed: 3, timeout: 0, jobs: 2 });
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(progress.every((p) => p.total === 9)).toBe(true);
  });

  it('summarises each read document: entity, year, kind, tables, audit counts', () => {
    const seed000 = result.rows.find((r) => r.file.includes('000_'))!;
    expect(seed000).toMatchObject({
      status: 'ok',
      format: 'text',
      entity: '株洲市天元区医疗保障局',
      fiscalYear: 2023,
      kind: '决算',
      tables: 9,
    });
    const infos = result.findings.filter((f) => f.file === seed000.file && f.severity === 'info').length;
    expect(seed000.infos).toBe(infos);
    const workbook = result.rows.find((r) => r.file.endsWith('seed000.xlsx'))!;
    expect(workbook).toMatchObject({
      status: 'ok',
      format: 'xlsx',
      pages: 1,
      tables: 1,
      entity: '株洲市天元区医疗保障局',
    });
  });

  it('says why a file failed, in Chinese and English, without stopping the batch', () => {
    const damaged = result.rows.find((r) => r.file.endsWith('damaged.xlsx'))!;
    expect(damaged).toMatchObject({ status: 'failed', reasonCode: 'unreadable' });
    expect(damaged.reason).toMatch(/损坏|不完整/);
    expect(damaged.reasonEn).toMatch(/damaged|incomplete/);
    expect(result.rows.find((r) => r.file.endsWith('empty.pdf'))).toMatchObject({
      status: 'failed',
      reasonCode: 'empty',
    });
    expect(result.rows.find((r) => r.file.endsWith('missing.docx'))).toMatchObject({
      status: 'failed',
      reasonCode: 'not-found',
    });
  });

  it('writes the Excel report with sheets 汇总 and 问题', async () => {
    expect(result.written).toEqual([join(dir, 'report.xlsx')]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'report.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '问题']);
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.rowCount).toBe(1 + result.rows.length);
    expect(summary.getCell('A1').value).toBe('文件 File');
    const entities = summary.getColumn(2).values;
    expect(entities).toContain('株洲市天元区医疗保障局');
    expect(wb.getWorksheet('问题')!.rowCount).toBe(1 + result.findings.length);
  });

  it('writes JSON and CSV (UTF-8 with BOM) reports of the same rows', async () => {
    const again = await runBatch([seedFile('000')], { jobs: 1, out: join(dir, 'one.csv') });
    expect(again.written).toEqual([join(dir, 'one.csv'), join(dir, 'one.findings.csv')]);
    const csv = readFileSync(join(dir, 'one.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, line] = csv.slice(1).split('\r\n');
    expect(header.split(',')[0]).toBe('文件 File');
    expect(line).toContain('株洲市天元区医疗保障局');
    const json = await runBatch([seedFile('001')], { jobs: 1, out: join(dir, 'one.json') });
    const parsed = JSON.parse(readFileSync(join(dir, 'one.json'), 'utf8'));
    expect(parsed.rows).toEqual(json.rows);
    expect(parsed.rows[0].entity).toBe('原州区医疗保障局');
  });

  it('refuses a report name it cannot write before doing any work', async () => {
    const e = await runBatch([SEEDS], { out: join(dir, 'report.pdf') }).catch((x) => x);
    expect(isInputError(e)).toBe(true);
    expect(e.messageZh).toContain('.xlsx');
  });
});

describe('worker pool under misbehaving files', () => {
  it('stops a hanging file at the per-file limit, replaces the worker and finishes the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caijian-pool-'));
    const files = ['a.txt', 'hang.txt', 'crash.txt', 'b.txt'].map((name) => {
      const path = join(dir, name);
      copyFileSync(seedFile('000'), path);
      return path;
    });
    const started = performance.now();
    // 8 s, not less: a worker's start-up (loading the pipeline) counts against its first file, and on a loaded
    // 2-core machine that alone took over 3 s and failed a.txt
    const result = await runBatch(files, { jobs: 1, timeoutMs: 8000, workerUrl: MISBEHAVING });
    expect(performance.now() - started).toBeLessThan(45_000);
    expect(result.rows.map((r) => [r.file.split('/').pop(), r.status])).toEqual([
      ['a.txt', 'ok'],
      ['hang.txt', 'timeout'],
      ['crash.txt', 'failed'],
      ['b.txt', 'ok'],
    ]);
    expect(result.rows[1].reason).toContain('超时');
    expect(result.rows[1].reasonEn).toContain('Timed out');
    expect(result.rows[2].reasonCode).toBe('crash');
    expect(result.rows[3].entity).toBe('株洲市天元区医疗保障局');
  }, 60_000);

  it('gives every file a row instead of respawning forever when workers cannot start', async () => {
    const files = [seedFile('000'), seedFile('001'), seedFile('002')];
    const details: string[] = [];
    const result = await runBatch(files, {
      jobs: 2,
      workerUrl: new URL('./fixtures/office/batch/broken-worker.ts', import.meta.url),
      onDetail: (_file, detail) => details.push(detail),
    });
    expect(result.rows.map((r) => r.status)).toEqual(['failed', 'failed', 'failed']);
    expect(result.rows[0].reason).toContain('处理进程无法启动');
    // why it could not start is the operator's (stderr), not the report's
    expect(result.rows[0].reasonEn).not.toContain('module failed to load');
    expect(details).toHaveLength(3);
    for (const d of details) expect(d).toContain('module failed to load');
  }, 30_000);
});

describe('progress printer', () => {
  const row = {
    file: '/x/年报.pdf',
    status: 'failed',
    ms: 1200,
    reason: '文件是空的（0 字节）。',
  } as BatchProgress['row'];
  it('prints one plain line per file when stderr is not a terminal', () => {
    let out = '';
    const p = progressPrinter({ write: (t: string) => (out += t), isTTY: false });
    p.onProgress({ done: 3, total: 10, row, elapsedMs: 1000 });
    expect(out).toBe('[3/10] 失败/failed  /x/年报.pdf  1.2s  文件是空的（0 字节）。\n');
  });
  it('redraws a bar in place on a terminal', () => {
    let out = '';
    const p = progressPrinter({ write: (t: string) => (out += t), isTTY: true, columns: 120 });
    p.onProgress({ done: 5, total: 10, row, elapsedMs: 2000 });
    p.done();
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the progress line starts with the terminal's erase-line escape (ESC [2K)
    expect(out).toMatch(/^\r\x1b\[2K\[█{12}░{12}\] 5\/10 50% {2}2\.5 个\/秒 {2}年报\.pdf\n$/);
  });
});

describe('checkMany (caijian check on many documents)', () => {
  it('prints one line per document, the reasons of failures, and exits 2 when a file could not be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caijian-many-'));
    writeFileSync(join(dir, 'blank.docx'), '');
    let out = '';
    let err = '';
    const code = await checkMany([seedFile('000'), dir], {
      jobs: 2,
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: (t: string) => (err += t), isTTY: false },
    });
    expect(code).toBe(2);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^财鉴批量审核 \/ Caijian batch check — 2 个文件 files/);
    expect(lines.find((l) => l.endsWith(seedFile('000')))).toMatch(
      /^完成 ok\t\d+\t\d+\t9\t株洲市天元区医疗保障局\t2023\t决算\t/,
    );
    expect(out).toContain('文件是空的（0 字节）。');
    expect(out).toContain('The file is empty (0 bytes).');
    expect(err.trim().split('\n')).toHaveLength(2);
  });

  it('exits 1 exactly when an error-severity finding exists, and can print the JSON report', async () => {
    let out = '';
    const code = await checkMany([SEEDS], {
      format: 'json',
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: () => true },
    });
    const report = JSON.parse(out);
    expect(report.rows).toHaveLength(5);
    const errors = report.findings.filter((f: { severity: string }) => f.severity === 'error').length;
    expect(report.totals.errors).toBe(errors);
    expect(code).toBe(errors > 0 ? 1 : 0);
  });

  it('tells a folder or several paths from a single document', async () => {
    expect(await isBatchInput([SEEDS])).toBe(true);
    expect(await isBatchInput([seedFile('000')])).toBe(false);
    expect(await isBatchInput([seedFile('000'), seedFile('001')])).toBe(true);
    expect(await isBatchInput(['/no/such/file.pdf'])).toBe(false);
  });
});

describe('CSV report', () => {
  it('quotes fields, keeps negative numbers, and defuses text Excel would run as a formula', async () => {
    const { summaryCsv, findingsCsv } = await import('../src/batch/writers/write-csv.ts');
    const row = {
      file: '=HYPERLINK("http://x","点我").pdf',
      status: 'ok',
      format: 'pdf',
      entity: '株洲市医疗保障局, 本级',
      fiscalYear: 2023,
      kind: '决算',
      pages: 3,
      tables: 9,
      unknownTables: 0,
      errors: 1,
      warnings: 0,
      infos: 0,
      ms: 1234,
      reason: null,
      reasonEn: null,
      reasonCode: null,
    } as const;
    const csv = summaryCsv({ startedAt: '', rows: [row], findings: [], totals: {} as never });
    const line = csv.split('\r\n')[1];
    expect(line.startsWith(`"'=HYPERLINK(""http://x"",""点我"").pdf",`)).toBe(true);
    expect(line).toContain('"株洲市医疗保障局, 本级"');
    const finding = {
      file: 'a.pdf',
      ruleId: 'r',
      severity: 'error',
      message: '差额',
      messageEn: 'diff',
      table: null,
      tableTitle: null,
      row: '-',
      column: null,
      source: null,
      expected: '1.00',
      actual: '1.01',
      difference: '-0.01',
    } as const;
    const f = findingsCsv({ startedAt: '', rows: [], findings: [finding], totals: {} as never }).split('\r\n')[1];
    expect(f.split(',')).toContain('-0.01');
    expect(f.split(',')).toContain("'-");
  });
});

describe('progress bar width', () => {
  it('fits a line with Chinese file names into the terminal width, counting them as two columns', () => {
    let out = '';
    const p = progressPrinter({ write: (t: string) => (out += t), isTTY: true, columns: 60 });
    const row = {
      file: '/x/2026年深圳市规划和自然资源局宝安管理局部门预算.pdf',
      status: 'ok',
      ms: 10,
      reason: null,
    } as BatchProgress['row'];
    p.onProgress({ done: 1, total: 2, row, elapsedMs: 1000 });
    const line = out.replace('\r\x1b[2K', '');
    const width = [...line].reduce((w, ch) => w + (/[\u4e00-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
    expect(width).toBeLessThanOrEqual(59);
    expect(line.endsWith('…')).toBe(true);
    expect(line).toContain('1/2 50%');
  });
});
