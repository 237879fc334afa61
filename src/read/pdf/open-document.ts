import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InputError } from '../errors.ts';
import { acquireWorker, isParserDeath, type ParserLoss } from './pdf-worker.ts';
import { checkPdfStreams } from './stream-bounds.ts';

// Loading pdf.js and opening a document, with the guards every caller needs: CJK character maps and
// standard fonts (without them Chinese text is silently lost), a size limit, a time limit, and pdf.js
// errors turned into InputError with a Chinese and an English message.

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

let pdfjsPromise: Promise<PdfJs> | null = null;

export function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** Directories pdf.js reads CJK CMaps and the 14 standard fonts from (trailing separator required). */
export const CMAP_DIR = join(pdfjsRoot, 'cmaps') + '/';
export const STANDARD_FONT_DIR = join(pdfjsRoot, 'standard_fonts') + '/';

export const MAX_PDF_BYTES = 200 * 1024 * 1024;

export function unreadable(cause?: unknown): InputError {
  return new InputError(
    'unreadable',
    'PDF 文件已损坏或不完整，无法读取。',
    'The PDF file is damaged or incomplete and cannot be read.',
    { cause },
  );
}

const TIMEOUT = Symbol('pdf-timeout');

export function isTimeout(e: unknown): boolean {
  return typeof e === 'object' && e !== null && TIMEOUT in e;
}

export function timedOut(seconds: number): InputError {
  return Object.assign(
    new InputError(
      'unreadable',
      `读取 PDF 超时（超过 ${seconds} 秒），文件可能已损坏或过于复杂。`,
      `Reading the PDF took longer than ${seconds} s; the file may be damaged or too complex.`,
    ),
    { [TIMEOUT]: true },
  );
}

/** Maps an error thrown by pdf.js to the InputError a user should see. */
export function toInputError(e: unknown): InputError {
  if (e instanceof InputError) return e;
  const name = (e as { name?: string } | null)?.name;
  if (name === 'PasswordException') {
    return new InputError(
      'encrypted',
      'PDF 文件已加密，需要密码才能打开，请提供未加密的文件。',
      'The PDF is encrypted and needs a password to open; please provide an unencrypted file.',
      { cause: e },
    );
  }
  return unreadable(e);
}

/**
 * Awaits `promise`, failing with a timeout once `deadline` (ms since epoch) passes. pdf.js works in small
 * asynchronous steps, so the timer gets its turn even while a damaged file keeps the parser busy.
 */
export async function beforeDeadline<T>(promise: Promise<T>, deadline: number, seconds: number): Promise<T> {
  const left = deadline - Date.now();
  if (left <= 0) throw timedOut(seconds);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut(seconds)), left);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `promise`, or the parser thread's death if that comes first; the watch ends when `promise` settles, so nothing keeps
 * its result once the caller is done with it. Observed already: beforeDeadline may throw before it awaits it (a
 * deadline passed), and its later rejection must not surface as unhandled.
 */
export function unlessLost<T>(promise: Promise<T>, lost: ParserLoss): Promise<T> {
  const raced = new Promise<T>((resolve, reject) => {
    const stop = lost.watch(reject);
    promise.then(
      (v) => {
        stop();
        resolve(v);
      },
      (e) => {
        stop();
        reject(e);
      },
    );
  });
  raced.catch(() => {});
  return raced;
}

export interface OpenedDocument {
  doc: PdfDocument;
  pdfjs: PdfJs;
  /** The reader's refusal if the parser thread dies during the read (out of its heap): see unlessLost. */
  lost: ParserLoss;
  /** Ends the read; after a timeout the parser thread is stopped, as it may be stuck. */
  close(timedOut?: boolean): Promise<void>;
}

/**
 * Every complete PDF ends with "%%EOF" (a few bytes of trailing junk are common). pdf.js silently rebuilds
 * a cut-off file and reads what is left, so a truncated download would otherwise lose pages unnoticed.
 */
function hasEndMarker(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 4096)));
  return tail.includes('%%EOF');
}

export interface OpenOptions {
  /**
   * Open the document to learn whether pages paint images, without decoding any: pdf.js stops at errors, so an
   * image above the 1-pixel limit ends the page's operator list where a normal read drops the image in silence
   * (read-pdf.ts compares the two). Decoding instead cost 4 bytes a pixel: a 300 dpi A4 scan is 35 MB, and a 7-page
   * scanned letter took its reading process to 336 MB (the whole-corpus batch's peak). For the few pages whose
   * text is empty, to tell a scan or chart from a blank page. The stream bounds were checked when the document was
   * first opened and are not checked again.
   */
  probeImages?: boolean;
}

export async function openDocument(
  bytes: Uint8Array,
  deadline: number,
  seconds: number,
  options: OpenOptions = {},
): Promise<OpenedDocument> {
  if (bytes.length > MAX_PDF_BYTES) {
    throw new InputError(
      'too-large',
      `PDF 文件过大（${Math.round(bytes.length / 1048576)} MB），上限为 ${MAX_PDF_BYTES / 1048576} MB。`,
      `The PDF is too large (${Math.round(bytes.length / 1048576)} MB); the limit is ${MAX_PDF_BYTES / 1048576} MB.`,
    );
  }
  if (!hasEndMarker(bytes)) {
    throw new InputError(
      'unreadable',
      'PDF 文件不完整（缺少文件结尾标记 %%EOF），可能下载或复制时被截断，请重新获取完整文件。',
      'The PDF is incomplete (no %%EOF end marker): it was probably cut off while downloading or copying; please get the complete file.',
    );
  }
  // Bounds on what pdf.js would inflate, checked before it allocates anything (stream-bounds.ts).
  if (!options.probeImages) await checkPdfStreams(bytes);
  const pdfjs = await loadPdfJs();
  const worker = acquireWorker(pdfjs);
  const task = pdfjs.getDocument({
    worker: worker.pdfWorker,
    // pdf.js takes ownership of (and may detach) the buffer it is given; the caller keeps its bytes.
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DIR,
    // Images are not needed to read text and rules; skipping their decoding keeps reading fast.
    maxImageSize: 1,
    stopAtErrors: options.probeImages === true,
    verbosity: 0,
  });
  const close = async (timedOutRead = false) => {
    if (timedOutRead) {
      // The parser thread may be stuck: stop it. pdf.js's own clean-up waits for an answer from that
      // thread, which will never come, so it is started but not awaited.
      worker.kill();
      void task.destroy().catch(() => {});
    } else {
      await task.destroy().catch(() => {});
    }
    worker.release();
  };
  try {
    const doc = await beforeDeadline(unlessLost(task.promise, worker.lost), deadline, seconds);
    return { doc, pdfjs, lost: worker.lost, close };
  } catch (e) {
    // A dead parser thread (out of its heap) answers nothing, as a stuck one: pdf.js's clean-up would wait forever.
    await close(isTimeout(e) || isParserDeath(e));
    throw toInputError(e);
  }
}
