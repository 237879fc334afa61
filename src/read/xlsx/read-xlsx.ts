import type { Block, Layout, ReadWarning } from '../../model/layout.ts';
import { InputError, isInputError, libraryComplaint } from '../errors.ts';
import { checkXlsxArchive } from './check-xlsx-archive.ts';
import type { ExtractedSheets } from './exceljs-sheets.ts';
import { tooLarge } from './safe-zip.ts';
import { sheetToBlocks } from './sheet-layout.ts';
import { DEFAULT_WORKBOOK_LIMITS, type WorkbookLimits } from './workbook-limits.ts';

// Excel reader: a workbook becomes one Layout, sheet after sheet (a page break between sheets, pageCount =
// sheets read). Each sheet's title rows become lines and its table a grid whose cells carry sheet!A1 places,
// display text, exact raw numbers and merges. See docs/decisions/0005-excel.md for the libraries chosen.

export async function readWorkbook(
  bytes: Uint8Array,
  format: 'xlsx' | 'xls',
  limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS,
): Promise<Layout> {
  const extracted = await extractSheets(bytes, format, limits);
  const blocks: Block[] = [];
  const warnings: ReadWarning[] = [...extracted.warnings];
  const budget = { cells: limits.maxGridCells, limit: limits.maxGridCells };
  extracted.sheets.forEach((sheet, index) => {
    if (index > 0)
      blocks.push({ type: 'break', kind: 'page', place: { kind: 'sheet', sheet: sheet.name, cell: 'A1' } });
    const sheetBlocks = sheetToBlocks(sheet, budget);
    if (!sheetBlocks.some((b) => b.type !== 'break')) {
      warnings.push({
        code: 'empty-sheet',
        message: `工作表“${sheet.name}”是空的。`,
        messageEn: `Worksheet "${sheet.name}" is empty.`,
        place: { kind: 'sheet', sheet: sheet.name, cell: 'A1' },
      });
    }
    blocks.push(...sheetBlocks);
  });
  if (extracted.sheets.length === 0) {
    warnings.push({
      code: 'empty-input',
      message: '工作簿中没有可读的工作表。',
      messageEn: 'The workbook has no readable worksheet.',
    });
  }
  return { format, pageCount: extracted.sheets.length, imageOnlyPages: [], blocks, warnings };
}

/**
 * exceljs is strict where the format is lenient: it refuses rows and cells written without their optional
 * r="…" references, as some report generators write them. SheetJS reads those, so when exceljs fails on an
 * archive that passed the guard, SheetJS gets a second try and the layout says which library read it.
 */
async function loadXlsxWithFallback(bytes: Uint8Array, limits: WorkbookLimits): Promise<ExtractedSheets> {
  const { loadXlsxSheets } = await import('./exceljs-sheets.ts');
  try {
    return await loadXlsxSheets(bytes);
  } catch (first) {
    const { loadXlsSheets } = await import('./xls-sheets.ts');
    let second: ExtractedSheets;
    try {
      second = loadXlsSheets(bytes, limits);
    } catch (e) {
      if (isInputError(e)) throw e;
      throw first; // report the primary reader's complaint
    }
    const detail = libraryComplaint(first);
    second.warnings.unshift({
      code: 'xlsx-fallback-reader',
      message: `此工作簿不完全符合常见写法${detail ? `（${detail}）` : ''}，已改用备用方式读取，请核对结果。`,
      messageEn: `This workbook departs from the usual form${detail ? ` (${detail})` : ''}; it was read with the fallback reader, please check the result.`,
    });
    return second;
  }
}

async function extractSheets(
  bytes: Uint8Array,
  format: 'xlsx' | 'xls',
  limits: WorkbookLimits,
): Promise<ExtractedSheets> {
  try {
    if (format === 'xls') {
      if (bytes.byteLength > limits.maxXlsBytes)
        throw tooLarge(`${bytes.byteLength} 字节`, `${bytes.byteLength} bytes`);
      const { loadXlsSheets } = await import('./xls-sheets.ts');
      return loadXlsSheets(bytes, limits);
    }
    if (checkXlsxArchive(bytes, limits) === 'binary') {
      const { loadXlsSheets } = await import('./xls-sheets.ts');
      return loadXlsSheets(bytes, limits);
    }
    return await loadXlsxWithFallback(bytes, limits);
  } catch (e) {
    if (isInputError(e)) throw e;
    // The libraries throw plain errors (or strings) on damaged files; the user gets a clear bilingual message.
    const detail = libraryComplaint(e);
    // A password-protected .xlsx is a compound file like .xls; SheetJS says so in its message.
    if (detail && /password/i.test(detail)) {
      throw new InputError(
        'encrypted',
        'Excel 文件有密码保护，请先取消密码后再读取。',
        'The Excel file is password-protected; remove the password first.',
        { cause: e },
      );
    }
    throw new InputError(
      'unreadable',
      `Excel 文件已损坏或格式不受支持，无法读取${detail ? `：${detail}` : '。'}`,
      `The Excel file is damaged or in an unsupported form and cannot be read${detail ? `: ${detail}` : '.'}`,
      { cause: e },
    );
  }
}
