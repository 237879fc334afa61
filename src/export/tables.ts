import type ExcelJS from 'exceljs';

// The one exporter for tables of findings and documents (issue 14.3): the batch report and the server's
// findings export define their columns and hand them here, so CSV quoting, the byte-order mark and the
// spreadsheet formula guard are written once. Kept free of any finding shape: a column says how to read
// one value from an item.

export interface Column<T> {
  header: string;
  /** Column width in the workbook, in characters. */
  width: number;
  value: (x: T) => string | number | null;
}

// A text cell starting with = + - @ (or a tab or carriage return, which Excel skips before looking) is run as
// a formula when a spreadsheet opens the CSV: `=HYPERLINK("http://evil","点我")` in a file name or an entity
// name taken from an uploaded document would become a live link. Such text gets a leading ' (shown as text).
// Plain numbers ("-0.01", a difference) are left as they are.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** The text a spreadsheet will show as text, never run: `'` before anything that would start a formula. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? guardFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV in UTF-8 with a byte-order mark: without it Excel on Chinese Windows opens the file as GBK and the names
 * turn to mojibake. Quoted per RFC 4180; CRLF line ends as Excel writes them.
 */
export function csvTable<T>(columns: readonly Column<T>[], items: readonly T[]): string {
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const item of items) lines.push(columns.map((c) => csvField(c.value(item))).join(','));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

export interface SheetOptions {
  /** A title row above the header row (the header is then row 2). */
  title?: string;
}

/**
 * One worksheet with a bold, frozen, filterable header. Text goes in as string cells, which a spreadsheet never
 * evaluates (only formula cells run), so the guard that CSV needs is not applied here and the text reads as
 * written; the test reads the workbook's XML to hold that.
 */
export function addSheet<T>(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly Column<T>[],
  items: readonly T[],
  options: SheetOptions = {},
): ExcelJS.Worksheet {
  const headerRow = options.title ? 2 : 1;
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: headerRow }] });
  if (options.title) ws.addRow([options.title]);
  ws.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const item of items) {
    // Values are set cell by cell as plain strings or numbers: an object would let exceljs write a formula.
    const row = ws.addRow([]);
    columns.forEach((c, i) => {
      const v = c.value(item);
      if (v !== null && v !== undefined) row.getCell(i + 1).value = typeof v === 'number' ? v : String(v);
    });
  }
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: columns.length } };
  return ws;
}

/** A workbook of the given sheets, as bytes. exceljs is loaded only when a workbook is asked for. */
export async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Caijian 财鉴';
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
