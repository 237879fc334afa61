import { entries, type CatalogSystem } from '../catalog/catalog.ts';
import type { DocumentKind } from '../model/disclosure.ts';
import { templateByKey, templates } from '../templates/catalogue.ts';
import { squash } from '../templates/normalize.ts';
import type { ColumnTemplate, ItemTemplate, SectionTemplate, TableTemplate } from '../templates/types.ts';
import { RESTATEMENTS } from '../audit/relations/restatements.ts';

// The fill-in workbook's plan, shared by the writer (template.ts) and the reader (read-workbook.ts) so the
// two cannot drift: which tables get a sheet, in which order, under which sheet name, which columns each has,
// which lines a multi-part table prints, and which value columns are sums of others.

export const MARKER = '财鉴填报模板 / Caijian fill-in workbook';
export const INFO_SHEET = '填报说明';
export const CODES_SHEET = '科目代码';
export const NARRATIVE_SHEET = '情况说明填报';
export const ITEM_BUDGET_SHEET = '项目年初预算';
export const PRIOR_SHEET = '上年数';
/** Rows available for coded lines in a coded sheet. */
export const CODED_ROWS = 300;
/** First data row of a coded sheet (row 1 title, 2 hint, 3 header, 4 合计). */
export const CODED_HEADER_ROW = 3;
/** 06表 sheet: 人员经费合计 and 公用经费合计 beside the table (E3:F4). */
export const BASIC_TOTALS_ROW = 3;

export interface SheetPlan {
  template: TableTemplate;
  sheet: string;
  number: string;
}

const FINAL_ORDER = [
  'final.income_expenditure_summary',
  'final.income',
  'final.expenditure',
  'final.fiscal_summary',
  'final.general_budget_expenditure',
  'final.general_budget_basic',
  'final.gov_fund',
  'final.state_capital',
  'final.three_public',
];
const BUDGET_ORDER = [
  'budget.summary',
  'budget.income',
  'budget.expenditure',
  'budget.expenditure_by_gov_econ',
  'budget.expenditure_by_dept_econ',
  'budget.fiscal_summary',
  'budget.general_expenditure',
  'budget.general_basic',
  'budget.three_public',
  'budget.gov_fund',
  'budget.state_capital',
];

export function sheetPlans(kind: DocumentKind): SheetPlan[] {
  const keys = kind === '决算' ? FINAL_ORDER : BUDGET_ORDER;
  return keys.map((key, i) => {
    const template = templateByKey(key)!;
    const number = String(i + 1).padStart(2, '0');
    return { template, number, sheet: `${number} ${template.title}`.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) };
  });
}

/** Every known table kind; used by the reader to accept sheets the plan did not write. */
export const allTemplates = templates;

/** Value columns that are sums of others: total = Σ parts (row sums the sheet computes with formulas). */
export function columnSums(t: TableTemplate): Record<string, string[]> {
  const has = (k: string) => t.columns.some((c) => c.key === k);
  const only = (ks: string[]) => ks.filter(has);
  switch (t.key) {
    case 'final.income':
      return { total: only(['fiscal', 'superior_subsidy', 'business', 'operating', 'affiliated', 'other']) };
    case 'final.expenditure':
      return { total: only(['basic', 'project', 'upper_remit', 'operating', 'subsidy_affiliated']) };
    case 'final.gov_fund':
    case 'final.general_budget_expenditure':
    case 'final.state_capital':
      return { total: ['basic', 'project'] };
    case 'final.three_public': {
      const out: Record<string, string[]> = {};
      for (const side of ['budget', 'final']) {
        out[`${side}.vehicle_total`] = [`${side}.vehicle_purchase`, `${side}.vehicle_operation`];
        out[`${side}.total`] = [`${side}.abroad`, `${side}.vehicle_total`, `${side}.reception`];
      }
      return out;
    }
    case 'budget.three_public':
      return {
        vehicle_total: ['vehicle_purchase', 'vehicle_operation'],
        total: ['abroad', 'vehicle_total', 'reception'],
      };
    case 'budget.general_basic':
      return { total: ['personnel', 'public'] };
    default:
      if (has('total') && has('basic') && has('project'))
        return { total: only(['basic', 'project', 'operating', 'upper_remit', 'subsidy_affiliated']) };
      return {};
  }
}

