import { existsSync } from 'node:fs';
import { ApiError } from './errors.ts';

// Page images for API clients: a PDF page drawn by pdf.js inside headless Chromium (the same pdf.js the web
// app uses, loaded from this server's /vendor/pdfjs), returned as PNG, optionally with a box drawn on it
// (a finding's place, PDF points with top-left origin). There is no canvas addon for Node here, and the
// browser is already a dependency of rendering; it is started on first use and shared.

type Browser = import('playwright-core').Browser;

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function chromiumExecutable(): string | undefined {
  return [process.env.CAIJIAN_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
}

// Runs in the browser. Kept as source text: a function passed to page.evaluate would be rewritten by test
// transformers (its dynamic import()), and this code must reach the browser exactly as written.
const DRAW_PAGE = `async ({ data, pageNo, scale, box }) => {
  const pdfjs = await import('/vendor/pdfjs/build/pdf.min.mjs');
  pdfjs.GlobalWorkerOptions.workerSrc = '/vendor/pdfjs/build/pdf.worker.min.mjs';
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  const doc = await pdfjs.getDocument({ data: bytes, cMapUrl: '/vendor/pdfjs/cmaps/', cMapPacked: true, standardFontDataUrl: '/vendor/pdfjs/standard_fonts/' }).promise;
  if (pageNo > doc.numPages) return { error: 'page', pages: doc.numPages };
  const page = await doc.getPage(pageNo);
  const viewport = page.getViewport({ scale });
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  const ctx = canvas.getContext('2d');
  await page.render({ canvasContext: ctx, canvas, viewport }).promise;
  if (box) {
    const [x0, y0, x1, y1] = box.map((v) => v * scale);
    ctx.fillStyle = 'rgba(255, 224, 130, 0.35)';
    ctx.fillRect(x0 - 3, y0 - 3, x1 - x0 + 6, y1 - y0 + 6);
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#e53935';
    ctx.strokeRect(x0 - 3, y0 - 3, x1 - x0 + 6, y1 - y0 + 6);
  }
  return { png: canvas.toDataURL('image/png').split(',')[1] };
}`;

export class PageImages {
  /** This server's own address, set once it listens: Chromium loads pdf.js from here, not from the client's URL. */
  origin: string | null = null;
  private browser: Promise<Browser> | null = null;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  private launch(): Promise<Browser> {
    const executablePath = chromiumExecutable();
    if (!executablePath) {
      throw new ApiError(501, 'page-image-unavailable', '服务器未安装 Chromium，无法生成页面图片；网页界面仍可显示页面。', 'Chromium is not installed on the server, so page images are unavailable; the web app still shows pages.');
    }
    this.browser ??= import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath, args: FLAGS, headless: true }));
    return this.browser;
  }

  async render(origin: string, pdf: Uint8Array, pageNo: number, scale: number, box: number[] | null): Promise<Uint8Array> {
    // Two pages at a time: each holds a renderer process and a decoded page in memory.
    while (this.running >= 2) await new Promise<void>((ok) => this.waiting.push(ok));
    this.running++;
    const browser = await this.launch().catch((e) => {
      this.browser = null;
      throw e instanceof ApiError ? e : new ApiError(503, 'page-image-failed', '无法启动 Chromium 生成页面图片。', 'Could not start Chromium to draw the page.');
    });
    const page = await browser.newPage();
    try {
      // Same origin as the server, so the module import of pdf.js is allowed.
      await page.goto(`${this.origin ?? origin}/api/health`);
      const args = JSON.stringify({ data: Buffer.from(pdf).toString('base64'), pageNo, scale, box });
      const result = (await page.evaluate(`(${DRAW_PAGE})(${args})`)) as { png?: string; error?: string; pages?: number };
      if (result.error === 'page') throw new ApiError(404, 'not-found', `该文件只有 ${result.pages} 页。`, `The file has only ${result.pages} pages.`);
      return new Uint8Array(Buffer.from(result.png!, 'base64'));
    } catch (e) {
      if (e instanceof ApiError) throw e;
      if (process.env.CAIJIAN_DEBUG) console.error('[caijian] page image failed:', e);
      throw new ApiError(422, 'unreadable', '无法绘制该页（文件可能已损坏）。', 'The page could not be drawn (the file may be damaged).');
    } finally {
      await page.close().catch(() => undefined);
      this.running--;
      this.waiting.shift()?.();
    }
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = null;
    if (b) await (await b.catch(() => null))?.close();
  }
}
