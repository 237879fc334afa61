import { addSheet, csvTable, type Column, workbookBytes } from '../export/tables.ts';
import { describePlace } from '../model/place-text.ts';
import type { DocumentSummary, StoredFinding } from '../store/types.ts';

// Findings of one document as a file to hand on: JSON (everything), CSV or an Excel workbook. CSV and xlsx go
// through the one exporter (src/export/tables.ts), which the batch report uses too: same quoting, same
// byte-order mark, same formula guard. Columns are the same in CSV and xlsx.

const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };
const STATUS_ZH: Record<string, string> = { open: '待复核', confirmed: '确认问题', dismissed: '排除' };

const loc = (f: StoredFinding) => f.finding.location ?? {};

export const STORED_FINDING_COLUMNS: Column<StoredFinding>[] = [
  { header: '序号', width: 6, value: (f) => f.seq + 1 },
  { header: '级别', width: 8, value: (f) => SEVERITY_ZH[f.severity] ?? f.severity },
  { header: '规则', width: 24, value: (f) => f.ruleId },
  { header: '说明', width: 60, value: (f) => f.message },
  { header: '表', width: 28, value: (f) => loc(f).tableTitle ?? loc(f).table ?? '' },
  { header: '行', width: 10, value: (f) => loc(f).row ?? '' },
  { header: '列', width: 14, value: (f) => loc(f).column ?? '' },
  { header: '原文位置', width: 16, value: (f) => (loc(f).source ? describePlace(loc(f).source!) : '') },
  { header: '复核状态', width: 10, value: (f) => (f.review ? STATUS_ZH[f.review.status] : '待复核') },
  { header: '复核意见', width: 30, value: (f) => f.review?.reason ?? '' },
  { header: '复核人', width: 12, value: (f) => f.review?.userName ?? '' },
  { header: '复核时间', width: 22, value: (f) => f.review?.at ?? '' },
  { header: 'message (en)', width: 60, value: (f) => f.messageEn ?? '' },
];

export function findingsCsv(findings: StoredFinding[]): string {
  return csvTable(STORED_FINDING_COLUMNS, findings);
}

export function findingsJson(doc: DocumentSummary, findings: StoredFinding[]): string {
  return JSON.stringify({ document: doc, findings }, null, 2);
}

export function findingsXlsx(doc: DocumentSummary, findings: StoredFinding[]): Promise<Uint8Array> {
  return workbookBytes((wb) => {
    addSheet(wb, '审核结果', STORED_FINDING_COLUMNS, findings, {
      title: `${doc.entity ?? doc.fileName} ${doc.fiscalYear ?? ''}年${doc.kind ?? ''} 审核结果`,
    });
  });
}
