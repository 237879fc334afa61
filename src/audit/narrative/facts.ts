import type { Figure } from './tokens.ts';

// Reading the fixed sentences of the 情况说明 (domain.md §2): which figure is a share and of what, which is a
// completion rate and of which budget, which is a change and of which current amount.

/** A share "……X万元，占（比）（Y的）P%": the part is the amount just before, in the same or the previous clause. */
export interface Share {
  pct: Figure;
  part: Figure;
  /** Words naming the whole ("基本支出", "本年支出合计"), when printed. */
  wholeName: string | null;
  /** The whole: an amount named so earlier in the paragraph, else the amount the list hangs from (before 其中/主要用于). */
  whole: Figure | null;
}

const SHARE = /占(?:比)?(?:(.{1,16}?)的)?(?:比重|比例)?(?:为)?$/;

// Linear reading (issue 13.5): every function here is called for each figure of a section's text, so none may
// scan the text or the figure list from its start for each figure — on a paragraph of 160 000 characters that
// made the narrative rules take seconds, on 10 MB minutes. Offsets of the few marker words, the bracket depth
// at each offset and per-sentence figure lists are computed once per text (or figure list) and searched by
// binary search. Backward searches for "the amount this figure is about" look at most WINDOW figures back:
// a change or a rate 200 figures away from its amount is not one a reader would pair either.
const WINDOW = 200;

/** Index of the last element of the ascending `xs` that is ≤ `v`, or -1. */
export function lastAtOrBelow(xs: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= v) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Offsets where `pattern` (global) matches in `text`, ascending; overlapping words each found by their own pattern. */
function offsetsOf(text: string, pattern: RegExp): number[] {
  return [...text.matchAll(pattern)].map((m) => m.index!);
}

interface TextIndex {
  text: string;
  /** Bracket depth before each offset (depth[i] counts the brackets of text[0, i)). */
  depth: Uint16Array;
  qizhong: number[];
  /** 。 */
  periods: number[];
  /** 。；; */
  stops: number[];
  /** 、 */
  enums: number[];
  /** 其中/主要用于/具体情况/主要包括/分别为 (listHead's words). */
  heads: number[];
  /** Numbered item starts (findBlockStart's pattern): their ends, ascending, and their offsets. */
  itemEnds: number[];
  itemStarts: number[];
  /** List markers of a change's list: offset and length, ascending by offset. */
  markers: { at: number; length: number }[];
  markerAts: number[];
}

// One text is read by several rules in turn, figure after figure: the index of the last one is kept.
let lastIndex: TextIndex | null = null;

function indexOf(text: string): TextIndex {
  if (lastIndex && lastIndex.text === text) {
    // Equal texts may be different string objects (each rule joins the section again): keeping the caller's makes
    // the next comparison a pointer comparison instead of one over the whole text.
    lastIndex.text = text;
    return lastIndex;
  }
  const depth = new Uint16Array(text.length + 1);
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    depth[i] = d;
    const c = text.charCodeAt(i);
    if (c === 0xff08 || c === 0x28) d = Math.min(d + 1, 0xffff);
    else if ((c === 0xff09 || c === 0x29) && d > 0) d--;
  }
  depth[text.length] = d;
  const items = [...text.matchAll(ITEM_START)];
  const markers: TextIndex['markers'] = [];
  for (const word of LIST_MARKER_WORDS)
    for (const at of offsetsOf(text, new RegExp(word, 'g'))) markers.push({ at, length: word.length });
  markers.sort(
    (a, b) =>
      a.at - b.at ||
      LIST_MARKER_WORDS.indexOf(text.substr(a.at, a.length)) - LIST_MARKER_WORDS.indexOf(text.substr(b.at, b.length)),
  );
  lastIndex = {
    text,
    depth,
    qizhong: offsetsOf(text, /其中/g),
    periods: offsetsOf(text, /。/g),
    stops: offsetsOf(text, /[；;。]/g),
    enums: offsetsOf(text, /、/g),
    heads: offsetsOf(text, /其中|主要用于|具体情况|主要包括|分别为/g),
    itemEnds: items.map((m) => m.index! + m[0].length),
    itemStarts: items.map((m) => m.index!),
    markers,
    markerAts: markers.map((m) => m.at),
  };
  return lastIndex;
}

