import type { Disclosure, Table } from '../model/disclosure.ts';
import type { SourcePlace } from '../model/place.ts';
import { requiredTemplates, stoodInFor, templateByKey } from '../templates/catalogue.ts';
import { tablesPartAbsent } from './completeness/missing-tables.ts';
import type { Coverage, Finding, TableCoverage, TableCoverageState } from './types.ts';

// Coverage: which tables the audit could check and which it could not, and why. "0 errors" must never stand for
// "not checked": a document whose standard tables are absent, unreadable, image-only or read with low confidence
// says so here, and every interface (CLI summary, batch rows, workbench, check sheet) shows it.

/** Why a table was not checked, Chinese first. Kept as data so every interface words it the same way. */
export const COVERAGE_STATES: Record<TableCoverageState, { checked: boolean; zh: string; en: string }> = {
  checked: { checked: true, zh: '已核对', en: 'checked' },
  empty: { checked: true, zh: '空表（已核对空表说明）', en: 'empty table (its statement checked)' },
  absent: { checked: false, zh: '文件中未找到此表', en: 'table not found in the document' },
  unsure: {
    checked: false,
    zh: '表格结构读取不确定，数字未能可靠核对',
    en: 'table structure read with low confidence; its numbers could not be checked reliably',
  },
  illegible: { checked: false, zh: '表格无法辨认（可能为图片）', en: 'table illegible (possibly an image)' },
  'image-only': { checked: false, zh: '所在页为图片，没有文字层', en: 'its pages are images without a text layer' },
  unrecognised: {
    checked: false,
    zh: '表名未能识别，未按标准表核对',
    en: 'title not recognised; not checked as a standard table',
  },
};

function pagesOf(place: SourcePlace | undefined): number[] {
  return place?.kind === 'pdf' ? [place.page] : [];
}

function stateOf(t: Table, imageOnly: ReadonlySet<number>): { state: TableCoverageState; detail: string[] } {
  if (t.status === 'illegible') return { state: 'illegible', detail: [] };
  if (t.place.kind === 'pdf' && imageOnly.has(t.place.page))
    return { state: 'image-only', detail: [`第${t.place.page}页`] };
  // Until every reader sets it, an absent reading is taken as sure (PROTOCOL: Table.reading).
  if (t.reading?.level === 'unsure') return { state: 'unsure', detail: t.reading.reasons };
  if (t.status === 'empty') return { state: 'empty', detail: [] };
  return { state: 'checked', detail: [] };
}

/** Worse states win when several printed tables share one key (a table printed in parts). */
const RANK: TableCoverageState[] = ['checked', 'empty', 'unsure', 'unrecognised', 'illegible', 'image-only', 'absent'];

function entry(
  key: string,
  title: string,
  standard: boolean,
  state: TableCoverageState,
  detail: string[],
  pages: number[],
  place: SourcePlace | null,
): TableCoverage {
  const s = COVERAGE_STATES[state];
  const reason = s.checked ? null : detail.length ? `${s.zh}（${detail.join('；')}）` : s.zh;
  return {
    key,
    title,
    standard,
    state,
    checked: s.checked,
    reason,
    reasonEn: s.checked ? null : s.en,
    pages,
    place,
    skippedRules: [],
  };
}

