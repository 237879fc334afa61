import type { Block, LineBlock } from '../model/layout.ts';
import { partNumber } from './segment.ts';
import type { NarrativeLine } from './segment.ts';

// Headings printed without a number, centred over the text (上海's 市级 and 区级 templates: “XX局（部门）主要职能”,
// “名词解释”, “2026年部门预算编制说明”, “其他相关情况说明”, “项目经费情况说明”, each at the top of its page). Text alone
// cannot tell them from body text; their place can: a short line whose middle is the middle of the document's text
// column and which stays well inside it on both sides. A justified body line spans the column; an indented first
// line or a short last line of a paragraph sits at the left margin.
//
// Only in a document with no part headings (第一部分 …): there the parts are the top level and the templates that
// use them number every heading below; a centred line under a part (a subtitle, a unit's name) keeps being text.

/** The middle of a heading is within this share of the column's width (or 1.5 line heights) of the column's middle. */
const CENTRE_TOLERANCE = 0.03;
/** A heading stays at least this share of the column's width away from each side. */
const MIN_INSET = 0.06;
const MAX_CHARS = 60;
/** Ends a sentence or a list item: not a heading. */
const ENDS_TEXT = /[。；;：:，,、！？!?）)]$/;
/** A date or a page number printed centred (落款, page foot): not a heading. */
const NOT_HEADING = /^(?:\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|[-—\s\d第页/]+)$/;
/**
 * Punctuation inside a sentence, an amount or a rate (a body line that happens to sit in the middle: text beside a
 * chart, 杭州 交通 2026 “2026年收入预算665964.37万元，比上年…”), or a chart's or table's caption (北京 “图1：收入预算”).
 */
const BODY_OR_CAPTION = /[，,；;。、]|\d\s*(?:万?元|%|％)|^(?:图|表|附表)\s*[\d一二三四五六七八九十]/;

interface Column {
  left: number;
  right: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/**
 * The document's text column for each page width (portrait and landscape pages differ): the median over its pages
 * of the leftmost and rightmost ends of the lines printed on them.
 */
function textColumns(blocks: readonly Block[]): Map<number, Column> {
  const pageWidth = new Map<number, number>();
  const extent = new Map<number, Column>();
  for (const b of blocks) {
    if (b.place.kind !== 'pdf') continue;
    const { page, box } = b.place;
    if (b.type === 'break' && b.kind === 'page') pageWidth.set(page, Math.round(box[2]));
    if (b.type !== 'line' && b.type !== 'grid') continue;
    const e = extent.get(page);
    if (!e) extent.set(page, { left: box[0], right: box[2] });
    else {
      e.left = Math.min(e.left, box[0]);
      e.right = Math.max(e.right, box[2]);
    }
  }
  const byWidth = new Map<number, Column[]>();
  for (const [page, e] of extent) {
    const w = pageWidth.get(page);
    if (w === undefined) continue;
    byWidth.set(w, [...(byWidth.get(w) ?? []), e]);
  }
  const out = new Map<number, Column>();
  for (const [w, cols] of byWidth)
    out.set(w, { left: median(cols.map((c) => c.left)), right: median(cols.map((c) => c.right)) });
  const columns = new Map<number, Column>();
  for (const [page, w] of pageWidth) {
    const c = out.get(w);
    if (c) columns.set(page, c);
  }
  return columns;
}

function centred(block: LineBlock, column: Column): boolean {
  if (block.place.kind !== 'pdf') return false;
  const [x0, y0, x1, y1] = block.place.box;
  const width = column.right - column.left;
  if (width <= 0) return false;
  const middle = (column.left + column.right) / 2;
  const tolerance = Math.max(CENTRE_TOLERANCE * width, 1.5 * (y1 - y0));
  return (
    Math.abs((x0 + x1) / 2 - middle) <= tolerance &&
    x0 - column.left >= MIN_INSET * width &&
    column.right - x1 >= MIN_INSET * width
  );
}

const count = (t: string, re: RegExp) => t.match(re)?.length ?? 0;
/** Quotes and brackets opened and closed in order within the line (a line cut from a longer text often is not). */
function balanced(t: string): boolean {
  let depth = 0;
  for (const ch of t) {
    if (ch === '“' || ch === '（' || ch === '(') depth++;
    else if (ch === '”' || ch === '）' || ch === ')') depth--;
    if (depth < 0) return false;
  }
  return depth === 0 && count(t, /“/g) === count(t, /”/g);
}

/** Could this text be a heading at all: short, with Chinese in it, not ending a sentence, not a date. */
function headingText(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return (
    t.length >= 2 &&
    t.length <= MAX_CHARS &&
    /[\u4e00-\u9fff]{2}/.test(t) &&
    !ENDS_TEXT.test(t) &&
    !NOT_HEADING.test(t) &&
    !BODY_OR_CAPTION.test(t) &&
    balanced(t)
  );
}

/**
 * The narrative lines that are unnumbered centred headings (see above); empty for a document with parts. A heading
 * opens its page: nothing but other such lines is printed above it. A centred line lower on a page (a caption, a
 * line of text beside a chart or inside a form) is left as text.
 */
export function centredHeadings(lines: readonly NarrativeLine[], blocks: readonly Block[]): Set<LineBlock> {
  const out = new Set<LineBlock>();
  if (lines.some((l) => partNumber(l.block.text) !== undefined)) return out;
  const columns = textColumns(blocks);
  const candidates = new Set<LineBlock>();
  for (const l of lines) {
    const b = l.block;
    if (b.place.kind !== 'pdf' || b.bullet || !headingText(b.text)) continue;
    const column = columns.get(b.place.page);
    if (column && centred(b, column)) candidates.add(b);
  }
  if (!candidates.size) return out;
  // Per page, the lines and grids from the top down: candidates count while nothing else came before them.
  const byPage = new Map<number, Block[]>();
  for (const b of blocks) {
    if (b.place.kind !== 'pdf' || (b.type !== 'line' && b.type !== 'grid')) continue;
    byPage.set(b.place.page, [...(byPage.get(b.place.page) ?? []), b]);
  }
  for (const page of byPage.values()) {
    page.sort((a, b) => (a.place.kind === 'pdf' && b.place.kind === 'pdf' ? a.place.box[1] - b.place.box[1] : 0));
    const top: LineBlock[] = [];
    // A heading stands alone on its band of the page: a line or grid beside it (a title split in two, a unit line
    // at the right, a grid drawn around it) makes it part of something else.
    const alone = (b: LineBlock) =>
      page.every((o) => {
        if (o === b || o.place.kind !== 'pdf' || b.place.kind !== 'pdf') return true;
        return o.place.box[1] >= b.place.box[3] || o.place.box[3] <= b.place.box[1];
      });
    let k = 0;
    for (; k < page.length; k++) {
      const b = page[k];
      if (b.type !== 'line' || !candidates.has(b) || !alone(b)) break;
      top.push(b);
    }
    // A grid right under the line: a form's page (北京 附件2's 绩效 forms), whose first line is the form's own text.
    if (page[k]?.type === 'grid') continue;
    for (const b of top) out.add(b);
  }
  return out;
}
