import type { Block, GridBlock, LineBlock } from '../model/layout.ts';
import type { SourcePlace } from '../model/place.ts';
import { looksLikeTableTitle, matchTitle } from '../templates/catalogue.ts';
import { squash, stripNumbering } from '../templates/normalize.ts';

// Splits the layout into the document's regions: the table of contents (目录), table regions (title, metadata
// lines, grids, notes) and narrative lines. Tables may continue across blank lines and page ends; a region
// ends at the next title, part heading or narrative line.

export interface TableRegion {
  title: string;
  titleBlock?: LineBlock;
  meta: LineBlock[];
  notes: LineBlock[];
  grids: GridBlock[];
  illegible: SourcePlace[];
  place: SourcePlace;
  /** The title was not printed; the kind was inferred from the note "本表反映…" (seed 000, table 07). */
  inferredFrom?: 'note';
  /** Squashed printed lines of a title wrapped over several lines (a continuation page repeats them). */
  titleLines?: string[];
}

export interface TocEntry {
  text: string;
  place: SourcePlace;
  /** The contents declares the table empty, with this reason (西安's 报表目录: 是否空表 “是”, 公开空表理由). */
  declaredEmpty?: string;
}

export interface NarrativeLine {
  block: LineBlock;
  part: number;
  /** A blank line or page end came right before this line. */
  afterBreak: boolean;
}

export interface Segments {
  toc: TocEntry[];
  tables: TableRegion[];
  narrative: NarrativeLine[];
  /** Lines before the first part heading (cover). */
  cover: LineBlock[];
}

const PART = /^第([一二三四五六七八九十])部分/;
const PART_NUMBERS = '一二三四五六七八九十';

export function partNumber(text: string): number | undefined {
  const m = PART.exec(squash(text));
  return m ? PART_NUMBERS.indexOf(m[1]) + 1 : undefined;
}

const META = [
  /^(公开)?(部门|单位|填报单位|编制单位|编制部门|填报部门|单位名称|部门名称|预算单位|(预算|资金|项目)?主管部门)(\((单位|部门|盖章)\))?:/,
  /^(金额)?单位:/,
  /^\d{3,9}-[\u4e00-\u9fa5]{2,30}$/, // a budget unit printed as code-name under the title (湖州: "606-湖州市交通运输局")
  /^单位编码:/,
  /^公开\d{1,2}表$/,
  /^(公开)?(附)?表[\d一二三四五六七八九十]{1,3}([-—]\d{1,2})?$/,
  /^[(]?\d{4}年度?[)]?$/,
  /^(金额单位|计量单位)/,
];

export function isMetaLine(text: string): boolean {
  const s = squash(text);
  return META.some((re) => re.test(s));
}

const ILLEGIBLE_MARK = /^\[(illegible|无法识别|无法辨认|图片)\]$/i;

const PAGE_FURNITURE = /^[-—–]?\d{1,4}[-—–]?$|^第\d{1,4}页(\/?共\d{1,4}页)?$|^共\d{1,4}页$/;

const NOTE = /^(注|说明|备注)\d*[:.、]|^\d[.、]本(套)?(报)?表|^注:/;
const EMPTY_STATEMENT = /本表无数据|故本表(为)?空|本表为空|无此项(收支|支出|数据)|空表/;

export function isNoteLine(text: string): boolean {
  return NOTE.test(squash(text));
}

export function isEmptyStatement(text: string): boolean {
  return EMPTY_STATEMENT.test(squash(text));
}

/** A note "本表反映…情况" describes the table it belongs to. */
function isReflectsNote(text: string): boolean {
  return /^注\d*[:.、]?(\d[.、])?本表反映/.test(squash(text));
}

/** A grid that lists tables: seed 004's "1 | 收支总表", or 西安's 报表目录 "表9 | …政府性基金收支表 | 是 | 本单位无…"
 * (number, title, then whether it is published empty and why). */
