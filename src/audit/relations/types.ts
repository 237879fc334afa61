import type { DocumentKind } from '../../model/disclosure.ts';
import type { CellRef } from '../refs.ts';

// The relation catalogue's shapes. A relation is an identity between printed figures (domain.md §5), named in
// Chinese and English, with the document kinds it holds for (`appliesTo`: a rule evaluates a relation only on a
// document of one of these kinds, or of unknown kind) and the variants of it that documents print and that are
// accepted as the same identity. Cells are named by meaning (src/audit/refs.ts): table key, row (item key,
// "total", "code:301") and column key, all of which exist in the templates (test/audit/relations.test.ts).

export interface RelationBase {
  /** Chinese name, quoted in findings ("01表本年收入合计 = 02表合计"). */
  name: string;
  /** English name; a relation without one is quoted by its Chinese name in English messages too (line-sum). */
  nameEn?: string;
  appliesTo: readonly DocumentKind[];
  /** Printed variants accepted as this relation, in words, for the rule pages (who prints them, and how). */
  variants?: readonly string[];
}

/** The same quantity printed in two tables (cross-table-totals, CJ201). */
export interface CrossRelation extends RelationBase {
  nameEn: string;
  left: CellRef;
  right: CellRef[];
  /**
   * Parts that belong on the right only when a line is absent from the left table: a 收支总表 that prints no
   * 上年结转 line of its own counts the carried-over money inside its income lines (重庆 2026).
   */
  whenAbsent?: { row: CellRef; add: CellRef[] };
  /** Parts that belong on the right only when a line is printed in the left table (a line below 本年收入合计). */
  whenPresent?: { row: CellRef; add: CellRef[] }[];
  /**
   * A second form of the identity that documents of one layout print as well: the right with these parts too, all
   * of them. The relation holds when either form does (西安's 支出总表 by fund source: its 合计 counts the money brought
   * forward, which one 收支总表 counts in 本年支出合计 (民政 2021, 公安 2026) and another leaves out of it (应急 2019)).
   */
  alternative?: { add: CellRef[] };
}

/** A summary table's total line = the sum of other lines of it (line-sum, CJ104). */
export interface LineRelation extends RelationBase {
  target: CellRef;
  parts: CellRef[];
}

/** Each functional class (类) line of one table = the same class in another (cross-table-classes, CJ202). */
export interface ClassRelation extends RelationBase {
  nameEn: string;
  left: { table: string; section?: string; column: string };
  right: { table: string; column: string };
}

/** Does a relation hold for a document of this kind? A document of unknown kind gets every relation. */
export function relationApplies(rel: RelationBase, kind: DocumentKind | null): boolean {
  return kind === null || rel.appliesTo.includes(kind);
}
