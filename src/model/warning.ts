import { z } from 'zod';
import { SourcePlace } from './place.ts';

// What a reader or recognition could not read, or read with a guess. Warnings travel with the layout and the
// model (Layout.warnings, Disclosure.warnings) and are shown beside the findings; they never judge numbers.
// The codes are a closed list so that a consumer can switch on them and two spellings of one thing cannot
// appear (the reader's per-page 'image-only-page' and recognition's old 'image-only-pages' are now one code).
// A new code goes here, with a line saying what it means.

export const ReadWarningCode = z.enum([
  /** The input holds no text at all (any format). */
  'empty-input',
  /** PDF: one page could not be decoded; its content is missing. */
  'page-unreadable',
  /** PDF: one page has no text layer (a scanned image); its content is missing. */
  'image-only-page',
  /** PDF: one page draws no text and no image (blank, or an empty table grid). */
  'blank-page',
  /** PDF: no page has a text layer (the whole file is a scan). */
  'no-text-layer',
  /** Excel: a hidden worksheet was not read. */
  'hidden-sheet',
  /** Excel: hidden rows or columns hold content that is not printed and was not read. */
  'hidden-cells',
  /** Excel: a worksheet is empty. */
  'empty-sheet',
  /** Excel: formulas without a saved result were read as blank. */
  'formula-without-result',
  /** Excel: the workbook was read by the fallback reader (the first one refused it). */
  'xlsx-fallback-reader',
  /** Legacy .xls: records the reader did not recognise were skipped. */
  'xls-unknown-records',
  /** Word: content inserted as an embedded file (altChunk) was not read. */
  'docx-embedded-content',
  /** Recognition: a table's printed title is missing; its kind was inferred from its note. */
  'table-title-missing',
  /** Recognition: a table lacks columns its template requires. */
  'columns-missing',
  /** Recognition: a table prints its unit cut short ("万"); read as 万元. */
  'unit-truncated',
  /** Recognition: a table states no amount unit; read with the document's dominant unit. */
  'table-unit-missing',
  /** Recognition: no budget or final-account table was recognised. */
  'nothing-recognised',
]);
export type ReadWarningCode = z.infer<typeof ReadWarningCode>;

export const ReadWarning = z.object({
  code: ReadWarningCode,
  message: z.string().describe('Chinese'),
  messageEn: z.string(),
  place: SourcePlace.optional(),
});
export type ReadWarning = z.infer<typeof ReadWarning>;