export function computeCoverage(d: Disclosure, findings: readonly Finding[]): Coverage {
  const imageOnly = new Set(d.source.imageOnlyPages);
  const partAbsent = tablesPartAbsent(d) !== null;
  const tables: TableCoverage[] = [];
  const standardKeys = new Set<string>();
  const foundKeys = new Set(d.tables.map((t) => t.key));
  const standard = d.kind ? requiredTemplates(d.kind).filter((t) => !t.performanceKind) : [];
  for (const tpl of standard) standardKeys.add(tpl.key);
  // Printed tables in document order (the order a reviewer reads them in), one entry per key.
  const seen = new Set<string>();
  for (const t of d.tables) {
    if (t.key === 'unknown') {
      tables.push(entry('unknown', t.title, false, 'unrecognised', [], pagesOf(t.place), t.place));
      continue;
    }
    if (seen.has(t.key)) continue;
    seen.add(t.key);
    const parts = d.tables.filter((x) => x.key === t.key);
    let worst: { state: TableCoverageState; detail: string[] } = { state: 'checked', detail: [] };
    for (const p of parts) {
      const s = stateOf(p, imageOnly);
      if (RANK.indexOf(s.state) > RANK.indexOf(worst.state)) worst = s;
    }
    const title = t.title || templateByKey(t.key)?.title || t.key;
    tables.push(
      entry(
        t.key,
        title,
        standardKeys.has(t.key),
        worst.state,
        worst.detail,
        [...new Set(parts.flatMap((x) => pagesOf(x.place)))],
        t.place,
      ),
    );
  }
  // Then the standard tables that were not found, in the national template's order.
  for (const tpl of standard) {
    if (seen.has(tpl.key)) continue;
    // Tables that together stand in for this one (seed 004 splits 基本支出表 into six) were covered one by one above.
    if (stoodInFor(tpl, (k) => foundKeys.has(k))) continue;
    const listed = d.recognition.listed.find((l) => l.key === tpl.key);
    const detail: string[] = [];
    let state: TableCoverageState = listed?.status === 'illegible' ? 'illegible' : 'absent';
    // With image-only pages in the document the table may be on one of them: not checked, rather than missing.
    if (state === 'absent' && imageOnly.size) {
      state = 'image-only';
      detail.push(`可能在图片页（第${[...imageOnly].slice(0, 8).join('、')}页）中`);
    }
    const e = entry(tpl.key, listed?.title ?? tpl.title, true, state, detail, [], listed?.place ?? null);
    if (state === 'absent' && listed)
      [e.reason, e.reasonEn] = partAbsent
        ? [
            '本文件不含目录所列的报表部分，可能另行公开',
            'this file holds none of the tables its contents lists (they may be published separately)',
          ]
        : ['目录列出，但正文中未找到此表', 'listed in the contents but not found in the document'];
    tables.push(e);
  }

  // Rules that could not run, and on account of which tables (the engine's "skipped" findings).
  const skippedRules: Coverage['skippedRules'] = [];
  for (const f of findings) {
    if (f.messageId !== 'skipped') continue;
    const missing = (f.values.tablesEn ?? '').split(', ').filter(Boolean);
    skippedRules.push({ ruleId: f.ruleId, rule: f.values.rule ?? f.ruleId, missing });
    for (const k of missing)
      for (const t of tables) if (t.key === k && !t.skippedRules.includes(f.ruleId)) t.skippedRules.push(f.ruleId);
  }

  const std = tables.filter((t) => t.standard);
  const checkedStandard = std.filter((t) => t.checked).length;
  const anyChecked = tables.some((t) => t.checked);
  const level: Coverage['level'] =
    std.length === 0
      ? anyChecked
        ? 'partial'
        : 'none'
      : checkedStandard === std.length
        ? 'full'
        : anyChecked
          ? 'partial'
          : 'none';
  return {
    level,
    standardTables: std.length,
    checkedStandard,
    uncheckedStandard: std.length - checkedStandard,
    tables,
    imageOnlyPages: [...imageOnly].sort((a, b) => a - b),
    skippedRules,
  };
}

/** One line for summaries: "标准表 9 张，已核对 7 张；未能核对：…". */
export function coverageLine(c: Coverage, locale: 'zh' | 'en' = 'zh'): string {
  const unchecked = c.tables.filter((t) => t.standard && !t.checked);
  if (locale === 'en') {
    const head = c.standardTables
      ? `standard tables: ${c.checkedStandard} of ${c.standardTables} checked`
      : 'no standard tables known for this document';
    return unchecked.length
      ? `${head}; not checked: ${unchecked.map((t) => `${t.title} (${t.reasonEn})`).join('; ')}`
      : head;
  }
  const head = c.standardTables
    ? `标准表 ${c.standardTables} 张，已核对 ${c.checkedStandard} 张`
    : '未能确定本文件应有的标准表';
  return unchecked.length
    ? `${head}；未能核对：${unchecked.map((t) => `“${t.title}”（${t.reason}）`).join('；')}`
    : head;
}
