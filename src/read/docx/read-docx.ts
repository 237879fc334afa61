import type { Block, GridCell, GridRow, Layout, ReadWarning } from '../../model/layout.ts';
import type { SourcePlace } from '../../model/place.ts';
import { InputError, limitExceeded } from '../errors.ts';
import { joinWrapped } from '../xlsx/join-wrapped.ts';
import { readZipEntries } from '../xlsx/safe-zip.ts';
import { attr, child, children, parseXml, val, type XmlElement } from './ooxml.ts';
import { headingLevel, readBulletLists, readStyles, type StyleInfo } from './styles.ts';

// Word reader: the body of word/document.xml in order, paragraphs as lines (heading level from the style,
// bullets from the list format), tables as grids with gridSpan → colSpan and vMerge → rowSpan. The OOXML
// is read directly rather than through mammoth's HTML so that merges, empty paragraphs (blank breaks),
// page breaks and the body index used for places survive (docs/decisions/0006-word.md). Places are
// DocxPlace { block: index of the body paragraph or table, row, cell: grid column }.

/**
 * Word tables have at most 63 columns; gridSpan and gridBefore count grid columns, so a row wider than this is
 * damage (or a file made to exhaust memory: a gridSpan of 10^9 in a 10 KB file).
 */
export const MAX_TABLE_COLUMNS = 1000;
/** Grid cells (width × rows) of one table and of all tables together; a long disclosure has a few tens of thousands. */
export const MAX_TABLE_CELLS = 500_000;
export const MAX_DOCUMENT_TABLE_CELLS = 2_000_000;

interface Context {
  /** Grid cells of the tables read so far. */
  tableCells: number;
  styles: Map<string, StyleInfo>;
  bullets: Map<string, Set<string>>;
  blocks: Block[];
  warnings: ReadWarning[];
  index: number;
}

export async function readDocx(bytes: Uint8Array): Promise<Layout> {
  const entries = readZipEntries(bytes);
  const documentXml = entries.get('word/document.xml');
  if (!documentXml) {
    throw new InputError(
      'unreadable',
      '这个压缩文件不是 Word 文档（缺少 word/document.xml）。',
      'This archive is not a Word document (word/document.xml is missing).',
    );
  }
  const ctx: Context = {
    tableCells: 0,
    styles: readStyles(entries.get('word/styles.xml')),
    bullets: readBulletLists(entries.get('word/numbering.xml')),
    blocks: [],
    warnings: [],
    index: 0,
  };
  const body = child(parseXml(documentXml, 'word/document.xml').documentElement, 'body');
  if (body) readBody(body, ctx);
  if (!ctx.blocks.some((b) => b.type !== 'break')) {
    ctx.warnings.push({
      code: 'empty-input',
      message: 'Word 文档中没有任何文字内容。',
      messageEn: 'The Word document contains no text.',
    });
  }
  return { format: 'docx', imageOnlyPages: [], blocks: ctx.blocks, warnings: ctx.warnings };
}

function readBody(container: XmlElement, ctx: Context) {
  for (const el of children(container)) {
    switch (el.localName) {
      case 'p':
        readParagraph(el, ctx, ctx.index++);
        break;
      case 'tbl':
        readTable(el, ctx, ctx.index++);
        break;
      case 'sdt': {
        // Content controls (often the cover page or the table of contents) wrap ordinary body content.
        const content = child(el, 'sdtContent');
        if (content) readBody(content, ctx);
        break;
      }
      case 'customXml':
        readBody(el, ctx);
        break;
      case 'altChunk': {
        // Content imported as a whole other file (HTML, RTF) that Word converts when it opens the document;
        // its text is not in document.xml, so it is reported, not silently skipped.
        const place: SourcePlace = { kind: 'docx', block: ctx.index++ };
        ctx.blocks.push({ type: 'illegible', place, reason: '[无法识别]' });
        ctx.warnings.push({
          code: 'docx-embedded-content',
          message: 'Word 文档中有以嵌入文件（altChunk）方式插入的内容，未能读取；请在 Word 中另存为 .docx 后重试。',
          messageEn:
            'The Word document holds content inserted as an embedded file (altChunk) that was not read; save it again as .docx in Word and retry.',
          place,
        });
        break;
      }
      default:
        break; // sectPr, bookmarks: no content
    }
  }
}

