import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { parseBytes } from '../../src/pipeline.ts';
import { PageRenderer } from '../../src/render/page-image.ts';
import { prepareSheet, writeSheet } from '../../src/sheet/export.ts';
import { seedModel } from '../helpers/seeds.ts';
import { GOLDEN_PDFS, SHARED } from './goldens.ts';

// The check sheet as the reviewer receives it: written as xlsx, read back with exceljs — the items in the reviewers'
// order, 是/否/未能核对, numbered problems with their place, and (for PDF input) a picture anchored beside each.

async function readBack(
  bytes: Uint8Array,
): Promise<{ ws: ExcelJS.Worksheet; rows: { label: string; verdict: string; text: string; row: number }[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('检查表')!;
  const rows: { label: string; verdict: string; text: string; row: number }[] = [];
  let header = 0;
  ws.eachRow((r, n) => {
    if (r.getCell(2).value === '检查项目') header = n;
    // An item with several pictures spans several rows; its cells are merged, so only the first row carries them.
    else if (
      header &&
      n > header &&
      ['是', '否', '未能核对'].includes(String(r.getCell(3).value ?? '')) &&
      ws.getCell(n, 3).master.address === ws.getCell(n, 3).address
    )
      rows.push({
        label: String(r.getCell(2).value),
        verdict: String(r.getCell(3).value),
        text: String(r.getCell(4).value ?? ''),
        row: n,
      });
  });
  return { ws, rows };
}

describe('check sheet xlsx from a seed (text input)', () => {
  it('has the items in order, the verdicts, and the problems numbered with line numbers', async () => {
    const p = await prepareSheet(seedModel('000'), null);
    const { ws, rows } = await readBack(await writeSheet(p, 'xlsx'));
    expect(ws.getCell('A1').value).toBe('2023年度部门决算公开情况检查表');
    expect(ws.getCell('B2').value).toBe('株洲市天元区医疗保障局');
    const labels = rows.map((r) => r.label);
    expect(labels.slice(0, 7)).toEqual([
      '及时公开部门决算',
      '封面',
      '目录',
      '主要职能',
      '机构设置',
      '名词解释',
      '情况说明',
    ]);
    expect(labels.slice(-2)).toEqual([
      '其他相关说明（“三公”经费、机关运行经费、政府采购、国有资产、绩效等）',
      '项目经费情况说明',
    ]);
    // One row per standard table, by its printed title, in the document's order.
    expect(labels.slice(7, 16)).toEqual([
      '《收入支出决算总表》',
      '《收入决算表》',
      '《支出决算表》',
      '《财政拨款收入支出决算总表》',
      '《一般公共预算财政拨款支出决算表》',
      '《一般公共预算财政拨款基本支出决算明细表》',
      '《政府性基金预算财政拨款收入支出决算表》',
      '《国有资本经营预算财政拨款支出决算表》',
      '《财政拨款“三公”经费支出决算表》',
    ]);
    expect(rows[0].verdict).toBe('未能核对');
    // The 3-decimal figure of the 06表 (151.911), with its line.
    const t06 = rows.find((r) => r.label === '《一般公共预算财政拨款基本支出决算明细表》')!;
    expect(t06.verdict).toBe('否');
    expect(t06.text).toMatch(/^1\. .*151\.911.*（第308行）/);
    // The 0X placeholder is an "other matters" (三公) problem, numbered in its cell.
    const other = rows.find((r) => r.label.startsWith('其他相关说明'))!;
    expect(other.text).toMatch(/^1\. 正文留有模板占位符“0X”.*（第508行）\n2\. /);
    // No rule slugs or internal keys in any cell.
    for (const r of rows) expect(r.text).not.toMatch(/final\.|budget\.|col:|[a-z]+-[a-z]+\/|\[[a-z-]+\]/);
    // Text input has no page picture, and the picture cell says so.
    expect(ws.getImages()).toHaveLength(0);
    expect(String(ws.getCell(t06.row, 5).value)).toContain('没有页面图像');
    // Printable: A4, one page wide, the column header repeated.
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1 });
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
  });

  it('a budget with missing tables: the missing standard tables are rows marked 否 or 未能核对, never 是', async () => {
    const p = await prepareSheet(seedModel('003'), null);
    const { rows } = await readBack(await writeSheet(p, 'xlsx'));
    const income = rows.find((r) => r.label === '《收入总表》' || r.label === '《部门收入总表》')!;
    // Seed 003 holds none of its 32 listed tables and no table at all: each table is 未能核对 (the tables part may be
    // a separate file), and the 目录 row carries the one problem.
    expect(income.verdict).toBe('未能核对');
    expect(income.text).toContain('未能核对：本文件不含目录所列的报表部分，可能另行公开');
    const contents = rows.find((r) => r.label === '目录')!;
    expect(contents.verdict).toBe('否');
    expect(contents.text).toContain('目录列出的32张表格');
  });
});

