// The one error type that crosses stage boundaries: input Caijian cannot read. It carries a Chinese and an
// English message for the user; the CLI prints both and exits 2, the HTTP API answers 4xx with both.

export type InputErrorCode =
  | 'empty'
  | 'unsupported-format'
  | 'unreadable'
  | 'encrypted'
  | 'too-large'
  | 'not-found'
  | 'no-content'
  /** Read, but not a budget or final-account disclosure (no disclosure tables, no disclosure headings). */
  | 'not-a-disclosure'
  /** Pages are pictures without a text layer (a scan): nothing can be read or checked. */
  | 'image-only';

export class InputError extends Error {
  readonly code: InputErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;
  /** For code 'too-large' from a reader's own bound: the stable name of the bound that was hit (see ReadLimitName). */
  readonly limit?: ReadLimitName;
  constructor(
    code: InputErrorCode,
    messageZh: string,
    messageEn: string,
    options?: { cause?: unknown; limit?: ReadLimitName },
  ) {
    super(messageEn, options);
    this.name = 'InputError';
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    if (options?.limit) this.limit = options.limit;
  }
}

/**
 * The bounds readers enforce on declared and measured sizes before they allocate (docs/decisions/0015-reader-bounds.md).
 * Each name is stable: the job runner, the server and tests refer to a refusal by it.
 */
export type ReadLimitName =
  | 'pdf-stream-bytes'
  | 'pdf-inflated-bytes'
  | 'pdf-pages'
  | 'pdf-page-operators'
  | 'pdf-operators'
  | 'pdf-parser-memory'
  | 'docx-xml-bytes'
  | 'docx-xml-depth'
  | 'docx-xml-names'
  | 'docx-table-cells'
  | 'docx-grid-span'
  | 'xlsx-sheet-area'
  | 'text-bytes'
  | 'text-line-length'
  | 'text-cells';

/**
 * A reader bound was hit: `what` says what was measured, in Chinese and English, and the limit is named in
 * both messages so that the user knows which size to reduce (or which part of the file is damaged).
 */
export function limitExceeded(
  limit: ReadLimitName,
  what: { zh: string; en: string },
  bound: { zh: string; en: string },
): InputError {
  return new InputError(
    'too-large',
    `文件超出读取上限，已拒绝读取：${what.zh}，上限为${bound.zh}。文件可能已损坏，或不是公开文件。`,
    `The file exceeds a reading limit and was refused: ${what.en}; the limit is ${bound.en}. The file may be damaged or not a disclosure.`,
    { limit },
  );
}

/** 1536 → "1.5 KB", in the units a user reads (binary multiples). */
export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${+(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${+(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}

/** JavaScript's own words for a program error: they say nothing about the file to the person reading a message. */
const JS_ERROR =
  /Cannot (?:read|set) propert|of (?:undefined|null)\b|is not (?:a function|a constructor|iterable|defined)|undefined is not|Maximum call stack|Invalid (?:array|typed array) length/i;

/**
 * A library's own complaint about a file ("Invalid row number in model", "Corrupted zip: …"), to quote in a reader's
 * message; null for a program error — JavaScript's TypeError, RangeError … ("Cannot read properties of undefined"),
 * which is a bug's text, not the file's (issue 13: raw JavaScript error text never reaches the user; the error stays
 * the InputError's `cause`).
 */
export function libraryComplaint(e: unknown): string | null {
  if (
    e instanceof TypeError ||
    e instanceof RangeError ||
    e instanceof ReferenceError ||
    e instanceof SyntaxError ||
    e instanceof EvalError ||
    e instanceof URIError
  )
    return null;
  const text = (e instanceof Error ? e.message : typeof e === 'string' ? e : '').replace(/\s+/g, ' ').trim();
  if (!text || JS_ERROR.test(text)) return null;
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
