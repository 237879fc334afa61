import { lookup, type CatalogSystem } from '../../../catalog/catalog.ts';
import type { Disclosure, Row } from '../../../model/disclosure.ts';
import { labelsNameCodes } from '../../../templates/catalogue.ts';
import { rowPlace, tidy } from '../../cells.ts';
import type { FindingPlace, Rule } from '../../types.ts';

// A code and its printed name agree with the classification catalogue (domain.md §4). Names print truncated
// (a cell cut the last characters) and with layout spaces, so a prefix of the catalogue name passes. An
// unknown code is "unknown", never "wrong"; names the catalogue knows as former names are code-name-outdated's.

export function squashName(s: string): string {
  return (
    tidy(s)
      // list numbering needs its punctuation: "一般公共服务支出" starts with 一 but is not numbered; 西安's 收支总表
      // numbers its class lines with digits ("1、一般公共服务支出", "(1)工资福利支出")
      .replace(/^([（(]([一二三四五六七八九十]+|\d{1,2})[)）]|([一二三四五六七八九十]+|\d{1,2})[、．.])/, '')
      .replace(/[\s（）()“”"、，,．.·：:]/g, '')
      .replace(/其中/, '')
  );
}

export function nameCheck(r: Row, year: number | null) {
  if (r.kind !== 'code' || !r.code || !r.label || !r.codeSystem || r.codeSystem === 'unit') return null;
  const res = lookup(r.codeSystem as CatalogSystem, r.code, year);
  if (res.status !== 'known') return null;
  const printed = squashName(r.label);
  if (printed.length < 2) return null;
  const current = squashName(res.nameForYear);
  const aliases = [res.entry.name, ...(res.entry.aliases ?? [])].map(squashName);
  const outdated = res.outdatedNames.map(squashName);
  // a name cut short by a narrow cell (a prefix of 4+ characters), or the right name followed by words of a
  // neighbouring cell the reader joined to it (“奖金工资奖金津补贴”: 30101 奖金 + 50101 工资奖金津补贴)
  const fits = (n: string) =>
    n === printed || (printed.length >= 4 && n.startsWith(printed)) || (n.length >= 2 && printed.startsWith(n));
  if (fits(current) || aliases.some(fits)) return { status: 'ok' as const };
  if (outdated.some(fits)) return { status: 'outdated' as const, name: res.nameForYear };
  // A 款/项 name the harvest saw in a single document is no authority (build-catalog.ts keeps such codes as noise-prone):
  // 2081004 is “殡葬业务经” there, garbled from the one 西安民政 2021 document that prints it, whose tables say 殡葬.
  // Class names are curated.
  if (res.entry.level !== '类' && (res.entry.observedDocs ?? 0) < 2) return null;
  return { status: 'mismatch' as const, name: res.nameForYear };
}

/**
 * The coded lines whose printed name has the given status, with what a finding says of them, in tables whose labels
 * name their codes (a purchase or project list filed under function codes names its items, not the codes: 西安
 * 政府采购). code-name reports the mismatches, code-name-outdated the former names.
 */
export function* namedCodeLines(
  d: Disclosure,
  status: 'mismatch' | 'outdated',
): Generator<{ values: Record<string, string>; location: FindingPlace }> {
  for (const t of d.tables) {
    if (!labelsNameCodes(t.key)) continue;
    for (const r of t.rows) {
      const c = nameCheck(r, d.fiscalYear);
      if (c?.status !== status) continue;
      yield {
        values: { table: t.title, tableEn: t.key, code: r.code!, printed: tidy(r.label!), name: c.name },
        location: rowPlace(t, r),
      };
    }
  }
}

const rule: Rule = {
  meta: {
    id: 'code-name',
    code: 'CJ601',
    title: { zh: '科目编码与名称相符', en: 'Codes and names agree with the catalogue' },
    category: 'codes',
    severity: 'warning',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      mismatch: {
        zh: '{table}科目 {code} 印为“{printed}”，科目表中该编码为“{name}”',
        en: '{tableEn}: code {code} is printed as "{printed}" but the catalogue names it "{name}"',
      },
    },
  },
  check(ctx) {
    for (const { values, location } of namedCodeLines(ctx.disclosure, 'mismatch'))
      ctx.report({ messageId: 'mismatch', values, location });
  },
};

export default rule;
