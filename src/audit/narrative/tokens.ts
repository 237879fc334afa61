import { add, fromUnits, parseDecimal, type Decimal } from '../../model/decimal.ts';
import type { Disclosure, NarrativeSection, Paragraph } from '../../model/disclosure.ts';
import type { SourcePlace } from '../../model/place.ts';
import { printed, total, type Interval } from '../interval.ts';
import type { FindingPlace } from '../types.ts';

// The figures a narrative paragraph states: amounts (number + 万元/元) and percentages (number + %), each with
// its printed precision, the words just before it (its label) and the words that introduce it (增加, 占, 完成…
// 的). Narrative figures use their own printed decimals (domain.md §6): "289.7万元" is 289.65–289.75.

export interface Figure {
  kind: 'amount' | 'percent';
  value: Decimal;
  decimals: number;
  /** Unit of an amount. */
  unit?: '元' | '万元';
  /** Offset of the number in the paragraph text. */
  start: number;
  end: number;
  /** Text from the previous figure or clause boundary up to the number, tidied. */
  label: string;
  /** Index of the sentence (。；) and clause (，、：) in the paragraph. */
  sentence: number;
  clause: number;
  /** Introduced by 增加/减少/增长/下降/降低 (a change, not a level). */
  change?: 'up' | 'down';
}

// Digit runs are bounded (15 integer digits, 12 decimals, 8 comma groups: far past any amount printed) so that a
// long run of digits without a unit costs each start position a bounded look, not a scan to the run's end.
const NUMBER = /(\d{1,3}(?:,\d{3}){1,8}|\d{1,15})(?:\.(\d{1,12}))?\s*(万元|元|%|％)/g;

export function tidyText(s: string): string {
  return s.replace(/(?<=[\u4e00-\u9fff（）“”、，。：；%])\s+|\s+(?=[\u4e00-\u9fff（）“”、，。：；%])/g, '');
}

// A section's text is read by a dozen rules in turn; its figures are found once. The array is shared: callers
// read it and never change it.
// The texts of the last documents audited are kept (a bounded number: the oldest is dropped first).
const figureCache = new Map<string, Figure[]>();
const FIGURE_CACHE_TEXTS = 256;

export function figures(text: string): Figure[] {
  const known = figureCache.get(text);
  if (known) return known;
  const out = findFigures(text);
  if (figureCache.size >= FIGURE_CACHE_TEXTS) figureCache.delete(figureCache.keys().next().value!);
  figureCache.set(text, out);
  return out;
}

const SENTENCE_CHARS = new Set([...'。；;']);
const CLAUSE_CHARS = new Set([...'，,、：:（）()']);

function findFigures(text: string): Figure[] {
  const out: Figure[] = [];
  let sentence = 0;
  let clause = 0;
  let last = 0;
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index!;
    // a digit or letter glued before the number ("0X 万元", "A1") is not a figure we can read
    if (start > 0 && /[\dA-Za-z.．]/.test(text[start - 1])) continue;
    const between = text.slice(last, start);
    for (let k = 0; k < between.length; k++) {
      const ch = between[k];
      if (SENTENCE_CHARS.has(ch)) {
        sentence++;
        clause = 0;
      } else if (CLAUSE_CHARS.has(ch)) clause++;
    }
    // labels run back to the clause start; "、" separates list items but also joins words ("收、支总计"), so it
    // only cuts when a figure precedes it in the same stretch (the previous figure already bounds `between`)
    const cut = Math.max(...[...'。；;，,：:'].map((c) => between.lastIndexOf(c)));
    const label = tidyText(between.slice(cut + 1))
      .replace(/^[\s、）)]+/, '')
      .trim();
    const intPart = m[1].replace(/,/g, '');
    const frac = m[2] ?? '';
    const value = parseDecimal(frac ? `${intPart}.${frac}` : intPart)!;
    const unit = m[3] === '%' || m[3] === '％' ? undefined : (m[3] as '元' | '万元');
    const tail = label.slice(-6);
    const change = /(增加|增长|上升|提高|多)(了)?$/.test(tail)
      ? 'up'
      : /(减少|下降|降低|少)(了)?$/.test(tail)
        ? 'down'
        : undefined;
    out.push({
      kind: unit ? 'amount' : 'percent',
      value,
      decimals: frac.length,
      unit,
      start,
      end: start + m[0].length,
      label,
      sentence,
      clause,
      change,
    });
    last = start + m[0].length;
  }
  return out;
}

