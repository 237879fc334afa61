import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, normalize, sep } from 'node:path';
import { CHROMIUM_FLAGS } from './chromium-flags.ts';

// PDF pages drawn by pdf.js inside headless Chromium (there is no canvas addon for Node here, and Chromium is
// already a dependency of rendering). Used by the HTTP API (a page with a finding's box) and by the check sheet
// (cropped pictures of each problem's place, box drawn). pdf.js is served to the page from node_modules through
// request interception on a private origin, so no server has to be listening and nothing leaves the machine.

type Browser = import('playwright-core').Browser;
type Page = import('playwright-core').Page;

export type Box = [number, number, number, number];

const ORIGIN = 'http://caijian.invalid';
const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const TYPES: Record<string, string> = {
  mjs: 'text/javascript',
  js: 'text/javascript',
  bcmap: 'application/octet-stream',
  pfb: 'application/octet-stream',
  ttf: 'font/ttf',
  json: 'application/json',
};

export function chromiumExecutable(): string | undefined {
  return [process.env.CAIJIAN_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p): p is string => !!p && existsSync(p),
  );
}

/** A crop of one page: the region around `box` (PDF points, top-left origin), with `box` and `marks` outlined. */
export interface CropRequest {
  page: number;
  box: Box;
  /** Further places on the same page to outline (a finding's related cells). */
  marks?: Box[];
}

export interface CropOptions {
  /** Pixels per PDF point (2 ≈ 144 dpi). */
  scale?: number;
  /** Context kept around the box, in points. */
  margin?: number;
  /** Largest crop, in points, so that a table-wide box still gives a readable picture. */
  maxWidth?: number;
  maxHeight?: number;
}

export interface Crop {
  png: Uint8Array;
  /** Pixel size of the PNG. */
  width: number;
  height: number;
}

// Runs in the browser; kept as source text so that test transformers cannot rewrite its dynamic import().
const SETUP = `async (url) => {
  const pdfjs = await import('/vendor/pdfjs/build/pdf.min.mjs');
  pdfjs.GlobalWorkerOptions.workerSrc = '/vendor/pdfjs/build/pdf.worker.min.mjs';
  window.__doc = await pdfjs.getDocument({ url, cMapUrl: '/vendor/pdfjs/cmaps/', cMapPacked: true, standardFontDataUrl: '/vendor/pdfjs/standard_fonts/' }).promise;
  return window.__doc.numPages;
}`;

const DRAW = `async ({ pageNo, scale, crops }) => {
  const page = await window.__doc.getPage(pageNo);
  const viewport = page.getViewport({ scale });
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  const ctx = canvas.getContext('2d');
  await page.render({ canvasContext: ctx, canvas, viewport }).promise;
  const pageW = viewport.width / scale, pageH = viewport.height / scale;
  const out = [];
  for (const c of crops) {
    // Outlines go on a copy of the page so that one crop's boxes do not show in the next.
    const work = document.createElement('canvas');
    work.width = canvas.width; work.height = canvas.height;
    const w = work.getContext('2d');
    w.drawImage(canvas, 0, 0);
    for (const b of [...(c.marks || []), c.box]) {
      const [x0, y0, x1, y1] = b.map((v) => v * scale);
      const main = b === c.box;
      w.fillStyle = main ? 'rgba(255, 224, 130, 0.35)' : 'rgba(144, 202, 249, 0.25)';
      w.fillRect(x0 - 3, y0 - 3, x1 - x0 + 6, y1 - y0 + 6);
      w.lineWidth = main ? 3 : 2;
      w.strokeStyle = main ? '#e53935' : '#1e88e5';
      w.strokeRect(x0 - 3, y0 - 3, x1 - x0 + 6, y1 - y0 + 6);
    }
    if (!c.region) { out.push({ png: work.toDataURL('image/png').split(',')[1], width: work.width, height: work.height }); continue; }
    let [rx0, ry0, rx1, ry1] = c.region;
    rx0 = Math.max(0, rx0); ry0 = Math.max(0, ry0); rx1 = Math.min(pageW, rx1); ry1 = Math.min(pageH, ry1);
    const cw = Math.max(1, Math.round((rx1 - rx0) * scale)), ch = Math.max(1, Math.round((ry1 - ry0) * scale));
    const crop = document.createElement('canvas');
    crop.width = cw; crop.height = ch;
    crop.getContext('2d').drawImage(work, Math.round(rx0 * scale), Math.round(ry0 * scale), cw, ch, 0, 0, cw, ch);
    out.push({ png: crop.toDataURL('image/png').split(',')[1], width: cw, height: ch });
  }
  return out;
}`;

/** The region shown for a box: the box plus margin, at least a readable width, at most maxWidth × maxHeight. */
export function cropRegion(box: Box, o: Required<Pick<CropOptions, 'margin' | 'maxWidth' | 'maxHeight'>>): Box {
  const [x0, y0, x1, y1] = box;
  const cx = (x0 + x1) / 2;
  let w = Math.min(Math.max(x1 - x0 + 2 * o.margin, 320), o.maxWidth);
  let left = x1 - x0 + 2 * o.margin > o.maxWidth ? x0 - o.margin : cx - w / 2;
  const h = Math.min(y1 - y0 + 2 * o.margin, o.maxHeight);
  // A box taller than the crop shows its top (a table's title and header), where a reader starts.
  const top = y0 - o.margin;
  if (left < 0) left = 0;
  w = Math.max(w, 1);
  return [left, top, left + w, top + h];
}

