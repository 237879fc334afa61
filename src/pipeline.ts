import { createHash } from 'node:crypto';
import { MARKER } from './author/plan.ts';
import type { Disclosure } from './model/disclosure.ts';
import type { Layout } from './model/layout.ts';
import { readLayout } from './read/read-layout.ts';
import { recognise } from './recognise/recognise.ts';

// The reading half of the pipeline as one call: bytes → layout → Disclosure. Interfaces (CLI, HTTP, batch
// workers) call this and never reach into readers or recognition directly.

export interface ParseOptions {
  fileName?: string;
  /**
   * Time limit of the reader in seconds, where it has one of its own (PDF: default 120 s): the batch's `--timeout` and
   * the server's parseSeconds pass theirs, so that the reader never stops a document before the caller's limit does.
   */
  timeoutSeconds?: number;
}

/**
 * Caijian's own fill-in workbook (`caijian template`) carries its marker in the first cell of its info sheet.
 * Read as an ordinary spreadsheet it would be an "unknown budget"; read as what it is, it is the disclosure the
 * department is writing, so that `check` and the workbench audit the officer's draft (the officer's loop).
 */
function isFillInWorkbook(layout: Layout): boolean {
  if (layout.format !== 'xlsx') return false;
  for (const b of layout.blocks.slice(0, 200)) {
    if (b.type === 'line' && b.text.trim() === MARKER) return true;
    if (b.type === 'grid' && b.rows.some((r) => r.cells.some((c) => c.text.trim() === MARKER))) return true;
  }
  return false;
}

export async function parseBytes(bytes: Uint8Array, options: ParseOptions = {}): Promise<Disclosure> {
  const layout = await readLayout(bytes, options.fileName, { timeoutSeconds: options.timeoutSeconds });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (isFillInWorkbook(layout)) {
    const { readTemplateWorkbook } = await import('./author/read-workbook.ts');
    const d = (await readTemplateWorkbook(bytes, options.fileName)).disclosure;
    d.source = { ...d.source, fileName: options.fileName, sha256 };
    return d;
  }
  return recognise(layout, { fileName: options.fileName, sha256 });
}
