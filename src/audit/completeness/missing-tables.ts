import type { Disclosure, DocumentKind, ListedTable } from '../../model/disclosure.ts';
import type { TableTemplate } from '../../templates/types.ts';
import { requiredTemplates, stoodInFor } from '../../templates/catalogue.ts';

// The standard tables a document of its kind should publish and does not: one answer for the two rules that
// report them (required-tables-final, required-tables-budget) and for listed-tables, which leaves a table listed
// in the 目录 but absent to them, so that one missing table is one finding (a 北京 narrative whose tables are a
// separate attachment gave 8 + 14 warnings for 14 tables).

export interface MissingTable {
  template: TableTemplate;
  /** The 目录 line that lists it, when the contents does. */
  listed: ListedTable | undefined;
}

/** Judged a 决算 but every table read is a 预算 table: the kind is in doubt, so no table is called missing. */
export function finalKindInDoubt(d: Disclosure): boolean {
  return !d.tables.some((t) => t.key.startsWith('final.')) && d.tables.some((t) => t.key.startsWith('budget.'));
}

/** Fewer listed tables than this, all absent, are reported table by table. */
export const MIN_LISTED_PART = 3;

/**
 * The file holds none of the tables its 目录 lists, and no table at all (nor an image page a table could be on):
 * its tables part is published apart — 北京's narrative 附件1 beside 附件2 部门预算报表, 江苏's 部门预算公开文件 beside its
 * 公开表格 — or was left out. Either way it is one thing to say, not one warning (or, for a 决算, one error) per table:
 * listed-tables says it once and the required-tables rules stay silent. The listed lines, or null.
 */
export function tablesPartAbsent(d: Disclosure): ListedTable[] | null {
  const listed = d.recognition.listed;
  if (listed.length < MIN_LISTED_PART || listed.some((l) => l.status !== 'absent')) return null;
  // A table of any kind, an illegible one or an image page might be the part, unrecognised; an untitled grid without a
  // row (江苏 政协 2017 p19, rules around narrative text) is not.
  const aTable = d.tables.some((t) => t.key !== 'unknown' || t.status === 'illegible' || t.rows.length > 0);
  if (aTable || d.source.imageOnlyPages.length) return null;
  return listed;
}

/** The standard tables missing, reported one by one (none when the whole tables part is absent: listed-tables). */
export function missingRequiredTables(d: Disclosure, kind: DocumentKind): MissingTable[] {
  return tablesPartAbsent(d) ? [] : requiredTablesNotFound(d, kind);
}

/** The standard tables a document of its kind should publish and this file does not hold. */
export function requiredTablesNotFound(d: Disclosure, kind: DocumentKind): MissingTable[] {
  if (kind === '决算' && finalKindInDoubt(d)) return [];
  const found = (key: string) => d.tables.some((t) => t.key === key);
  const missing: MissingTable[] = [];
  for (const tpl of requiredTemplates(kind)) {
    // Performance forms are the performance rules' business; a present table is not missing.
    if (tpl.performanceKind || found(tpl.key)) continue;
    // Tables that together stand in for this one (the 三公 table printed as a 三公 + 机关运行经费 table).
    if (stoodInFor(tpl, found)) continue;
    // The document follows a template version without this table (its own tables say so).
    const w = tpl.requiredWith;
    const witness = w && d.tables.find((t) => t.key === w.table);
    if (w && witness && !witness.rows.some((r) => r.item === w.row)) continue;
    missing.push({ template: tpl, listed: d.recognition.listed.find((l) => l.key === tpl.key) });
  }
  return missing;
}
