import ExcelJS from 'exceljs';
import { rules } from '../audit/rules/index.ts';
import type { PreparedSheet } from './export.ts';

// 汇总.xlsx: one row per department of a folder of documents, with the check sheet's counts and the coverage, then
// the problems per rule (Chinese rule name and code). Printable: A4 landscape, one page wide, header repeated.

export interface SummaryRow {
  file: string;
  /** Name of the check sheet written for it, or null when the file was refused. */
  sheetFile: string | null;
  prepared: PreparedSheet | null;
  /** Why the file was refused, Chinese. */
  refused: string | null;
}

const RULES = new Map(rules.map((r) => [r.meta.id, r.meta]));
const THIN = { style: 'thin' as const, color: { argb: 'FF999999' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function headerRow(ws: ExcelJS.Worksheet, labels: string[]): void {
  const row = ws.addRow(labels);
  row.eachCell((c) => {
    c.font = { bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    c.border = BORDER;
  });
  row.height = 30;
}

export async function summaryWorkbook(rows: readonly SummaryRow[], title?: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Caijian 财鉴';
  addSummarySheets(wb, rows, title);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Adds the sheets 汇总 (one row per department) and 按规则 (problems per rule) to `wb`. */
export function addSummarySheets(
  wb: ExcelJS.Workbook,
  rows: readonly SummaryRow[],
  title = '预决算公开情况检查汇总表',
): void {
  const page = {
    paperSize: 9,
    orientation: 'landscape' as const,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
  const ws = wb.addWorksheet('汇总', { pageSetup: page, headerFooter: { oddFooter: `${title} 第 &P 页，共 &N 页` } });
  ws.columns = [6, 30, 10, 8, 10, 8, 8, 9, 8, 8, 8, 14, 44, 30].map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, 14);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getRow(1).height = 28;
  headerRow(ws, [
    '序号',
    '单位名称',
    '部门编码',
    '年度',
    '类别',
    '符合',
    '不符合',
    '未能核对',
    '问题数',
    '错误',
    '警告',
    '标准表核对',
    '未能核对的表 / 原因',
    '检查表文件',
  ]);
  ws.pageSetup.printTitlesRow = '2:2';
  rows.forEach((r, i) => {
    const p = r.prepared;
    const s = p?.sheet;
    const c = p?.result.coverage;
    const unchecked = c
      ? c.tables
          .filter((t) => t.standard && !t.checked)
          .map((t) => `${t.title}（${t.reason}）`)
          .join('；')
      : '';
    const row = ws.addRow([
      i + 1,
      s?.entity ?? r.file.split(/[\\/]/).pop() ?? r.file,
      s?.code ?? '',
      s?.fiscalYear ?? '',
      s?.kind ? `${s.title.includes('单位') ? '单位' : '部门'}${s.kind}` : '',
      s ? s.counts.items - s.counts.failed - s.counts.unchecked : '',
      s?.counts.failed ?? '',
      s?.counts.unchecked ?? '',
      s?.counts.problems ?? '',
      p?.result.summary.errors ?? '',
      p?.result.summary.warnings ?? '',
      c ? `${c.checkedStandard}/${c.standardTables}` : '',
      r.refused ? `未能检查：${r.refused}` : unchecked,
      r.sheetFile ?? '',
    ]);
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    // Never a clean-looking row for a document that was not fully checked.
    if (r.refused || (c && c.uncheckedStandard > 0))
      row.getCell(13).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF3CD' } };
    if (s?.counts.failed) row.getCell(7).font = { bold: true, color: { argb: 'FFC62828' } };
  });

  // Problems per rule, across all documents: which checks find the most.
  const ws2 = wb.addWorksheet('按规则', { pageSetup: { ...page, orientation: 'portrait' } });
  ws2.columns = [10, 40, 12, 10, 10].map((width) => ({ width }));
  headerRow(ws2, ['规则编号', '规则名称', '类别', '文件数', '问题数']);
  ws2.pageSetup.printTitlesRow = '1:1';
  const stats = new Map<string, { files: Set<string>; n: number }>();
  for (const r of rows)
    for (const f of r.prepared?.result.findings ?? []) {
      if (f.messageId === 'skipped' || f.severity === 'info') continue;
      const s = stats.get(f.ruleId) ?? { files: new Set(), n: 0 };
      s.files.add(r.file);
      s.n++;
      stats.set(f.ruleId, s);
    }
  const CATEGORY: Record<string, string> = {
    completeness: '完整性',
    arithmetic: '表内计算',
    'cross-table': '表间核对',
    narrative: '说明与表格',
    codes: '科目编码',
    wording: '文字表述',
    plausibility: '合理性',
  };
  for (const [id, s] of [...stats].sort((a, b) => b[1].n - a[1].n)) {
    const m = RULES.get(id);
    const row = ws2.addRow([
      m?.code ?? '',
      m?.title.zh ?? '其他',
      m ? (CATEGORY[m.category] ?? '') : '',
      s.files.size,
      s.n,
    ]);
    row.eachCell((cell) => (cell.border = BORDER));
  }
}
