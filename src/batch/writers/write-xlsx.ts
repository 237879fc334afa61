import { addSheet, workbookBytes } from '../../export/tables.ts';
import type { BatchReport } from '../types.ts';
import { FINDING_COLUMNS, PAIR_COLUMNS, SUMMARY_COLUMNS } from './columns.ts';

// The batch report as a workbook: sheet 汇总 (one row per document), sheet 问题 (one row per finding) and
// 配对 (the documents paired by entity and year, when any),
// with a frozen, filterable header so a finance bureau can sort hundreds of departments by errors.

export function reportXlsx(report: BatchReport): Promise<Uint8Array> {
  return workbookBytes((wb) => {
    addSheet(wb, '汇总', SUMMARY_COLUMNS, report.rows);
    addSheet(wb, '问题', FINDING_COLUMNS, report.findings);
    if (report.pairs?.length) addSheet(wb, '配对', PAIR_COLUMNS, report.pairs);
  });
}