const PARENTS = ['', '基本支出/', '本年支出/', '基本支出/人员经费/', '基本支出/公用经费/', '项目支出/'];

/**
 * A label for the column that its own header patterns accept, so a rendered table reads back to the same
 * column key: the canonical label when it matches, else the label under the parent header the national
 * template prints it under ("基本支出/工资福利支出").
 */
function printableLabel(c: ColumnTemplate): string {
  for (const p of PARENTS) {
    const label = p + c.label;
    if (c.match.some((re) => re.test(squash(label)))) return label;
  }
  // A label naming parent and child in one ("本年收入小计" for "本年收入/小计").
  for (let k = 2; k < c.label.length - 1; k++) {
    const label = `${c.label.slice(0, k)}/${c.label.slice(k)}`;
    if (c.match.some((re) => re.test(squash(label)))) return label;
  }
  return c.label;
}

/**
 * Budget expenditure tables carry optional breakdowns of 基本支出 (工资福利, 商品和服务, 人员/公用经费) that
 * other tables give in detail; the workbook asks only for the parts of the total, so a sheet left without
 * the breakdown is not an inconsistent one.
 */
const BUDGET_EXPENDITURE_KEYS = ['total', 'basic', 'project', 'operating', 'upper_remit', 'subsidy_affiliated'];

/** The template's columns as the workbook shows them (three_public nested under its vehicle group). */
export function workbookColumns(t: TableTemplate, section?: string): ColumnTemplate[] {
  let cols = t.columns.filter((c) =>
    section === undefined ? !c.section || t.layout !== 'sections' : c.section === section,
  );
  // A part's optional breakdown (上海's 收支总表 splits the classes' 预算数 into 人员/公用/项目) is not asked for: the part's
  // amount column is, and a sheet that also asked for the breakdown would print a layout no template prints whole.
  if (t.layout === 'sections' && section !== undefined) cols = cols.filter((c) => !c.optional);
  if (t.kind === '预算' && cols.some((c) => c.key === 'basic_wages')) {
    const keep = t.key === 'budget.expenditure' ? BUDGET_EXPENDITURE_KEYS : ['total', 'basic', 'project'];
    cols = cols.filter((c) => keep.includes(c.key));
  }
  return cols.map((raw) => {
    const c = { ...raw, label: printableLabel(raw) };
    // Labels as the national template prints them (and as recognition's header patterns expect them).
    if (t.key === 'final.gov_fund' && ['total', 'basic', 'project'].includes(c.key))
      return { ...c, label: `本年支出/${c.key === 'total' ? '小计' : c.label}` };
    if (t.key === 'final.three_public' && /vehicle_(purchase|operation)$/.test(c.key)) {
      const [side, rest] = c.label.split('/');
      return { ...c, label: `${side}/公务用车购置及运行维护费/${rest}` };
    }
    return c;
  });
}

export interface SectionLine {
  label: string;
  item?: string;
  /** Functional/economic class code for lines that name a class. */
  code?: string;
  codeSystem?: CatalogSystem;
  /** How the sheet computes it: Σ of the lines before it, of the lines after it up to the next item, or of other items. */
  sumOf?: 'before' | 'following' | string[];
}

function classLines(system: CatalogSystem, year: number | null): SectionLine[] {
  return entries(system)
    .filter(
      (e) =>
        e.level === '类' &&
        (e.until === undefined || year === null || e.until >= year) &&
        (e.from === undefined || year === null || e.from <= year),
    )
    .map((e) => ({ label: e.name, code: e.code, codeSystem: system }));
}

const NUMERALS = '一二三四五六七八九十';
function numbered(i: number): string {
  if (i < 10) return NUMERALS[i];
  const tens = Math.floor((i + 1) / 10);
  const ones = (i + 1) % 10;
  return `${tens === 1 ? '' : NUMERALS[tens - 1]}十${ones ? NUMERALS[ones - 1] : ''}`;
}

