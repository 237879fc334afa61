import type { Block, Layout, ReadWarning } from '../../model/layout.ts';
import type { Matrix } from './geometry.ts';
import { roundBox } from './geometry.ts';
import { findFrames } from './lattice.ts';
import type { OpenedDocument, PdfPage } from './open-document.ts';
import { beforeDeadline, isTimeout, openDocument, toInputError, unlessLost, unreadable } from './open-document.ts';
import { limitExceeded } from '../errors.ts';
import type { MarkOpCodes } from './page-marks.ts';
import { drawsCurves, paintsImage } from './page-marks.ts';
import { isParserDeath } from './pdf-worker.ts';
import { pageBlocks } from './page-blocks.ts';
import { dropRunningLines } from './running-lines.ts';
import type { OpCodes } from './ruling-lines.ts';
import { mergeSegments, rulingSegments } from './ruling-lines.ts';
import type { FontMetrics, TextOpCodes } from './operator-text.ts';
import { operatorTextRuns } from './operator-text.ts';
import type { PdfTextItem, TextRun } from './text-runs.ts';
import { normalizeKangxi, onPage, toTextRun, withoutOverprints } from './text-runs.ts';

// PDF reader: for each page, the text and the ruling lines from pdf.js's operator list (getTextContent is
// the fallback for the text), in display coordinates → ruled tables rebuilt on their grid, unruled tables
// from text alignment, and text lines, in reading order, with a page break after each page. A table that
// continues on the next page comes out as a separate grid after the break; recognition joins the parts
// (it drops repeated headers). Decisions: docs/decisions/0004-pdf-reader.md.

export interface PdfReadOptions {
  /** Time limit for the whole document, in seconds. */
  timeoutSeconds?: number;
}

const DEFAULT_TIMEOUT_SECONDS = 120;

/**
 * Bounds on the work a document may ask for. Measured on the 149 corpus PDFs: at most 328 pages, 37 266 drawing
 * operators on one page and 1.96 million in one document. A page's content is bounded before parsing by the
 * inflated stream size (stream-bounds.ts); these catch what multiplies it (one form drawn a thousand times).
 */
export const PDF_WORK_LIMITS = {
  maxPages: 5000,
  maxPageOperators: 1_000_000,
  maxOperators: 40_000_000,
};
/** Pages requested from the parser thread ahead of the one being built (bounded: each holds its operators). */
const PREFETCH_PAGES = 3;
/**
 * The document's caches (fonts above all: a page's embedded font subsets, parsed and translated) are cleared after
 * every this many pages when those pages brought at least as many fonts of their own, on both sides of the parser thread; prefetching stops at the boundary so that no page in
 * flight loses its fonts. Fonts shared by pages further apart are parsed again. Without it a font-heavy document
 * holds every page's fonts to the end (烟台 交通运输局 2026: 388 MB of live parser heap, 100 MB with it).
 */
export const CLEANUP_EVERY_PAGES = 10;

/**
 * Text-less pages probed for images to tell a blank page from a scan: a document with more is mostly scanned
 * (every such page is reported as without a text layer, as before). The corpus's 149 PDFs have at most 6 text-less
 * pages in a document that has text at all.
 */
export const MAX_BLANK_PROBES = 12;

export async function readPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<Layout> {
  const seconds = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  const deadline = Date.now() + seconds * 1000;
  const opened = await openDocument(bytes, deadline, seconds);
  let timedOut = false;
  let read: { layout: Layout; drawsLittle: DrawsLittle[] };
  try {
    read = await readPages(opened, deadline, seconds);
  } catch (e) {
    // A dead parser thread answers nothing either: pdf.js's clean-up would wait for it forever.
    timedOut = isTimeout(e) || isParserDeath(e);
    throw toInputError(e);
  } finally {
    await opened.close(timedOut).catch(() => {});
  }
  const { layout, drawsLittle } = read;
  if (!drawsLittle.length || drawsLittle.length > MAX_BLANK_PROBES || layout.imageOnlyPages.length === layout.pageCount)
    return layout;
  const blank = await pagesWithoutImages(bytes, drawsLittle, deadline, seconds);
  return blank.length ? asBlankPages(layout, new Set(blank)) : layout;
}

