import { lookup, type CatalogSystem } from '../catalog/catalog.ts';
import { parseDecimal } from '../model/decimal.ts';
import type { Cell, ReadingConfidence, Row, Table } from '../model/disclosure.ts';
import { mayEqual, printed, total, type Interval } from '../audit/interval.ts';
import { families, segments } from '../audit/structure.ts';
import { labelsNameCodes as labelsNameCodesIn, templateByKey } from '../templates/catalogue.ts';
import { isKeyLabel } from './header.ts';

// How sure the reader is that it read a table's structure right, from the table's own evidence only (issue 9
// item 2). Each kind of evidence gives a share in 0…1 when the table has enough of it to judge: codes that exist
// in the catalogue, codes whose printed names agree with it, rows with a label, value cells holding numbers,
// parents equal to the sum of their children (on rounding intervals, domain.md §6), header columns the template
// knows. A share below its floor makes the table 'unsure' by itself: a table whose codes are mostly unknown is
// misread however well its sums hold. The score is the product of the shares, so every weak signal lowers it.
//
// The interval arithmetic and the parent/child structure are the audit's own pure helpers (src/audit/interval.ts,
// structure.ts), so the reader and the hierarchy rule agree on what "parent = Σ children" means.

export interface Evidence {
  /** Stable id of the signal (for tests and calibration scripts). */
  id: 'codes' | 'names' | 'labels' | 'numbers' | 'glued' | 'sums' | 'header';
  /** Share of the checked things that look right, 0…1. */
  share: number;
  /** Things checked (rows, cells, relations). */
  checked: number;
  /** Below this the table is unsure whatever the other signals say. */
  floor: number;
  /** Why, in Chinese, when the share is below 1. */
  reason?: string;
}

/** The bar: a table whose score is below it is unsure. Calibrated on the seeds and the corpus (see docs). */
export const SURE_SCORE = 0.6;

/** Fewer things checked than this: the signal is too thin to judge. */
const MIN_CHECKED = 3;

const ECON_OR_FUNCTION = new Set<CatalogSystem>(['function', 'dept_econ', 'gov_econ']);

function isCatalogued(r: Row): r is Row & { code: string; codeSystem: CatalogSystem } {
  return r.kind === 'code' && !!r.code && !!r.codeSystem && ECON_OR_FUNCTION.has(r.codeSystem as CatalogSystem);
}

/**
 * A code the catalogue knows, or whose parent it knows (the catalogue is observed, not complete: a 项 it lacks
 * under a known 款 is a plausible local line, while a code whose 类 does not exist was misread).
 */
function codeStatus(system: CatalogSystem, code: string, year: number | null): 'known' | 'plausible' | 'unknown' {
  if (lookup(system, code, year).status === 'known') return 'known';
  if (code.length > 3 && lookup(system, code.slice(0, code.length === 7 ? 5 : 3), year).status === 'known')
    return 'plausible';
  return 'unknown';
}

