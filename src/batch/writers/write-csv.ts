import type { BatchReport } from '../types.ts';
import { FINDING_COLUMNS, SUMMARY_COLUMNS, type Column } from './columns.ts';

// CSV in UTF-8 with a byte-order mark: without it Excel on Chinese Windows opens the file as GBK and the
// names turn to mojibake. Quoted per RFC 4180; CRLF line ends as Excel writes them.

// A text cell starting with = + - @ is run as a formula when Excel opens the CSV; file names and entity
// names come from the documents, so such text is prefixed with ' (shown as text). Plain numbers
// ("-0.01", a difference) are left as they are.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

function field(value: string | number | null): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function table<T>(columns: Column<T>[], items: T[]): string {
  const lines = [columns.map((c) => field(c.header)).join(',')];
  for (const item of items) lines.push(columns.map((c) => field(c.value(item))).join(','));
  return lines.join('\r\n') + '\r\n';
}

export function summaryCsv(report: BatchReport): string {
  return '\ufeff' + table(SUMMARY_COLUMNS, report.rows);
}

export function findingsCsv(report: BatchReport): string {
  return '\ufeff' + table(FINDING_COLUMNS, report.findings);
}
