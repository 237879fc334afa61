import { checkDisclosure } from '../audit/engine.ts';
import type { AuditResult } from '../audit/types.ts';
import type { Disclosure } from '../model/disclosure.ts';
import type { PageRenderer } from '../render/page-image.ts';
import { buildCheckSheet, type CheckSheet, type SheetOptions } from './build.ts';
import { sheetImages, type SheetImages } from './images.ts';
import { checkSheetMarkdown } from './text.ts';
import { checkSheetXlsx } from './xlsx.ts';

// One document's check sheet from its model and the bytes it was read from (the bytes give the page pictures of a
// PDF), in the format the output name asks for. Shared by the CLI and the HTTP API.

import type { SheetFormat } from './is-sheet-output.ts';
export { type SheetFormat, sheetFormatOf } from './is-sheet-output.ts';

export interface PreparedSheet {
  sheet: CheckSheet;
  images: SheetImages;
  imagesMissing: string | null;
  result: AuditResult;
}

export async function prepareSheet(
  d: Disclosure,
  bytes: Uint8Array | null,
  options: SheetOptions & { result?: AuditResult; renderer?: PageRenderer } = {},
): Promise<PreparedSheet> {
  const result = options.result ?? checkDisclosure(d);
  const sheet = buildCheckSheet(d, result, options);
  const { images, missing } = await sheetImages(sheet, d.source.format === 'pdf' ? bytes : null, options.renderer);
  return { sheet, images, imagesMissing: missing, result };
}

export async function writeSheet(p: PreparedSheet, format: SheetFormat): Promise<Uint8Array> {
  switch (format) {
    case 'xlsx':
      return checkSheetXlsx(p.sheet, { images: p.images, imagesMissing: p.imagesMissing });
    case 'docx': {
      const { checkSheetDocx } = await import('./docx.ts');
      return checkSheetDocx(p.sheet, { images: p.images, imagesMissing: p.imagesMissing });
    }
    case 'md':
      return new TextEncoder().encode(checkSheetMarkdown(p.sheet));
  }
}
