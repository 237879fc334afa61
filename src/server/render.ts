import type { Disclosure } from '../model/disclosure.ts';

// Rendering a stored model back to a document (src/render). Each renderer is imported on first use (docx, exceljs
// and the browser for PDF are heavy and most servers never render), by literal specifiers that tsc checks.

export const RENDER_FORMATS = ['html', 'docx', 'xlsx', 'pdf'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

type Renderer = (d: Disclosure) => string | Uint8Array | Promise<string | Uint8Array>;

const RENDERERS: Record<RenderFormat, { load: () => Promise<Renderer>; type: string }> = {
  html: { load: async () => (await import('../render/html.ts')).renderHtml, type: 'text/html; charset=utf-8' },
  docx: {
    load: async () => (await import('../render/docx.ts')).renderDocx,
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  xlsx: {
    load: async () => (await import('../render/xlsx.ts')).renderXlsx,
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  pdf: { load: async () => (await import('../render/pdf.ts')).renderPdf, type: 'application/pdf' },
};

export async function renderDocument(d: Disclosure, format: RenderFormat): Promise<{ body: Uint8Array; type: string }> {
  const r = RENDERERS[format];
  const out = await (await r.load())(d);
  return { body: typeof out === 'string' ? new TextEncoder().encode(out) : out, type: r.type };
}
