import { readFile } from 'node:fs/promises';
import { checkDisclosure } from '../audit/engine.ts';
import { rules } from '../audit/rules/index.ts';
import { entityIdentity } from '../catalog/entity.ts';
import type { Disclosure } from '../model/disclosure.ts';
import type { Finding } from '../model/finding.ts';
import { describePlace } from '../model/place-text.ts';
import { parseBytes } from '../pipeline.ts';
import { isOutOfMemory } from '../jobs/messages.ts';
import { isInputError } from '../read/errors.ts';
import { isTimeout } from '../read/pdf/open-document.ts';
import { assertDisclosure } from '../recognise/is-disclosure.ts';
import { emptyRow } from './row.ts';
import type { BatchFinding, BatchRow } from './types.ts';

// One document through the pipeline: read, recognise, audit. Runs inside a batch worker. Every failure
// becomes a row that says why (Chinese and English); nothing thrown here may stop the batch. A program error's own
// text ("Cannot set properties of undefined") is not a reason anyone reading the report can act on (issue 13): the
// row says an internal error stopped the file, and the text is the result's `detail`, which the batch gives the
// operator (stderr, the journal beside the report), never the report.

export { emptyRow };

export interface ProcessOptions {
  /** Time limit of the reader in seconds (the batch's per-file limit; the PDF reader's own default is 120 s). */
  timeoutSeconds?: number;
}

/** The reason of a file an internal error stopped (the error's own text goes to the operator: `detail`). */
export const INTERNAL_REASON = {
  zh: '内部错误，未能处理此文件（详情已记录）。请将文件提供给维护者。',
  en: 'Internal error; this file was not processed (details logged). Please pass the file to the maintainers.',
};

/** A program error as one line for the operator's log: its name and message, never a stack trace. */
export function errorDetail(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.replace(/\s*\n\s*/g, ' ').slice(0, 2000);
}

export async function processFile(
  path: string,
  options: ProcessOptions = {},
): Promise<{ row: BatchRow; findings: BatchFinding[]; detail?: string }> {
  const started = performance.now();
  const row = emptyRow(path);
  const findings: BatchFinding[] = [];
  let detail: string | undefined;
  try {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (e) {
      const code = (e as { code?: string }).code;
      row.reasonCode = code === 'ENOENT' ? 'not-found' : 'unreadable';
      row.reason = code === 'ENOENT' ? `找不到文件：${path}` : `无法读取文件：${path}`;
      row.reasonEn = code === 'ENOENT' ? `File not found: ${path}` : `Cannot read file: ${path}`;
      return { row, findings };
    }
    const fileName = path.split(/[\\/]/).pop();
    const d = await parseBytes(bytes, { fileName, timeoutSeconds: options.timeoutSeconds });
    row.format = d.source.format;
    row.entity = d.entity.name;
    row.fiscalYear = d.fiscalYear;
    row.kind = d.kind;
    row.pages = d.source.pageCount ?? null;
    row.tables = d.tables.length;
    row.unknownTables = d.recognition.unknownTables.length;
    const id = entityIdentity(d);
    row.entityKey = id?.key ?? null;
    row.level = id?.level ?? null;
    row.consolidation = id?.consolidation ?? null;
    row.sha256 = d.source.sha256 ?? null;
    // A file that is not a disclosure gets a failed row saying so, never an audit of nothing with 0 errors.
    assertDisclosure(d);
    row.status = 'ok';
    const result = checkDisclosure(d);
    const coverage = result.coverage;
    if (coverage) {
      row.coverage = coverage.level;
      row.standardTables = coverage.standardTables;
      row.checkedTables = coverage.checkedStandard;
      const unchecked = coverage.tables.filter((t) => t.standard && !t.checked);
      row.unchecked = unchecked.length ? unchecked.map((t) => `“${t.title}”（${t.reason}）`).join('；') : null;
    }
    for (const f of result.findings) {
      if (f.severity === 'error') row.errors++;
      else if (f.severity === 'warning') row.warnings++;
      else row.infos++;
      findings.push(batchFinding(path, f));
    }
  } catch (e) {
    // A refused allocation is the job pool's to report (it names the cap and replaces the process).
    if (isOutOfMemory(e)) throw e;
    // The reader's own time limit is the batch's: its row says timeout, as the job runner's deadline would.
    row.status = isTimeout(e) ? 'timeout' : 'failed';
    if (isInputError(e)) {
      row.reasonCode = isTimeout(e) ? 'timeout' : e.code;
      row.reason = e.messageZh;
      row.reasonEn = e.messageEn;
    } else {
      detail = errorDetail(e);
      row.reasonCode = 'internal';
      row.reason = INTERNAL_REASON.zh;
      row.reasonEn = INTERNAL_REASON.en;
    }
  } finally {
    row.ms = Math.round(performance.now() - started);
  }
  return detail ? { row, findings, detail } : { row, findings };
}

/** A finding as a report row of `file`; a cross-document finding names the other file and its place there. */
function batchFinding(file: string, f: Finding, priorFile?: string): BatchFinding {
  const loc = f.location;
  return {
    file,
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    messageEn: f.messageEn,
    table: loc.table,
    tableTitle: loc.tableTitle,
    row: loc.row,
    column: loc.column,
    source: loc.source,
    expected: f.expected,
    actual: f.actual,
    difference: f.difference,
    ...(f.counterpart ? { prior: priorFile ?? f.counterpart.document.fileName, priorPlace: f.counterpart.place } : {}),
  };
}

async function readDisclosure(path: string, options: ProcessOptions): Promise<Disclosure> {
  const d = await parseBytes(new Uint8Array(await readFile(path)), {
    fileName: path.split(/[\\/]/).pop(),
    timeoutSeconds: options.timeoutSeconds,
  });
  assertDisclosure(d);
  return d;
}

const crossRules = rules.filter((r) => r.meta.counterpart);

/**
 * A pair the batch made (src/batch/pairs.ts): both documents read again and the cross-document rules run on `path`
 * with `prior` as the other document. The findings belong to `path`; a failure is the pair's reason, never the batch's.
 */
export async function processPair(
  path: string,
  prior: string,
  options: ProcessOptions = {},
): Promise<{ findings: BatchFinding[]; reason: string | null; detail?: string }> {
  try {
    // One after the other: the first model is small, but two documents read at once need both readers' memory
    // (pdf.js's fonts and pages) in one process.
    const d = await readDisclosure(path, options);
    const p = await readDisclosure(prior, options);
    const res = checkDisclosure(d, { prior: p }, crossRules);
    return {
      findings: res.findings.filter((f) => f.messageId !== 'skipped').map((f) => batchFinding(path, f, prior)),
      reason: null,
    };
  } catch (e) {
    if (isOutOfMemory(e)) throw e;
    if (isInputError(e)) return { findings: [], reason: e.messageZh };
    return { findings: [], reason: INTERNAL_REASON.zh, detail: errorDetail(e) };
  }
}

/** "Sheet1!B3", "第4页" … for report columns. */
export function placeText(f: BatchFinding): string {
  return f.source ? describePlace(f.source) : '';
}
