import type { CatalogSystem } from '../catalog/catalog.ts';
import type { DocumentKind } from '../model/disclosure.ts';

// A table template says what one kind of standard table looks like: how its title reads, which columns it
// has (and how their headers are printed), which rows it holds. Templates are data; recognition matches a
// printed table against them by title and header, never by its printed number or position.

export interface ColumnTemplate {
  key: string;
  /** Canonical header label (Chinese). */
  label: string;
  /**
   * Patterns for the printed header, tested against the header text with spaces and punctuation removed. For
   * multi-row headers the text is "parent/child", so a pattern can require the parent ("预算数/合计").
   */
  match: RegExp[];
  /** Section of a multi-part table this column belongs to. */
  section?: string;
  /** A sub-column many documents leave out (其中：教育收费): its absence is no "columns missing" warning. */
  optional?: boolean;
}

export interface ItemTemplate {
  /** Canonical key of a named line ("income.general_budget"). */
  key: string;
  section?: string;
  label: string;
  /** Patterns for the printed label, with list numbering ("一、", "（一）") and spaces removed. */
  match: RegExp[];
  /** Only after this item was seen in the same section (04表: the 年初结转 breakdown repeats fund names). */
  after?: string;
}

export interface SectionTemplate {
  key: string;
  label: string;
  /** How the first header cell of this part is printed ("项目（按功能分类）", "人员经费", "科目编码"). */
  match: RegExp[];
  /** Classification of the coded lines of this part, when it has any. */
  codeSystem?: CatalogSystem;
  /** Lines of this part name functional classes ("八、社会保障和就业支出") instead of printing codes. */
  classesByName?: boolean;
  /** Lines of this part name economic classes ("工资福利支出"): codes are found by name in this catalogue. */
  econByName?: CatalogSystem;
}

export type TableLayout =
  | 'coded' // one code/label column block, then value columns (收入决算表, 支出决算表, …)
  | 'sections' // side-by-side parts, each label (+行次) + values (总表, 06表 经济分类 groups, 收支总表)
  | 'single' // one data line under a multi-row header (三公 决算表)
  | 'text'; // indicator tables kept as text grids (绩效目标表)

export interface TableTemplate {
  key: string;
  kind: DocumentKind;
  /** Canonical title. */
  title: string;
  /** Patterns for the printed title, tested with spaces, year prefixes and quotes removed. */
  titles: RegExp[];
  /** The usual number in the national template (决算 公开01–09表). Informative only. */
  usualNumber?: string;
  layout: TableLayout;
  /** Classification of the coded rows. */
  codeSystem?: CatalogSystem;
  /** Value columns, in the national template's order. */
  columns: ColumnTemplate[];
  sections?: SectionTemplate[];
  items?: ItemTemplate[];
  /**
   * Header labels that are economic classes: such columns get keys "dept_econ:30101" / "gov_econ:50101" from the
   * catalogue, so a long budget table with a column per economic class keeps every column.
   */
  econColumns?: CatalogSystem;
  /** Must be published (or declared empty) in a complete document of this kind. */
  required: boolean;
  /** Tables that together stand in for this one (seed 004 splits 一般公共预算基本支出表 into six). */
  replacedBy?: string[];
  /**
   * Sets of tables that together stand in for this one only when every table of the set is printed (深圳's template
   * prints no 一般公共预算基本支出表, but its 基本支出总表 and 一般公共预算支出表（按经济分类） together hold it).
   */
  replacedByAll?: string[][];
  /**
   * Required only in the template versions whose `table` prints line `row`: a document that prints that table
   * without the line follows an older template that had no such table (佛山 2019 决算: its 收入支出决算总表 has no
   * 国有资本经营预算财政拨款收入 line, and its 目录 lists eight tables, without the 国有资本经营 one).
   */
  requiredWith?: { table: string; row: string };
  /**
   * The sections are print groups, not parts of meaning: 06表 prints its economic classes in three side-by-side
   * groups of 科目编码 | 科目名称 | 决算数, filled top to bottom. A coded line belongs to the economic section of its
   * class (`personnel` for catalog PERSONNEL_CLASSES, else `public`), the table has one value column, the fill-in
   * workbook treats it as one coded list, and rendering lays the lines out in three groups again.
   */
  printGroups?: boolean;
  /**
   * The same table printed in side-by-side parts like the 收支总表 (西安 2020/2022 政府性基金收支表: 收入 项目 | 预算数,
   * then 支出功能分类科目 | 部门预算支出经济分类科目 | 政府预算支出经济分类科目, each with its 预算数): when the first
   * header rows name at least `minSections` of these sections, the table is read with layout 'sections', these
   * sections, columns and items instead of its own layout.
   */
  parts?: { minSections: number; sections: SectionTemplate[]; columns: ColumnTemplate[]; items: ItemTemplate[] };
  /**
   * Phrases of the note under the table that name it (决算 notes say "本表反映部门本年度取得的各项收入情况"): the
   * template of a table whose title was lost, tested on the note with spaces removed.
   */
  notes?: RegExp[];
  /**
   * How a page of this form printed without its title is known (北京 附件2 prints one project's 绩效 form a page):
   * its first cell, tested with spaces removed, and words in its first six rows that tell it from the other forms
   * with the same first cell. A form with `marks` is chosen when they are found, else the one without.
   * `header`: captions of the form's grid (指标名称, 指标值, 一级指标 …); a page without a title whose first six rows
   * print two different ones is a page of this form even when its first cell is another (a continuation page of
   * one project's indicators, 重庆/深圳/西安 绩效 pages).
   */
  untitledPage?: { firstCell: RegExp; marks?: RegExp; header?: RegExp[] };
  /** Performance (绩效) indicator tables go to Disclosure.performance instead of tables. */
  performanceKind?: 'project_self_evaluation' | 'project_goals' | 'overall_goals';
}
