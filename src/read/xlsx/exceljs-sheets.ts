import ExcelJS from 'exceljs';
import type { ReadWarning } from '../../model/layout.ts';
import { formatNumber } from './number-format.ts';
import { hiddenWarning, parseRange, type SheetCell, type SheetData, type SheetMerge } from './sheet-data.ts';

// .xlsx through exceljs: every visible worksheet reduced to SheetData (display text + exact raw numbers +
// merges). exceljs reports each cell covered by a merge as a "Merge" cell repeating the master's value;
// those are dropped so the value appears once, at the merge's top-left cell.

// exceljs ValueType numbers (its enum is not reachable under type stripping).
const VT = {
  Null: 0,
  Merge: 1,
  Number: 2,
  String: 3,
  Date: 4,
  Hyperlink: 5,
  Formula: 6,
  SharedString: 7,
  RichText: 8,
  Boolean: 9,
  Error: 10,
} as const;

interface CellLike {
  type: number;
  value: unknown;
  numFmt?: string;
}

function richText(value: unknown): string | null {
  if (value && typeof value === 'object' && Array.isArray((value as { richText?: unknown }).richText)) {
    return (value as { richText: { text?: string }[] }).richText.map((r) => r.text ?? '').join('');
  }
  return null;
}

function dateText(d: Date): string {
  // exceljs builds dates in UTC from the serial number; the calendar day is what the sheet shows.
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** Display text and raw value of a plain (non-formula) value. */
function valueText(value: unknown, numFmt: string | undefined): { text: string; raw?: string } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') {
    const f = formatNumber(value, numFmt);
    return f.raw === undefined ? { text: f.text } : { text: f.text, raw: f.raw };
  }
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: dateText(value) };
  const rich = richText(value);
  if (rich !== null) return { text: rich };
  if (typeof value === 'object') {
    const v = value as { error?: string; text?: unknown };
    if (typeof v.error === 'string') return { text: v.error };
    if (v.text !== undefined) return valueText(v.text, numFmt); // hyperlink: its shown text
  }
  return { text: String(value) };
}

export interface ExtractedSheets {
  sheets: SheetData[];
  warnings: ReadWarning[];
}

export async function loadXlsxSheets(bytes: Uint8Array): Promise<ExtractedSheets> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  const sheets: SheetData[] = [];
  const warnings: ReadWarning[] = [];
  for (const ws of workbook.worksheets) {
    if (ws.state && ws.state !== 'visible') {
      warnings.push({
        code: 'hidden-sheet',
        message: `隐藏的工作表“${ws.name}”未读取。`,
        messageEn: `Hidden worksheet "${ws.name}" was not read.`,
      });
      continue;
    }
    const merges = (ws.model.merges ?? []).map(parseRange).filter((m): m is SheetMerge => m !== null);
    const cells: SheetCell[] = [];
    let formulasWithoutResult = 0;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (c, colNumber) => {
        const cell = c as unknown as CellLike;
        // exceljs turns every cell covered by a merge into a Merge cell on load; only the top-left one counts.
        if (cell.type === VT.Merge || cell.type === VT.Null) return;
        let shown: { text: string; raw?: string };
        if (cell.type === VT.Formula) {
          const result = (cell.value as { result?: unknown }).result;
          if (result === undefined) formulasWithoutResult++;
          shown = valueText(result, cell.numFmt);
        } else {
          shown = valueText(cell.value, cell.numFmt);
        }
        if (shown.text === '' && shown.raw === undefined) return;
        cells.push({ row: rowNumber, col: colNumber, ...shown });
      });
    });
    if (formulasWithoutResult) {
      warnings.push({
        code: 'formula-without-result',
        message: `工作表“${ws.name}”有 ${formulasWithoutResult} 个公式没有保存计算结果，按空白读取；请在 Excel 中打开并保存后重试。`,
        messageEn: `Worksheet "${ws.name}" has ${formulasWithoutResult} formulas without a saved result, read as blank; open and save it in Excel, then retry.`,
      });
    }
    const hiddenRows = new Set<number>();
    // Only rows holding something matter (a hidden empty row hides nothing); with includeEmpty exceljs would
    // create a row object for every row number up to the last one, a million for one cell in row 1048576.
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (row.hidden) hiddenRows.add(rowNumber);
    });
    const hiddenCols = new Set<number>();
    (ws.columns ?? []).forEach((column, i) => {
      if (column?.hidden) hiddenCols.add(i + 1);
    });
    const sheet: SheetData = { name: ws.name, cells, merges, hiddenRows, hiddenCols };
    const hidden = hiddenWarning(sheet);
    if (hidden) warnings.push({ ...hidden, place: { kind: 'sheet', sheet: ws.name, cell: 'A1' } });
    sheets.push(sheet);
  }
  return { sheets, warnings };
}
