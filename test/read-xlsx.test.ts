import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GridBlock, Layout, LineBlock } from '../src/model/layout.ts';
import { readLayout } from '../src/read/read-layout.ts';
import { readWorkbook } from '../src/read/xlsx/read-xlsx.ts';
import { seedTable, seedText, tablesToXlsx, type SeedTable } from './fixtures/office/seed-tables.ts';
import { makeZip, sheetXml, workbookZip } from './fixtures/office/zip.ts';
import { inputError } from './helpers/input-error.ts';

const CORPUS = join(import.meta.dirname, '../../shared/corpus/zxj6827111-blip__tianbaoxitong');

const grids = (layout: Layout) => layout.blocks.filter((b): b is GridBlock => b.type === 'grid');
const lines = (layout: Layout) => layout.blocks.filter((b): b is LineBlock => b.type === 'line');
const sheetGrids = (layout: Layout, sheet: string) =>
  grids(layout).filter((g) => g.place.kind === 'sheet' && g.place.sheet === sheet);

describe('Excel reader on seed 000 tables written to a workbook', () => {
  let income: SeedTable;
  let expenditure: SeedTable;
  let layout: Layout;
  beforeAll(async () => {
    const text = seedText('000');
    income = seedTable(text, '收入决算表');
    expenditure = seedTable(text, '支出决算表');
    const bytes = await tablesToXlsx([
      { sheet: '收入决算表', table: income },
      { sheet: '支出决算表', table: expenditure },
    ]);
    layout = await readLayout(bytes, 'seed000.xlsx');
  });

  it('reads one page per sheet with a page break between them', () => {
    expect(layout.format).toBe('xlsx');
    expect(layout.pageCount).toBe(2);
    const pageBreaks = layout.blocks.filter((b) => b.type === 'break' && b.kind === 'page');
    expect(pageBreaks).toHaveLength(1);
  });

  it('turns the merged title rows into lines with their cells', () => {
    const first = lines(layout).slice(0, 4);
    expect(first.map((l) => l.text)).toEqual([
      '收入决算表',
      '公开 02 表',
      '部门：株洲市天元区医疗保障局',
      '单位：万元',
    ]);
    expect(first.map((l) => l.place)).toEqual(
      ['A1', 'A2', 'A3', 'A4'].map((cell) => ({ kind: 'sheet', sheet: '收入决算表', cell })),
    );
    const note = lines(layout).find((l) => l.text.startsWith('注：本表反映部门本年度取得'));
    expect(note?.place).toEqual({ kind: 'sheet', sheet: '收入决算表', cell: `A${6 + income.rows.length + 1}` });
  });

  it('keeps the table as one grid with the seed rows, merged header and wrapped code lines', () => {
    const [grid] = sheetGrids(layout, '收入决算表');
    expect(grid.place).toEqual({ kind: 'sheet', sheet: '收入决算表', cell: 'A6' });
    expect(grid.rows.map((r) => r.cells.map((c) => c.text))).toEqual(income.rows);
    const [head, second] = grid.rows;
    expect(head.cells[0]).toMatchObject({ text: '项 目', colSpan: 2 });
    expect(head.cells[1]).toEqual({ text: '', place: { kind: 'sheet', sheet: '收入决算表', cell: 'B6' } });
    expect(head.cells[2]).toMatchObject({ text: '本年收入合计', rowSpan: 2 });
    expect(second.cells[2].text).toBe('');
    // 20805 / 05 printed over two lines stay two rows, as in the printed table.
    const wrapped = grid.rows.findIndex((r) => r.cells[1].text === '保险缴费支出');
    expect(grid.rows[wrapped - 1].cells.slice(0, 2).map((c) => c.text)).toEqual(['20805', '机关事业单位基本养老']);
    expect(grid.rows[wrapped].cells[0]).toEqual({
      text: '05',
      place: { kind: 'sheet', sheet: '收入决算表', cell: `A${6 + wrapped}` },
    });
  });

  it('gives amounts exact raw values at the printed scale and the displayed text', () => {
    const [grid] = sheetGrids(layout, '收入决算表');
    const total = grid.rows.find((r) => r.cells[0].text === '合计')!;
    expect(total.cells[2]).toMatchObject({
      text: '289.70',
      raw: '289.70',
      place: { kind: 'sheet', sheet: '收入决算表', cell: 'C9' },
    });
    const insurance = grid.rows.find((r) => r.cells[0].text === '21015 05')!;
    expect(insurance.cells[3]).toMatchObject({ text: '19.00', raw: '19.00' });
    const [spending] = sheetGrids(layout, '支出决算表');
    const basic = spending.rows.find((r) => r.cells[0].text === '合计')!;
    expect(basic.cells.slice(2, 5).map((c) => c.raw)).toEqual(['289.70', '185.01', '104.69']);
  });
});

