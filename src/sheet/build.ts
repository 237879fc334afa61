import { coverageLine } from '../audit/coverage.ts';
import type { Coverage, AuditResult, Finding, TableCoverage } from '../audit/types.ts';
import type { Disclosure } from '../model/disclosure.ts';
import { describePlace } from '../model/place-text.ts';
import type { SourcePlace } from '../model/place.ts';
import { templateByKey } from '../templates/catalogue.ts';
import { headingMatches, headingPaths, itemLabel, SHEET_ITEMS, type ItemGroup, type SheetItemDef } from './items.ts';

// The 公开情况检查表 of one document as data: header, one row per check item with its verdict (是 / 否 / 未能核对),
// numbered problems in plain Chinese with their page, and the place each problem's picture is cut from. Writers
// (xlsx, docx, text dump) only lay this out; nothing here knows about files.

export type Verdict = '是' | '否' | '未能核对';

export interface SheetProblem {
  /** Number inside its item, from 1. */
  n: number;
  /** Plain Chinese, place included ("…（第5页）"). */
  text: string;
  severity: 'error' | 'warning';
  /** Where the picture is cut from: a PDF page and box, with related boxes on the same page. */
  image: { page: number; box: [number, number, number, number]; marks: [number, number, number, number][] } | null;
  /** The place in words ("第5页", "第120行"), empty when the finding has none. */
  where: string;
}

export interface SheetItem {
  /** Item id from SHEET_ITEMS, or "table:<key>" for a table row. */
  id: string;
  group: ItemGroup;
  label: string;
  verdict: Verdict;
  problems: SheetProblem[];
  /** Why the item (or part of it) could not be checked. */
  notes: string[];
}

export interface CheckSheet {
  title: string;
  entity: string | null;
  /** 部门编码 as printed on the unit lines of the tables. */
  code: string | null;
  sourceUrl: string | null;
  fileName: string | null;
  kind: Disclosure['kind'];
  fiscalYear: number | null;
  /** Input format: only PDF input has page pictures. */
  format: Disclosure['source']['format'];
  items: SheetItem[];
  counts: { items: number; failed: number; unchecked: number; problems: number };
  coverage: Coverage | null;
}

/**
 * The lines above the items, as every form of the sheet prints them (docx and xlsx as a two-column block, markdown
 * as a list). `omitUnknown` leaves out the file and coverage lines when they are not known, instead of printing a
 * blank or （无）.
 */
export function sheetHeading(sheet: CheckSheet, omitUnknown = false): [string, string][] {
  const c = sheet.counts;
  return [
    ['单位名称', sheet.entity ?? '（未能识别）'],
    ['部门编码', sheet.code ?? '（文件中未印出）'],
    ['公开网址', sheet.sourceUrl ?? '（未提供）'],
    ...(omitUnknown && !sheet.fileName ? [] : [['文件', sheet.fileName ?? ''] as [string, string]]),
    ...(omitUnknown && !sheet.coverage
      ? []
      : [['核对范围', sheet.coverage ? coverageLine(sheet.coverage) : '（无）'] as [string, string]]),
    ['检查结果', `共 ${c.items} 项：不符合 ${c.failed} 项，未能核对 ${c.unchecked} 项，问题 ${c.problems} 处`],
  ];
}

export interface SheetOptions {
  sourceUrl?: string | null;
}

/** Internal keys never reach the sheet: a table key becomes its title, a column key prefix is dropped. */
export function plainMessage(message: string): string {
  return message
    .replace(/\b(?:final|budget)\.[a-z0-9_]+\b/g, (k) => `“${templateByKey(k)?.title ?? '表格'}”`)
    .replace(/\b(?:col|dept_econ|gov_econ):([0-9A-Za-z_]+)/g, '$1')
    .replace(/“”/g, '“（无标题的表格）”')
    .replace(/\s+/g, ' ')
    .trim();
}

function boxOf(p: SourcePlace | null | undefined): [number, number, number, number] | null {
  return p?.kind === 'pdf' ? p.box : null;
}

