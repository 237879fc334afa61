import type { Layout } from '../model/layout.ts';
import { detectFormat } from './detect.ts';
import { InputError } from './errors.ts';
import { decodeText } from './text/decode-text.ts';
import { checkTextBytes, readText } from './text/read-text.ts';

// One entry point for every input format. Format readers for binary formats are loaded on first use so
// that reading a text file never pays for pdf.js or exceljs.

export interface ReadLayoutOptions {
  /** Time limit of a reader that has one (PDF, default 120 s), in seconds. */
  timeoutSeconds?: number;
}

export async function readLayout(bytes: Uint8Array, fileName = '', options: ReadLayoutOptions = {}): Promise<Layout> {
  const detected = detectFormat(bytes, fileName);
  switch (detected.format) {
    case 'text':
    case 'markdown':
      checkTextBytes(bytes.length);
      return readText(decodeText(bytes, detected.encoding).text, { format: detected.format });
    case 'html': {
      checkTextBytes(bytes.length);
      const { readHtml } = await import('./html/read-html.ts');
      return readHtml(decodeText(bytes, detected.encoding).text);
    }
    case 'pdf': {
      const { readPdf } = await import('./pdf/read-pdf.ts');
      return readPdf(bytes, { timeoutSeconds: options.timeoutSeconds });
    }
    case 'xlsx':
    case 'xls': {
      const { readWorkbook } = await import('./xlsx/read-xlsx.ts');
      return readWorkbook(bytes, detected.format);
    }
    case 'docx': {
      const { readDocx } = await import('./docx/read-docx.ts');
      return readDocx(bytes);
    }
    case 'unsupported':
      if (detected.reason === 'empty')
        throw new InputError('empty', '文件是空的（0 字节）。', 'The file is empty (0 bytes).');
      throw new InputError(
        'unsupported-format',
        '无法识别的文件格式：支持 PDF、Excel（xlsx/xls）、Word（docx）、文本和 Markdown。',
        'Unsupported file format: Caijian reads PDF, Excel (xlsx/xls), Word (docx), text and Markdown.',
      );
  }
}
