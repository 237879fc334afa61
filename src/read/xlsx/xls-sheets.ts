import * as XLSX from '@e965/xlsx';
import type { ReadWarning } from '../../model/layout.ts';
import { limitExceeded } from '../errors.ts';
import { tooLarge } from './safe-zip.ts';
import { formatNumber } from './number-format.ts';
import { hiddenWarning, type SheetCell, type SheetData, type SheetMerge } from './sheet-data.ts';
import type { ExtractedSheets } from './exceljs-sheets.ts';
import type { WorkbookLimits } from './workbook-limits.ts';

// Legacy BIFF .xls through SheetJS (see docs/decisions/0005-excel.md). SheetJS stores only the cells the
// file holds and lists merges separately, so cells covered by a merge are simply absent, except when an
// odd writer stored a value there too: those are dropped so the top-left cell alone carries the value.

export function loadXlsSheets(bytes: Uint8Array, limits: WorkbookLimits): ExtractedSheets {
  const { workbook, diagnostics } = readQuietly(bytes, limits);
  const sheets: SheetData[] = [];
  const warnings: ReadWarning[] = [];
  if (diagnostics.length) {
    warnings.push({
      code: 'xls-unknown-records',
      message: `旧版 Excel 文件中有 ${diagnostics.length} 处无法识别的内容，已跳过（${diagnostics[0]}）。`,
      messageEn: `${diagnostics.length} parts of the legacy Excel file were not recognised and were skipped (${diagnostics[0]}).`,
    });
  }
  if (workbook.SheetNames.length > limits.maxSheets)
    throw tooLarge(`${workbook.SheetNames.length} 个工作表`, `${workbook.SheetNames.length} worksheets`);
  let totalCells = 0;
  let mergedArea = 0;
  workbook.SheetNames.forEach((name, index) => {
    const hidden = workbook.Workbook?.Sheets?.[index]?.Hidden;
    if (hidden) {
      warnings.push({
        code: 'hidden-sheet',
        message: `隐藏的工作表“${name}”未读取。`,
        messageEn: `Hidden worksheet "${name}" was not read.`,
      });
      return;
    }
    const ws = workbook.Sheets[name];
    const merges: SheetMerge[] = (ws['!merges'] ?? []).map((m) => ({
      top: m.s.r + 1,
      left: m.s.c + 1,
      bottom: m.e.r + 1,
      right: m.e.c + 1,
    }));
    // The cells first: the merges only matter within the rows and columns that hold something.
    const keys: { key: string; row: number; col: number }[] = [];
    let maxRow = 0;
    let maxCol = 0;
    for (const key of Object.keys(ws)) {
      if (key.startsWith('!')) continue;
      if (++totalCells > limits.maxCells)
        throw tooLarge(`超过 ${limits.maxCells} 个单元格`, `more than ${limits.maxCells} cells`);
      const addr = XLSX.utils.decode_cell(key);
      keys.push({ key, row: addr.r + 1, col: addr.c + 1 });
      maxRow = Math.max(maxRow, addr.r + 1);
      maxCol = Math.max(maxCol, addr.c + 1);
    }
    // A merge is indexed by each of its rows, clipped to the used range: a full-column merge (A1:A1048576) in
    // a sheet of 40 rows costs 40 entries, and the clipped area of all merges together is bounded.
    const coveringByRow = new Map<number, SheetMerge[]>();
    for (const m of merges) {
      const bottom = Math.min(m.bottom, maxRow, limits.maxRows + 1);
      const area = Math.max(0, bottom - m.top + 1) * Math.max(0, Math.min(m.right, maxCol) - m.left + 1);
      mergedArea += area;
      if (mergedArea > limits.maxMergedCells) {
        throw limitExceeded(
          'xlsx-sheet-area',
          {
            zh: `工作表“${name}”的合并单元格在已用区域内覆盖超过 ${limits.maxMergedCells} 个单元格`,
            en: `the merged ranges of worksheet "${name}" cover more than ${limits.maxMergedCells} cells of its used range`,
          },
          { zh: `${limits.maxMergedCells} 个单元格`, en: `${limits.maxMergedCells} cells` },
        );
      }
      if (area === 0) continue;
      for (let r = m.top; r <= bottom; r++) {
        const list = coveringByRow.get(r) ?? [];
        list.push(m);
        coveringByRow.set(r, list);
      }
    }
    const cells: SheetCell[] = [];
    for (const { key, row, col } of keys) {
      const covered = coveringByRow
        .get(row)
        ?.some((m) => col >= m.left && col <= m.right && (row !== m.top || col !== m.left));
      if (covered) continue;
      const cell = ws[key] as XLSX.CellObject;
      const shown = cellText(cell);
      if (shown.text === '' && shown.raw === undefined) continue;
      cells.push({ row, col, ...shown });
    }
    if (maxRow > limits.maxRows)
      throw tooLarge(
        `工作表“${name}”超过 ${limits.maxRows} 行`,
        `worksheet "${name}" has more than ${limits.maxRows} rows`,
      );
    const hiddenRows = new Set<number>();
    (ws['!rows'] ?? []).forEach((row, i) => {
      if (row?.hidden) hiddenRows.add(i + 1);
    });
    const hiddenCols = new Set<number>();
    (ws['!cols'] ?? []).forEach((col, i) => {
      if (col?.hidden) hiddenCols.add(i + 1);
    });
    const sheet: SheetData = { name, cells, merges, hiddenRows, hiddenCols };
    const hiddenContent = hiddenWarning(sheet);
    if (hiddenContent) warnings.push({ ...hiddenContent, place: { kind: 'sheet', sheet: name, cell: 'A1' } });
    sheets.push(sheet);
  });
  return { sheets, warnings };
}

/**
 * SheetJS reports odd records of a damaged or unusual file on console.error. A reader must not write to the
 * user's terminal, so the messages are collected (XLSX.read is synchronous: nothing else runs meanwhile)
 * and returned as one warning.
 */
function readQuietly(bytes: Uint8Array, limits: WorkbookLimits): { workbook: XLSX.WorkBook; diagnostics: string[] } {
  const diagnostics: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    diagnostics.push(args.map(String).join(' '));
  };
  try {
    // sheetRows bounds the work on a file that declares millions of rows; reading one row past the limit
    // tells a truncated sheet from one that merely ends there.
    const workbook = XLSX.read(bytes, {
      type: 'array',
      cellNF: true,
      cellStyles: true,
      cellDates: false,
      sheetRows: limits.maxRows + 1,
      dense: false,
    });
    return { workbook, diagnostics };
  } finally {
    console.error = original;
  }
}

function cellText(cell: XLSX.CellObject): { text: string; raw?: string } {
  switch (cell.t) {
    case 'n': {
      const value = cell.v as number;
      const f = formatNumber(value, typeof cell.z === 'string' ? cell.z : undefined);
      // Dates and other non-numeric formats: SheetJS's own rendering (cell.w) is what Excel shows.
      const text = f.decimals === null && cell.w ? cell.w.trim() : f.text;
      return f.raw === undefined ? { text } : { text, raw: f.raw };
    }
    case 's':
      return { text: String(cell.v ?? '') };
    case 'b':
      return { text: cell.v ? 'TRUE' : 'FALSE' };
    case 'e':
      return { text: cell.w ?? '#ERROR' };
    case 'd':
      return { text: cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.w ?? '') };
    default:
      return { text: '' };
  }
}
