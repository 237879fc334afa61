import type { BatchRow } from './types.ts';

// A row before anything is known about its file. Its own module: the batch's parent process (the CLI) makes rows for
// files it could not hand to a reading process without loading the pipeline the reading processes run.

export function emptyRow(file: string): BatchRow {
  return {
    file,
    status: 'failed',
    format: null,
    entity: null,
    fiscalYear: null,
    kind: null,
    pages: null,
    tables: null,
    unknownTables: null,
    errors: 0,
    warnings: 0,
    infos: 0,
    ms: 0,
    reason: null,
    reasonEn: null,
    reasonCode: null,
  };
}
