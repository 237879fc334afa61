import { csvTable } from '../../export/tables.ts';
import type { BatchReport } from '../types.ts';
import { FINDING_COLUMNS, SUMMARY_COLUMNS } from './columns.ts';

// The batch report's two tables as CSV, through the one exporter (src/export/tables.ts: byte-order mark,
// RFC 4180 quoting, the spreadsheet formula guard).

export function summaryCsv(report: BatchReport): string {
  return csvTable(SUMMARY_COLUMNS, report.rows);
}

export function findingsCsv(report: BatchReport): string {
  return csvTable(FINDING_COLUMNS, report.findings);
}