/** text.lastIndexOf(word, from) for one of the indexed words. */
function lastOffset(offsets: number[], from: number): number {
  const k = lastAtOrBelow(offsets, from);
  return k < 0 ? -1 : offsets[k];
}

interface FigureIndex {
  /** amountsBefore[k]: figures 0..k-1 that are amounts and not changes. */
  levelsBefore: Int32Array;
  starts: Int32Array;
  /** Per sentence: the offset of its first amount (any) and of its first level amount. */
  firstAmount: Map<number, number>;
  firstLevel: Map<number, number>;
  /** Per sentence: indexes of its amounts, ascending. */
  amountsOf: Map<number, number[]>;
  /** Level amounts by every ending (up to 16 characters) of their normalised label, ascending indexes. */
  byNameEnd: Map<string, number[]> | null;
  /** listHead's answer, which depends only on the text and the figures. */
  head?: { at: number; figure: Figure | null };
}

const figureIndexes = new WeakMap<readonly Figure[], FigureIndex>();

function indexFigures(figs: readonly Figure[]): FigureIndex {
  const known = figureIndexes.get(figs);
  if (known) return known;
  const levelsBefore = new Int32Array(figs.length + 1);
  const starts = new Int32Array(figs.length);
  const firstAmount = new Map<number, number>();
  const firstLevel = new Map<number, number>();
  const amountsOf = new Map<number, number[]>();
  figs.forEach((f, k) => {
    starts[k] = f.start;
    const level = f.kind === 'amount' && !f.change;
    levelsBefore[k + 1] = levelsBefore[k] + (level ? 1 : 0);
    if (f.kind === 'amount') {
      if (!firstAmount.has(f.sentence)) firstAmount.set(f.sentence, f.start);
      if (level && !firstLevel.has(f.sentence)) firstLevel.set(f.sentence, f.start);
      const list = amountsOf.get(f.sentence) ?? [];
      list.push(k);
      amountsOf.set(f.sentence, list);
    }
  });
  const index: FigureIndex = { levelsBefore, starts, firstAmount, firstLevel, amountsOf, byNameEnd: null };
  figureIndexes.set(figs, index);
  return index;
}

/** Figures with start in (from, to) that are level amounts (amount, not a change). */
function levelsBetween(fi: FigureIndex, from: number, to: number): number {
  const a = lastAtOrBelow(fi.starts, from) + 1;
  const b = lastAtOrBelow(fi.starts, to - 1) + 1;
  return b > a ? fi.levelsBefore[b] - fi.levelsBefore[a] : 0;
}

/** Level amounts by the endings of their normalised names (for "占X的": the amount named X). */
function namesIndex(figs: readonly Figure[], fi: FigureIndex): Map<string, number[]> {
  if (fi.byNameEnd) return fi.byNameEnd;
  const map = new Map<string, number[]>();
  figs.forEach((g, k) => {
    if (g.kind !== 'amount' || g.change) return;
    const name = normaliseName(g.label).replace(/(为|是|共计|合计|共)$/, '');
    for (let n = 1; n <= Math.min(name.length, 16); n++) {
      const end = name.slice(-n);
      const list = map.get(end) ?? [];
      list.push(k);
      map.set(end, list);
    }
  });
  fi.byNameEnd = map;
  return map;
}