/** The interval a narrative figure stands for, in 元 when `inYuan`. */
export function figureInterval(f: Figure, inYuan = false): Interval {
  // Percentages are printed rounded or cut off (1.4537% printed “1.4%”, 15.572% printed “15.5%” in 2026 budgets):
  // the interval reaches one unit above the printed value, half a unit below.
  const iv =
    f.kind === 'percent'
      ? { lo: printed(f.value, f.decimals).lo, hi: add(f.value, fromUnits(1n, f.decimals)) }
      : printed(f.value, f.decimals);
  if (inYuan && f.unit === '万元') {
    const k = 10000n;
    return { lo: { units: iv.lo.units * k, scale: iv.lo.scale }, hi: { units: iv.hi.units * k, scale: iv.hi.scale } };
  }
  return iv;
}

/** What figures listed as parts add up to: the sum of the printed values, and the interval their true values span. */
export function figureSum(fs: readonly Figure[]): { value: Decimal; interval: Interval } {
  return {
    value: fs.reduce((sum, f) => add(sum, f.value), fromUnits(0n, 0)),
    interval: total(fs.map((f) => figureInterval(f))),
  };
}

export interface Located {
  section: NarrativeSection;
  heading: string;
  /** The section's paragraphs joined: documents split sentences across pages, and a list's head and its items
   * often sit in separate paragraphs ("基本支出185.01万元，其中：" / "人员经费151.91万元，占基本支出的82.12%"). */
  text: string;
  /** Where each paragraph starts in `text`. */
  starts: { offset: number; paragraph: Paragraph }[];
}

/** Every section of the narrative as one text, with its heading path joined, for rules that read figures. */
export function paragraphs(d: Disclosure): Located[] {
  const out: Located[] = [];
  for (const s of d.sections) {
    if (!s.paragraphs.length) continue;
    let text = '';
    const starts: Located['starts'] = [];
    for (const p of s.paragraphs) {
      starts.push({ offset: text.length, paragraph: p });
      text += p.text;
    }
    out.push({ section: s, heading: s.headingPath.join(' / '), text, starts });
  }
  return out;
}

export function paragraphAt(l: Located, offset: number): { paragraph: Paragraph; offset: number } {
  let hit = l.starts[0];
  for (const s of l.starts) if (s.offset <= offset) hit = s;
  return hit;
}

/**
 * The source place of a figure: the printed line it sits on (Paragraph.segments maps offsets in a paragraph joined
 * across lines and pages back to lines); on text input the column is the figure's own.
 */
export function placeAt(l: Located, offset: number): SourcePlace {
  const { paragraph, offset: start } = paragraphAt(l, offset);
  const k = offset - start;
  let seg = paragraph.segments?.[0];
  for (const s of paragraph.segments ?? []) if (s.offset <= k) seg = s;
  if (!seg) return paragraph.place;
  if (seg.place.kind === 'text') return { ...seg.place, column: seg.place.column + (k - seg.offset) };
  return seg.place;
}

/** The longest label a finding's place quotes whole. */
const PLACE_LABEL_MAX = 28;

/**
 * A figure's label as a finding's row: whole when short; else from the first boundary in its last 28 characters —
 * after a pause mark, a closing bracket or an opening quote, or where a year begins (“…万里街道办事处2026年部门预算总支出” → “2026年部门预算总支出”) — so
 * that it never starts inside a word (“海市普陀区…”); else its last characters after “…”.
 */
export function placeLabel(label: string): string {
  if (label.length <= PLACE_LABEL_MAX) return label;
  for (let k = label.length - PLACE_LABEL_MAX; k < label.length - 2; k++)
    if (/[、）)”"》〉“《\s]/.test(label[k - 1]) || (/^\d{4}年/.test(label.slice(k)) && !/\d/.test(label[k - 1])))
      return label.slice(k);
  return `…${label.slice(-(PLACE_LABEL_MAX - 1))}`;
}

export function figurePlace(l: Located, f: Figure | null): FindingPlace {
  return {
    table: 'narrative',
    tableTitle: l.heading,
    row: f ? placeLabel(f.label) || null : null,
    column: null,
    source: placeAt(l, f?.start ?? 0),
  };
}

/**
 * Where a finding on a stated total and the parts listed after it stands, and what it compares: the total's place,
 * the parts' places as related, the printed total against the parts' sum (class-list-sum, narrative-components).
 */
export function listedParts(l: Located, head: Figure, parts: readonly Figure[], sum: Decimal, difference: Decimal) {
  return {
    location: figurePlace(l, head),
    related: parts.map((p) => figurePlace(l, p)),
    expected: head.value,
    actual: sum,
    difference,
  };
}

export function figureText(f: Figure): string {
  const digits = f.value.units.toString().padStart(f.value.scale + 1, '0');
  const s = f.value.scale ? `${digits.slice(0, -f.value.scale)}.${digits.slice(-f.value.scale)}` : digits;
  return f.kind === 'percent' ? `${s}%` : `${s}${f.unit}`;
}
