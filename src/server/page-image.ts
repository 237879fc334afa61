import { chromiumExecutable, PageRenderer } from '../render/page-image.ts';
import { ApiError } from './errors.ts';

// Page images for API clients: a PDF page drawn by pdf.js inside headless Chromium (src/render/page-image.ts, the
// same renderer the check sheet's pictures come from), returned as PNG, optionally with a box drawn on it (a
// finding's place, PDF points with top-left origin). The browser is started on first use and shared.

export { chromiumExecutable };

export class PageImages {
  /** Kept for callers that set it; pdf.js is now served to the page by request interception, not by this server. */
  origin: string | null = null;
  /** The shared renderer, also used for the check sheet's pictures. */
  readonly renderer = new PageRenderer();

  async render(
    _origin: string,
    pdf: Uint8Array,
    pageNo: number,
    scale: number,
    box: number[] | null,
  ): Promise<Uint8Array> {
    if (!chromiumExecutable()) {
      throw new ApiError(
        501,
        'page-image-unavailable',
        '服务器未安装 Chromium，无法生成页面图片；网页界面仍可显示页面。',
        'Chromium is not installed on the server, so page images are unavailable; the web app still shows pages.',
      );
    }
    let result: { png: Uint8Array | null; pages: number };
    try {
      result = await this.renderer.page(pdf, pageNo, scale, box as [number, number, number, number] | null);
    } catch (e) {
      if (process.env.CAIJIAN_DEBUG) console.error('[caijian] page image failed:', e);
      if (e instanceof Error && /launch|Executable|no-chromium/i.test(e.message)) {
        throw new ApiError(
          503,
          'page-image-failed',
          '无法启动 Chromium 生成页面图片。',
          'Could not start Chromium to draw the page.',
        );
      }
      throw new ApiError(
        422,
        'unreadable',
        '无法绘制该页（文件可能已损坏）。',
        'The page could not be drawn (the file may be damaged).',
      );
    }
    if (!result.png)
      throw new ApiError(
        404,
        'not-found',
        `该文件只有 ${result.pages} 页。`,
        `The file has only ${result.pages} pages.`,
      );
    return result.png;
  }

  async close(): Promise<void> {
    await this.renderer.close();
  }
}
