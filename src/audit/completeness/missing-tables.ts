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

export function missingRequiredTables(d: Disclosure, kind: DocumentKind): MissingTable[] {
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
