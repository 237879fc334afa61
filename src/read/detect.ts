import type { InputFormat } from '../model/layout.ts';

// Input type is decided from the content (magic bytes), the file name only breaks ties between text forms.

export type Detected = { format: InputFormat } | { format: 'unsupported'; reason: 'binary' | 'zip-unknown' | 'empty' };

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

function zipNames(bytes: Uint8Array): string {
  // Entry names of a zip's local headers are plain ASCII; the first few kilobytes are enough to tell
  // a Word file (word/document.xml) from a workbook (xl/workbook.xml).
  return new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
}

/** True when the bytes decode as UTF-8 text with almost no control characters. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  const sample = bytes.subarray(0, Math.min(bytes.length, 256 * 1024));
  let text: string | undefined;
  // A multi-byte character cut at the end of the sample (or of a truncated file) is still text: drop up to
  // three trailing bytes before deciding that the bytes are not UTF-8.
  for (let cut = 0; cut <= 3 && text === undefined; cut++) {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length - cut));
    } catch {
      text = undefined;
    }
  }
  if (text === undefined || text.length === 0) return false;
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control / text.length < 0.001;
}

export function detectFormat(bytes: Uint8Array, fileName = ''): Detected {
  if (bytes.length === 0) return { format: 'unsupported', reason: 'empty' };
  // %PDF may follow a few bytes of junk; readers accept it within the first kilobyte.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return { format: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipNames(bytes);
    if (names.includes('word/')) return { format: 'docx' };
    if (names.includes('xl/')) return { format: 'xlsx' };
    return { format: 'unsupported', reason: 'zip-unknown' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { format: 'xls' };
  if (looksLikeText(bytes)) {
    if (/^\s*(<!doctype html|<html)/i.test(head.replace(/^\ufeff/, ''))) return { format: 'html' };
    return { format: /\.(md|markdown)$/i.test(fileName) ? 'markdown' : 'text' };
  }
  return { format: 'unsupported', reason: 'binary' };
}
