import { rename, rm, writeFile as writeWhole } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError } from '../../read/errors.ts';
import type { BatchReport } from '../types.ts';
import { findingsCsv, summaryCsv } from './write-csv.ts';
import { reportXlsx } from './write-xlsx.ts';

// Writes the batch report in the format its file name asks for. A .csv report holds the summary rows; the
// findings go beside it as <name>.findings.csv, since one CSV file can hold one table only.

export type ReportFormat = 'xlsx' | 'json' | 'csv';

export function reportFormat(path: string): ReportFormat | null {
  const ext = extname(path).toLowerCase().slice(1);
  return ext === 'xlsx' || ext === 'json' || ext === 'csv' ? ext : null;
}

export function reportJson(report: BatchReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

export function unsupportedReport(path: string): InputError {
  return new InputError(
    'unsupported-format',
    `报告文件须以 .xlsx、.json 或 .csv 结尾：${path}`,
    `The report file must end in .xlsx, .json or .csv: ${path}`,
  );
}

/**
 * Writes the whole file beside its place (`<path>.partial`) and renames it into place: a full disk or a kill mid-write
 * leaves the previous report as it was, never a cut one.
 */
async function writeFile(path: string, data: string | Uint8Array, encoding?: 'utf8'): Promise<void> {
  const partial = `${path}.partial`;
  try {
    await writeWhole(partial, data, encoding);
    await rename(partial, path);
  } catch (e) {
    await rm(partial, { force: true }).catch(() => undefined);
    throw e;
  }
}

/** Writes the report; returns the paths written. */
export async function writeReport(report: BatchReport, path: string): Promise<string[]> {
  switch (reportFormat(path)) {
    case 'xlsx':
      await writeFile(path, await reportXlsx(report));
      return [path];
    case 'json':
      await writeFile(path, reportJson(report), 'utf8');
      return [path];
    case 'csv': {
      const findingsPath = path.replace(/\.csv$/i, '.findings.csv');
      await writeFile(path, summaryCsv(report), 'utf8');
      await writeFile(findingsPath, findingsCsv(report), 'utf8');
      return [path, findingsPath];
    }
    default:
      throw unsupportedReport(path);
  }
}
