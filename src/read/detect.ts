import type { InputFormat } from '../model/layout.ts';
import { decodeText, detectTextEncoding, type TextEncoding } from './text/decode-text.ts';

// Input type is decided from the content (magic bytes), the file name only breaks ties between text forms.

export type Detected =
  | { format: InputFormat; encoding?: TextEncoding }
  | { format: 'unsupported'; reason: 'binary' | 'zip-unknown' | 'empty' };

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

function zipNames(bytes: Uint8Array): string {
  // Entry names of a zip's local headers are plain ASCII; the first few kilobytes are enough to tell
  // a Word file (word/document.xml) from a workbook (xl/workbook.xml).
  return new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
}

/** True when the decoded text has almost no control characters (a binary file decodes to many). */
function mostlyPrintable(text: string): boolean {
  if (text.length === 0) return false;
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control / text.length < 0.001;
}

/** The text encoding of the bytes when they are text (UTF-8, UTF-16, GB18030/GBK, Big5), else null. */
function textEncoding(bytes: Uint8Array): TextEncoding | null {
  const encoding = detectTextEncoding(bytes);
  if (!encoding) return null;
  const sample = bytes.subarray(0, Math.min(bytes.length, 256 * 1024));
  return mostlyPrintable(decodeText(sample, encoding).text) ? encoding : null;
}

export function detectFormat(bytes: Uint8Array, fileName = ''): Detected {
  if (bytes.length === 0) return { format: 'unsupported', reason: 'empty' };
  // %PDF may follow a few bytes of junk; readers accept it within the first kilobyte. But a text file that merely
  // mentions "%PDF-" (a note about file formats) is text: junk before the header counts only when the file is not text.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const pdfAt = head.search(/%PDF-\d/);
  if (pdfAt >= 0 && (/^[\s\ufeff\u00ef\u00bb\u00bf]*$/.test(head.slice(0, pdfAt)) || textEncoding(bytes) === null))
    return { format: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipNames(bytes);
    if (names.includes('word/')) return { format: 'docx' };
    if (names.includes('xl/')) return { format: 'xlsx' };
    return { format: 'unsupported', reason: 'zip-unknown' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { format: 'xls' };
  const encoding = textEncoding(bytes);
  if (encoding) {
    const start = decodeText(bytes.subarray(0, 1024), encoding).text;
    if (/^\s*(<!doctype html|<html)/i.test(start)) return { format: 'html', encoding };
    return { format: /\.(md|markdown)$/i.test(fileName) ? 'markdown' : 'text', encoding };
  }
  return { format: 'unsupported', reason: 'binary' };
}