/** One Chromium for the process, started on first use. */
export class PageRenderer {
  private browser: Promise<Browser> | null = null;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  static available(): boolean {
    return !!chromiumExecutable();
  }

  private launch(): Promise<Browser> {
    const executablePath = chromiumExecutable();
    if (!executablePath) return Promise.reject(new Error('no-chromium'));
    this.browser ??= import('playwright-core').then(({ chromium }) =>
      chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true }),
    );
    this.browser.catch(() => (this.browser = null));
    return this.browser;
  }

  /** A page of the private origin that serves pdf.js and the document, with the document opened. */
  private async open(pdf: Uint8Array): Promise<{ page: Page; pages: number }> {
    while (this.running >= 2) await new Promise<void>((ok) => this.waiting.push(ok));
    this.running++;
    try {
      const browser = await this.launch();
      const page = await browser.newPage();
      await page.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== ORIGIN) return route.abort();
        if (url.pathname === '/')
          return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>page</title>' });
        if (url.pathname === '/document.pdf')
          return route.fulfill({ status: 200, contentType: 'application/pdf', body: Buffer.from(pdf) });
        if (url.pathname.startsWith('/vendor/pdfjs/')) {
          const rel = normalize(decodeURIComponent(url.pathname.slice('/vendor/pdfjs/'.length)));
          if (rel.startsWith('..') || rel.includes(`..${sep}`)) return route.fulfill({ status: 404, body: '' });
          const body = await readFile(join(PDFJS_ROOT, rel)).catch(() => null);
          if (!body) return route.fulfill({ status: 404, body: '' });
          return route.fulfill({
            status: 200,
            contentType: TYPES[rel.split('.').pop() ?? ''] ?? 'application/octet-stream',
            body,
          });
        }
        return route.fulfill({ status: 404, body: '' });
      });
      await page.goto(`${ORIGIN}/`);
      const pages = (await page.evaluate(`(${SETUP})(${JSON.stringify(`${ORIGIN}/document.pdf`)})`)) as number;
      return { page, pages };
    } catch (e) {
      this.release();
      throw e;
    }
  }

  private release(): void {
    this.running--;
    this.waiting.shift()?.();
  }

  /** The whole page as PNG, optionally with one box drawn. Null when the page does not exist. */
  async page(
    pdf: Uint8Array,
    pageNo: number,
    scale: number,
    box: Box | null,
  ): Promise<{ png: Uint8Array | null; pages: number }> {
    const { page, pages } = await this.open(pdf);
    try {
      if (pageNo > pages) return { png: null, pages };
      // No box: an outline far outside the page draws nothing.
      const crops = [{ box: box ?? [-100, -100, -99, -99], marks: [], region: null }];
      const [r] = (await page.evaluate(`(${DRAW})(${JSON.stringify({ pageNo, scale, crops })})`)) as { png: string }[];
      return { png: new Uint8Array(Buffer.from(r.png, 'base64')), pages };
    } finally {
      await page.close().catch(() => undefined);
      this.release();
    }
  }

  /** Crops for many places of one document, each page drawn once. Null for a place on a page that does not exist. */
  async crops(pdf: Uint8Array, requests: readonly CropRequest[], options: CropOptions = {}): Promise<(Crop | null)[]> {
    const o = {
      scale: options.scale ?? 2,
      margin: options.margin ?? 36,
      maxWidth: options.maxWidth ?? 560,
      maxHeight: options.maxHeight ?? 220,
    };
    const out: (Crop | null)[] = requests.map(() => null);
    if (!requests.length) return out;
    const { page, pages } = await this.open(pdf);
    try {
      const byPage = new Map<number, number[]>();
      requests.forEach((r, i) => {
        if (r.page < 1 || r.page > pages) return;
        byPage.set(r.page, [...(byPage.get(r.page) ?? []), i]);
      });
      for (const [pageNo, idx] of [...byPage].sort((a, b) => a[0] - b[0])) {
        const crops = idx.map((i) => ({
          box: requests[i].box,
          marks: requests[i].marks ?? [],
          region: cropRegion(requests[i].box, o),
        }));
        const res = (await page.evaluate(`(${DRAW})(${JSON.stringify({ pageNo, scale: o.scale, crops })})`)) as {
          png: string;
          width: number;
          height: number;
        }[];
        res.forEach((r, k) => {
          out[idx[k]] = { png: new Uint8Array(Buffer.from(r.png, 'base64')), width: r.width, height: r.height };
        });
      }
      return out;
    } finally {
      await page.close().catch(() => undefined);
      this.release();
    }
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = null;
    if (b !== null) await (await b.catch(() => null))?.close();
  }
}