function problemOf(f: Finding): Omit<SheetProblem, 'n'> {
  const src = f.location.source;
  const where = src ? describePlace(src, 'zh', { form: 'prose' }) : '';
  const base = plainMessage(f.message).replace(/[。；;]+$/, '');
  const text = where ? `${base}（${where}）` : base;
  let image: SheetProblem['image'] = null;
  const box = boxOf(src);
  if (src?.kind === 'pdf' && box) {
    const marks = f.related
      .map((r) => r.source)
      .filter((s): s is Extract<SourcePlace, { kind: 'pdf' }> => s?.kind === 'pdf' && s.page === src.page)
      .map((s) => s.box);
    image = { page: src.page, box, marks: marks.slice(0, 8) };
  }
  return { text, severity: f.severity === 'error' ? 'error' : 'warning', image, where };
}

/** 部门编码: the shortest unit code printed on the tables' unit lines (the department above its units). */
function departmentCode(d: Disclosure): string | null {
  let best: string | null = null;
  for (const t of d.tables)
    for (const r of t.rows)
      if (r.kind === 'unit' && r.code && /^\d{3,}$/.test(r.code) && (!best || r.code.length < best.length))
        best = r.code;
  return best;
}

export function sheetTitle(d: Pick<Disclosure, 'fiscalYear' | 'kind' | 'scope'>): string {
  const year = d.fiscalYear ? `${d.fiscalYear}年度` : '';
  const level = d.scope.level ?? '部门';
  const kind = d.kind ?? '预决算';
  return `${year}${level}${kind}公开情况检查表`;
}

function evidenceFound(def: SheetItemDef, d: Disclosure, headings: string[]): boolean {
  switch (def.evidence.kind) {
    case 'never':
      return false;
    case 'cover':
      return !!(d.entity.name && d.fiscalYear && d.kind);
    case 'contents':
      return d.recognition.listed.length > 0 || (d.recognition.contents?.entries ?? 0) > 0;
    case 'section':
      if (def.evidence.glossary && d.glossary.length) return true;
      return headings.some((h) => headingMatches(h, def.sections ?? []));
    case 'tables':
      return true;
  }
}

function tableRowLabel(t: TableCoverage): string {
  const title = t.title.replace(/^[《“"]|[》”"]$/g, '').trim();
  if (title) return `《${title}》`;
  return `未识别标题的表格${t.pages.length ? `（第${t.pages.join('、')}页）` : ''}`;
}

/** The row key of a finding's table: its template key, or the page of an unrecognised table. */
function tableRowKey(key: string, source: SourcePlace | null): string {
  return key === 'unknown' && source?.kind === 'pdf' ? `unknown@${source.page}` : key;
}

/** Which item a finding belongs to: rule claims, then its table row, then fallback rules, then its section. */
function itemFor(f: Finding, tableRows: Map<string, string>, sectionOrder: readonly SheetItemDef[]): string {
  for (const def of SHEET_ITEMS) if (def.rules?.includes(f.ruleId)) return def.id;
  const key = f.location.table;
  const rowKey = key ? tableRowKey(key, f.location.source) : null;
  if (rowKey && tableRows.has(rowKey)) return tableRows.get(rowKey)!;
  for (const def of SHEET_ITEMS) if (def.fallbackRules?.includes(f.ruleId)) return def.id;
  const path = f.location.tableTitle ?? '';
  if (key === 'narrative' || (!key && path)) {
    for (const def of sectionOrder) if (def.sections && headingMatches(path, def.sections)) return def.id;
  }
  // A table the document does not show as a row (an extra table found twice, a key the coverage lacks): the row of its
  // title if any, otherwise the narrative catch-all, which is where a reviewer reads the document's remaining text.
  return SHEET_ITEMS.find((d) => d.catchAll)!.id;
}

