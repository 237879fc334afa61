import { progressPrinter, STATUS_LABEL } from './progress.ts';
import { detailLine, runBatch, type BatchResult } from './run-batch.ts';
import { reportJson } from './writers/write-report.ts';

// `caijian check` for many documents: runs the batch with progress on stderr, prints one line per document
// (or the JSON report) on stdout, and returns the exit code. Kept here so the CLI command only decides when
// to hand over (see README.md).
// Exit code: 2 when any document could not be read (or timed out), else 1 when any error-severity finding,
// else 0 — the same meaning as for one document.

export interface CheckManyOptions {
  out?: string;
  jobs?: number | string;
  /** Per-file limit in seconds. */
  timeout?: number | string;
  format?: 'text' | 'json';
  /** Skip files already finished in the journal beside --out. */
  resume?: boolean;
  stdout?: { write(text: string): unknown };
  stderr?: { write(text: string): unknown; isTTY?: boolean; columns?: number };
}

export { isBatchInput } from './is-batch-input.ts';

function positiveNumber(value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

export async function checkMany(paths: string[], options: CheckManyOptions = {}): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const progress = progressPrinter(options.stderr ?? process.stderr);
  const timeout = positiveNumber(options.timeout);
  let result: BatchResult;
  try {
    result = await runBatch(paths, {
      out: options.out,
      jobs: positiveNumber(options.jobs),
      timeoutMs: timeout ? timeout * 1000 : undefined,
      onProgress: progress.onProgress,
      // The person at the terminal runs the batch on their own machine: an internal error's text is theirs to see
      // (on stderr, a line of its own, never a stack trace) and to pass on; the report and stdout only say it happened.
      onDetail: (file, detail) => progress.note(detailLine(file, detail)),
      resume: options.resume,
    });
  } finally {
    progress.done();
  }
  if (options.format === 'json') stdout.write(reportJson(result));
  else stdout.write(summaryText(result));
  const t = result.totals;
  if (t.failed + t.timeout > 0) return 2;
  return t.errors > 0 ? 1 : 0;
}

/** "9/9", "7/9 未全部核对" — how many of the document's standard tables the audit checked. */
function coverageCell(r: BatchResult['rows'][number]): string {
  if (!r.standardTables) return '';
  return r.checkedTables === r.standardTables
    ? `${r.checkedTables}/${r.standardTables}`
    : `${r.checkedTables}/${r.standardTables} 未全部核对`;
}

export function summaryText(result: BatchResult): string {
  const t = result.totals;
  const out: string[] = [
    `财鉴批量审核 / Caijian batch check — ${t.files} 个文件 files, ${t.jobs} 个并行 jobs, ${(t.elapsedMs / 1000).toFixed(1)} s`,
    '',
    ['状态 status', '错误', '警告', '表格', '单位 entity', '年度', '类型', '核对 checked', '文件 file'].join('\t'),
  ];
  for (const r of result.rows) {
    const label = STATUS_LABEL[r.status];
    out.push(
      [
        `${label.zh} ${label.en}`,
        r.errors,
        r.warnings,
        r.tables ?? '',
        r.entity ?? '',
        r.fiscalYear ?? '',
        r.kind ?? '',
        coverageCell(r),
        r.file,
      ].join('\t'),
    );
    // A document whose standard tables were not all checked is never a clean-looking line.
    if (r.unchecked) out.push(`\t未能核对：${r.unchecked}`);
    if (r.reason) out.push(`\t${r.reason}\n\t${r.reasonEn ?? ''}`);
  }
  if (result.pairs?.length) {
    out.push(
      '',
      `跨年配对 / paired by entity and year: ${result.pairs.length}`,
      ['单位键 entity key', '文件 file', '对照 other', '跨文件问题 findings'].join('\t'),
    );
    for (const p of result.pairs) {
      const state = p.status === 'ok' ? String(p.findings) : `${p.status}${p.reason ? `：${p.reason}` : ''}`;
      out.push(
        [
          p.entityKey,
          `${p.fiscalYear ?? ''}${p.kind ?? ''} ${p.file}`,
          `${p.priorYear ?? ''}${p.priorKind ?? ''} ${p.prior}`,
          state,
        ].join('\t'),
      );
    }
  }
  out.push(
    '',
    `合计 / total: 完成 ok ${t.ok}, 仅读取 parsed ${t.parsed}, 失败 failed ${t.failed}, 超时 timeout ${t.timeout}; ` +
      `错误 errors ${t.errors}, 警告 warnings ${t.warnings}`,
  );
  if (result.written.length) out.push(`报告 / report: ${result.written.join(', ')}`);
  return out.join('\n') + '\n';
}