function pushBreak(ctx: Context, kind: 'blank' | 'page', place: SourcePlace) {
  const last = ctx.blocks[ctx.blocks.length - 1];
  if (kind === 'blank' && (!last || last.type === 'break')) return;
  if (kind === 'page' && last?.type === 'break' && last.kind === 'page') return;
  if (kind === 'page' && last?.type === 'break') ctx.blocks.pop();
  ctx.blocks.push({ type: 'break', kind, place });
}

interface ParagraphText {
  /** Lines of the paragraph (a manual line break w:br splits it). */
  lines: string[];
  /** Pictures large enough to be a table or a page published as an image (not a logo or a seal). */
  largeImages: number;
  pageBreakBefore: boolean;
  pageBreakAfter: boolean;
}

// A table pasted as a picture spans most of the text width; logos, seals and signatures are small.
// 8 cm × 3 cm: in EMU (drawingML, 360 000 per cm) and in points (VML styles, 28.35 per cm).
const LARGE_IMAGE_EMU = { cx: 8 * 360_000, cy: 3 * 360_000 };
const LARGE_IMAGE_PT = { width: 8 * 28.35, height: 3 * 28.35 };

function findDescendant(el: XmlElement, localName: string): XmlElement | null {
  for (const c of children(el)) {
    if (c.localName === localName) return c;
    const found = findDescendant(c, localName);
    if (found) return found;
  }
  return null;
}

function isLargeImage(el: XmlElement): boolean {
  const extent = findDescendant(el, 'extent');
  if (extent) {
    return (
      Number(attr(extent, 'cx') ?? 0) >= LARGE_IMAGE_EMU.cx && Number(attr(extent, 'cy') ?? 0) >= LARGE_IMAGE_EMU.cy
    );
  }
  const shape = findDescendant(el, 'shape');
  const style = shape ? (attr(shape, 'style') ?? '') : '';
  const size = (name: string) => {
    const m = new RegExp(`(?:^|;)\\s*${name}:\\s*([\\d.]+)(pt|in|cm|mm|px)?`).exec(style);
    if (!m) return 0;
    const factor = { pt: 1, in: 72, cm: 28.35, mm: 2.835, px: 0.75 }[m[2] ?? 'pt'] ?? 1;
    return Number(m[1]) * factor;
  };
  return size('width') >= LARGE_IMAGE_PT.width && size('height') >= LARGE_IMAGE_PT.height;
}

function isHidden(run: XmlElement): boolean {
  const vanish = child(child(run, 'rPr'), 'vanish');
  if (!vanish) return false;
  const v = val(vanish);
  return v === null || (v !== 'false' && v !== '0' && v !== 'off');
}

/** Text of a paragraph's runs, skipping deleted, hidden text and field codes. */
function paragraphText(p: XmlElement): ParagraphText {
  const lines: string[] = [''];
  let sawText = false;
  let pageBreakBefore = false;
  let pageBreakAfter = false;
  let largeImages = 0;
  const walk = (el: XmlElement) => {
    for (const n of children(el)) {
      switch (n.localName) {
        case 't':
          lines[lines.length - 1] += n.textContent ?? '';
          if (n.textContent) sawText = true;
          break;
        case 'tab':
          if (el.localName === 'r') lines[lines.length - 1] += '\t';
          break;
        case 'br':
        case 'cr':
          if (attr(n, 'type') === 'page') {
            if (sawText) pageBreakAfter = true;
            else pageBreakBefore = true;
          } else lines.push('');
          break;
        case 'noBreakHyphen':
          lines[lines.length - 1] += '-';
          break;
        case 'r':
          // Hidden text (w:vanish) is not printed, so a reader of the document never sees it.
          if (!isHidden(n)) walk(n);
          break;
        case 'drawing':
        case 'pict':
        case 'object':
          if (isLargeImage(n)) largeImages++;
          walk(n); // a text box inside a drawing holds ordinary paragraphs
          break;
        case 'sym':
          break; // symbol-font glyphs (ticks, boxes) carry no text a reader can use
        case 'del':
        case 'moveFrom':
        case 'delText':
        case 'rt': // ruby (phonetic guide) text above characters
        case 'instrText':
        case 'pPr':
        case 'rPr':
        case 'fldData':
          break;
        default:
          walk(n);
      }
    }
  };
  walk(p);
  return { lines: lines.map((l) => l.replace(/\s+/g, ' ').trim()), largeImages, pageBreakBefore, pageBreakAfter };
}