describe('Excel cell values', () => {
  let grid: GridBlock;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表1');
    ws.getCell('A1').value = '功能分类\n科目编码';
    ws.getCell('B1').value = '金额';
    ws.getCell('A2').value = '21015\n01';
    ws.getCell('B2').value = 7250557.36;
    ws.getCell('B2').numFmt = '#,##0.00';
    ws.getCell('A3').value = '2101599';
    ws.getCell('B3').value = 151.911;
    ws.getCell('B3').numFmt = '0.00';
    ws.getCell('A4').value = { richText: [{ text: '合' }, { text: '计' }] };
    ws.getCell('B4').value = { formula: 'B2+B3', result: 7250709.271 };
    ws.getCell('B4').numFmt = '#,##0.00_);[Red](#,##0.00)';
    ws.getCell('A5').value = '增长率';
    ws.getCell('B5').value = 0.0457;
    ws.getCell('B5').numFmt = '0.00%';
    ws.getCell('A6').value = '差额';
    ws.getCell('B6').value = -1234.5;
    ws.getCell('B6').numFmt = '#,##0.00_);[Red](#,##0.00)';
    const layout = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), 'xlsx');
    [grid] = grids(layout);
  });

  it('joins wrapped cell text: nothing between Chinese, a space between codes', () => {
    expect(grid.rows[0].cells[0].text).toBe('功能分类科目编码');
    expect(grid.rows[1].cells[0].text).toBe('21015 01');
  });

  it('shows numbers as formatted and keeps every decimal the value has', () => {
    expect(grid.rows[1].cells[1]).toMatchObject({ text: '7,250,557.36', raw: '7250557.36' });
    expect(grid.rows[2].cells[1]).toMatchObject({ text: '151.91', raw: '151.911' });
    expect(grid.rows[3].cells[0].text).toBe('合计');
    expect(grid.rows[3].cells[1]).toMatchObject({ text: '7,250,709.27', raw: '7250709.271' });
    expect(grid.rows[4].cells[1]).toMatchObject({ text: '4.57%', raw: '4.57' });
    expect(grid.rows[5].cells[1]).toMatchObject({ text: '(1,234.50)', raw: '-1234.50' });
  });
});

describe('Excel reader on the corpus workbooks', () => {
  it('reads department_budget_template.xlsx: 17 sheets, cover line, merged table header and 合计 row', async () => {
    const layout = await readLayout(
      new Uint8Array(readFileSync(join(CORPUS, 'department_budget_template.xlsx'))),
      'department_budget_template.xlsx',
    );
    expect(layout.pageCount).toBe(17);
    expect(lines(layout)[0]).toEqual({
      type: 'line',
      text: '上海市普陀区2026年区级部门预算',
      place: { kind: 'sheet', sheet: '封面', cell: 'A3' },
    });
    const unit = lines(layout).find(
      (l) => l.place.kind === 'sheet' && l.place.sheet === '部门收入总表' && l.text === '单位：元',
    );
    expect(unit?.place).toEqual({ kind: 'sheet', sheet: '部门收入总表', cell: 'I4' });
    const [grid] = sheetGrids(layout, '部门收入总表');
    expect(grid.rows[0].cells[0]).toMatchObject({ text: '项目', colSpan: 4 });
    expect(grid.rows[1].cells[3]).toMatchObject({ text: '功能分类科目名称', rowSpan: 2 });
    expect(grid.rows[1].cells[7].text).toBe('事业单位经营收入');
    const education = grid.rows[3].cells[0];
    expect(education).toEqual({ text: '205', raw: '205', place: { kind: 'sheet', sheet: '部门收入总表', cell: 'A9' } });
    const total = grid.rows[grid.rows.length - 1].cells[0];
    expect(total).toMatchObject({
      text: '合计',
      colSpan: 4,
      place: { kind: 'sheet', sheet: '部门收入总表', cell: 'A20' },
    });
  });

  it('reads unit_budget_template.xlsx', async () => {
    const layout = await readLayout(
      new Uint8Array(readFileSync(join(CORPUS, 'unit_budget_template.xlsx'))),
      'unit_budget_template.xlsx',
    );
    expect(layout.pageCount).toBe(16);
    expect(lines(layout)[0].text).toBe('上海市普陀区2026年区级单位预算');
  });

  it('reads the legacy budget_template.xls through SheetJS with merges and places', async () => {
    const layout = await readLayout(
      new Uint8Array(readFileSync(join(CORPUS, 'budget_template.xls'))),
      'budget_template.xls',
    );
    expect(layout.format).toBe('xls');
    expect(layout.pageCount).toBe(16);
    const [summary] = sheetGrids(layout, '单位收支总表');
    expect(summary.rows[0].cells[0]).toMatchObject({
      text: '本年收入',
      colSpan: 2,
      place: { kind: 'sheet', sheet: '单位收支总表', cell: 'A6' },
    });
    expect(summary.rows[1].cells[0]).toMatchObject({ text: '项目', rowSpan: 3 });
    const [income] = sheetGrids(layout, '单位收入总表');
    expect(income.rows[3].cells[0]).toEqual({
      text: '205',
      raw: '205',
      place: { kind: 'sheet', sheet: '单位收入总表', cell: 'A9' },
    });
  });
});

