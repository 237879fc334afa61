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
  | { ok: false; code: string; messageZh: string; messageEn: string };

async function checkStructure(bytes: Uint8Array, fileName: string, limits: UploadLimits): Promise<string> {
  const detected = detectFormat(bytes, fileName);
  if (detected.format === 'xlsx' || detected.format === 'docx') {
    const { readZipEntries } = await import('../read/xlsx/safe-zip.ts');
    readZipEntries(bytes, { maxTotalBytes: limits.maxArchiveBytes, maxEntryBytes: limits.maxArchiveBytes, maxEntries: limits.maxArchiveEntries });
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
    const model = await parseBytes(job.bytes, { fileName: job.fileName });
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
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      code: 'internal',
      messageZh: `读取文件时发生内部错误：${detail}`,
      messageEn: `Internal error while reading the file: ${detail}`,
    };
  }
}

/** Modules are loaded before the child says it is ready, so an upload's time limit measures the upload. */
export async function warmup(): Promise<void> {
  await import('../pipeline.ts');
}

export const handle = parseAndAudit;