export function buildCheckSheet(d: Disclosure, result: AuditResult, options: SheetOptions = {}): CheckSheet {
  const coverage = result.coverage ?? null;
  const headings = headingPaths(d);
  const sectionOrder = [...SHEET_ITEMS].filter((x) => x.sections).sort((a, b) => (a.priority ?? 5) - (b.priority ?? 5));

  // Rows: the item table, with the tables placeholder expanded into one row per table of the coverage.
  const rows: { item: SheetItem; def: SheetItemDef | null; table: TableCoverage | null }[] = [];
  const tableRows = new Map<string, string>();
  for (const def of SHEET_ITEMS) {
    if (def.evidence.kind !== 'tables') {
      rows.push({
        item: {
          id: def.id,
          group: def.group,
          label: itemLabel(def, d.kind, d.scope.level),
          verdict: '是',
          problems: [],
          notes: [],
        },
        def,
        table: null,
      });
      continue;
    }
    for (const [i, t] of (coverage?.tables ?? []).entries()) {
      const id = t.key === 'unknown' ? `table:unknown:${i}` : `table:${t.key}`;
      if (t.key !== 'unknown') tableRows.set(t.key, id);
      else for (const p of t.pages) tableRows.set(`unknown@${p}`, id);
      rows.push({
        item: { id, group: def.group, label: tableRowLabel(t), verdict: '是', problems: [], notes: [] },
        def: null,
        table: t,
      });
    }
  }
  // A finding about a table that has no row (a standard table the coverage does not list, e.g. one a rule misses
  // although a replacement was printed) gets a row of its own after the other tables, so it is never filed elsewhere.
  const lastTable =
    rows.findLastIndex((r) => r.table) >= 0
      ? rows.findLastIndex((r) => r.table)
      : rows.findIndex((r) => r.def?.evidence.kind === 'tables');
  let insertAt = lastTable + 1;
  for (const f of result.findings) {
    const key = f.location.table;
    if (!key || !templateByKey(key) || tableRows.has(key) || f.messageId === 'skipped' || f.severity === 'info')
      continue;
    if (SHEET_ITEMS.some((def) => def.rules?.includes(f.ruleId) || def.fallbackRules?.includes(f.ruleId))) continue;
    const id = `table:${key}`;
    tableRows.set(key, id);
    const title = f.location.tableTitle ?? templateByKey(key)!.title;
    rows.splice(insertAt++, 0, {
      item: { id, group: '内容规范性', label: `《${title}》`, verdict: '是', problems: [], notes: [] },
      def: null,
      table: null,
    });
  }
  const byId = new Map(rows.map((r) => [r.item.id, r]));

  // Problems: errors and warnings (infos are rounding notes, skipped rules are coverage), each once per item.
  const seen = new Set<string>();
  for (const f of result.findings) {
    if (f.messageId === 'skipped' || f.severity === 'info') continue;
    const row = byId.get(itemFor(f, tableRows, sectionOrder))!;
    const p = problemOf(f);
    const dedupe = `${row.item.id}\u0000${p.text}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    row.item.problems.push({ n: row.item.problems.length + 1, ...p });
  }

  // Verdicts: 否 with problems; 未能核对 when the item could not be looked at; 是 otherwise.
  for (const r of rows) {
    if (r.table) {
      if (!r.table.checked) r.item.notes.push(`未能核对：${r.table.reason}`);
      if (r.table.skippedRules.length)
        r.item.notes.push(`因缺少此表，${r.table.skippedRules.length} 项表间核对未能执行`);
    } else if (r.def && !evidenceFound(r.def, d, headings) && !r.item.problems.length) {
      r.item.notes.push(`未能核对：${r.def.missing}`);
    }
    const unchecked = r.table ? !r.table.checked : !!r.def && r.def.evidence.kind === 'never';
    r.item.verdict = r.item.problems.length ? '否' : unchecked || r.item.notes.length ? '未能核对' : '是';
  }

  const items = rows.map((r) => r.item);
  return {
    title: sheetTitle(d),
    entity: d.entity.name,
    code: departmentCode(d),
    sourceUrl: options.sourceUrl ?? null,
    fileName: d.source.fileName ?? null,
    kind: d.kind,
    fiscalYear: d.fiscalYear,
    format: d.source.format,
    items,
    counts: {
      items: items.length,
      failed: items.filter((i) => i.verdict === '否').length,
      unchecked: items.filter((i) => i.verdict === '未能核对').length,
      problems: items.reduce((n, i) => n + i.problems.length, 0),
    },
    coverage,
  };
}