/** A page without text or curves, and the operators the first read found on it (images left out, maxImageSize 1). */
interface DrawsLittle {
  page: number;
  operators: number[];
}

/**
 * Of these pages (no text, no curves), the ones that draw no image either, without decoding any image: a second
 * opening of the document stops at errors (openDocument's probeImages), so an image of more than one pixel, which
 * the first read dropped in silence, now ends the page's operator list there — pdf.js then hands back the list as
 * far as it got (for a short page, nothing). A page whose list comes back the same as in the first read had no
 * error, so nothing was dropped; it is blank when it paints no one-pixel image either. Any difference, failure or
 * doubt leaves the page as it was read (without a text layer): a blank page is only reported when the reader is sure.
 */
async function pagesWithoutImages(bytes: Uint8Array, pages: DrawsLittle[], deadline: number, seconds: number) {
  let opened: OpenedDocument | null = null;
  let timedOut = false;
  try {
    opened = await openDocument(bytes, deadline, seconds, { probeImages: true });
    const ops = opened.pdfjs.OPS as unknown as MarkOpCodes;
    const blank: number[] = [];
    for (const { page: n, operators } of pages) {
      const page = await beforeDeadline(unlessLost(opened.doc.getPage(n), opened.lost), deadline, seconds);
      const list = await beforeDeadline(
        unlessLost(page.getOperatorList({ annotationMode: 0 }), opened.lost),
        deadline,
        seconds,
      ).catch((e: unknown) => {
        if (isTimeout(e) || isParserDeath(e)) throw e;
        return null; // a damaged page: not blank
      });
      if (list && sameOperators(list.fnArray, operators) && !paintsImage(list.fnArray, ops)) blank.push(n);
      page.cleanup();
    }
    return blank;
  } catch (e) {
    timedOut = isTimeout(e) || isParserDeath(e);
    return [];
  } finally {
    await opened?.close(timedOut).catch(() => {});
  }
}