function readParagraph(p: XmlElement, ctx: Context, index: number) {
  const place: SourcePlace = { kind: 'docx', block: index };
  const pPr = child(p, 'pPr');
  const { lines, largeImages, pageBreakBefore, pageBreakAfter } = paragraphText(p);
  if (pageBreakBefore || child(pPr, 'pageBreakBefore')) pushBreak(ctx, 'page', place);
  const texts = lines.filter((l) => l !== '');
  if (texts.length === 0 && largeImages === 0) {
    pushBreak(ctx, 'blank', place);
  } else if (texts.length) {
    const outline = val(child(pPr, 'outlineLvl'));
    const heading = headingLevel(ctx.styles, val(child(pPr, 'pStyle')), outline === null ? null : Number(outline));
    const numPr = child(pPr, 'numPr');
    const bullet =
      numPr !== null &&
      (ctx.bullets.get(val(child(numPr, 'numId')) ?? '')?.has(val(child(numPr, 'ilvl')) ?? '0') ?? false);
    for (const text of texts) {
      ctx.blocks.push({
        type: 'line',
        text,
        place,
        ...(heading ? { heading } : {}),
        ...(bullet ? { bullet: true } : {}),
      });
    }
  }
  // A large picture is what the text reader's "[图片]" marks: content published as an image, unreadable as text.
  for (let i = 0; i < largeImages; i++) ctx.blocks.push({ type: 'illegible', place, reason: '[图片]' });
  // A section break inside the paragraph's properties starts a new page unless it is a continuous one.
  const sectPr = child(pPr, 'sectPr');
  if (pageBreakAfter || (sectPr && val(child(sectPr, 'type')) !== 'continuous')) pushBreak(ctx, 'page', place);
}

interface RawCell {
  col: number;
  span: number;
  merge: 'restart' | 'continue' | null;
  text: string;
}

function cellText(tc: XmlElement): string {
  // A cell holds paragraphs (and rarely a nested table): all its lines are one wrapped value.
  const parts: string[] = [];
  const collect = (el: XmlElement) => {
    for (const n of children(el)) {
      if (n.localName === 'p') parts.push(...paragraphText(n).lines);
      else if (
        n.localName === 'tbl' ||
        n.localName === 'tr' ||
        n.localName === 'tc' ||
        n.localName === 'sdt' ||
        n.localName === 'sdtContent'
      )
        collect(n);
    }
  };
  collect(tc);
  return joinWrapped(parts.map((p) => p.replace(/\t/g, ' ')));
}

