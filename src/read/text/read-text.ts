import type { Block, GridRow, Layout, ReadWarning } from '../../model/layout.ts';
import type { TextPlace } from '../../model/place.ts';
import { formatBytes, limitExceeded } from '../errors.ts';

// Reader for text extracted from disclosures (the seed form) and for Markdown. Table rows are lines with
// tab-separated cells, or Markdown rows "| a | b |"; consecutive rows form one grid block. Blank lines and
// form feeds become breaks: a table may continue after them, which recognition decides, not this reader.

const MARKDOWN_ROW = /^\s*\|.*\|\s*$/;
const MARKDOWN_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const ILLEGIBLE = /^\s*\[(illegible|无法识别|图片)\]\s*$/i;
const BULLET = /^(\s*)[-*•·]\s+(.*)$/;
const MD_HEADING = /^(#{1,6})\s+(.*)$/;

function place(line: number, column: number, endColumn?: number): TextPlace {
  return endColumn === undefined ? { kind: 'text', line, column } : { kind: 'text', line, column, endColumn };
}

function splitTabRow(text: string, lineNo: number): GridRow {
  const cells = [];
  let offset = 0;
  for (const part of text.split('\t')) {
    cells.push({ text: part.trim(), place: place(lineNo, offset + 1, offset + part.length + 1) });
    offset += part.length + 1;
  }
  return { cells, place: place(lineNo, 1, text.length + 1) };
}

function splitMarkdownRow(text: string, lineNo: number): GridRow {
  const start = text.indexOf('|');
  const end = text.lastIndexOf('|');
  const inner = text.slice(start + 1, end);
  const cells = [];
  let offset = start + 1;
  // "\|" is an escaped bar inside a cell.
  for (const part of inner.split(/(?<!\\)\|/)) {
    cells.push({ text: part.replace(/\\\|/g, '|').trim(), place: place(lineNo, offset + 1, offset + part.length + 1) });
    offset += part.length + 1;
  }
  return { cells, place: place(lineNo, 1, text.length + 1) };
}

export interface TextReadOptions {
  format?: 'text' | 'markdown';
}

/**
 * Bounds on a text input, measured before any line or cell is built. The seeds are 15–60 KB with lines under
 * 700 characters; a whole 300-page disclosure extracted to text is a few MB. Far above those, a file is not a
 * disclosure (a log, a data dump) or is made to exhaust memory: 50 MB of tab-separated text is 10^7 cells.
 */
export const TEXT_LIMITS = {
  /** Bytes of a text, Markdown or HTML file before decoding. */
  maxBytes: 32 * 1024 * 1024,
  /** Characters of the decoded text. */
  maxChars: 16 * 1024 * 1024,
  /** Characters of one line (a paragraph is one line in the seed form). */
  maxLineChars: 1024 * 1024,
  /** Table cells (tab-separated or Markdown fields) of the whole text. */
  maxCells: 1_000_000,
};

/** Throws the 'text-bytes' refusal when a text file is larger than the readers accept. */
export function checkTextBytes(bytes: number): void {
  if (bytes > TEXT_LIMITS.maxBytes) {
    throw limitExceeded(
      'text-bytes',
      { zh: `文本文件有 ${formatBytes(bytes)}`, en: `the text file is ${formatBytes(bytes)}` },
      { zh: formatBytes(TEXT_LIMITS.maxBytes), en: formatBytes(TEXT_LIMITS.maxBytes) },
    );
  }
}

/** One pass over the text: its length, its longest line and its cell separators, before anything is split. */
function checkTextShape(text: string): void {
  if (text.length > TEXT_LIMITS.maxChars) {
    throw limitExceeded(
      'text-bytes',
      { zh: `文本有 ${text.length} 个字符`, en: `the text has ${text.length} characters` },
      { zh: `${TEXT_LIMITS.maxChars} 个字符`, en: `${TEXT_LIMITS.maxChars} characters` },
    );
  }
  let lineStart = 0;
  let line = 1;
  let separators = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 9 || c === 124 /* | */) separators++;
    else if (c === 10 || c === 13) {
      if (i - lineStart > TEXT_LIMITS.maxLineChars) {
        throw limitExceeded(
          'text-line-length',
          { zh: `第 ${line} 行有 ${i - lineStart} 个字符`, en: `line ${line} has ${i - lineStart} characters` },
          { zh: `每行 ${TEXT_LIMITS.maxLineChars} 个字符`, en: `${TEXT_LIMITS.maxLineChars} characters per line` },
        );
      }
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      lineStart = i + 1;
      line++;
    }
  }
  if (separators > TEXT_LIMITS.maxCells) {
    throw limitExceeded(
      'text-cells',
      {
        zh: `文本中有 ${separators} 个表格分隔符（制表符或“|”）`,
        en: `the text holds ${separators} table separators (tabs or "|")`,
      },
      { zh: `${TEXT_LIMITS.maxCells} 个单元格`, en: `${TEXT_LIMITS.maxCells} cells` },
    );
  }
}

