import { describePlace } from '../model/place.ts';
import type { DocumentSummary, StoredFinding } from '../store/types.ts';

// Findings of one document as a file to hand on: JSON (everything), CSV (UTF-8 with BOM so Excel shows
// Chinese correctly) or an Excel workbook. Columns are the same in CSV and xlsx.

const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };
const STATUS_ZH: Record<string, string> = { open: '待复核', confirmed: '确认问题', dismissed: '排除' };

const HEADERS = ['序号', '级别', '规则', '说明', '表', '行', '列', '原文位置', '复核状态', '复核意见', '复核人', '复核时间', 'message (en)'];

function rowOf(f: StoredFinding): (string | number)[] {
  const loc = f.finding.location ?? {};
  return [
    f.seq + 1,
    SEVERITY_ZH[f.severity] ?? f.severity,
    f.ruleId,
    f.message,
    loc.tableTitle ?? loc.table ?? '',
    loc.row ?? '',
    loc.column ?? '',
    loc.source ? describePlace(loc.source) : '',
    f.review ? STATUS_ZH[f.review.status] : '待复核',
    f.review?.reason ?? '',
    f.review?.userName ?? '',
    f.review?.at ?? '',
    f.messageEn ?? '',
  ];
}

function csvField(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function findingsCsv(findings: StoredFinding[]): string {
  const lines = [HEADERS, ...findings.map(rowOf)].map((r) => r.map(csvField).join(','));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

export function findingsJson(doc: DocumentSummary, findings: StoredFinding[]): string {
  return JSON.stringify({ document: doc, findings }, null, 2);
}

export async function findingsXlsx(doc: DocumentSummary, findings: StoredFinding[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Caijian 财鉴';
  const ws = wb.addWorksheet('审核结果');
  ws.addRow([`${doc.entity ?? doc.fileName} ${doc.fiscalYear ?? ''}年${doc.kind ?? ''} 审核结果`]);
  ws.addRow(HEADERS).font = { bold: true };
  for (const f of findings) ws.addRow(rowOf(f));
  ws.columns.forEach((col, i) => {
    col.width = [6, 8, 24, 60, 28, 10, 14, 16, 10, 30, 12, 22, 60][i] ?? 12;
  });
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