describe('Excel reader on bad input', () => {
  it('refuses a zip that is neither a workbook nor a document', async () => {
    const zip = makeZip([{ name: 'notes/readme.txt', data: 'hello' }]);
    expect((await inputError(readLayout(zip, 'x.xlsx'))).code).toBe('unsupported-format');
    const direct = await inputError(readWorkbook(zip, 'xlsx'));
    expect(direct.code).toBe('unreadable');
    expect(direct.messageZh).toContain('不是 Excel 工作簿');
  });

  it('refuses a truncated workbook with a bilingual message', async () => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, 'unit_budget_template.xlsx')));
    const e = await inputError(readLayout(bytes.subarray(0, Math.floor(bytes.length / 2)), 'cut.xlsx'));
    expect(e.code).toBe('unreadable');
    expect(e.messageZh).toMatch(/损坏|不完整/);
    expect(e.messageEn).toMatch(/damaged|incomplete/);
  });

  it('refuses a legacy .xls that is damaged', async () => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, 'budget_template.xls')));
    const e = await inputError(readLayout(bytes.subarray(0, 4096), 'cut.xls'));
    expect(e.code).toBe('unreadable');
  });

  it('refuses a zip bomb whose sheet lies about its size', async () => {
    const bomb = workbookZip(sheetXml(''), { data: new Uint8Array(110 * 1024 * 1024).fill(32), declaredSize: 2000 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const e = await inputError(readWorkbook(bomb, 'xlsx'));
    expect(e.code).toBe('too-large');
    expect(e.messageEn).toContain('too large');
  });

  it('refuses a sheet with millions of cells, and a merge over the whole sheet, before exceljs sees them', async () => {
    const cells = workbookZip(sheetXml('<row r="1">' + '<c r="A1"><v>1</v></c>'.repeat(2_000_001) + '</row>'));
    expect((await inputError(readWorkbook(cells, 'xlsx'))).code).toBe('too-large');
    const merge = workbookZip(
      sheetXml(
        '<row r="1"><c r="A1"><v>1</v></c></row>',
        '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
      ),
    );
    expect((await inputError(readWorkbook(merge, 'xlsx'))).code).toBe('too-large');
  });
});

describe('Excel rows above a table', () => {
  it('reads a title beside its table number, 部门 | year | 单位, and a date row as lines', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('02');
    ws.getCell('A1').value = '收入决算表';
    ws.mergeCells('A1:F1');
    ws.getCell('G1').value = '公开02表';
    ws.getCell('A2').value = '部门：株洲市天元区医疗保障局';
    ws.getCell('D2').value = '2023年度';
    ws.getCell('G2').value = '单位：万元';
    ws.getCell('A3').value = '2023年12月31日';
    ws.getCell('B3').value = '资产负债情况';
    ws.getRow(4).values = ['项目', '', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '其他收入'];
    ws.getRow(5).values = ['合计', '', 289.7, 289.7];
    const layout = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), 'xlsx');
    expect(lines(layout).map((l) => [l.text, l.place.kind === 'sheet' ? l.place.cell : ''])).toEqual([
      ['收入决算表', 'A1'],
      ['公开02表', 'G1'],
      ['部门：株洲市天元区医疗保障局', 'A2'],
      ['2023年度', 'D2'],
      ['单位：万元', 'G2'],
      ['2023年12月31日', 'A3'],
      ['资产负债情况', 'B3'],
    ]);
    const [grid] = grids(layout);
    expect(grid.place).toEqual({ kind: 'sheet', sheet: '02', cell: 'A4' });
    expect(grid.rows).toHaveLength(2);
  });
});

describe('Excel workbooks written without cell references', () => {
  it('are read through the fallback reader, with a warning saying so', async () => {
    const bytes = workbookZip(
      sheetXml(
        '<row><c t="inlineStr"><is><t>收入决算表</t></is></c></row>' +
          '<row><c t="inlineStr"><is><t>合计</t></is></c><c><v>289.7</v></c><c><v>289.7</v></c></row>',
      ),
    );
    const layout = await readWorkbook(bytes, 'xlsx');
    expect(layout.warnings[0].code).toBe('xlsx-fallback-reader');
    expect(layout.warnings[0].message).toContain('备用方式');
    expect(lines(layout)[0]).toMatchObject({
      text: '收入决算表',
      place: { kind: 'sheet', sheet: 'Sheet1', cell: 'A1' },
    });
    const [grid] = grids(layout);
    expect(grid.rows[0].cells.map((c) => [c.text, c.raw])).toEqual([
      ['合计', undefined],
      ['289.7', '289.7'],
      ['289.7', '289.7'],
    ]);
    expect(grid.rows[0].cells[2].place).toEqual({ kind: 'sheet', sheet: 'Sheet1', cell: 'C2' });
  });
});

