// Public API of batch processing (see README.md in this folder).
export { runBatch, defaultJobs, DEFAULT_TIMEOUT_MS, type BatchOptions, type BatchResult } from './run-batch.ts';
export { progressPrinter, STATUS_LABEL } from './progress.ts';
export { writeReport, reportFormat } from './writers/write-report.ts';
export type { BatchFinding, BatchProgress, BatchReport, BatchRow, BatchStatus, BatchTotals } from './types.ts';
export { checkMany, isBatchInput, summaryText, type CheckManyOptions } from './check-many.ts';
