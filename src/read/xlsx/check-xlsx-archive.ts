import { InputError } from '../errors.ts';
import { readZipEntries, tooLarge } from './safe-zip.ts';
import { parseRange } from './sheet-data.ts';
import type { WorkbookLimits } from './workbook-limits.ts';

// Everything about an .xlsx that could make exceljs run out of memory or time is checked here, on the
// inflated XML, before exceljs parses it: the archive size (safe-zip), the number of sheets, the number of
// cells written, and the area of merged ranges (exceljs materialises each covered cell).

const CELL_TAG = /<(?:\w+:)?c[\s>/]/g;
const MERGE_TAG = /<(?:\w+:)?mergeCell\s[^>]*ref="([^"]+)"/g;

/** 'xml' for .xlsx/.xlsm; 'binary' for .xlsb, whose sheets are binary records (read by SheetJS). */
export type XlsxFlavour = 'xml' | 'binary';

export function checkXlsxArchive(bytes: Uint8Array, limits: WorkbookLimits): XlsxFlavour {
  const entries = readZipEntries(bytes, limits.zip);
  if (entries.has('xl/workbook.bin')) {
    // Binary sheets cannot be scanned for tags; the zip limits bound them and SheetJS counts cells as it reads.
    const sheets = [...entries.keys()].filter((n) => /^xl\/worksheets\/[^/]+\.bin$/.test(n)).length;
    if (sheets > limits.maxSheets) throw tooLarge(`${sheets} 个工作表`, `${sheets} worksheets`);
    return 'binary';
  }
  if (!entries.has('xl/workbook.xml')) {
    throw new InputError(
      'unreadable',
      '这个压缩文件不是 Excel 工作簿（缺少 xl/workbook.xml）。',
      'This archive is not an Excel workbook (xl/workbook.xml is missing).',
    );
  }
  const sheetNames = [...entries.keys()].filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
  if (sheetNames.length > limits.maxSheets)
    throw tooLarge(`${sheetNames.length} 个工作表`, `${sheetNames.length} worksheets`);
  const decoder = new TextDecoder('latin1');
  let cells = 0;
  let merged = 0;
  for (const name of sheetNames) {
    // Tag names and A1 references are ASCII, so a byte-for-byte decoding is enough to count them.
    const xml = decoder.decode(entries.get(name));
    for (const _ of xml.matchAll(CELL_TAG)) {
      if (++cells > limits.maxCells)
        throw tooLarge(`超过 ${limits.maxCells} 个单元格`, `more than ${limits.maxCells} cells`);
    }
    for (const m of xml.matchAll(MERGE_TAG)) {
      const range = parseRange(m[1]);
      if (!range) continue;
      merged += (range.bottom - range.top + 1) * (range.right - range.left + 1);
      if (merged > limits.maxMergedCells)
        throw tooLarge(
          `合并单元格面积超过 ${limits.maxMergedCells}`,
          `merged ranges cover more than ${limits.maxMergedCells} cells`,
        );
    }
  }
  return 'xml';
}
