import { describePlace } from '../../model/place.ts';
import { coverageLine } from '../coverage.ts';
import type { Table } from '../../model/disclosure.ts';
import type { AuditResult, Finding, FindingPlace, Severity } from '../types.ts';

// Human-readable report: findings grouped by severity, each with its semantic place and source place.

const HEAD: Record<Severity, string> = { error: '错误 / errors', warning: '警告 / warnings', info: '提示 / infos' };

export function placeText(p: FindingPlace): string {
  const parts = [p.tableTitle ?? p.table, p.row ? `“${p.row}”` : null, p.column].filter(Boolean).join(' ');
  const src = p.source ? describePlace(p.source) : null;
  return [parts, src && `(${src})`].filter(Boolean).join(' ');
}

function one(f: Finding): string[] {
  const lines = [`  [${f.ruleId}] ${f.message}`, `      ${f.messageEn}`];
  const where = placeText(f.location);
  if (where) lines.push(`      位置 / at: ${where}`);
  for (const r of f.related.slice(0, 5)) lines.push(`      相关 / related: ${placeText(r)}`);
  if (f.related.length > 5) lines.push(`      … 另有 ${f.related.length - 5} 处 / ${f.related.length - 5} more`);
  return lines;
}

export interface TextOptions {
  infos?: boolean;
  /** The document's tables, for the reading-confidence line (how many were read sure, which need a check by hand). */
  tables?: readonly Table[];
}

function readingLines(tables: readonly Table[]): string[] {
  const unsure = tables.filter((t) => t.reading?.level === 'unsure');
  const out = [`读取可信度 / reading: ${tables.length - unsure.length} 表可信 sure, ${unsure.length} 表需人工核对 unsure（其数字的勾稽问题最多为警告 / their sums give warnings at most）`];
  for (const t of unsure) out.push(`  ? ${t.title || t.key} ${t.reading!.score.toFixed(2)}：${t.reading!.reasons.join('；')}${t.place ? ` (${describePlace(t.place)})` : ''}`);
  return out;
}

export function formatText(document: string, res: AuditResult, options: TextOptions = {}): string {
  const out = [`审核 / check: ${document}`];
  if (options.tables?.length) out.push(...readingLines(options.tables));
  for (const sev of ['error', 'warning', 'info'] as const) {
    const fs = res.findings.filter((f) => f.severity === sev && f.messageId !== 'skipped');
    if (!fs.length || (sev === 'info' && options.infos === false)) continue;
    out.push('', `${HEAD[sev]} (${fs.length})`);
    for (const f of fs) out.push(...one(f));
  }
  const skipped = res.findings.filter((f) => f.messageId === 'skipped');
  if (skipped.length) {
    out.push('', `未执行 / skipped (${skipped.length})`);
    for (const f of skipped) out.push(`  [${f.ruleId}] ${f.message}`);
  }
  // What was checked, so that "0 errors" is never read as "all checked" (issue 11).
  if (res.coverage) out.push('', `核对范围：${coverageLine(res.coverage)}`, `coverage: ${coverageLine(res.coverage, 'en')}`);
  const s = res.summary;
  out.push('', `合计 / summary: ${s.errors} 错误 errors, ${s.warnings} 警告 warnings, ${s.infos} 提示 infos, ${s.skipped} 未执行 skipped`, '');
  return out.join('\n');
}
