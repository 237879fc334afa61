import { z } from 'zod';
import { SourcePlace } from './place.ts';
import { InputFormat, ReadWarning } from './layout.ts';

// The Disclosure is the one typed model of a budget (预算) or final-account (决算) disclosure. These zod
// schemas are the contract between stages; docs/schema/disclosure.schema.json is exported from them.

export const DocumentKind = z.enum(['预算', '决算']);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const AmountUnit = z.enum(['元', '万元']);
export type AmountUnit = z.infer<typeof AmountUnit>;

export const CodeSystem = z.enum(['function', 'dept_econ', 'gov_econ', 'unit']);
export type CodeSystem = z.infer<typeof CodeSystem>;

export const CodeLevel = z.enum(['类', '款', '项']);
export type CodeLevel = z.infer<typeof CodeLevel>;

export const Cell = z.object({
  /** Canonical column key (see the table's `columns`). */
  column: z.string(),
  /** Text exactly as printed ("7,250,557.36", "--", ""). */
  text: z.string(),
  /**
   * Exact decimal value as plain text ("7250557.36"), or null when the cell is blank. "0", "0.00" and "--"
   * are zero. Never a binary float.
   */
  value: z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .nullable()
    .describe('Exact decimal value as plain text ("7250557.36"); null when the cell is blank. Never a binary float.'),
  /** Number of decimals as printed (151.911 → 3); 0 for blanks and integers. */
  decimals: z.number().int().min(0).describe('Decimals as printed (151.911 → 3)'),
  place: SourcePlace,
});
export type Cell = z.infer<typeof Cell>;

export const RowKind = z.enum([
  'total', // 合计 / 总计 / 本年收入合计 …: a printed total line
  'code', // a classification-coded line (functional or economic)
  'unit', // a budget unit line (038 / 038001)
  'item', // a named line without code (01表 lines, 收支总表 items, 三公 single row)
]);
export type RowKind = z.infer<typeof RowKind>;

export const Row = z.object({
  kind: RowKind,
  /** For multi-part tables (01表 income | expenditure; 06表 人员经费 | 公用经费 groups). */
  section: z.string().optional(),
  /** Normalised code ("2101501"); for unit lines the unit code. */
  code: z.string().optional(),
  /** Code as printed, when printed ("21015 01", "210|15|01", "21011⏎01"). */
  codeText: z.string().optional(),
  codeSystem: CodeSystem.optional(),
  level: CodeLevel.optional(),
  /**
   * Further classifications printed on the same line (北京's 支出总表 prints function, government-economic and
   * department-economic codes side by side: "2040601-行政运行 | 50101-工资奖金津补贴 | 30101-基本工资").
   */
  otherCodes: z
    .array(z.object({ code: z.string(), codeSystem: CodeSystem.optional(), label: z.string().nullable() }))
    .optional(),
  /** Label as printed (wrapped parts joined); null when the line prints a code only. */
  label: z.string().nullable(),
  /**
   * Text printed in the line's other text key columns, by header (单位名称 beside 项目名称, 预算单位 beside 年度):
   * kept apart so that the label names the item, not the unit and the item glued together.
   */
  keyTexts: z.array(z.object({ column: z.string(), text: z.string() })).optional(),
  /** Canonical line item when the template knows it (e.g. "income.general_budget"). */
  item: z.string().optional(),
  /** 行次 as printed. */
  lineNo: z.number().int().optional(),
  cells: z.array(Cell),
  place: SourcePlace,
});
export type Row = z.infer<typeof Row>;

export const Column = z.object({
  key: z.string(),
  /** Header text as printed (multi-row headers joined with "/"). */
  label: z.string(),
  section: z.string().optional(),
});
export type Column = z.infer<typeof Column>;

export const TableStatus = z.enum([
  'data', // a body with at least one value
  'empty', // printed with no values (header only) or declared "本表无数据"
  'illegible', // present but unreadable ("[illegible]", image only)
]);
export type TableStatus = z.infer<typeof TableStatus>;

/**
 * How sure the reader is that it read a table's structure right (codes, labels, columns), from the table's own
 * evidence: codes that exist in the catalogue and agree with their names, rows with labels, numeric columns holding
 * numbers, parent = Σ children for most rows, header recognised. An 'unsure' table gets one warning asking for a check
 * by hand, and the audit never reports an error computed from its numbers.
 */
export const ReadingConfidence = z.object({
  /** 0 … 1, higher is surer. */
  score: z.number().min(0).max(1),
  level: z.enum(['sure', 'unsure']),
  /** Why the score is what it is, in Chinese, one short phrase each ("12 行编码不在目录中"). */
  reasons: z.array(z.string()),
});
export type ReadingConfidence = z.infer<typeof ReadingConfidence>;

