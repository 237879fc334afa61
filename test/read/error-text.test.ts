import { describe, expect, it, vi } from 'vitest';
import { isInputError, libraryComplaint } from '../../src/read/errors.ts';
import * as exceljsSheets from '../../src/read/xlsx/exceljs-sheets.ts';
import { readWorkbook } from '../../src/read/xlsx/read-xlsx.ts';
import * as xlsSheets from '../../src/read/xlsx/xls-sheets.ts';
import { sheetXml, workbookZip } from '../fixtures/office/zip.ts';

// Issue 13: a reader quotes a library's own complaint about a file ("Invalid row number in model"), never JavaScript's
// words for a program error ("Cannot read properties of undefined") — exceljs throws those on some odd workbooks.

vi.mock('../../src/read/xlsx/exceljs-sheets.ts', async (original) => {
  const real = await original<typeof import('../../src/read/xlsx/exceljs-sheets.ts')>();
  return { ...real, loadXlsxSheets: vi.fn(real.loadXlsxSheets) };
});
vi.mock('../../src/read/xlsx/xls-sheets.ts', async (original) => {
  const real = await original<typeof import('../../src/read/xlsx/xls-sheets.ts')>();
  return { ...real, loadXlsSheets: vi.fn(real.loadXlsSheets) };
});

const RAW = /TypeError|RangeError|Cannot read prop|Cannot set prop|of undefined|is not a function/;
const bug = () => new TypeError("Cannot read properties of undefined (reading 'model')");

describe('libraryComplaint', () => {
  it('keeps a library’s words about the file and drops JavaScript’s words for a bug', () => {
    expect(libraryComplaint(new Error('Invalid row number in model'))).toBe('Invalid row number in model');
    expect(libraryComplaint('Corrupted zip : missing 42 bytes')).toBe('Corrupted zip : missing 42 bytes');
    expect(libraryComplaint(bug())).toBeNull();
    expect(libraryComplaint(new RangeError('Invalid array length'))).toBeNull();
    // a library that rethrows a bug's text as a plain Error
    expect(libraryComplaint(new Error("Cannot set properties of null (setting 'x')"))).toBeNull();
    expect(libraryComplaint(new Error('sheet.rows is not iterable'))).toBeNull();
    expect(libraryComplaint(new Error(''))).toBeNull();
    expect(libraryComplaint(new Error('x'.repeat(500)))?.length).toBe(200);
  });
});

describe('the Excel reader’s messages', () => {
  const xlsx = () => workbookZip(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>收入决算表</t></is></c></row>'));

  it('a bug in the first reader: read by the fallback, the warning says so without the bug’s text', async () => {
    vi.mocked(exceljsSheets.loadXlsxSheets).mockRejectedValueOnce(bug());
    const layout = await readWorkbook(xlsx(), 'xlsx');
    const w = layout.warnings.find((x) => x.code === 'xlsx-fallback-reader')!;
    expect(w.message).toBe('此工作簿不完全符合常见写法，已改用备用方式读取，请核对结果。');
    expect(`${w.message} ${w.messageEn}`).not.toMatch(RAW);
  });

  it('the first reader’s own complaint is still quoted', async () => {
    vi.mocked(exceljsSheets.loadXlsxSheets).mockRejectedValueOnce(new Error('Invalid row number in model'));
    const layout = await readWorkbook(xlsx(), 'xlsx');
    expect(layout.warnings.find((x) => x.code === 'xlsx-fallback-reader')?.message).toContain(
      '（Invalid row number in model）',
    );
  });

  it('a bug in both readers: refused as unreadable, without the bug’s text', async () => {
    vi.mocked(exceljsSheets.loadXlsxSheets).mockRejectedValueOnce(bug());
    vi.mocked(xlsSheets.loadXlsSheets).mockImplementationOnce(() => {
      throw bug();
    });
    const e = await readWorkbook(xlsx(), 'xlsx').catch((x: unknown) => x);
    expect(isInputError(e)).toBe(true);
    if (!isInputError(e)) return;
    expect(e.code).toBe('unreadable');
    expect(e.messageZh).toBe('Excel 文件已损坏或格式不受支持，无法读取。');
    expect(`${e.messageZh} ${e.messageEn}`).not.toMatch(RAW);
    expect(e.cause).toBeInstanceOf(TypeError); // kept for whoever debugs it
  });
});
