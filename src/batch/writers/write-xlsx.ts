import ExcelJS from 'exceljs';
import type { BatchReport } from '../types.ts';
import { FINDING_COLUMNS, SUMMARY_COLUMNS, type Column } from './columns.ts';

// The batch report as a workbook: sheet 汇总 (one row per document) and sheet 问题 (one row per finding),
// with a frozen, filterable header so a finance bureau can sort hundreds of departments by errors.

function addSheet<T>(wb: ExcelJS.Workbook, name: string, columns: Column<T>[], items: T[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  for (const item of items) ws.addRow(columns.map((c) => c.value(item)));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

export async function reportXlsx(report: BatchReport): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Caijian 财鉴';
  addSheet(wb, '汇总', SUMMARY_COLUMNS, report.rows);
  addSheet(wb, '问题', FINDING_COLUMNS, report.findings);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
