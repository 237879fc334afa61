import { existsSync } from 'node:fs';
import type { Disclosure } from '../model/disclosure.ts';
import { InputError } from '../read/errors.ts';
import { renderHtml } from './html.ts';
import type { DocumentOptions } from './print-document.ts';
import { CHROMIUM_FLAGS } from './chromium-flags.ts';

// PDF by printing the HTML rendering in headless Chromium (docs/decisions/0009-rendering-and-authoring.md):
// Chromium lays out CJK text, embeds the fonts it used, repeats <thead> on every page a table spans and
// honours CSS page sizes (A4, landscape pages for wide tables). No network: the HTML is self-contained and
// set as page content directly.

export function chromiumPath(): string | undefined {
  const candidates = [
    process.env.CAIJIAN_CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

export async function htmlToPdf(html: string): Promise<Uint8Array> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new InputError(
      'unreadable',
      '生成 PDF 需要 Chromium 浏览器（apt-get install chromium），或用环境变量 CAIJIAN_CHROMIUM 指定其路径。',
      'Rendering PDF needs Chromium (apt-get install chromium), or set CAIJIAN_CHROMIUM to its path.',
    );
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
  try {
    const page = await browser.newPage();
    // Nothing may be fetched: the document is self-contained.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, format: 'A4' });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}

export async function renderPdf(d: Disclosure, options: DocumentOptions = {}): Promise<Uint8Array> {
  return htmlToPdf(renderHtml(d, options));
}