function isTocGrid(grid: GridBlock): boolean {
  let listed = 0;
  for (const row of grid.rows) {
    const texts = row.cells.map((c) => c.text.trim()).filter(Boolean);
    if (
      texts.length >= 2 &&
      texts.length <= 4 &&
      /^表?\d{1,2}$/.test(texts[0]) &&
      matchTitle(texts[1]) &&
      texts.slice(2).every((t) => t.length <= 40)
    )
      listed++;
  }
  return listed >= 3 && listed >= grid.rows.length * 0.6;
}

/** One row of a contents grid: the listed title and, when the row says 是 under 是否空表, the reason given. */
function tocGridEntry(texts: string[]): { text: string; declaredEmpty?: string } | undefined {
  const at = texts.findIndex((t) => matchTitle(t));
  const title = at >= 0 ? texts[at] : texts[texts.length - 1];
  if (!title || /^(报表)?名称$|^是否空表$/.test(squash(title))) return undefined;
  const rest = at >= 0 ? texts.slice(at + 1) : [];
  return rest[0] === '是' ? { text: title, declaredEmpty: rest.slice(1).join('') } : { text: title };
}

/** A contents line without its numbering, leader dots and page number ("1. 收支总表 ……… 3" → "收支总表"). */
export function tocEntryText(text: string): string {
  return stripNumbering(
    text
      .replace(/\s*[.。…·．_-]{2,}.*$/, '')
      .replace(/\s+\d{1,3}$/, '')
      .trim(),
  ).trim();
}

/** Brackets opened and not closed ("…明细表（按支出功能分类科" wraps before "目-不含上年结转）"). */
function unclosed(text: string): boolean {
  return (text.match(/[（(]/g)?.length ?? 0) > (text.match(/[）)]/g)?.length ?? 0);
}

const SENTENCE = /[，,。；;：:！？]/;

/**
 * A line that carries on the title above it: the rest of an open bracket, a bracketed qualifier on its own line
 * ("（按支出功能分类科目-不含上年结转）"), or a short tail that makes the title a known one.
 */
function continuesTitle(title: string, line: string): boolean {
  const l = squash(line);
  if (!l || l.length > 40 || isMetaLine(line) || isNoteLine(line) || PAGE_FURNITURE.test(l)) return false;
  if (unclosed(title)) return !SENTENCE.test(l.replace(/[）)].*$/, ''));
  if (/^\([^()]+\)$/.test(l)) return true;
  return l.length <= 12 && !SENTENCE.test(l) && !matchTitle(title) && !!matchTitle(title + line);
}

