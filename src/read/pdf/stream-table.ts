import type { GridBlock, GridCell, GridRow } from '../../model/layout.ts';
import type { Box } from './geometry.ts';
import { roundBox, unionBox } from './geometry.ts';
import type { TextRun } from './text-runs.ts';
import type { VisualLine } from './visual-lines.ts';
import { lineText } from './visual-lines.ts';

// Tables drawn without rules (stream): consecutive lines made of several well-separated chunks form a
// table; its columns are the x-bands that the chunks of the fullest rows occupy, so every row's chunks
// land in the column they line up with.

export interface Chunk {
  runs: TextRun[];
  box: Box;
  text: string;
}

/** A gap wider than this many font sizes separates two cells of a row; narrower gaps are word spaces. */
const CELL_GAP = 1.5;
const NUMBER_GAP = 0.5;
const AMOUNT = /^[-+]?[\d,，]*\.?\d+%?$/;
const UNIT = /^(金额)?单位[:：]/;

export function chunksOf(line: VisualLine): Chunk[] {
  const chunks: Chunk[] = [];
  let cur: TextRun[] = [];
  for (const run of line.runs) {
    const prev = cur[cur.length - 1];
    const gap = prev ? run.box[0] - prev.box[2] : 0;
    const size = prev ? Math.min(prev.size, run.size) : 0;
    // Amounts sit close to their neighbours in dense tables ("55,527.63 5,140.59"): half a font size apart
    // is already a cell boundary when either side is a number.
    if (
      prev &&
      (gap > CELL_GAP * size || (gap > NUMBER_GAP * size && (AMOUNT.test(prev.text) || AMOUNT.test(run.text))))
    ) {
      chunks.push(makeChunk(cur));
      cur = [];
    }
    cur.push(run);
  }
  if (cur.length) chunks.push(makeChunk(cur));
  return chunks;
}

function makeChunk(runs: TextRun[]): Chunk {
  return { runs, box: runs.map((r) => r.box).reduce(unionBox), text: lineText(runs) };
}

/** Whether a line of chunks is metadata beside a table ("部门：…  单位：万元") rather than a table row. */
export function isMetadataLine(chunks: Chunk[]): boolean {
  return chunks.length <= 3 && chunks.some((c) => UNIT.test(c.text));
}

const LIST_MARKER =
  /^([（(]?[\d一二三四五六七八九十]{1,3}[.、．)）]|[（(][\d一二三四五六七八九十]{1,3}[)）]|[•·●■◆▪-])$/;

/** A numbered or bulleted line whose marker stands apart from its text ("1.      2026年…预算总表"). */
function isListItem(chunks: Chunk[]): boolean {
  return chunks.length === 2 && LIST_MARKER.test(chunks[0].text);
}

const SENTENCE_PUNCTUATION = /[，。；！？]/;
const UNIT_SUFFIX = /^(万元|亿元|元|%|％|个|人|辆|次|项|家|台|套)/;

/**
 * A justified narrative line: wide spacing around the numbers of a sentence ("收入预算总计   21,955.35   万元，
 * 其中") is not a table row. Sentence punctuation in a long line, or a chunk that starts with the unit of the
 * number before it, gives prose away.
 */
function isProse(chunks: Chunk[]): boolean {
  const text = chunks.map((c) => c.text).join('');
  if (SENTENCE_PUNCTUATION.test(text) && text.length > 15) return true;
  return chunks.slice(1).some((c) => UNIT_SUFFIX.test(c.text));
}

/**
 * The document's own headings, letter-spaced or with the part's title set apart (“目    录”, “第一部分  2025年部门
 * 预算说明”, 长沙 公安局 2025 p2): their wide gaps make them look like rows of two cells, and two of them one above
 * the other became a table that swallowed the 目录's title. A heading is never a table row.
 */
function isDocumentHeading(chunks: Chunk[]): boolean {
  const text = chunks
    .map((c) => c.text)
    .join('')
    .replace(/\s+/g, '');
  return /^目录$/.test(text) || /^第[一二三四五六七八九十]{1,3}部分/.test(text);
}