function readTable(tbl: XmlElement, ctx: Context, index: number) {
  const rows: RawCell[][] = [];
  for (const tr of rowsOf(tbl)) {
    const trPr = child(tr, 'trPr');
    let col = Math.max(0, Number(val(child(trPr, 'gridBefore')) ?? 0) || 0);
    const cells: RawCell[] = [];
    for (const tc of cellsOf(tr)) {
      const tcPr = child(tc, 'tcPr');
      const span = Math.max(1, Number(val(child(tcPr, 'gridSpan')) ?? 1) || 1);
      // Checked on the declared numbers, before any cell of the grid exists.
      if (col + span > MAX_TABLE_COLUMNS) throw tableTooWide(index, col + span);
      const vMerge = child(tcPr, 'vMerge');
      // <w:vMerge/> without a value continues the merge above; val="restart" opens one.
      const merge = vMerge ? (val(vMerge) === 'restart' ? 'restart' : 'continue') : null;
      cells.push({ col, span, merge, text: merge === 'continue' ? '' : cellText(tc) });
      col += span;
    }
    rows.push(cells);
  }
  if (rows.length === 0) return;
  const width = rows.reduce((w, r) => (r.length ? Math.max(w, r[r.length - 1].col + r[r.length - 1].span) : w), 0);
  checkTableArea(ctx, index, width, rows.length);
  const byCol = rows.map((cells) => new Map(cells.map((c) => [c.col, c])));

  const gridRows: GridRow[] = rows.map((_cells, r) => {
    const out: GridCell[] = [];
    const at = byCol[r];
    for (let c = 0; c < width; c++) {
      const place: SourcePlace = { kind: 'docx', block: index, row: r, cell: c };
      const cell = at.get(c);
      if (!cell) {
        out.push({ text: '', place }); // covered by a span to the left, or missing at the row's end
        continue;
      }
      const g: GridCell = { text: cell.text, place };
      if (cell.span > 1) g.colSpan = Math.min(cell.span, width - c);
      if (cell.merge === 'restart') {
        let span = 1;
        while (r + span < rows.length && byCol[r + span].get(c)?.merge === 'continue') span++;
        if (span > 1) g.rowSpan = span;
      }
      out.push(g);
    }
    return { cells: out, place: { kind: 'docx', block: index, row: r } };
  });
  if (!gridRows.some((r) => r.cells.some((c) => c.text !== ''))) return;
  ctx.blocks.push({ type: 'grid', rows: gridRows, place: { kind: 'docx', block: index } });
}

function tableTooWide(index: number, columns: number) {
  return limitExceeded(
    'docx-grid-span',
    {
      zh: `第 ${index + 1} 个段落或表格处的表格一行跨 ${columns} 列（gridSpan/gridBefore）`,
      en: `a table row at body item ${index + 1} spans ${columns} grid columns (gridSpan/gridBefore)`,
    },
    { zh: `${MAX_TABLE_COLUMNS} 列`, en: `${MAX_TABLE_COLUMNS} columns` },
  );
}

function checkTableArea(ctx: Context, index: number, width: number, height: number) {
  const area = width * height;
  ctx.tableCells += area;
  if (area > MAX_TABLE_CELLS || ctx.tableCells > MAX_DOCUMENT_TABLE_CELLS) {
    const one = area > MAX_TABLE_CELLS;
    throw limitExceeded(
      'docx-table-cells',
      one
        ? {
            zh: `第 ${index + 1} 个段落或表格处的表格有 ${width} 列 × ${height} 行`,
            en: `the table at body item ${index + 1} is ${width} columns × ${height} rows`,
          }
        : {
            zh: `全部表格共超过 ${MAX_DOCUMENT_TABLE_CELLS} 个单元格`,
            en: `all tables together exceed ${MAX_DOCUMENT_TABLE_CELLS} cells`,
          },
      one
        ? { zh: `每个表格 ${MAX_TABLE_CELLS} 个单元格`, en: `${MAX_TABLE_CELLS} cells per table` }
        : { zh: `${MAX_DOCUMENT_TABLE_CELLS} 个单元格`, en: `${MAX_DOCUMENT_TABLE_CELLS} cells per document` },
    );
  }
}

function rowsOf(tbl: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const n of children(tbl)) {
    if (n.localName === 'tr') out.push(n);
    else if (n.localName === 'sdt' || n.localName === 'customXml') out.push(...rowsOf(child(n, 'sdtContent') ?? n));
  }
  return out;
}

function cellsOf(tr: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const n of children(tr)) {
    if (n.localName === 'tc') out.push(n);
    else if (n.localName === 'sdt' || n.localName === 'customXml') out.push(...cellsOf(child(n, 'sdtContent') ?? n));
  }
  return out;
}