function normaliseName(s: string): string {
  return s.replace(/^(本部门|本单位|全年|年度|\d{4}年度?)/, '').replace(/[“”"（）()]/g, '');
}

/** The amount a list hangs from: the last amount before the first 其中/主要用于/包括 that precedes `before`. */
export function listHead(text: string, figs: Figure[], before: number): Figure | null {
  const heads = indexOf(text).heads;
  if (!heads.length || heads[0] >= before) return null;
  const fi = indexFigures(figs);
  // the figures are those of this text (figures() keys them by its content), so the head depends on them alone
  if (fi.head?.at !== heads[0]) {
    const at = heads[0];
    let figure: Figure | null = null;
    for (let k = lastAtOrBelow(fi.starts, at); k >= 0; k--) {
      const f = figs[k];
      if (f.kind === 'amount' && !f.change && f.end <= at) {
        figure = f;
        break;
      }
    }
    fi.head = { at, figure };
  }
  return fi.head.figure;
}

export function shares(text: string, figs: Figure[]): Share[] {
  const out: Share[] = [];
  figs.forEach((f, i) => {
    if (f.kind !== 'percent') return;
    const m = SHARE.exec(f.label);
    if (!m) return;
    // the part: nearest earlier amount in this sentence, in this clause or the one before
    let part: Figure | null = null;
    const g = i > 0 ? figs[i - 1] : undefined;
    if (g && g.sentence === f.sentence && g.kind !== 'percent' && g.clause >= f.clause - 1 && !g.change) part = g;
    if (!part) return;
    const wholeName = m[1] ? normaliseName(m[1]) : null;
    let whole: Figure | null = null;
    if (wholeName) {
      // The last level amount before the part whose name ends with the whole's name (looked up, not scanned).
      const fi = indexFigures(figs);
      const named = wholeName === '' ? undefined : namesIndex(figs, fi).get(wholeName);
      let lo = 0;
      let hi = (named?.length ?? 0) - 1;
      let k = -1;
      while (named && lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (figs[named[mid]].start < part.start) {
          k = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      whole = named && k >= 0 ? figs[named[k]] : null;
      // "占总支出的" names the list's head without repeating its words
      if (!whole && /^(总支出|支出总额|总额|总数)$/.test(wholeName)) whole = listHead(text, figs, part.start);
    } else whole = listHead(text, figs, part.start);
    if (whole === part) whole = null;
    out.push({ pct: f, part, wholeName, whole });
  });
  return out;
}

/** "年初预算为A…，支出决算为B…，完成（年初）预算的P%". */
export interface Completion {
  pct: Figure;
  budget: Figure | null;
  actual: Figure | null;
}

const COMPLETED = /完成(年初|全年)?(调整)?预算(数)?(的|为)?$/;

export function completions(figs: Figure[]): Completion[] {
  const out: Completion[] = [];
  figs.forEach((f, i) => {
    if (f.kind !== 'percent') return;
    let budget: Figure | null = null;
    let actual: Figure | null = null;
    // “支出决算为0.16万元，完成预算0万元的0%” (佛山 2019 p26): the budget is printed inside the phrase
    const prev = figs[i - 1];
    const inner =
      prev &&
      prev.kind === 'amount' &&
      !prev.change &&
      prev.sentence === f.sentence &&
      /^的?$/.test(f.label.replace(/\s+/g, '')) &&
      COMPLETED.test(prev.label.replace(/\s+/g, ''));
    if (inner) budget = prev;
    else if (!COMPLETED.test(f.label)) return;
    for (let j = i - 1 - (inner ? 1 : 0); j >= 0 && j >= i - WINDOW && f.sentence - figs[j].sentence <= 1; j--) {
      const g = figs[j];
      if (g.kind !== 'amount') continue;
      if (!actual && /决算(数)?(为|是)?$/.test(g.label)) actual = g;
      else if (!budget && /预算(数)?(为|是)?$/.test(g.label) && !/决算/.test(g.label.slice(-4))) budget = g;
      if (budget && actual) break;
    }
    out.push({ pct: f, budget, actual });
  });
  return out;
}

/** "（比上年）增加X万元，增长P%" with the current amount it changes. */
export interface Change {
  amount: Figure;
  pct: Figure | null;
  current: Figure | null;
  /** The prior-year (or budget) figure when the sentence states it: “比2025年年初预算数125462.47万元增加…”. */
  prior: Figure | null;
  direction: 'up' | 'down';
  /** The rate's word disagrees with the amount's (增加…，下降P%). */
  rateDirection: 'up' | 'down' | null;
}

/** Where the numbered item holding `at` starts ("（五）项目支出…", "2.口岸管理业务…"), else the text's start. */
const ITEM_START = /(?:^|[。；;：:])\s*(?:[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])/g;
const LIST_MARKER_WORDS = ['其中', '主要包括', '具体包括', '包括', '主要用于', '分别为'];

function findBlockStart(text: string, at: number): number {
  const index = indexOf(text);
  const k = lastAtOrBelow(index.itemEnds, at);
  return k < 0 ? 0 : index.itemStarts[k];
}

/** Bracket depth at each offset of the text: figures inside “（…）” are asides, not the sentence's subject. */
export function depthAt(text: string, offset: number): number {
  return indexOf(text).depth[Math.max(0, Math.min(offset, text.length))];
}

// “比上年”, “较2025年年初预算数” right before the figure, and the change word right after it (“…125462.47万元增加”)
const PRIOR = /(比|较)[^，。；,;与]{0,20}$/;
const RIGHT_AFTER = /^(增加|减少|增长|下降|多|少)(了)?$/;

/** Offset of the first list marker lying wholly within text[from, to), or -1 (the first match of the marker words in that slice). */
function firstMarker(ti: TextIndex, from: number, to: number): number {
  let k = lastAtOrBelow(ti.markerAts, from - 1) + 1;
  for (; k < ti.markers.length && ti.markers[k].at < to; k++)
    if (ti.markers[k].at + ti.markers[k].length <= to) return ti.markers[k].at;
  return -1;
}

export function changes(figs: Figure[], text = ''): Change[] {
  const out: Change[] = [];
  const ti = indexOf(text);
  const fi = indexFigures(figs);
  figs.forEach((f, i) => {
    if (f.kind !== 'amount' || !f.change) return;
    const next = figs[i + 1];
    const pct =
      next &&
      next.kind === 'percent' &&
      next.sentence === f.sentence &&
      /(增长|下降|降低|减少|增加|上升|增幅|减幅|降幅)(了|为)?$/.test(next.label)
        ? next
        : null;
    const rateDirection = pct ? (/(增长|增加|上升|增幅)(了|为)?$/.test(pct.label) ? 'up' : 'down') : null;
    let current: Figure | null = null;
    let prior: Figure | null = null;
    const depth = depthAt(text, f.start);
    // "收入X万元，其中：A…、B…、C…，较上年减少Y万元": the change is of X, the total before the "其中" list,
    // not of the list's last item (西安 2026).
    // Only an enumeration ("A…、B…、C…" with no ；/。 before the change) counts as such a list: "其中：(1)A…，较上年
    // 增加…；(2)B…" states each item's own change.
    let listAt = lastOffset(ti.qizhong, f.start);
    if (listAt >= 0) {
      const stopBetween = lastOffset(ti.stops, f.start - 1) >= listAt;
      const enumBetween = lastOffset(ti.enums, f.start - 1) >= listAt;
      const listed = levelsBetween(fi, listAt, f.start);
      if (stopBetween || listed < 2 || !enumBetween) listAt = -1;
    }
    // a level amount of this sentence printed before the list
    const headBeforeList = listAt >= 0 && (fi.firstLevel.get(f.sentence) ?? Infinity) < listAt;
    for (let j = i - 1; j >= 0 && j >= i - WINDOW; j--) {
      const g = figs[j];
      if (g.kind !== 'amount' || g.change || depthAt(text, g.start) !== depth) continue;
      if (listAt >= 0 && g.start > listAt && g.sentence === f.sentence && headBeforeList) continue;
      // “比上年X万元增加”: X is the base, and the level it changed to is stated before it
      if (
        !prior &&
        !current &&
        j === i - 1 &&
        PRIOR.test(g.label) &&
        RIGHT_AFTER.test(f.label) &&
        g.sentence === f.sentence
      ) {
        prior = g;
        continue;
      }
      current = g;
      break;
    }
    // "…X万元，主要包括：A…；B…；C96.81万元，用于…。较2025年年初预算减少52.44万元" (深圳口岸 2026 p8): a change opening its own
    // sentence after a list is of the amount the list hangs from, not of the list's last item; when that cannot be
    // told, the change has no current amount (not checked)
    const stop = lastOffset(ti.periods, f.start);
    if (
      current &&
      current.sentence < f.sentence &&
      stop >= 0 &&
      depthAt(text, stop) === 0 &&
      !((fi.firstAmount.get(f.sentence) ?? Infinity) < f.start)
    ) {
      // the list: a marker in the sentence (up to 。) that ends with the current amount's item
      const block = Math.max(findBlockStart(text, f.start), lastOffset(ti.periods, current.start) + 1);
      const marker = firstMarker(ti, block, current.start);
      if (marker >= 0) {
        const at = marker;
        const listed = levelsBetween(fi, at, f.start);
        if (listed >= 2) {
          let head: Figure | null = null;
          for (let k = lastAtOrBelow(fi.starts, at); k >= 0 && figs[k].start >= block; k--) {
            const h = figs[k];
            if (h.kind === 'amount' && !h.change && h.end <= at && depthAt(text, h.start) === depth) {
              head = h;
              break;
            }
          }
          current = head;
        }
      }
    }
    out.push({ amount: f, pct, current, prior, direction: f.change, rateDirection });
  });
  return out;
}

/**
 * The three-number form (issue 10.1): a prior-year amount, this year's amount and the rate between them, with or
 * without the change amount: "上年执行数52871.6万元，本年安排4120.35万元，比上年增加12.48%", "…2310.52万元…1987.40万元，
 * 减少1.40%". The prior amount is the one whose words name the prior year (上年执行数, 上年预算数, 2025年预算数…);
 * this year's is the last other level before the rate. Only forms where the prior is stated apart from the change
 * ("比上年X万元增加" is narrative-change's `prior`).
 */
export interface ThreeNumber {
  prior: Figure;
  current: Figure;
  change: Figure | null;
  pct: Figure;
  /** The rate's word: 增长/增加/上升/增幅 is up. */
  direction: 'up' | 'down';
}

const RATE_WORD = /(增长|下降|降低|减少|增加|上升|增幅|减幅|降幅)(了|为)?$/;

/** Words naming last year's level of an item ("上年执行数", "2023年当年预算执行数为", "上年预算"), not a carry-over. */
export function priorYearLabel(label: string, year: number | null): boolean {
  if (/结转|结余|余额/.test(label)) return false;
  const prev = year ? `${year - 1}年` : null;
  const at = Math.max(label.search(/上年|上一年|去年/), prev ? label.indexOf(prev) : -1);
  if (at < 0 || /比|较/.test(label.slice(0, at))) return false;
  return /(执行数|预算数|决算数|预算|决算|支出|数)(为|是)?$/.test(label.slice(at));
}

export function threeNumbers(figs: Figure[], year: number | null): ThreeNumber[] {
  const out: ThreeNumber[] = [];
  const fi = indexFigures(figs);
  figs.forEach((p, i) => {
    if (p.kind !== 'percent' || !RATE_WORD.test(p.label)) return;
    const ofSentence = fi.amountsOf.get(p.sentence) ?? [];
    const upTo = lastAtOrBelow(ofSentence, i - 1) + 1;
    const inSentence = ofSentence.slice(Math.max(0, upTo - WINDOW), upTo).map((k) => figs[k]);
    const prior = inSentence.find(
      (g) => !g.change && priorYearLabel(g.label, year) && !/(比|较)[^，。；]*$/.test(g.label),
    );
    if (!prior) return;
    const change =
      figs[i - 1]?.kind === 'amount' && figs[i - 1].change && figs[i - 1].sentence === p.sentence ? figs[i - 1] : null;
    // the prior right before the change is narrative-change's form
    if (change && figs[i - 2] === prior) return;
    const levels = inSentence.filter((g) => !g.change && g !== prior && g.unit === prior.unit);
    const current = levels[levels.length - 1];
    if (!current) return;
    const direction = /(增长|增加|上升|增幅)(了|为)?$/.test(p.label) ? 'up' : 'down';
    out.push({ prior, current, change, pct: p, direction });
  });
  return out;
}