export type FlowItem =
  | { kind: 'line'; line: VisualLine; chunks: Chunk[] }
  | { kind: 'table'; lines: { line: VisualLine; chunks: Chunk[] }[] };

/** Splits a page's free lines into plain lines and stream tables, in order. */
export function findStreamTables(lines: readonly VisualLine[]): FlowItem[] {
  const rows = lines.map((line) => {
    const chunks = chunksOf(line);
    return {
      line,
      chunks,
      candidate:
        chunks.length >= 2 &&
        !isMetadataLine(chunks) &&
        !isListItem(chunks) &&
        !isProse(chunks) &&
        !isDocumentHeading(chunks),
    };
  });
  const out: FlowItem[] = [];
  let i = 0;
  while (i < rows.length) {
    if (!rows[i].candidate) {
      out.push({ kind: 'line', line: rows[i].line, chunks: rows[i].chunks });
      i++;
      continue;
    }
    // Extend the table over candidate rows, and over single-chunk rows (wrapped names, a lone code)
    // that sit close between two candidate rows.
    let j = i + 1;
    let last = i;
    while (j < rows.length) {
      const gap = rows[j].line.box[1] - rows[j - 1].line.box[3];
      if (gap > 2 * rows[j].line.size) break;
      if (rows[j].candidate) last = j;
      else if (
        !(
          j + 1 < rows.length &&
          rows[j + 1].candidate &&
          rows[j].chunks.length === 1 &&
          !isMetadataLine(rows[j].chunks)
        )
      )
        break;
      j++;
    }
    const members = rows.slice(i, last + 1);
    if (members.filter((r) => r.candidate).length >= 2) {
      out.push({ kind: 'table', lines: members });
    } else {
      for (const r of members) out.push({ kind: 'line', line: r.line, chunks: r.chunks });
    }
    i = last + 1;
  }
  return out;
}

/** Column bands from the chunks of the fullest rows: overlapping x-intervals merge into one band. */
function columnBands(rows: { chunks: Chunk[] }[]): [number, number][] {
  const max = Math.max(...rows.map((r) => r.chunks.length));
  const full = rows.filter((r) => r.chunks.length >= Math.max(2, Math.ceil(max * 0.6)));
  const intervals = full
    .flatMap((r) => r.chunks.map((c) => [c.box[0], c.box[2]] as [number, number]))
    .sort((a, b) => a[0] - b[0]);
  const bands: [number, number][] = [];
  for (const iv of intervals) {
    const b = bands[bands.length - 1];
    if (b && iv[0] <= b[1] + 1) b[1] = Math.max(b[1], iv[1]);
    else bands.push([iv[0], iv[1]]);
  }
  return bands;
}

function bandFor(bands: [number, number][], box: Box): number {
  let best = 0;
  let bestScore = -Infinity;
  bands.forEach(([x0, x1], k) => {
    const overlap = Math.min(x1, box[2]) - Math.max(x0, box[0]);
    const distance = overlap > 0 ? overlap : -Math.min(Math.abs(box[0] - x1), Math.abs(x0 - box[2]));
    if (distance > bestScore) {
      bestScore = distance;
      best = k;
    }
  });
  return best;
}

export function streamGrid(lines: { line: VisualLine; chunks: Chunk[] }[], page: number): GridBlock {
  const bands = columnBands(lines);
  const place = (box: Box) => ({ kind: 'pdf' as const, page, box: roundBox(box) });
  const rows: GridRow[] = lines.map(({ line, chunks }) => {
    const parts: Chunk[][] = bands.map(() => []);
    for (const chunk of chunks) parts[bandFor(bands, chunk.box)].push(chunk);
    const cells: GridCell[] = parts.map((ps, k) => {
      if (ps.length === 0) return { text: '', place: place([bands[k][0], line.box[1], bands[k][1], line.box[3]]) };
      const box = ps.map((p) => p.box).reduce(unionBox);
      return { text: ps.map((p) => p.text).join(' '), place: place(box) };
    });
    return { cells, place: place(line.box) };
  });
  const box = lines.map((l) => l.line.box).reduce(unionBox);
  return { type: 'grid', rows, place: place(box) };
}
