// Disk full, I/O error, no permission: failures of the storage under the program, not of the input nor of
// Caijian. They are named as such (issue 13.4) — to the person at the browser with the right HTTP status, on the
// command line with exit 2 — instead of "internal error". Recognised from what each layer actually throws:
// Node's fs (errno codes), node:sqlite (SQLite result codes in `errcode`) and node-postgres (SQLSTATE in `code`).

export type StorageProblemKind = 'disk-full' | 'io-error' | 'permission' | 'read-only';

export interface StorageProblem {
  kind: StorageProblemKind;
  /** The code as the layer gave it (ENOSPC, SQLITE_FULL, 53100 …), for the log. */
  cause: string;
  /** 507 Insufficient Storage for a full disk; 503 for the others (the server cannot store now, the request was fine). */
  status: 503 | 507;
  /** Stable API error code. */
  code: 'disk-full' | 'storage-io' | 'storage-permission';
  /** What happened and where, without what follows from it (callers add their own consequence). */
  summaryZh: string;
  summaryEn: string;
  messageZh: string;
  messageEn: string;
}

const ERRNO: Record<string, StorageProblemKind> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EFBIG: 'disk-full',
  EIO: 'io-error',
  EACCES: 'permission',
  EPERM: 'permission',
  EROFS: 'read-only',
};

// SQLite primary result codes (extended codes keep them in the low byte).
const SQLITE: Record<number, [StorageProblemKind, string]> = {
  3: ['permission', 'SQLITE_PERM'],
  8: ['read-only', 'SQLITE_READONLY'],
  10: ['io-error', 'SQLITE_IOERR'],
  13: ['disk-full', 'SQLITE_FULL'],
  14: ['permission', 'SQLITE_CANTOPEN'],
};

// PostgreSQL SQLSTATE codes.
const SQLSTATE: Record<string, StorageProblemKind> = {
  '53100': 'disk-full', // disk_full
  '58030': 'io-error', // io_error
  '42501': 'permission', // insufficient_privilege
  '25006': 'read-only', // read_only_sql_transaction
};

function kindOf(e: unknown): [StorageProblemKind, string] | null {
  for (let x = e, depth = 0; x && typeof x === 'object' && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
    const o = x as { code?: unknown; errcode?: unknown; syscall?: unknown };
    // Listening on a port is not storage (the CLI says so itself).
    if (o.syscall === 'listen' || o.syscall === 'bind') return null;
    if (typeof o.errcode === 'number' && SQLITE[o.errcode & 0xff]) return SQLITE[o.errcode & 0xff];
    if (typeof o.code === 'string') {
      if (ERRNO[o.code]) return [ERRNO[o.code], o.code];
      if (SQLSTATE[o.code]) return [SQLSTATE[o.code], `SQLSTATE ${o.code}`];
    }
  }
  return null;
}

/** `where` names what could not be written (a file, the database), for the messages. */
export function storageProblem(e: unknown, where?: string): StorageProblem | null {
  const k = kindOf(e);
  if (!k) return null;
  const [kind, cause] = k;
  const at = where ? `（${where}）` : '';
  const atEn = where ? ` (${where})` : '';
  const base = { kind, cause, status: kind === 'disk-full' ? 507 : 503 } as const;
  switch (kind) {
    case 'disk-full':
      return {
        ...base,
        code: 'disk-full',
        summaryZh: `存储空间已满${at}`,
        summaryEn: `The storage is full${atEn}`,
        messageZh: `存储空间已满${at}，本次操作未保存；此前保存的内容未受影响。请腾出磁盘空间后重试。`,
        messageEn: `The storage is full${atEn}; this operation was not saved and nothing saved before was affected. Free disk space and try again.`,
      };
    case 'io-error':
      return {
        ...base,
        code: 'storage-io',
        summaryZh: `存储读写出错（${cause}）${at}`,
        summaryEn: `Storage I/O error (${cause})${atEn}`,
        messageZh: `存储读写出错（${cause}）${at}，本次操作未保存；请检查磁盘后重试。`,
        messageEn: `Storage I/O error (${cause})${atEn}; this operation was not saved. Check the disk and try again.`,
      };
    case 'permission':
    case 'read-only':
      return {
        ...base,
        code: 'storage-permission',
        summaryZh: `没有写入权限（${cause}）${at}`,
        summaryEn: `No permission to write (${cause})${atEn}`,
        messageZh: `没有写入权限（${cause}）${at}，本次操作未保存；请检查文件权限或磁盘是否只读。`,
        messageEn: `No permission to write (${cause})${atEn}; this operation was not saved. Check the file permissions or whether the disk is read-only.`,
      };
  }
}

/** A storage failure with its own words (the batch says where its finished rows are); the CLI prints both, exit 2. */
export class StorageError extends Error {
  readonly problem: StorageProblem;
  readonly messageZh: string;
  readonly messageEn: string;
  constructor(problem: StorageProblem, messageZh: string, messageEn: string, cause: unknown) {
    super(messageEn, { cause });
    this.problem = problem;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }
}

/** The words for a storage failure, whether it came as a StorageError or straight from fs / SQLite / PostgreSQL. */
export function storageMessage(e: unknown, where?: string): { messageZh: string; messageEn: string } | null {
  if (e instanceof StorageError) return e;
  const p = storageProblem(e, where ?? pathOf(e));
  return p && { messageZh: p.messageZh, messageEn: p.messageEn };
}

/** The file an fs error names (Node puts it in `path`). */
function pathOf(e: unknown): string | undefined {
  const p = (e as { path?: unknown } | null)?.path;
  return typeof p === 'string' ? p : undefined;
}