const CORPUS_PDFS = GOLDEN_PDFS.map((g) => ({ ...g, file: join(SHARED, g.path) })).filter((g) => existsSync(g.file));
const haveChromium = PageRenderer.available();
if (!haveChromium) console.warn('[sheet] picture cases SKIPPED: no Chromium (apt-get install chromium)');

describe.skipIf(!haveChromium || CORPUS_PDFS.length < 2)('check sheet xlsx from corpus PDFs, with pictures', () => {
  const renderer = new PageRenderer();
  afterAll(() => renderer.close());

  // One final account (13 problems on 8 pages); the golden test covers the other regions without pictures.
  for (const g of CORPUS_PDFS.filter((x) => x.name.startsWith('佛山'))) {
    it(`${g.name}: a picture per problem with a page, anchored on its item's row`, async () => {
      const bytes = new Uint8Array(readFileSync(g.file));
      const d = await parseBytes(bytes, { fileName: basename(g.file) });
      const p = await prepareSheet(d, bytes, { renderer });
      const withPage = p.sheet.items.flatMap((i) => i.problems.filter((x) => x.image).map((x) => ({ item: i, x })));
      expect(withPage.length).toBeGreaterThan(0);
      expect(p.images.size).toBe(withPage.length);
      const { ws, rows } = await readBack(await writeSheet(p, 'xlsx'));
      const images = ws.getImages();
      expect(images).toHaveLength(withPage.length);
      for (const r of rows.filter((x) => x.verdict === '否')) {
        // Every problem with a place names its page, and its picture sits in the 问题截图 column from the item's row on.
        const item = p.sheet.items.find((i) => i.label === r.label)!;
        for (const x of item.problems.filter((q) => q.image)) {
          expect(r.text).toContain(`${x.n}. ${x.text}`);
          expect(x.text).toMatch(/（第\d+页）$/);
        }
        const n = item.problems.filter((x) => x.image).length;
        const here = images.filter(
          (im) =>
            im.range.tl.nativeCol === 4 &&
            im.range.tl.nativeRow >= r.row - 1 &&
            im.range.tl.nativeRow < r.row - 1 + Math.max(n, 1),
        );
        expect(here).toHaveLength(n);
      }
      // A picture is a PNG of a readable size (page cut around the box, not the whole page).
      const wbImage = p.images.values().next().value!;
      expect(Buffer.from(wbImage.png.subarray(1, 4)).toString()).toBe('PNG');
      expect(wbImage.width).toBeGreaterThan(300);
      expect(wbImage.height).toBeLessThan(1200);
    }, 120_000);
  }
});

describe('check FILE --out', () => {
  let err: string[];
  beforeEach(() => {
    err = [];
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
      err.push(String(s));
      return true;
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('writes the check sheet of one document (exit 1: the seed has errors)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caijian-sheet-'));
    const out = join(dir, '检查表.xlsx');
    expect(
      await main([
        'check',
        join(SHARED, 'seeds', '000_29b57f9efee068d5.txt'),
        '--out',
        out,
        '--source-url',
        'https://example.gov.cn/2023/jsgk.html',
      ]),
    ).toBe(1);
    const { ws, rows } = await readBack(new Uint8Array(readFileSync(out)));
    expect(ws.getCell('B4').value).toBe('https://example.gov.cn/2023/jsgk.html');
    expect(rows.length).toBe(18);
  });
});
