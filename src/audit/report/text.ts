import type { Disclosure, Table } from '../../model/disclosure.ts';
import { describePlace } from '../../model/place-text.ts';
import { SEVERITIES } from '../../model/finding-json.ts';
import { columnOf, rowName } from '../cells.ts';
import { coverageLine } from '../coverage.ts';
import { templateByKey } from '../../templates/catalogue.ts';
import { rules } from '../rules/index.ts';
import type { AuditResult, Finding, FindingPlace, Severity } from '../types.ts';

// Human-readable report for the terminal: findings grouped by severity, each with its semantic place (table title,
// row, column label) and its source place, in ONE language (Chinese unless asked for English). Rule codes (CJ101)
// name the rule; internal keys (column keys such as "col:…", table keys such as "final.income") never appear.

export type ReportLang = 'zh' | 'en';

export interface TextOptions {
  infos?: boolean;
  lang?: ReportLang;
  /** The audited model, to name columns by their printed headers. */
  disclosure?: Disclosure;
}

const HEAD: Record<Severity, [string, string]> = {
  error: ['错误', 'Errors'],
  warning: ['警告', 'Warnings'],
  info: ['提示', 'Infos'],
};
const CODE = new Map(rules.map((r) => [r.meta.id, r.meta.code]));

/**
 * The printed header of a column: the model's label, else the template's, else the key without its prefix. A
 * two-sided table (收支总表: 收入 | 支出) has the same column key on both sides; the place's row says which side.
 */
export function columnLabel(key: string, tableKey: string | null, d?: Disclosure, row?: string | null): string {
  if (d && tableKey) {
    for (const t of d.tables) {
      if (t.key !== tableKey) continue;
      const section = row ? t.rows.find((r) => rowName(r) === row)?.section : undefined;
      const c = columnOf(t, key, section);
      if (c?.label) return c.label.replace(/\s+/g, '');
    }
  }
  const tpl = tableKey ? templateByKey(tableKey) : undefined;
  const fromTemplate = tpl?.columns.find((c) => c.key === key)?.label;
  if (fromTemplate) return fromTemplate;
  return key.replace(/^col:/, '').replace(/#\d+$/, '');
}

function tableLabel(p: FindingPlace, lang: ReportLang): string | null {
  if (p.tableTitle) return p.tableTitle;
  if (p.table === 'narrative') return lang === 'zh' ? '情况说明' : 'narrative';
  return p.table ? (templateByKey(p.table)?.title ?? null) : null;
}

export function placeText(p: FindingPlace, lang: ReportLang = 'zh', d?: Disclosure): string {
  const column = p.column ? columnLabel(p.column, p.table, d, p.row) : null;
  const parts = [
    tableLabel(p, lang),
    p.row ? `“${p.row}”` : null,
    column && (lang === 'zh' ? `“${column}”列` : `column "${column}"`),
  ]
    .filter(Boolean)
    .join(' ');
  const src = p.source ? describePlace(p.source, lang) : null;
  return [parts, src && `(${src})`].filter(Boolean).join(' ');
}

function one(f: Finding, lang: ReportLang, d?: Disclosure): string[] {
  const code = CODE.get(f.ruleId) ?? f.ruleId;
  const lines = [`  [${code}] ${lang === 'zh' ? f.message : f.messageEn}`];
  const where = placeText(f.location, lang, d);
  const at = lang === 'zh' ? '位置' : 'at';
  if (where) lines.push(`      ${at}: ${where}`);
  const rel = lang === 'zh' ? '相关' : 'related';
  for (const r of f.related.slice(0, 5)) lines.push(`      ${rel}: ${placeText(r, lang, d)}`);
  if (f.related.length > 5)
    lines.push(`      … ${lang === 'zh' ? `另有 ${f.related.length - 5} 处` : `${f.related.length - 5} more`}`);
  // a cross-document finding: the place in the other document, named by its file
  if (f.counterpart) {
    const doc = f.counterpart.document;
    const name = doc.fileName ?? [doc.fiscalYear, doc.kind].filter(Boolean).join(' ');
    lines.push(
      `      ${lang === 'zh' ? '对照文件' : 'other document'}: ${name} ${placeText(f.counterpart.place, lang)}`,
    );
  }
  return lines;
}

/** The reader's confidence over the document's tables: how many read sure, which need a check by hand. */
function readingLines(tables: readonly Table[], lang: ReportLang): string[] {
  const unsure = tables.filter((t) => t.reading?.level === 'unsure');
  const out = [
    lang === 'zh'
      ? `读取可信度：${tables.length - unsure.length} 张表读取可信，${unsure.length} 张需人工核对（其数字的勾稽问题最多为警告）`
      : `Reading: ${tables.length - unsure.length} tables read sure, ${unsure.length} to check by hand (their sums give warnings at most)`,
  ];
  for (const t of unsure) {
    const where = t.place ? ` (${describePlace(t.place, lang)})` : '';
    out.push(
      `  ? ${t.title || (templateByKey(t.key)?.title ?? '')} ${t.reading!.score.toFixed(2)}：${t.reading!.reasons.join('；')}${where}`,
    );
  }
  return out;
}

export function formatText(document: string, res: AuditResult, options: TextOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const zh = lang === 'zh';
  const out = [`${zh ? '审核' : 'Check'}: ${document}`];
  if (options.disclosure?.tables.length) out.push(...readingLines(options.disclosure.tables, lang));
  for (const sev of SEVERITIES) {
    const fs = res.findings.filter((f) => f.severity === sev && f.messageId !== 'skipped');
    if (!fs.length || (sev === 'info' && options.infos === false)) continue;
    out.push('', `${HEAD[sev][zh ? 0 : 1]} (${fs.length})`);
    for (const f of fs) out.push(...one(f, lang, options.disclosure));
  }
  const skipped = res.findings.filter((f) => f.messageId === 'skipped');
  if (skipped.length) {
    out.push('', `${zh ? '未执行' : 'Not run'} (${skipped.length})`);
    for (const f of skipped) out.push(`  [${CODE.get(f.ruleId) ?? f.ruleId}] ${zh ? f.message : f.messageEn}`);
  }
  // What was checked, so that "0 errors" is never read as "all checked" (issue 11).
  if (res.coverage)
    out.push('', zh ? `核对范围：${coverageLine(res.coverage)}` : `Coverage: ${coverageLine(res.coverage, 'en')}`);
  const s = res.summary;
  out.push(
    '',
    zh
      ? `合计：${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 个提示，${s.skipped} 项未执行`
      : `Summary: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos, ${s.skipped} not run`,
    '',
  );
  return out.join('\n');
}
