import type { Disclosure, DocumentKind } from '../model/disclosure.ts';

// The check items of the 公开情况检查表 (docs/review.md), in the order reviewers use, as data. Each item says which
// findings belong to it (by rule, by the narrative section they were found in) and how Caijian knows the item
// could be looked at at all (its evidence). Adding or moving an item is an edit of this table, not of the builder.
// The standard tables are not listed here: the `tables` item expands into one row per table of the document's
// coverage (src/audit/coverage.ts), by its printed title.

export type ItemGroup = '及时性' | '内容规范性';

export interface SheetItemDef {
  id: string;
  group: ItemGroup;
  /** Item label; a pair when budget and final account word it differently; {level} is 部门 or 单位. */
  label: string | Record<DocumentKind, string>;
  /** Findings of these rules always belong here, wherever they point (a missing-section finding points at a table). */
  rules?: readonly string[];
  /** Findings of these rules come here when no table row claims them (a listed table that is not printed at all). */
  fallbackRules?: readonly string[];
  /** Narrative findings whose section heading path matches one of these. */
  sections?: readonly RegExp[];
  /** Where headings are matched, lower first: specific subjects before the catch-all 情况说明. */
  priority?: number;
  /** Narrative findings no other item claims. */
  catchAll?: boolean;
  /** How Caijian can tell the item was there to be checked. */
  evidence: Evidence;
  /** Why the item could not be checked, when its evidence is missing. */
  missing: string;
}

export type Evidence =
  /** Caijian cannot judge this item from the document alone (publication date). */
  | { kind: 'never' }
  /** The cover facts: entity name, year and kind were all read. */
  | { kind: 'cover' }
  /** A table of contents was read. */
  | { kind: 'contents' }
  /** A narrative section whose heading matches the item's `sections` (or glossary entries). */
  | { kind: 'section'; glossary?: boolean }
  /** Placeholder for the table rows. */
  | { kind: 'tables' };

export const SHEET_ITEMS: readonly SheetItemDef[] = [
  {
    id: 'timeliness',
    group: '及时性',
    label: { 预算: '及时公开{level}预算', 决算: '及时公开{level}决算' },
    evidence: { kind: 'never' },
    missing: '公开时间需人工核对（文件本身不载明发布日期）',
  },
  {
    id: 'cover',
    group: '内容规范性',
    label: '封面',
    rules: ['entity-name'],
    evidence: { kind: 'cover' },
    missing: '未能从封面读出单位名称、年度或公开类别',
  },
  {
    id: 'contents',
    group: '内容规范性',
    label: '目录',
    fallbackRules: ['listed-tables', 'blank-page'],
    sections: [/^目录$|^目\s*录$/],
    evidence: { kind: 'contents' },
    missing: '未识别到目录',
  },
  {
    id: 'functions',
    group: '内容规范性',
    label: '主要职能',
    sections: [/主要职能|部门职责|部门职能|主要职责|职能职责|工作职责|主要任务|职能简介/],
    priority: 1,
    evidence: { kind: 'section' },
    missing: '未识别到“主要职能”部分',
  },
  {
    id: 'organisation',
    group: '内容规范性',
    label: '机构设置',
    // 深圳's template: “二、机构编制” (科室 and staff numbers) under 部门概况.
    sections: [/机构设置|机构编制|单位构成|机构情况|内设机构|组织机构/],
    priority: 1,
    evidence: { kind: 'section' },
    missing: '未识别到“机构设置”部分',
  },
  {
    id: 'glossary',
    group: '内容规范性',
    label: '名词解释',
    rules: ['glossary'],
    sections: [/名词解释|名词说明|术语解释/],
    priority: 1,
    evidence: { kind: 'section', glossary: true },
    missing: '未识别到“名词解释”部分',
  },
  {
    id: 'explanation',
    group: '内容规范性',
    label: { 预算: '编制说明', 决算: '情况说明' },
    rules: ['narrative-sections'],
    sections: [/情况说明|编制说明|预算说明|决算说明|总体情况|收支.*情况|收入.*情况|支出.*情况/],
    priority: 9,
    catchAll: true,
    evidence: { kind: 'section' },
    missing: '未识别到编制说明/情况说明部分',
  },
  {
    id: 'tables',
    group: '内容规范性',
    label: '公开表格',
    evidence: { kind: 'tables' },
    missing: '',
  },
  {
    id: 'other',
    group: '内容规范性',
    label: '其他相关说明（“三公”经费、机关运行经费、政府采购、国有资产、绩效等）',
    sections: [
      /三公|机关运行|政府采购|国有资产|资产占用|绩效|一般性支出|会议费|培训费|其他重要事项|其他需要说明|其他相关|^(.*、)?其他$/,
    ],
    priority: 2,
    evidence: { kind: 'section' },
    missing: '未识别到其他相关说明（“三公”经费、机关运行经费、政府采购、国有资产等）',
  },
  {
    id: 'projects',
    group: '内容规范性',
    label: '项目经费情况说明',
    sections: [/项目经费|项目支出|项目情况|专项资金|重点项目/],
    priority: 1,
    evidence: { kind: 'section' },
    missing: '未识别到项目经费情况说明',
  },
];

export function itemLabel(def: SheetItemDef, kind: DocumentKind | null, level: '部门' | '单位' | null = null): string {
  const label = typeof def.label === 'string' ? def.label : def.label[kind ?? '预算'];
  return label.replace('{level}', level ?? '部门');
}

/** Heading paths of the document, each joined with " / " like FindingPlace.tableTitle. */
export function headingPaths(d: Disclosure): string[] {
  return d.sections.map((s) => s.headingPath.join(' / '));
}

/** Does one segment of a heading path match (segments are tested one by one so ^…$ anchors mean a whole heading)? */
export function headingMatches(path: string, patterns: readonly RegExp[]): boolean {
  const parts = path.split(' / ').map((s) => s.replace(/\s+/g, ''));
  return parts.some((p) => patterns.some((re) => re.test(p)));
}
