import { closeSync, existsSync, fsyncSync, openSync, readFileSync, statSync, truncateSync, writeSync } from 'node:fs';
import { InputError } from '../read/errors.ts';
import { StorageError, storageProblem } from '../store/io-errors.ts';
import type { BatchFinding, BatchRow } from './types.ts';

// The batch's durable record: one JSON line per finished file, appended (and flushed to the disk) the moment the
// file is done, beside the requested report (`report.xlsx` → `report.xlsx.jsonl`). A kill, a full disk or a crash
// loses no finished row; `--resume` reads the journal back, skips the files it holds (same path, size and
// modification time) and goes on appending. The report is written at the end from all rows, journal included.

export interface JournalEntry {
  path: string;
  size: number;
  mtimeMs: number;
  row: BatchRow;
  findings: BatchFinding[];
  /** The text of the internal error that stopped the file, for the operator (the row only says it happened). */
  detail?: string;
}

export function journalPath(out: string): string {
  return `${out}.jsonl`;
}

function fileStamp(path: string): { size: number; mtimeMs: number } | null {
  try {
    const s = statSync(path);
    return { size: s.size, mtimeMs: Math.round(s.mtimeMs) };
  } catch {
    return null;
  }
}

/** Entries of an existing journal; a line cut by a kill mid-write (the last one) is ignored. */
export function readJournal(path: string): JournalEntry[] {
  if (!existsSync(path)) return [];
  const out: JournalEntry[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line) as JournalEntry;
      if (e && typeof e.path === 'string' && e.row) out.push(e);
    } catch {
      // an incomplete last line: that file was not finished, it will be done again
    }
  }
  return out;
}

export class Journal {
  private fd: number;
  readonly path: string;

  /** Opens the journal (truncated unless resuming). Fails at once, before any work, when it cannot be written. */
  constructor(out: string, resume: boolean) {
    this.path = journalPath(out);
    try {
      if (resume) dropTornTail(this.path);
      this.fd = openSync(this.path, resume ? 'a' : 'w');
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? '';
      throw new InputError(
        'unreadable',
        `无法写入报告位置：${out}（${why === 'ENOENT' ? '文件夹不存在' : why === 'EACCES' ? '没有写入权限' : why}）`,
        `Cannot write the report at ${out} (${why === 'ENOENT' ? 'folder does not exist' : why === 'EACCES' ? 'permission denied' : why})`,
        { cause: e },
      );
    }
  }

  /** The finished entries to reuse for these files: only those whose file is unchanged since. */
  static reusable(out: string, files: readonly string[]): Map<string, JournalEntry> {
    const wanted = new Set(files);
    const reuse = new Map<string, JournalEntry>();
    for (const e of readJournal(journalPath(out))) {
      if (!wanted.has(e.path)) continue;
      const now = fileStamp(e.path);
      if (now && now.size === e.size && now.mtimeMs === e.mtimeMs) reuse.set(e.path, e);
    }
    return reuse;
  }

  append(path: string, row: BatchRow, findings: BatchFinding[], detail?: string): void {
    const stamp = fileStamp(path) ?? { size: -1, mtimeMs: -1 };
    const entry: JournalEntry = { path, ...stamp, row, findings, ...(detail ? { detail } : {}) };
    const line = JSON.stringify(entry) + '\n';
    try {
      writeSync(this.fd, line);
      // on the disk, not only in the page cache: a power cut keeps what the reviewer was told was done
      fsyncSync(this.fd);
    } catch (e) {
      throw journalFailure(this.path, e);
    }
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}

/** The journal cannot take the next row: what is in it is safe, and --resume goes on from there. */
function journalFailure(path: string, e: unknown): Error {
  const p = storageProblem(e, path);
  const code = (e as NodeJS.ErrnoException).code ?? String(e);
  if (!p)
    return new InputError('unreadable', `无法写入 ${path}：${code}`, `Cannot write ${path}: ${code}`, { cause: e });
  return new StorageError(
    p,
    `${p.summaryZh}，无法继续记录批量审核结果（已完成的结果保存在 ${path}，排除问题后用 --resume 继续）`,
    `${p.summaryEn}; batch results so far are in ${path} — fix it and continue with --resume`,
    e,
  );
}

/**
 * A kill in the middle of a write leaves the last line cut. Appending after it would glue the next row to the
 * fragment and lose that row too; so the fragment (never a finished row: those end with their newline) goes.
 */
function dropTornTail(path: string): void {
  if (!existsSync(path)) return;
  const bytes = readFileSync(path);
  if (bytes.length === 0 || bytes[bytes.length - 1] === 0x0a) return;
  truncateSync(path, bytes.lastIndexOf(0x0a) + 1);
}
