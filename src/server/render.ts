import type { Disclosure } from '../model/disclosure.ts';
import { ApiError } from './errors.ts';

// Rendering a stored model back to a document (src/render, written by the authoring side). Loaded on first
// use through variable specifiers so the server starts, and the rest of the API works, in a checkout where
// a renderer is missing or mid-change: the endpoint then answers 501 with a clear message.

export const RENDER_FORMATS = ['html', 'docx', 'xlsx', 'pdf'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

const MODULES: Record<RenderFormat, { path: string; fn: string; type: string }> = {
  html: { path: '../render/html.ts', fn: 'renderHtml', type: 'text/html; charset=utf-8' },
  docx: { path: '../render/docx.ts', fn: 'renderDocx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { path: '../render/xlsx.ts', fn: 'renderXlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pdf: { path: '../render/pdf.ts', fn: 'renderPdf', type: 'application/pdf' },
};

export async function renderDocument(d: Disclosure, format: RenderFormat): Promise<{ body: Uint8Array; type: string }> {
  const m = MODULES[format];
  let render: ((d: Disclosure) => string | Uint8Array | Promise<string | Uint8Array>) | undefined;
  try {
    render = ((await import(m.path)) as Record<string, typeof render>)[m.fn];
  } catch {
    render = undefined;
  }
  if (typeof render !== 'function') {
    throw new ApiError(501, 'render-unavailable', `此版本不支持生成 ${format} 文件。`, `Rendering to ${format} is not available in this version.`);
  }
  const out = await render(d);
  return { body: typeof out === 'string' ? new TextEncoder().encode(out) : out, type: m.type };
}
