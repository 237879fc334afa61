import ExcelJS from 'exceljs';
import type { Disclosure } from '../model/disclosure.ts';
import { parseAmount } from '../model/amount.ts';
import { cmp, parseDecimal, toFixedString } from '../model/decimal.ts';
import { ILLEGIBLE_TEXT, isNameLabel, isWide, printTable, type PrintCell, type PrintTable } from './print-table.ts';

// The tables as a workbook: a cover sheet naming year, department and kind, then one sheet per table laid
// out as the disclosures print it (title, 公开NN表, 部门, 单位 lines, merged header, data rows, notes after an
// empty row). Amounts are numbers with a format showing the printed decimals, so the sheet computes and the
// Excel reader reads back the same text and exact value.

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Excel sheet names: at most 31 characters, none of []:*?/\ , unique in the workbook. */
export function sheetName(base: string, used: Set<string>): string {
  const clean = base.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
  let name = clean;
  for (let i = 2; used.has(name); i++) name = `${clean.slice(0, 31 - String(i).length - 1)}_${i}`;
  used.add(name);
  return name;
}

/** Writes an amount as a number when the printed text is one, keeping its decimals in the format. */
function amountCell(cell: ExcelJS.Cell, text: string): void {
  const parsed = parseAmount(text);
  if (parsed?.value && !/^[-－—–]{1,2}$/.test(text.trim())) {
    // Shortest round-trip form of a double reproduces the decimal text exactly for amounts under 15 digits.
    const plain = toFixedString(parsed.value);
    const n = Number(plain);
    const back = parseDecimal(String(n));
    if (back && cmp(back, parsed.value) === 0) {
      cell.value = n;
      cell.numFmt = parsed.decimals > 0 ? `#,##0.${'0'.repeat(parsed.decimals)}` : '#,##0';
      return;
    }
  }
  cell.value = text;
}

export function addTableSheet(wb: ExcelJS.Workbook, t: PrintTable, name: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: isWide(t) ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  let r = 1;
  const line = (text: string, opts: { bold?: boolean; size?: number; align?: 'left' | 'center' | 'right' } = {}) => {
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.font = { bold: opts.bold, size: opts.size ?? 11 };
    if (opts.align) cell.alignment = { horizontal: opts.align };
    r++;
  };
  line(t.title, { bold: true, size: 14 });
  if (t.numberLine) line(t.numberLine);
  if (t.entityLine) line(t.entityLine);
  if (t.unitLine) line(t.unitLine);

  if (t.illegible) line(ILLEGIBLE_TEXT);
  const headerTop = r;
  const writeRows = (rows: PrintCell[][], header: boolean) => {
    const covered = new Set<string>();
    rows.forEach((cells, i) => {
      const row = headerTop + (header ? 0 : t.header.length) + i;
      let col = 1;
      for (const c of cells) {
        while (covered.has(`${row},${col}`)) col++;
        const cell = ws.getCell(row, col);
        if (header || !c.numeric) cell.value = c.text;
        else amountCell(cell, c.text);
        cell.alignment = header
          ? { horizontal: 'center', vertical: 'middle', wrapText: true }
          : { vertical: 'middle', wrapText: !c.numeric, horizontal: c.numeric ? 'right' : 'left' };
        if (header) cell.font = { bold: true };
        const rs = c.rowSpan ?? 1;
        const cs = c.colSpan ?? 1;
        if (rs > 1 || cs > 1) {
          ws.mergeCells(row, col, row + rs - 1, col + cs - 1);
          for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) covered.add(`${row + dr},${col + dc}`);
        }
        col += cs;
      }
      for (let c = 1; c <= t.columnCount; c++) ws.getCell(row, c).border = BORDER;
    });
  };
  writeRows(t.header, true);
  writeRows(t.body, false);
  r = headerTop + t.header.length + t.body.length;
  if (t.header.length) {
    ws.views = [{ state: 'frozen', ySplit: headerTop + t.header.length - 1 }];
    ws.pageSetup.printTitlesRow = `${headerTop}:${headerTop + t.header.length - 1}`;
  }

  if (t.notes.length || t.emptyStatement) r++; // an empty row ends the grid before the notes
  for (const n of t.notes) line(n);
  if (t.emptyStatement && !t.notes.includes(t.emptyStatement)) line(t.emptyStatement);

  t.leafLabels.forEach((label, i) => {
    const isName = isNameLabel(label);
    ws.getColumn(i + 1).width = isName ? 34 : /编码/.test(label) ? 12 : /行次/.test(label) ? 6 : 14;
  });
  return ws;
}

export async function renderXlsx(d: Disclosure): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Caijian 财鉴';
  const used = new Set<string>();
  const cover = wb.addWorksheet(sheetName('封面', used));
  const year = d.fiscalYear ? `${d.fiscalYear}年${d.kind === '决算' ? '度' : ''}` : '';
  [year, d.entity.name ?? '', `部门${d.kind ?? '决算'}`].filter(Boolean).forEach((text, i) => {
    const c = cover.getCell(i + 1, 1);
    c.value = text;
    c.font = { bold: true, size: 16 };
  });
  cover.getColumn(1).width = 40;
  d.tables.forEach((t, i) => {
    const pt = printTable(t, d.entity.name);
    addTableSheet(wb, pt, sheetName(`${String(i + 1).padStart(2, '0')} ${t.title}`, used));
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
