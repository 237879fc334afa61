import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBatch, type BatchResult } from '../src/batch/index.ts';
import { summaryText } from '../src/batch/check-many.ts';
import { pairDocuments } from '../src/batch/pairs.ts';
import { emptyRow } from '../src/batch/process-file.ts';
import type { BatchRow } from '../src/batch/types.ts';

// `caijian check DIR` pairs each document with the same entity's documents of the year its cross-document rules
// compare with (issue 12), on a folder of real corpus files: 万里街道 budgets 2023, 2024 and 2025 (上海市普陀区),
// 江苏省人大常委会办公厅 2018 and 2019 under two printed names (省人大办公厅 / 江苏省人大常委会), and 江苏省人民检察院 2018
// with no other year beside it.

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const FILES: Record<string, string> = {
  'wl2023.pdf': 'zxj6827111-blip__tianbaoxitong/1770007475548-818404804.pdf',
  'wl2024.pdf': 'zxj6827111-blip__tianbaoxitong/1769438736627-418301796.pdf',
  'wl2025.pdf': 'zxj6827111-blip__tianbaoxitong/1770870224634-745254255.pdf',
  'rd2018.pdf': 'ae86jack__open-budget/省人大办公厅2018预算公开.pdf',
  'rd2019.pdf': 'ae86jack__open-budget/江苏省人大常委会2019年度部门预算公开.pdf',
  'jc2018.pdf': 'ae86jack__open-budget/2018年省检察院部门预算公开.pdf',
};

describe('a folder of real documents paired by entity and year', () => {
  let dir: string;
  let result: BatchResult;
  const name = (p: string) => p.split('/').pop();
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caijian-pairs-'));
    for (const [to, from] of Object.entries(FILES)) copyFileSync(join(CORPUS, from), join(dir, to));
    // a second copy of the 2023 budget: one file's copies count once
    copyFileSync(join(CORPUS, FILES['wl2023.pdf']), join(dir, 'wl2023-copy.pdf'));
    result = await runBatch([dir], { jobs: 2, out: join(dir, 'report.xlsx') });
  }, 120_000);

  it('pairs each budget with last year’s budget of the same entity, and nothing else', () => {
    const pairs = (result.pairs ?? []).map((p) => [
      name(p.file),
      name(p.prior)?.replace('-copy', ''),
      p.entityKey,
      p.status,
    ]);
    expect(pairs.sort()).toEqual(
      [
        ['rd2019.pdf', 'rd2018.pdf', '江苏省/人大常委会办公厅', 'ok'],
        ['wl2024.pdf', 'wl2023.pdf', '上海市普陀区/万里街道办事处', 'ok'],
        ['wl2025.pdf', 'wl2024.pdf', '上海市普陀区/万里街道办事处', 'ok'],
      ].sort((a, b) => (a.join() < b.join() ? -1 : 1)),
    );
    // the 2023 copies: whichever the folder lists first is the one paired; never both
    expect(result.pairs?.filter((p) => name(p.file) === 'wl2024.pdf')).toHaveLength(1);
  });

  it('adds the pair’s findings to the document, each naming the other file and its place there', () => {
    const cross = result.findings.filter((f) => f.ruleId === 'prior-year-narrative');
    expect(cross.length).toBeGreaterThan(0);
    expect(cross.every((f) => name(f.file) === 'wl2024.pdf' && /^wl2023/.test(name(f.prior ?? '') ?? ''))).toBe(true);
    // p6 “2023年当年预算执行数为60.79万元” against the 2023 budget's 2013202 line on p15
    const f = cross.find((x) => x.priorPlace?.row === '2013202');
    expect(f?.severity).toBe('info');
    expect(f?.source).toMatchObject({ kind: 'pdf', page: 6 });
    expect(f?.priorPlace?.source).toMatchObject({ kind: 'pdf', page: 15 });
    const row = result.rows.find((r) => name(r.file) === 'wl2024.pdf') as BatchRow;
    expect(row.infos).toBeGreaterThanOrEqual(cross.filter((x) => x.severity === 'info').length);
  });

  it('lists the pairs in the summary and in the report’s sheet 配对', async () => {
    const text = summaryText(result);
    expect(text).toContain('跨年配对 / paired by entity and year: 3');
    expect(text).toMatch(/江苏省\/人大常委会办公厅\t2019预算 .*rd2019\.pdf\t2018预算 .*rd2018\.pdf\t0/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'report.xlsx'));
    const sheet = wb.getWorksheet('配对');
    expect(sheet?.rowCount).toBe(4);
    expect(String(sheet?.getRow(1).getCell(5).value)).toBe('对照文件 Other document');
  });
});

describe('pairDocuments', () => {
  const row = (file: string, o: Partial<BatchRow>): BatchRow => ({
    ...emptyRow(file),
    status: 'ok',
    kind: '预算',
    ...o,
  });
  it('never pairs a document without a key, of another scope, or of a year no rule compares with', () => {
    const rows = [
      row('a2024', { entityKey: '西安市/统计局', fiscalYear: 2024, level: '部门', consolidation: '汇总' }),
      row('b2023', { entityKey: '西安市/统计局', fiscalYear: 2023, level: '单位', consolidation: '本级' }),
      row('c2022', { entityKey: '西安市/统计局', fiscalYear: 2022, level: '部门', consolidation: '汇总' }),
      row('d2023', { entityKey: null, fiscalYear: 2023 }),
      row('e2024', { entityKey: null, fiscalYear: 2024 }),
    ];
    expect(pairDocuments(rows)).toEqual([]);
  });
  it('takes the document of the same scope where last year holds it beside one of unknown scope', () => {
    const rows = [
      row('a2024', { entityKey: '无锡市/住房和城乡建设局', fiscalYear: 2024, level: '单位', consolidation: '本级' }),
      row('b2023', { entityKey: '无锡市/住房和城乡建设局', fiscalYear: 2023, level: '单位', consolidation: '本级' }),
      row('c2023', { entityKey: '无锡市/住房和城乡建设局', fiscalYear: 2023 }),
    ];
    expect(pairDocuments(rows).map((p) => [p.file, p.prior])).toEqual([['a2024', 'b2023']]);
  });
});