export function readText(input: string, options: TextReadOptions = {}): Layout {
  const warnings: ReadWarning[] = [];
  const blocks: Block[] = [];
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  checkTextShape(text);
  const lines = text.split(/\r\n|\r|\n/);
  let grid: { rows: GridRow[]; start: number } | null = null;

  const flush = () => {
    if (grid) blocks.push({ type: 'grid', rows: grid.rows, place: place(grid.start, 1) });
    grid = null;
  };

  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    // A form feed marks a page end (pdftotext output); the rest of the line is content.
    let line = raw;
    while (line.includes('\f')) {
      const at = line.indexOf('\f');
      const before = line.slice(0, at);
      if (before.trim()) handle(before, lineNo);
      flush();
      blocks.push({ type: 'break', kind: 'page', place: place(lineNo, at + 1) });
      line = line.slice(at + 1);
    }
    handle(line, lineNo);
  });
  flush();

  function handle(line: string, lineNo: number) {
    if (line.includes('\t')) {
      const row = splitTabRow(line, lineNo);
      if (row.cells.some((c) => c.text !== '')) {
        grid ??= { rows: [], start: lineNo };
        grid.rows.push(row);
        return;
      }
    } else if (MARKDOWN_ROW.test(line)) {
      if (MARKDOWN_RULE.test(line)) return;
      grid ??= { rows: [], start: lineNo };
      grid.rows.push(splitMarkdownRow(line, lineNo));
      return;
    }
    flush();
    const trimmed = line.trim();
    if (trimmed === '') {
      const last = blocks[blocks.length - 1];
      if (last?.type !== 'break') blocks.push({ type: 'break', kind: 'blank', place: place(lineNo, 1) });
      return;
    }
    if (ILLEGIBLE.test(trimmed)) {
      blocks.push({ type: 'illegible', place: place(lineNo, 1), reason: trimmed });
      return;
    }
    const column = line.length - line.trimStart().length + 1;
    const h = MD_HEADING.exec(trimmed);
    if (h) {
      blocks.push({ type: 'line', text: h[2].trim(), heading: h[1].length, place: place(lineNo, column) });
      return;
    }
    const b = BULLET.exec(line);
    if (b?.[2].trim()) {
      blocks.push({ type: 'line', text: b[2].trim(), bullet: true, place: place(lineNo, b[1].length + 3) });
      return;
    }
    blocks.push({ type: 'line', text: trimmed, place: place(lineNo, column) });
  }

  if (!blocks.some((b) => b.type !== 'break')) {
    warnings.push({
      code: 'empty-input',
      message: '输入中没有任何文字内容。',
      messageEn: 'The input contains no text.',
    });
  }
  return { format: options.format ?? 'text', imageOnlyPages: [], blocks, warnings };
}
