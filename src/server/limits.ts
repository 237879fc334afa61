// Upload limits, each overridable by an environment variable so an operator can raise them without code.
// They bound what one request can make the server do: bytes received, files per request, pages read,
// bytes inflated from an Office archive, and time spent reading one file.

export interface UploadLimits {
  /** Bytes of one file. */
  maxFileBytes: number;
  /** Files in one upload request. */
  maxFiles: number;
  /** Pages of one PDF. */
  maxPdfPages: number;
  /** Bytes of an xlsx/docx once its zip entries are inflated, all entries together. */
  maxArchiveBytes: number;
  /** Entries in an xlsx/docx archive. */
  maxArchiveEntries: number;
  /** Seconds allowed to read and audit one file before it is abandoned. */
  parseSeconds: number;
  /** Files read at the same time (each in its own child process, src/jobs). */
  concurrency: number;
  /** Memory cap of one reading process in MiB (all of it); a file that needs more is refused. */
  memoryMb?: number;
  /** Reading processes are replaced after this many files, so the server's memory does not grow. */
  recycleAfter?: number;
  /** Seconds a reading process may wait without a file before it is stopped (a new one starts with the next upload). */
  idleSeconds?: number;
}

function env(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export function defaultLimits(): UploadLimits {
  return {
    maxFileBytes: env('CAIJIAN_MAX_FILE_MB', 50) * 1024 * 1024,
    maxFiles: env('CAIJIAN_MAX_FILES', 20),
    maxPdfPages: env('CAIJIAN_MAX_PDF_PAGES', 500),
    maxArchiveBytes: env('CAIJIAN_MAX_ARCHIVE_MB', 150) * 1024 * 1024,
    maxArchiveEntries: env('CAIJIAN_MAX_ARCHIVE_ENTRIES', 3000),
    parseSeconds: env('CAIJIAN_PARSE_SECONDS', 120),
    concurrency: env('CAIJIAN_PARSE_CONCURRENCY', 2),
    memoryMb: env('CAIJIAN_JOB_MEMORY_MB', 1536),
    recycleAfter: env('CAIJIAN_JOB_RECYCLE', 20),
    idleSeconds: env('CAIJIAN_JOB_IDLE_SECONDS', 60),
  };
}
