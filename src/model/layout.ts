import { z } from 'zod';
import { SourcePlace } from './place.ts';
import { ReadWarning } from './warning.ts';

// The layout is what every reader (text, Markdown, PDF, Excel, Word) produces and what recognition
// consumes: a sequence of blocks in reading order, each either a line of text or a table grid whose
// cells keep their source place. Readers report what they saw and where; they never decide meaning.

export const GridCell = z.object({
  /** Text as printed, with internal line breaks of a wrapped cell joined by nothing (CJK) or one space. */
  text: z.string(),
  place: SourcePlace,
  colSpan: z.number().int().min(1).optional(),
  rowSpan: z.number().int().min(1).optional(),
  /** Raw value of a spreadsheet cell (number as exact decimal text), when it differs from the display text. */
  raw: z.string().optional(),
});
export type GridCell = z.infer<typeof GridCell>;

export const GridRow = z.object({
  cells: z.array(GridCell),
  place: SourcePlace,
});
export type GridRow = z.infer<typeof GridRow>;

export const LineBlock = z.object({
  type: z.literal('line'),
  text: z.string(),
  place: SourcePlace,
  /** Heading level when the source marks it (Word heading style, Markdown #); recognition also infers. */
  heading: z.number().int().min(1).max(6).optional(),
  /** A bullet-list item ("- " in the seeds). */
  bullet: z.boolean().optional(),
});
export type LineBlock = z.infer<typeof LineBlock>;

export const GridBlock = z.object({
  type: z.literal('grid'),
  rows: z.array(GridRow),
  place: SourcePlace,
});
export type GridBlock = z.infer<typeof GridBlock>;

/** A gap in the flow: an empty line in text input, or a page end in paged input. Tables may continue across it. */
export const BreakBlock = z.object({
  type: z.literal('break'),
  kind: z.enum(['blank', 'page']),
  place: SourcePlace,
});
export type BreakBlock = z.infer<typeof BreakBlock>;

/** A region the reader could not read (an image-only page, "[illegible]" in the seeds). */
export const IllegibleBlock = z.object({
  type: z.literal('illegible'),
  place: SourcePlace,
  reason: z.string(),
});
export type IllegibleBlock = z.infer<typeof IllegibleBlock>;

export const Block = z.discriminatedUnion('type', [LineBlock, GridBlock, BreakBlock, IllegibleBlock]);
export type Block = z.infer<typeof Block>;

// Reader warnings (codes as a closed, documented list) live in warning.ts; re-exported for the readers.
export { ReadWarning, ReadWarningCode } from './warning.ts';

export const InputFormat = z.enum(['text', 'markdown', 'html', 'pdf', 'xlsx', 'xls', 'docx']);
export type InputFormat = z.infer<typeof InputFormat>;

export const Layout = z.object({
  format: InputFormat,
  /** Number of pages (PDF) or sheets (Excel); absent for flowing text. */
  pageCount: z.number().int().optional(),
  /** Pages whose text layer is empty: reported, never silently treated as blank. */
  imageOnlyPages: z.array(z.number().int()).default([]),
  blocks: z.array(Block),
  warnings: z.array(ReadWarning).default([]),
});
export type Layout = z.infer<typeof Layout>;
