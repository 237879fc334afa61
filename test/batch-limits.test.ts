import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processFile } from '../src/batch/process-file.ts';
import { type BatchResult, runBatch } from '../src/batch/index.ts';
import { readJournal } from '../src/batch/journal.ts';
import { SEEDS } from './fixtures/office/seed-tables.ts';
import { deflateRepeated, pdfWithContent } from './hostile/inputs.ts';

// The batch's memory and time limits as a user meets them (issue 13): a document refused by the PDF parser thread's
// heap limit gets a refused row with the zh/en message naming the limit, and the batch goes on; the PDF reader's own
// time limit is the batch's, not a fixed 120 s.

const PDF = join(import.meta.dirname, 'fixtures/pdf/beijing-audit-tables-2026.pdf');
const seed = () => join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith('000_'))!);

describe('a PDF whose parsing needs more than the parser thread has', () => {
  let dir: string;
  let hostile: string;
  let result: BatchResult;
  const saved = process.env.CAIJIAN_PDF_PARSER_HEAP_MB;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caijian-batch-limits-'));
    hostile = join(dir, 'one-huge-array.pdf');
    // One text operator whose operand is an array of 4 M numbers (16 MB inflated, 17 KB on disk): the parser thread
    // builds it whole before it can draw anything. Under the real limit (384 MB) it is read; with the thread's heap
    // lowered to 48 MB for the batch's reading process (its environment is the batch's) it cannot be.
    writeFileSync(hostile, pdfWithContent(deflateRepeated(Buffer.from('0.5 '), 16 << 20, 'BT [', '] TJ ET\n')));
    process.env.CAIJIAN_PDF_PARSER_HEAP_MB = '48';
    try {
      // One reading process: the documents after the refused one are read by the same process, a new parser thread.
      result = await runBatch([hostile, PDF, seed()], { jobs: 1, out: join(dir, 'report.json'), pairs: false });
    } finally {
      if (saved === undefined) delete process.env.CAIJIAN_PDF_PARSER_HEAP_MB;
      else process.env.CAIJIAN_PDF_PARSER_HEAP_MB = saved;
    }
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is refused at once, its row naming the limit in Chinese and English', () => {
    const row = result.rows.find((r) => r.file === hostile)!;
    expect(row).toMatchObject({ status: 'failed', reasonCode: 'too-large' });
    expect(row.reason).toContain('解析此 PDF 所需内存超过解析线程的上限');
    expect(row.reason).toContain('48 MB');
    expect(row.reasonEn).toContain('needs more memory than the parser thread has; the limit is 48 MB');
    // the refusal, not the batch's deadline (120 s): the dead thread no longer leaves the read waiting
    expect(row.ms).toBeLessThan(30_000);
  });

  it('does not stop the batch: the documents after it are read and audited, every row in the journal', () => {
    expect(result.rows.map((r) => r.status)).toEqual(['failed', 'ok', 'ok']);
    expect(result.rows[1].tables).toBeGreaterThan(0);
    expect(result.totals).toMatchObject({ files: 3, ok: 2, failed: 1, timeout: 0 });
    const journal = readJournal(join(dir, 'report.json.jsonl'));
    expect(journal.map((e) => e.row.status)).toEqual(['failed', 'ok', 'ok']);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).rows[0].reasonCode).toBe('too-large');
  });
});

describe('the PDF reader follows the batch time limit', () => {
  it('stops at the batch limit, not at its own 120 s, and the row says timeout', async () => {
    // A limit shorter than reading the document takes: the reader's own deadline is the one that fires.
    const { row } = await processFile(PDF, { timeoutSeconds: 0.05 });
    expect(row).toMatchObject({ status: 'timeout', reasonCode: 'timeout' });
    expect(row.reason).toContain('超过 0.05 秒');
    expect(row.reasonEn).toContain('longer than 0.05 s');
  });

  it('reads the same document within a longer limit', async () => {
    const { row } = await processFile(PDF, { timeoutSeconds: 60 });
    expect(row.status).toBe('ok');
  });
});
