import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './safe-zip.ts';

// Bounds on what one workbook may make the reader do. Real disclosure workbooks hold a few dozen sheets of
// a few thousand cells; the limits are two to three orders of magnitude above that, and far below what
// would exhaust memory on a 2-core, 24 GiB machine running a batch of readers side by side.

export interface WorkbookLimits {
  zip: ZipLimits;
  maxSheets: number;
  /** Cells holding something, over all sheets. */
  maxCells: number;
  /** Cells covered by merges, over all sheets (exceljs creates an object for each). */
  maxMergedCells: number;
  /** Rows of one sheet (legacy .xls, where no zip bounds the work). */
  maxRows: number;
  /** Bytes of a legacy .xls file. */
  maxXlsBytes: number;
  /**
   * Cells of the grids built from all sheets (width × height of each table, empty cells included). A table's
   * width runs from its leftmost to its rightmost filled cell, so two values in columns A and XFD of 1000 rows
   * would make 16 million cells out of 2000.
   */
  maxGridCells: number;
}

export const DEFAULT_WORKBOOK_LIMITS: WorkbookLimits = {
  zip: DEFAULT_ZIP_LIMITS,
  maxSheets: 300,
  maxCells: 2_000_000,
  maxMergedCells: 5_000_000,
  maxRows: 1_048_576,
  maxXlsBytes: 100 * 1024 * 1024,
  maxGridCells: 2_000_000,
};