const NAME_NOISE = /[\s（）()“”"、，,．.·：:]/g;
function squashName(s: string): string {
  return s
    .replace(/^([（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、．.]|\d{1,2}[、．.](?!\d))/, '')
    .replace(NAME_NOISE, '')
    .replace(/^其中/, '');
}

/** Does the printed name fit the catalogue's (prefix cut by a narrow cell, or a neighbour's words joined after)? */
function nameFits(system: CatalogSystem, code: string, label: string, year: number | null): boolean | undefined {
  const res = lookup(system, code, year);
  if (res.status !== 'known') return undefined;
  const p = squashName(label);
  if (p.length < 2) return undefined;
  const names = [res.nameForYear, res.entry.name, ...(res.entry.aliases ?? []), ...res.outdatedNames].map(squashName);
  return names.some(
    (n) =>
      n === p ||
      (p.length >= 4 && n.startsWith(p)) ||
      (n.length >= 2 && p.startsWith(n)) ||
      (p.length >= 4 && n.includes(p)),
  );
}

function codesEvidence(t: Table, year: number | null): Evidence[] {
  const coded = t.rows.filter(isCatalogued);
  // A line's label is its code's name only in a table of a classification (the template names the code system,
  // or its parts do); in a list of purchases or projects filed under a function code (西安 政府采购: 功能科目 |
  // 单位编码 | 采购项目 | …) the label names the item, and its not being the code's name says nothing.
  const labelsNameCodes = labelsNameCodesIn(t.key);
  let known = 0;
  let unknown = 0;
  let fit = 0;
  let misfit = 0;
  for (const r of coded) {
    const s = codeStatus(r.codeSystem, r.code, year);
    if (s === 'unknown') unknown++;
    else known++;
    if (r.label && labelsNameCodes) {
      const f = nameFits(r.codeSystem, r.code, r.label, year);
      if (f === true) fit++;
      else if (f === false) misfit++;
    }
  }
  const out: Evidence[] = [];
  if (known + unknown) {
    out.push({
      id: 'codes',
      share: known / (known + unknown),
      checked: known + unknown,
      floor: 0.7,
      ...(unknown ? { reason: `${unknown}/${known + unknown} 行编码不在科目目录中` } : {}),
    });
  }
  if (fit + misfit) {
    out.push({
      id: 'names',
      share: fit / (fit + misfit),
      checked: fit + misfit,
      floor: 0.6,
      ...(misfit ? { reason: `${misfit}/${fit + misfit} 行科目名称与编码不符` } : {}),
    });
  }
  return out;
}

const ENUMERATION = /(?:^|[^\d.])(?:[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十\d]{1,2}[、．])/g;
const TOTAL_WORD = /合计|总计/g;

/** Two list numbers or two total words in one label: labels of side-by-side parts joined into one. */
export function isGluedLabel(label: string): boolean {
  const s = label.replace(/\s+/g, '');
  return (s.match(ENUMERATION)?.length ?? 0) >= 2 || (s.match(TOTAL_WORD)?.length ?? 0) >= 2;
}

function labelsEvidence(t: Table): Evidence | undefined {
  // A data row is named by its code, its label or its template item; a row with none of them is a fragment
  // (a wrapped number, a split line) or a row whose key columns were lost.
  const rows = t.rows.filter((r) => r.cells.some((c) => c.value !== null));
  if (!rows.length) return undefined;
  // A row printing its code only is named by the code (seed 001 prints 收入决算表 codes without names).
  const nameless = rows.filter((r) => !r.code && !r.label?.trim() && !r.item).length;
  // A label holding the labels of several parts printed side by side ("1、财政拨款1、一般公共服务支出1、人员经费…",
  // "本年收入合计本年支出合计"): the parts of the table were read as one.
  const glued = rows.filter((r) => r.label && isGluedLabel(r.label)).length;
  const bad = nameless + glued;
  const reasons: string[] = [];
  if (nameless) reasons.push(`${nameless}/${rows.length} 行既无编码也无名称`);
  if (glued) reasons.push(`${glued}/${rows.length} 行的名称由几栏拼成`);
  return {
    id: 'labels',
    share: 1 - bad / rows.length,
    checked: rows.length,
    floor: 0.75,
    ...(reasons.length ? { reason: reasons.join('，') } : {}),
  };
}

/**
 * A column kept under a generated key is a key column (code, name) when any of its header rows names one, in the
 * header vocabulary recognition matches columns with (header.ts isKeyLabel).
 */
function isValueColumn(t: Table, key: string): boolean {
  if (!key.startsWith('col:')) return true;
  const c = t.columns.find((k) => k.key === key);
  return !c?.label.split('/').some(isKeyLabel);
}

const BLANKISH = /^[\s\-—–－/\\×xX*＊]*$/;
/** An amount (decimals or thousands separators) inside a cell's text, and words beside it. */
const AMOUNT_IN_TEXT = /\d[\d,，]*\.\d{1,6}|\d{1,3}(?:[,，]\d{3})+/;
const WORDS = /[\u4e00-\u9fff]/;

function numbersEvidence(t: Table): Evidence[] {
  // Value cells with text that is not a number, and lines with an amount standing under a code/name header (the
  // cells of such a line were shifted: every amount of it is in the wrong column). A column that holds text in most
  // of its cells is a text column (项目类别, 备注), not a misread one.
  const perColumn = new Map<string, { num: number; text: number }>();
  let rows = 0;
  let shifted = 0;
  const glued: { column: string; text: string }[] = [];
  for (const r of t.rows) {
    let inKey = false;
    let any = false;
    for (const c of r.cells) {
      const text = c.text.trim();
      if (!text || BLANKISH.test(text)) continue;
      any = true;
      if (!isValueColumn(t, c.column)) {
        if (c.value !== null && c.decimals > 0) inKey = true;
        continue;
      }
      const k = perColumn.get(c.column) ?? { num: 0, text: 0 };
      if (c.value !== null) k.num++;
      else k.text++;
      if (c.value === null && AMOUNT_IN_TEXT.test(text) && WORDS.test(text)) glued.push({ column: c.column, text });
      perColumn.set(c.column, k);
    }
    if (any) rows++;
    if (inKey) shifted++;
  }
  let good = 0;
  let textInValue = 0;
  for (const k of perColumn.values()) {
    if (k.text > k.num) continue;
    good += k.num;
    textInValue += k.text;
  }
  if (!rows || !(good + textInValue)) return [];
  const out: Evidence[] = [];
  // An amount with words glued to it in an amount column ("支2947399.16": the end of a long name drawn past its cell's
  // rule, 西安 2022 科技创新局 p52) is a cell boundary read wrong: the line's sums would count the amount as blank.
  const gluedHere = glued.filter((g) => {
    const k = perColumn.get(g.column);
    return k && k.text <= k.num;
  });
  if (gluedHere.length)
    out.push({
      id: 'glued',
      share: 1 - gluedHere.length / (good + textInValue),
      checked: good + textInValue,
      floor: 1,
      reason: `${gluedHere.length} 个金额单元格混有文字（“${gluedHere[0].text}”），单元格边界未能读准`,
    });
  const reasons: string[] = [];
  if (textInValue) reasons.push(`${textInValue} 个金额单元格不是数字`);
  if (shifted) reasons.push(`${shifted}/${rows} 行的金额落在编码/名称列下`);
  out.push({
    id: 'numbers',
    share: (good / (good + textInValue)) * (1 - shifted / rows),
    checked: good + textInValue,
    floor: 0.85,
    ...(reasons.length ? { reason: reasons.join('，') } : {}),
  });
  return out;
}

function decimalsOf(t: Table): number {
  const counts = new Map<number, number>();
  for (const r of t.rows)
    for (const c of r.cells)
      if (c.value !== null && c.decimals > 0) counts.set(c.decimals, (counts.get(c.decimals) ?? 0) + 1);
  let best = 0;
  let n = 0;
  for (const [d, k] of counts) if (k > n) [best, n] = [d, k];
  return best;
}

function interval(c: Cell | undefined, precision: number): Interval {
  const v = (c?.value != null ? parseDecimal(c.value) : null) ?? { units: 0n, scale: 0 };
  return printed(v, Math.max(c?.decimals ?? 0, precision));
}

function sumsEvidence(t: Table): Evidence | undefined {
  // Parent = Σ children per value column; a relation whose cells are all blank says nothing.
  const precision = decimalsOf(t);
  let hold = 0;
  let fail = 0;
  for (const seg of segments(t))
    for (const { parent, children } of families(seg)) {
      const cols = new Set(parent.cells.filter((c) => c.value !== null).map((c) => c.column));
      for (const col of cols) {
        if (!isValueColumn(t, col)) continue;
        const p = parent.cells.find((c) => c.column === col);
        const parts = children.map((ch) =>
          interval(
            ch.cells.find((c) => c.column === col),
            precision,
          ),
        );
        if (mayEqual(interval(p, precision), total(parts))) hold++;
        else fail++;
      }
    }
  if (!(hold + fail)) return undefined;
  return {
    id: 'sums',
    share: hold / (hold + fail),
    checked: hold + fail,
    floor: 0.5,
    ...(fail ? { reason: `${fail}/${hold + fail} 处上级科目不等于下级之和` } : {}),
  };
}

function isTextColumn(t: Table, key: string): boolean {
  let num = 0;
  let text = 0;
  for (const r of t.rows)
    for (const c of r.cells) {
      if (c.column !== key || !c.text.trim() || BLANKISH.test(c.text.trim())) continue;
      if (c.value !== null) num++;
      else text++;
    }
  return text > num;
}

function headerEvidence(t: Table): Evidence {
  // Regions print columns the templates do not list (budget tables vary most), so an unmatched column is weak
  // evidence; a header of which no column matches the template, or no template at all, is strong evidence.
  // A titled table no template knows may be a regional extra read right; an untitled one is a fragment whose
  // table is not known (a continuation page not joined to its table).
  if (t.key === 'unknown')
    return t.title.trim()
      ? { id: 'header', share: 0.75, checked: 1, floor: 0, reason: '表题未对应任何标准表' }
      : { id: 'header', share: 0.5, checked: 1, floor: 0, reason: '表格无标题，未能确定是哪张表' };
  const tpl = templateByKey(t.key);
  // A column holding text on most of its lines (采购目录, 规格型号, 说明) is a text column, not an unknown amount.
  const values = t.columns.filter((c) => isValueColumn(t, c.key) && !isTextColumn(t, c.key));
  if (!values.length) return { id: 'header', share: 0, checked: 1, floor: 0.5, reason: '未识别出金额列' };
  if (!tpl?.columns.length || tpl.econColumns) return { id: 'header', share: 1, checked: values.length, floor: 0 };
  const known = values.filter((c) => !c.key.startsWith('col:')).length;
  return {
    id: 'header',
    share: 0.6 + (0.4 * known) / values.length,
    checked: values.length,
    floor: 0,
    ...(known < values.length ? { reason: `${values.length - known}/${values.length} 个表头列未能对应模板` } : {}),
  };
}

/** Every signal the table offers, thin ones included (for calibration and tests). */
export function readingEvidence(t: Table, year: number | null): Evidence[] {
  return [
    ...codesEvidence(t, year),
    labelsEvidence(t),
    ...numbersEvidence(t),
    sumsEvidence(t),
    headerEvidence(t),
  ].filter((e): e is Evidence => !!e);
}

/** The reading confidence of one recognised table. */
export function readingConfidence(t: Table, year: number | null): ReadingConfidence {
  if (t.status !== 'data') return { score: 1, level: 'sure', reasons: [] };
  const evidence = readingEvidence(t, year).filter((e) => e.checked >= MIN_CHECKED || e.id === 'header');
  let score = 1;
  let belowFloor = false;
  for (const e of evidence) {
    score *= e.share;
    if (e.share < e.floor) belowFloor = true;
  }
  score = Math.round(score * 100) / 100;
  const level = belowFloor || score < SURE_SCORE ? 'unsure' : 'sure';
  const reasons = evidence
    .filter((e) => e.reason && e.share < 1)
    .sort((a, b) => a.share - a.floor - (b.share - b.floor))
    .map((e) => e.reason!);
  return { score, level, reasons };
}