export function segment(blocks: Block[]): Segments {
  const toc: TocEntry[] = [];
  const tables: TableRegion[] = [];
  const narrative: NarrativeLine[] = [];
  const cover: LineBlock[] = [];
  let inToc = false;
  /** A 目录 was printed: what follows it is the body, not the cover. */
  let tocSeen = false;
  const tocParts = new Set<number>();
  /** Contents lines so far, those with leader dots or a page number, and the page of the last one. */
  let tocLines = 0;
  let tocLed = 0;
  let tocLastPage: number | undefined;
  let part = 0;
  let current: TableRegion | null = null;
  let afterBreak = false;
  let narrativeSinceTable = 0;
  /** Blocks already taken as part of a title (the second line of a wrapped title). */
  const consumed = new Set<number>();
  /** A continuation page repeats a wrapped title: its remaining lines, still to be skipped. */
  let repeatedTail: string[] = [];
  /** The table's title was just repeated on a continuation page: the lines before its next grid are its metadata. */
  let titleRepeated = false;

  /** After a title-like line: does a grid (or an unreadable body) follow before any other text? */
  const gridFollows = (from: number): boolean => {
    for (let j = from + 1; j < blocks.length && j < from + 12; j++) {
      const b = blocks[j];
      if (b.type === 'break') continue;
      if (b.type === 'grid') return !isTocGrid(b);
      if (b.type === 'illegible') return true;
      if (b.type === 'line' && (isMetaLine(b.text) || squash(b.text).length <= 12)) continue;
      return false;
    }
    return false;
  };

  /** After a performance form's title: does its grid follow on the same page, after at most a few text lines? */
  const formGridFollows = (from: number): boolean => {
    for (let j = from + 1, lines = 0; j < blocks.length && lines < 6; j++) {
      const b = blocks[j];
      if (b.type === 'grid') return !isTocGrid(b);
      if (b.type !== 'line' || looksLikeTableTitle(b.text) || partNumber(b.text) !== undefined) return false;
      lines++;
    }
    return false;
  };

  const close = () => {
    // A region is a table when it has a body, an unreadable body, or (for a known title) a note such as
    // "本表无数据". A title-like heading followed by neither ("2026年部门预算表") is narrative.
    const known = current?.title ? matchTitle(current.title) : undefined;
    if (
      current &&
      (current.grids.length ||
        current.illegible.length ||
        (known && known.layout !== 'text' && current.notes.length) ||
        current.inferredFrom)
    ) {
      if (tables[tables.length - 1] !== current) tables.push(current);
    } else if (current?.titleBlock) {
      narrative.push({ block: current.titleBlock, part, afterBreak: true });
    }
    current = null;
    titleRepeated = false;
  };

  /**
   * A sheet drawn with its head inside the frame (西安 2019 p29: “表11”, the title and “单位：万元” are the first rows of
   * the lattice, each one cell wide): those rows say what a line before the grid would — the unit and the table's
   * name. The rows stay in the grid (the header is found below them).
   */
  const headInGrid = (region: TableRegion, g: GridBlock) => {
    for (const row of g.rows) {
      const filled = row.cells.filter((c) => c.text.trim());
      if (filled.length !== 1) break;
      const text = filled[0].text.trim();
      if (isMetaLine(text)) {
        region.meta.push({ type: 'line', text, place: filled[0].place });
        continue;
      }
      const named = matchTitle(text);
      const had = region.title ? matchTitle(region.title) : undefined;
      // the fuller name of the same table (the line before the grid was the page's running header “表11-财拨结转支出表”)
      if (named && had?.key === named.key && squash(text).length > squash(region.title).length) {
        region.title = text;
        region.titleLines = [squash(text)];
      }
    }
  };

  /** The next line block after i (skipping breaks), when nothing else comes first. */
  const nextLine = (i: number): { block: LineBlock; index: number } | undefined => {
    for (let j = i + 1; j < blocks.length; j++) {
      const b = blocks[j];
      if (b.type === 'break') continue;
      return b.type === 'line' ? { block: b, index: j } : undefined;
    }
    return undefined;
  };

  blocks.forEach((b, i) => {
    if (consumed.has(i)) return;
    if (b.type === 'break') {
      afterBreak = true;
      return;
    }
    const wasAfterBreak = afterBreak;
    afterBreak = false;
    if (b.type === 'line' && repeatedTail.length) {
      if (squash(b.text) === repeatedTail[0]) {
        repeatedTail.shift();
        return;
      }
      repeatedTail = [];
    }

    if (b.type === 'grid') {
      // A table grid (not a list of tables) ends the contents.
      if (inToc && !isTocGrid(b) && toc.length > 0) inToc = false;
      if (inToc || (!current && isTocGrid(b))) {
        for (const row of b.rows) {
          const entry = tocGridEntry(row.cells.map((c) => c.text.trim()).filter(Boolean));
          if (entry) toc.push({ ...entry, place: row.place });
        }
        return;
      }
      if (!current) current = { title: '', meta: [], notes: [], grids: [], illegible: [], place: b.place };
      if (!current.grids.length) headInGrid(current, b);
      current.grids.push(b);
      titleRepeated = false;
      return;
    }
    if (b.type === 'illegible') {
      if (!current) current = { title: '', meta: [], notes: [], grids: [], illegible: [], place: b.place };
      current.illegible.push(b.place);
      return;
    }

    const text = b.text;
    const s = squash(text);
    // An unreadable-body marker printed as a line by any reader ("[无法识别]", "[illegible]", "[图片]").
    if (ILLEGIBLE_MARK.test(s)) {
      if (!current) current = { title: '', meta: [], notes: [], grids: [], illegible: [], place: b.place };
      current.illegible.push(b.place);
      return;
    }
    // Page furniture between the parts of a table split over pages: "- 3 -", "第 3 页", "共 5 页".
    if (PAGE_FURNITURE.test(s)) return;
    if (!inToc && /^目录$/.test(s)) {
      close();
      inToc = true;
      tocSeen = true;
      return;
    }
    const pn = partNumber(text);
    if (inToc) {
      // The contents end where the body begins: a part heading seen before, a sentence, or a table title
      // with its table right after it.
      const entryText = squash(tocEntryText(text));
      // 江苏's contents end their entries with a full stop (“一、主要职能。”): a short numbered entry with no stop or
      // comma inside is still an entry.
      const entryLike =
        /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}[、.．])/.test(squash(text)) &&
        entryText.length <= 30 &&
        !/[，,。；;：:]/.test(entryText.slice(0, -1));
      const sentence = entryText.length > 50 || (/[。；;]$/.test(entryText) && !entryLike);
      const tableStarts = looksLikeTableTitle(text) && gridFollows(i);
      // Contents printed with leader dots or page numbers end at the first page whose first line has neither
      // (上海's templates: the body's first heading, “XX局（部门）主要职能”, centred at the top of the next page).
      // Contents without either end where a later page opens with the first entry again, as the body's heading
      // (“一、单位主要职能” listed, “XX中心（单位）主要职能” printed).
      const led = /[.。…·．_-]{2,}|\s\d{1,3}$/.test(text.trim());
      const page = b.place.kind === 'pdf' ? b.place.page : undefined;
      const laterPage = page !== undefined && tocLastPage !== undefined && page > tocLastPage && tocLines >= 3;
      const firstEntry = squash(toc[0]?.text ?? '').replace(/^(?:部门|单位)/, '');
      const bodyPage =
        laterPage &&
        !led &&
        (tocLed >= 0.6 * tocLines || (firstEntry.length >= 4 && squash(text).endsWith(firstEntry)));
      if ((pn !== undefined && tocParts.has(pn)) || sentence || tableStarts || bodyPage) {
        inToc = false;
      } else {
        tocLines++;
        if (led) tocLed++;
        tocLastPage = page;
        if (pn !== undefined) tocParts.add(pn);
        const entry = tocEntryText(text);
        if (entry) toc.push({ text: entry, place: b.place });
        return;
      }
    }
    if (pn !== undefined) {
      close();
      part = pn;
      narrative.push({ block: b, part, afterBreak: true });
      return;
    }
    // A title wrapped inside an open bracket: "…支出明细表（按支出功能分类科" + "目-不含上年结转）".
    let titleText = text;
    const wrapped = !looksLikeTableTitle(text) && unclosed(text) && !SENTENCE.test(s) ? nextLine(i) : undefined;
    if (
      wrapped &&
      continuesTitle(text, wrapped.block.text) &&
      looksLikeTableTitle(text + wrapped.block.text) &&
      gridFollows(wrapped.index)
    ) {
      titleText = text + wrapped.block.text;
      consumed.add(wrapped.index);
    }
    // A title wrapped after a closed bracket or a list comma (西安: "…政府采购（资产配置、购买服务）" + "预算表（不含上年
    // 结转）", "…“三公”经费、" + "会议费、培训费表…"): the two lines name a known table that the second alone does not
    // (an entity line above a title names the same table, and stays where it is).
    if (
      titleText === text &&
      !looksLikeTableTitle(text) &&
      !SENTENCE.test(s) &&
      s.length <= 40 &&
      !isMetaLine(text) &&
      !isNoteLine(text)
    ) {
      const next = nextLine(i);
      const joined = next ? matchTitle(text + next.block.text) : undefined;
      if (
        next &&
        joined &&
        squash(next.block.text).length <= 30 &&
        joined.key !== matchTitle(next.block.text)?.key &&
        gridFollows(next.index)
      ) {
        titleText = text + next.block.text;
        consumed.add(next.index);
      }
    }
    if (
      looksLikeTableTitle(titleText) &&
      !isNoteLine(titleText) &&
      !isMetaLine(titleText) &&
      (gridFollows(i) || matchTitle(titleText) || titleText !== text)
    ) {
      // The same title again right after its table: the table continues on a new page with its title repeated.
      const last: TableRegion | undefined =
        current ?? (narrativeSinceTable === 0 ? tables[tables.length - 1] : undefined);
      const ts = squash(titleText);
      // A wrapped title repeats whole: its first line alone may also begin the next table ("…支出明细表" + "（按支出
      // 经济分类科目…）" after "…支出明细表" + "（按支出功能分类科目…）"), so the line after it must repeat too.
      const after = nextLine(i);
      const repeatsWrapped =
        last?.titleLines?.[0] === ts &&
        (last.titleLines.length < 2 || (after !== undefined && squash(after.block.text) === last.titleLines[1]));
      if (
        last?.grids.length &&
        last.title &&
        (squash(last.title) === ts || repeatsWrapped) &&
        matchTitle(titleText)?.layout !== 'text'
      ) {
        current = last;
        repeatedTail = squash(last.title) === ts ? [] : (last.titleLines?.slice(1) ?? []);
        titleRepeated = true;
        return;
      }
      close();
      current = {
        title: titleText,
        titleBlock: b,
        meta: [],
        notes: [],
        grids: [],
        illegible: [],
        place: b.place,
        titleLines: [ts],
      };
      narrativeSinceTable = 0;
      return;
    }
    // The rest of a title printed on the next line, before any metadata or grid.
    if (
      current?.titleLines &&
      !current.grids.length &&
      !current.meta.length &&
      !current.notes.length &&
      continuesTitle(current.title, text)
    ) {
      current.title += text.trim();
      current.titleLines.push(s);
      return;
    }
    if (current) {
      if (isMetaLine(text)) {
        current.meta.push(b);
        return;
      }
      if (isNoteLine(text) || isEmptyStatement(text)) {
        // A second "本表反映…" note after a finished table starts a table whose title was lost in extraction.
        if (isReflectsNote(text) && current.notes.some((n) => isReflectsNote(n.text))) {
          close();
          current = { title: '', meta: [], notes: [b], grids: [], illegible: [], place: b.place, inferredFrom: 'note' };
          return;
        }
        current.notes.push(b);
        return;
      }
      // A performance-target form prints its goal as text between its title and its grid (重庆 部门整体绩效目标表:
      // “当年整体绩效目标” and a paragraph): on the same page, before any other title, those lines are the form's.
      if (
        !current.grids.length &&
        current.title &&
        matchTitle(current.title)?.layout === 'text' &&
        formGridFollows(i)
      ) {
        current.meta.push(b);
        return;
      }
      // Garbled short lines between a title and its grid (seed 001: "八 二 〇 三 年") are kept as metadata, on the
      // first page as on a continuation page that repeats the title (西安 2022 政府采购 prints its unit as “金位：元”).
      if ((!current.grids.length || titleRepeated) && s.length <= 12 && gridFollows(i)) {
        current.meta.push(b);
        return;
      }
      close();
    }
    // The cover is what precedes the document's contents, parts and tables: lines after a table in a document
    // without part headings (北京 附件2 prints performance text after its tables), or after its 目录 (上海), are not
    // a cover.
    if (part === 0 && !tocSeen && !tables.length) cover.push(b);
    narrativeSinceTable++;
    narrative.push({ block: b, part, afterBreak: wasAfterBreak });
  });
  close();
  return { toc, tables, narrative, cover };
}
