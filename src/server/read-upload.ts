import { detectFormat } from '../read/detect.ts';
import { isOutOfMemory } from '../jobs/messages.ts';
import { InputError, isInputError } from '../read/errors.ts';
import type { AuditOutcome } from '../store/types.ts';
import type { UploadLimits } from './limits.ts';
import { auditDocument } from './run-audit.ts';

// The server's job entry for the job pool (src/jobs): reads and audits one uploaded file (bytes in) in a child
// process. Isolating it means a pathological file is abandoned (the child is killed at the time limit or its
// memory cap) without stalling or killing the server, and two cores read two files at once. The worker checks the size limits that need the file's structure (PDF pages, archive
// expansion) before the full read, so a refused file costs little.

export interface ParseJob {
  bytes: Uint8Array;
  fileName: string;
  limits: UploadLimits;
}

export type ParseReply =
  | { ok: true; format: string; modelJson: string; audit: AuditOutcome }
  /** `detail`: what went wrong inside (a program error's text), for the server log and the audit log, never the user. */
  | { ok: false; code: string; messageZh: string; messageEn: string; detail?: string };

async function checkStructure(bytes: Uint8Array, fileName: string, limits: UploadLimits): Promise<string> {
  const detected = detectFormat(bytes, fileName);
  if (detected.format === 'xlsx' || detected.format === 'docx') {
    const { readZipEntries } = await import('../read/xlsx/safe-zip.ts');
    readZipEntries(bytes, {
      maxTotalBytes: limits.maxArchiveBytes,
      maxEntryBytes: limits.maxArchiveBytes,
      maxEntries: limits.maxArchiveEntries,
    });
  }
  if (detected.format === 'pdf') {
    const { openDocument } = await import('../read/pdf/open-document.ts');
    const opened = await openDocument(bytes, Date.now() + limits.parseSeconds * 1000, limits.parseSeconds);
    const pages = opened.doc.numPages;
    await opened.close();
    if (pages > limits.maxPdfPages) {
      throw new InputError(
        'too-large',
        `PDF 共 ${pages} 页，超过上限 ${limits.maxPdfPages} 页。`,
        `The PDF has ${pages} pages; the limit is ${limits.maxPdfPages}.`,
      );
    }
  }
  return detected.format;
}

export async function parseAndAudit(job: ParseJob): Promise<ParseReply> {
  try {
    const format = await checkStructure(job.bytes, job.fileName, job.limits);
    const { parseBytes } = await import('../pipeline.ts');
    const model = await parseBytes(job.bytes, { fileName: job.fileName, timeoutSeconds: job.limits.parseSeconds });
    // A file that is not a disclosure at all is refused as `check` refuses it (exit 2 there, 422 here): auditing it
    // would show "0 errors" about nothing.
    const { assertDisclosure } = await import('../recognise/is-disclosure.ts');
    assertDisclosure(model);
    const audit = auditDocument(model);
    return { ok: true, format, modelJson: JSON.stringify(model), audit };
  } catch (e) {
    // A refused allocation is the job pool's to report (it names the cap and replaces the process).
    if (isOutOfMemory(e)) throw e;
    if (isInputError(e)) return { ok: false, code: e.code, messageZh: e.messageZh, messageEn: e.messageEn };
    // A program error's own text ("Cannot set properties of undefined", bytes of the file) means nothing to the person
    // who uploaded it: they are told what happened to their file; the detail goes to the logs.
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return {
      ok: false,
      code: 'internal',
      messageZh: '读取此文件时程序出错，文件未保存。错误已记入日志，请将文件提供给管理员。',
      messageEn:
        'The program failed while reading this file; it was not stored. The error was logged; please pass the file to the administrator.',
      detail: detail.slice(0, 2000),
    };
  }
}

/** Modules are loaded before the child says it is ready, so an upload's time limit measures the upload. */
export async function warmup(): Promise<void> {
  await import('../pipeline.ts');
}

export const handle = parseAndAudit;
