import { z } from 'zod';

// Where something was read in the input. Every table, row and cell of the model carries one, so that a
// finding can be shown in the original (design.md: "two places on every finding").

/** Text input (the seeds, Markdown): 1-based line and 1-based column (in characters) of the line. */
export const TextPlace = z.object({
  kind: z.literal('text'),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  endColumn: z.number().int().min(1).optional(),
});

/**
 * PDF input: 1-based page number and a box in PDF points with the origin at the page's top-left corner
 * (x right, y down) on the page as displayed (rotation applied), so it can be drawn over a page image.
 */
export const PdfPlace = z.object({
  kind: z.literal('pdf'),
  page: z.number().int().min(1),
  box: z
    .tuple([z.number(), z.number(), z.number(), z.number()])
    .describe('[x0, y0, x1, y1] in points, top-left origin'),
});

/** Spreadsheet input: sheet name and A1 cell reference (the top-left cell of a merged range). */
export const SheetPlace = z.object({
  kind: z.literal('sheet'),
  sheet: z.string(),
  cell: z.string(),
});

/** Word input: 0-based index of the body block (paragraph or table), and row/cell inside a table. */
export const DocxPlace = z.object({
  kind: z.literal('docx'),
  block: z.number().int().min(0),
  row: z.number().int().min(0).optional(),
  cell: z.number().int().min(0).optional(),
});

export const SourcePlace = z.discriminatedUnion('kind', [TextPlace, PdfPlace, SheetPlace, DocxPlace]);
export type SourcePlace = z.infer<typeof SourcePlace>;
export type TextPlace = z.infer<typeof TextPlace>;
export type PdfPlace = z.infer<typeof PdfPlace>;

// How a place is written (CLI, exports, check sheet, web pages): src/model/place-text.ts, kept free of zod for the web
// and for the commands that do not validate (test/cli/lazy-load.test.ts); import describePlace from there.