export const Table = z.object({
  id: z.string(),
  /** Canonical key from the template catalogue ("final.t01_income_expenditure_summary"), or "unknown". */
  key: z.string(),
  /** Template variant that matched. */
  template: z.string().optional(),
  title: z.string(),
  /** Printed number ("公开01表" → "01"), when printed. */
  number: z.string().optional(),
  entity: z.string().optional(),
  unit: AmountUnit.nullable(),
  status: TableStatus,
  /** Statement that the table is empty ("…故本表无数据"), as printed. */
  emptyStatement: z.string().optional(),
  notes: z.array(z.string()),
  /** Where each note was printed (parallel to `notes`), so a finding about a note's words can point at it. */
  notePlaces: z.array(SourcePlace).optional(),
  columns: z.array(Column),
  rows: z.array(Row),
  place: SourcePlace,
  /** Reading confidence, set by recognition (absent in models written before it existed). */
  reading: ReadingConfidence.optional(),
});
export type Table = z.infer<typeof Table>;

export const Paragraph = z.object({
  text: z.string(),
  place: SourcePlace,
  /**
   * Where each printed line of the paragraph starts in `text` (a paragraph broken by a page end is joined into
   * one text): lets a finding about a figure at character offset k point at the line it was printed on.
   */
  segments: z.array(z.object({ offset: z.number().int().min(0), place: SourcePlace })),
});
export type Paragraph = z.infer<typeof Paragraph>;

export const NarrativeSection = z.object({
  /** Heading texts from the part down to this section ("第三部分 …", "五、…", "（一）…"). */
  headingPath: z.array(z.string()),
  heading: z.string(),
  part: z.number().int().min(0).max(9).describe('document part 一…五 (0 = before the first part)'),
  paragraphs: z.array(Paragraph),
  place: SourcePlace,
});
export type NarrativeSection = z.infer<typeof NarrativeSection>;

export const GlossaryEntry = z.object({
  term: z.string(),
  definition: z.string(),
  place: SourcePlace,
});
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;

/** Performance (绩效) tables are kept as text grids: their content is indicators, not amounts. */
export const PerformanceTable = z.object({
  id: z.string(),
  kind: z.enum(['project_self_evaluation', 'project_goals', 'overall_goals', 'other']),
  title: z.string(),
  project: z.string().optional(),
  rows: z.array(z.array(z.string())),
  /** Notes printed under the form ("备注：1、年度绩效指标可选择填写…"), with their places. */
  notes: z.array(z.string()).optional(),
  notePlaces: z.array(SourcePlace).optional(),
  place: SourcePlace,
});
export type PerformanceTable = z.infer<typeof PerformanceTable>;

export const ListedStatus = z.enum(['found', 'empty', 'illegible', 'absent']);

export const ListedTable = z.object({
  /** Title as listed in the 目录. */
  title: z.string(),
  key: z.string().nullable(),
  status: ListedStatus,
  tableId: z.string().optional(),
  /** The contents declares the table published empty, with this reason ("" when none is printed). */
  declaredEmpty: z.string().optional(),
  place: SourcePlace,
});
export type ListedTable = z.infer<typeof ListedTable>;

export const RecognitionReport = z.object({
  listed: z.array(ListedTable),
  /**
   * The 目录 as printed, whatever it lists: a contents of sections only (杭州's “四、…预算公开表” with no table under
   * it) lists no table, yet the document has a 目录. Absent in models stored before it was recorded.
   */
  contents: z.object({ entries: z.number().int(), place: SourcePlace }).nullable().optional(),
  /** Tables found whose title matched no template: kept in `tables` with key "unknown". */
  unknownTables: z.array(z.string()),
  /** Standard tables of this kind that are neither found nor listed. */
  missingStandard: z.array(z.string()),
});
export type RecognitionReport = z.infer<typeof RecognitionReport>;

export const Disclosure = z.object({
  schemaVersion: z.literal(1),
  kind: DocumentKind.nullable(),
  scope: z.object({
    level: z.enum(['部门', '单位']).nullable(),
    consolidation: z.enum(['汇总', '本级']).nullable(),
  }),
  fiscalYear: z.number().int().nullable(),
  entity: z.object({
    /** The department as named on the cover or in the tables. */
    name: z.string().nullable(),
    /** Every distinct spelling printed (cover, table headers, narrative). */
    names: z.array(z.string()),
    /** Units consolidated (决算单位构成 / 部门预算单位构成). */
    units: z.array(z.string()),
  }),
  /** Dominant amount unit of the tables and the decimals they print. */
  unit: AmountUnit.nullable(),
  precision: z.number().int().nullable(),
  source: z.object({
    format: InputFormat,
    fileName: z.string().optional(),
    sha256: z.string().optional(),
    pageCount: z.number().int().optional(),
    imageOnlyPages: z.array(z.number().int()),
  }),
  tables: z.array(Table),
  sections: z.array(NarrativeSection),
  glossary: z.array(GlossaryEntry),
  performance: z.array(PerformanceTable),
  recognition: RecognitionReport,
  warnings: z.array(ReadWarning),
});
export type Disclosure = z.infer<typeof Disclosure>;