/** The lines of one part of a multi-part table, in print order, with how totals are formed. */
export function sectionLines(t: TableTemplate, s: SectionTemplate, year: number | null): SectionLine[] {
  const items = (t.items ?? []).filter((i) => i.section === s.key);
  const line = (i: ItemTemplate): SectionLine => ({ label: i.label, item: i.key });
  const isTotal = (k: string) => /\.(total|current)$/.test(k);
  const isGrand = (k: string) => /grand_total$/.test(k);
  const out: SectionLine[] = [];
  // 预算 财政拨款收支总表 prints "一、本年收入" above its parts: that line sums the lines that follow it.
  const current = items.find((i) => /\.current$/.test(i.key));
  if (current) out.push({ ...line(current), sumOf: 'following' });
  if (s.econByName && items.some((i) => i.key.endsWith('.basic'))) {
    // 按部门预算经济分类: 基本支出 / 项目支出 / 经营支出 are the parts of the total here.
    const parts = items.filter((i) => /\.(basic|project|operating)$/.test(i.key));
    for (const i of parts) out.push(line(i));
    const total = items.find((i) => isTotal(i.key));
    if (total) out.push({ ...line(total), sumOf: parts.map((i) => i.key) });
    const carry = items.find((i) => /carryover$/.test(i.key));
    if (carry) out.push(line(carry));
    const grand = items.find((i) => isGrand(i.key));
    if (grand) out.push({ ...line(grand), sumOf: [total!.key, ...(carry ? [carry.key] : [])] });
    return out;
  }
  if (s.classesByName || s.econByName) {
    const system = s.econByName ?? 'function';
    const classes = classLines(system, year);
    const totalAt = items.findIndex((x) => isTotal(x.key) && x !== current);
    const pre = items.filter(
      (i) =>
        !isTotal(i.key) &&
        !isGrand(i.key) &&
        items.indexOf(i) < totalAt &&
        !/carryover|balance|distribution/.test(i.key),
    );
    for (const i of pre) out.push(line(i));
    classes.forEach((c, n) => {
      out.push({ ...c, label: `${numbered(n)}、${c.label}` });
    });
  }
  let seenTotal = false;
  const afterTotal: string[] = [];
  for (const i of items) {
    if (out.some((l) => l.item === i.key)) continue;
    if (i === current) {
      if (!current.key.startsWith('income')) seenTotal = true;
      continue;
    }
    if (isTotal(i.key)) {
      out.push({ ...line(i), sumOf: 'before' });
      seenTotal = true;
      continue;
    }
    if (isGrand(i.key)) {
      const total = items.find((x) => isTotal(x.key));
      if (total === current && current) seenTotal = true;
      out.push({ ...line(i), sumOf: total ? [total.key, ...afterTotal] : 'before' });
      continue;
    }
    if ((seenTotal || (current && !/general_budget|gov_fund|state_capital/.test(i.key))) && !i.after)
      afterTotal.push(i.key);
    if (i.after) {
      // A breakdown line ("年初结转" by fund) sums into its parent.
      const parent = out.find((l) => l.item === i.after);
      if (parent) parent.sumOf = [...(Array.isArray(parent.sumOf) ? parent.sumOf : []), i.key];
    }
    out.push(line(i));
  }
  return out;
}

/** Where a figure of a summary table comes from: another table's 合计 line, or its class (类) line. */
export interface Derivation {
  /** Σ of other columns of the same line (04表 合计 = the three funds). */
  sumColumns?: string[];
  table: string;
  /** 类 code; absent for the table's 合计 line. */
  code?: string;
  column: string;
}

/**
 * Where a line of a summary table comes from, by the restatements of the relation catalogue
 * (src/audit/relations/restatements.ts): the workbook fills those lines with formulas over the detail sheets and the
 * reader derives them the same way, so an authored document agrees with itself by construction.
 */
export function derivation(
  t: TableTemplate,
  section: string,
  line: SectionLine,
  column: string,
): Derivation | undefined {
  const cls = line.code && line.codeSystem === 'function' ? line.code : undefined;
  for (const r of RESTATEMENTS) {
    if (r.table !== t.key || (r.section !== undefined && r.section !== section)) continue;
    if (r.columns && !r.columns.includes(column)) continue;
    if (r.line === 'class') {
      if (!cls) continue;
    } else if (line.item !== r.line.item) continue;
    if ('sumColumns' in r.from) return { table: '', column: 'total', sumColumns: [...r.from.sumColumns] };
    return r.line === 'class'
      ? { table: r.from.table, code: cls, column: r.from.column }
      : { table: r.from.table, column: r.from.column };
  }
  return undefined;
}