describe('Excel binary workbooks (.xlsb)', () => {
  it('are read through SheetJS with merges, places and exact values', async () => {
    const XLSX = await import('@e965/xlsx');
    const ws = XLSX.utils.aoa_to_sheet([['收入决算表'], ['项目', null, '本年收入合计'], ['合计', null, 289.7]]);
    ws['!merges'] = [XLSX.utils.decode_range('A2:B2')];
    ws.C3.z = '0.00';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '02');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsb' }) as ArrayBuffer);
    const layout = await readLayout(bytes, 'report.xlsb');
    expect(layout.pageCount).toBe(1);
    expect(lines(layout)[0]).toMatchObject({ text: '收入决算表', place: { kind: 'sheet', sheet: '02', cell: 'A1' } });
    const [grid] = grids(layout);
    expect(grid.rows[0].cells[0]).toMatchObject({ text: '项目', colSpan: 2 });
    expect(grid.rows[1].cells[2]).toMatchObject({
      text: '289.70',
      raw: '289.70',
      place: { kind: 'sheet', sheet: '02', cell: 'C3' },
    });
  });
});

describe('hidden rows and columns', () => {
  it('are left out of the layout as they are left out of the printed sheet, with a warning', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('03');
    ws.getRow(1).values = ['科目编码', '内部码', '科目名称', '本年支出合计'];
    ws.getRow(2).values = ['2101501', 'X-17', '行政运行', 145.76];
    ws.getRow(3).values = ['2101599', 'X-18', '草稿行', 1];
    ws.getRow(4).values = ['2101504', 'X-19', '信息化建设', 1.2];
    ws.mergeCells('A5:C5');
    ws.getCell('A5').value = '合计';
    ws.getCell('D5').value = 146.96;
    ws.getColumn(2).hidden = true;
    ws.getRow(3).hidden = true;
    const layout = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), 'xlsx');
    const [grid] = grids(layout);
    expect(grid.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['科目编码', '科目名称', '本年支出合计'],
      ['2101501', '行政运行', '145.76'],
      ['2101504', '信息化建设', '1.2'],
      ['合计', '', '146.96'],
    ]);
    expect(grid.rows[3].cells[0]).toMatchObject({ colSpan: 2, place: { kind: 'sheet', sheet: '03', cell: 'A5' } });
    expect(grid.rows[2].cells[1].place).toEqual({ kind: 'sheet', sheet: '03', cell: 'C4' });
    expect(layout.warnings).toContainEqual(
      expect.objectContaining({
        code: 'hidden-cells',
        messageEn: expect.stringContaining('1 hidden rows and 1 hidden columns'),
      }),
    );
  });
});

describe('dates in workbooks', () => {
  it('show as dates and carry no raw amount, in .xls and .xlsx', async () => {
    const XLSX = await import('@e965/xlsx');
    const ws = XLSX.utils.aoa_to_sheet([
      ['项目', '内容'],
      ['填报日期', 45291],
      ['金额', 289.7],
    ]);
    ws.B2.z = 'yyyy"年"m"月"d"日"';
    ws.B3.z = '0.00';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
    const xls = await readLayout(
      new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff8' }) as ArrayBuffer),
      'dated.xls',
    );
    const [g1] = grids(xls);
    expect(g1.rows[1].cells[1]).toEqual({
      text: '2023年12月31日',
      place: { kind: 'sheet', sheet: 'Sheet1', cell: 'B2' },
    });
    expect(g1.rows[2].cells[1]).toMatchObject({ text: '289.70', raw: '289.70' });

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Sheet1');
    sheet.getCell('A1').value = '填报日期';
    sheet.getCell('B1').value = new Date(Date.UTC(2023, 11, 31));
    sheet.getCell('B1').numFmt = 'yyyy-mm-dd';
    sheet.getCell('A2').value = '金额';
    sheet.getCell('B2').value = 1;
    const xlsx = await readWorkbook(new Uint8Array(await book.xlsx.writeBuffer()), 'xlsx');
    const [g2] = grids(xlsx);
    expect(g2.rows[0].cells[1]).toEqual({ text: '2023-12-31', place: { kind: 'sheet', sheet: 'Sheet1', cell: 'B1' } });
  });
});