function sameOperators(a: ArrayLike<number>, b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < b.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The layout with these pages blank: no "no text layer" block or warning, one blank-page warning each. */
function asBlankPages(layout: Layout, blank: ReadonlySet<number>): Layout {
  const onBlank = (place: Block['place'] | undefined) => place?.kind === 'pdf' && blank.has(place.page);
  const warnings: ReadWarning[] = [];
  for (const w of layout.warnings) {
    if (w.code !== 'image-only-page' || !onBlank(w.place)) {
      warnings.push(w);
      continue;
    }
    const n = (w.place as { page: number }).page;
    warnings.push({
      code: 'blank-page',
      message: `第${n}页是空白页（没有文字，也没有图片）。`,
      messageEn: `Page ${n} is blank (no text and no image).`,
      place: w.place,
    });
  }
  return {
    ...layout,
    imageOnlyPages: layout.imageOnlyPages.filter((n) => !blank.has(n)),
    blocks: layout.blocks.filter((b) => b.type !== 'illegible' || !onBlank(b.place)),
    warnings,
  };
}

async function readPages(
  opened: OpenedDocument,
  deadline: number,
  seconds: number,
): Promise<{ layout: Layout; drawsLittle: DrawsLittle[] }> {
  const { doc, pdfjs } = opened;
  const ops = pdfjs.OPS as unknown as OpCodes;
  const textOps = pdfjs.OPS as unknown as TextOpCodes;
  const normalizeText = (t: string) => normalizeKangxi(pdfjs.normalizeUnicode(t));
  const blocks: Block[] = [];
  const warnings: ReadWarning[] = [];
  const imageOnlyPages: number[] = [];
  /** Text-less pages that draw no curve either: blank, an empty grid, or an image (read without images). */
  const drawsLittle: DrawsLittle[] = [];
  const unreadablePages: number[] = [];
  if (doc.numPages > PDF_WORK_LIMITS.maxPages) {
    throw limitExceeded(
      'pdf-pages',
      { zh: `PDF 有 ${doc.numPages} 页`, en: `the PDF has ${doc.numPages} pages` },
      { zh: `${PDF_WORK_LIMITS.maxPages} 页`, en: `${PDF_WORK_LIMITS.maxPages} pages` },
    );
  }
  let operators = 0;
  // The parser thread works ahead on the next pages while this thread builds the current one's tables;
  // a few requests in flight keep it from idling between round trips.
  const fetchPage = (n: number) =>
    doc.getPage(n).then(async (page) => ({ page, list: await page.getOperatorList({ annotationMode: 0 }) }));
  const pending = new Map<number, ReturnType<typeof fetchPage>>();
  const request = (n: number) => {
    if (n > doc.numPages || pending.has(n)) return;
    const p = fetchPage(n);
    // A prefetch that is never awaited (the read stopped early) must not surface as an unhandled rejection.
    p.catch(() => {});
    pending.set(n, p);
  };
  const block = (n: number) => Math.floor((n - 1) / CLEANUP_EVERY_PAGES);
  // Fonts first used since the last clean-up (pdf.js names each font it loads anew): a clean-up pays only where
  // pages keep bringing fonts of their own; a document drawn with a few shared fonts would parse them again for nothing
  // (深圳 人社局 2026, 262 pages: +35 % CPU with a clean-up every 10 pages, the same peak).
  const fontsSeen = new Set<string>();
  let fontsSinceCleanup = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    if (n > 1 && block(n) !== block(n - 1) && fontsSinceCleanup >= CLEANUP_EVERY_PAGES) {
      // nothing is in flight here (prefetching stops at the boundary); a clean-up that fails only costs memory
      fontsSinceCleanup = 0;
      await beforeDeadline(unlessLost(doc.cleanup(), opened.lost), deadline, seconds).catch((e) => {
        if (isTimeout(e) || isParserDeath(e)) throw e;
      });
    }
    for (let k = n; k < n + PREFETCH_PAGES && block(k) === block(n); k++) request(k);
    let fetched: Awaited<ReturnType<typeof fetchPage>>;
    try {
      fetched = await beforeDeadline(unlessLost(pending.get(n)!, opened.lost), deadline, seconds);
    } catch (e) {
      if (isTimeout(e) || isParserDeath(e)) throw e;
      // One damaged page (a broken content stream or page object) does not cost the others.
      unreadablePages.push(n);
      const place = { kind: 'pdf' as const, page: n, box: [0, 0, 0, 0] as [number, number, number, number] };
      blocks.push({ type: 'illegible', place, reason: '本页已损坏，无法读取 / page is damaged and cannot be read' });
      blocks.push({ type: 'break', kind: 'page', place });
      warnings.push({
        code: 'page-unreadable',
        message: `第${n}页已损坏，无法读取，该页内容未读取。`,
        messageEn: `Page ${n} is damaged and cannot be read; its content was not read.`,
        place,
      });
      continue;
    } finally {
      pending.delete(n);
    }
    const { page, list } = fetched;
    for (let i = 0; i < list.fnArray.length; i++) {
      if (list.fnArray[i] !== textOps.setFont) continue;
      const name = String((list.argsArray[i] as unknown[] | null)?.[0] ?? '');
      if (!fontsSeen.has(name)) {
        fontsSeen.add(name);
        fontsSinceCleanup++;
      }
    }
    operators += list.fnArray.length;
    if (list.fnArray.length > PDF_WORK_LIMITS.maxPageOperators) {
      throw limitExceeded(
        'pdf-page-operators',
        {
          zh: `第 ${n} 页有 ${list.fnArray.length} 个绘图指令`,
          en: `page ${n} has ${list.fnArray.length} drawing operators`,
        },
        { zh: `每页 ${PDF_WORK_LIMITS.maxPageOperators} 个`, en: `${PDF_WORK_LIMITS.maxPageOperators} per page` },
      );
    }
    if (operators > PDF_WORK_LIMITS.maxOperators) {
      throw limitExceeded(
        'pdf-operators',
        {
          zh: `到第 ${n} 页共有超过 ${PDF_WORK_LIMITS.maxOperators} 个绘图指令`,
          en: `pages 1–${n} hold more than ${PDF_WORK_LIMITS.maxOperators} drawing operators`,
        },
        { zh: `整个文件 ${PDF_WORK_LIMITS.maxOperators} 个`, en: `${PDF_WORK_LIMITS.maxOperators} per file` },
      );
    }
    const viewport = page.getViewport({ scale: 1 });
    const view = viewport.transform as unknown as Matrix;
    const pagePlace = { kind: 'pdf' as const, page: n, box: roundBox([0, 0, viewport.width, viewport.height]) };
    let runs = operatorTextRuns(list.fnArray, list.argsArray, textOps, view, fontLookup(page), normalizeText);
    // Pages the operator interpreter does not cover, and pages that look empty, are read (or confirmed
    // empty) with pdf.js's own text extraction.
    if (runs === null || runs.length === 0) runs = await textContentRuns(page, view, deadline, seconds);
    // Text drawn off the page (overflowing spreadsheet cells, hidden leftovers) is not on the page.
    runs = withoutOverprints(onPage(runs, viewport.width, viewport.height));
    if (runs.length === 0) {
      imageOnlyPages.push(n);
      if (!drawsCurves(list.fnArray, list.argsArray, pdfjs.OPS as unknown as MarkOpCodes))
        drawsLittle.push({ page: n, operators: Array.from(list.fnArray) });
      blocks.push({
        type: 'illegible',
        place: pagePlace,
        reason: '本页没有文字层（可能是扫描图片）/ page has no text layer (probably a scanned image)',
      });
      warnings.push({
        code: 'image-only-page',
        message: `第${n}页没有可读取的文字（可能是扫描图片），该页内容未读取。`,
        messageEn: `Page ${n} has no text layer (probably a scanned image); its content was not read.`,
        place: pagePlace,
      });
    } else {
      const segments = rulingSegments(list.fnArray, list.argsArray, ops, view);
      const frames = findFrames(mergeSegments(segments, 'h'), mergeSegments(segments, 'v'));
      blocks.push(...pageBlocks({ page: n, width: viewport.width, height: viewport.height, runs, frames }));
    }
    blocks.push({ type: 'break', kind: 'page', place: pagePlace });
    page.cleanup();
  }
  if (unreadablePages.length === doc.numPages) throw unreadable();
  if (imageOnlyPages.length === doc.numPages) {
    warnings.push({
      code: 'no-text-layer',
      message: '整个 PDF 没有文字层（扫描件），无法读取内容；请提供可复制文字的 PDF 或 Excel/Word 原件。',
      messageEn:
        'The PDF has no text layer at all (a scan); provide a PDF with selectable text, or the Excel/Word original.',
    });
  }
  return {
    layout: {
      format: 'pdf',
      pageCount: doc.numPages,
      imageOnlyPages,
      blocks: dropRunningLines(blocks, doc.numPages),
      warnings,
    },
    drawsLittle,
  };
}

async function textContentRuns(page: PdfPage, view: Matrix, deadline: number, seconds: number): Promise<TextRun[]> {
  const content = await beforeDeadline(page.getTextContent(), deadline, seconds);
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const run = toTextRun({ ...(item as PdfTextItem), str: normalizeKangxi(item.str) }, view);
    if (run) runs.push(run);
  }
  return runs;
}

function fontLookup(page: PdfPage): (name: string) => FontMetrics | null {
  return (name) => {
    try {
      return page.commonObjs.has(name) ? (page.commonObjs.get(name) as FontMetrics) : null;
    } catch {
      return null;
    }
  };
}
