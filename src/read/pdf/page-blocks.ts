import type { Block, GridBlock, LineBlock } from '../../model/layout.ts';
import type { Box } from './geometry.ts';
import { centerX, centerY, roundBox } from './geometry.ts';
import type { TableFrame } from './lattice.ts';
import { tidyGrid } from './grid-tidy.ts';
import { latticeGrid } from './lattice-grid.ts';
import type { Chunk } from './stream-table.ts';
import { findStreamTables, isMetadataLine, streamGrid } from './stream-table.ts';
import type { TextRun } from './text-runs.ts';
import type { VisualLine } from './visual-lines.ts';
import { groupLines, lineText } from './visual-lines.ts';

// One page's runs and ruled frames → blocks in reading order (top to bottom): ruled tables, stream
// tables, and text lines, with paragraph lines that wrap at the right margin joined back together.

export interface PageInput {
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
  frames: TableFrame[];
}

interface Placed {
  top: number;
  block: Block;
  /** For line blocks: geometry used to join wrapped paragraph lines. */
  line?: { box: Box; size: number };
  /**
   * For the second and later pieces of a metadata line split apart (“部门：…办   单位：万元”): its first piece, which
   * a wrapped name continues on the next line, and where this piece begins.
   */
  after?: { first: Placed; x: number };
}

const PAGE_NUMBER =
  /^([-—–－·\s]*\d(\s?\d){0,3}[-—–－·\s]*|第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;
const SENTENCE_END = /[。．.！!？?；;：:]$/;
// Lines that start something new: list markers, notes, table and section titles.
const STARTS_NEW =
  /^(（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|\d+[.、．](?!\d)|第[一二三四五六七八九十]+部分|注[:：]|附件|[（(]?[1-9]\d?[)）])/;

function inside(box: Box, run: TextRun): boolean {
  const x = centerX(run.box);
  const y = centerY(run.box);
  return x >= box[0] - 1 && x <= box[2] + 1 && y >= box[1] - 1 && y <= box[3] + 1;
}

export function pageBlocks(input: PageInput): Block[] {
  const { page } = input;
  const place = (box: Box) => ({ kind: 'pdf' as const, page, box: roundBox(box) });
  const placed: Placed[] = [];
  let free = input.runs.filter((r) => !r.diagonal);
  for (const frame of input.frames) {
    const mine = free.filter((r) => inside(frame.box, r));
    if (mine.length === 0) continue; // a decorative box or an empty frame
    free = free.filter((r) => !inside(frame.box, r));
    placed.push({ top: frame.box[1], block: latticeGrid(frame, mine, page) });
  }
  const lines = groupLines(free).filter((l) => !isPageNumber(l, input.height));
  type Flow = { kind: 'line'; line: VisualLine; chunks: Chunk[] } | { kind: 'grid'; grid: GridBlock };
  const flow = findStreamTables(lines).flatMap((item): Flow[] => {
    if (item.kind === 'line') return [item];
    const grid = streamGrid(item.lines, page);
    // Chunks that all line up in one band are no table: the lines stand as lines.
    if ((grid.rows[0]?.cells.length ?? 0) < 2) return item.lines.map((l) => ({ kind: 'line' as const, ...l }));
    return [{ kind: 'grid' as const, grid }];
  });
  for (const item of flow) {
    if (item.kind === 'grid') {
      placed.push({ top: item.grid.place.kind === 'pdf' ? item.grid.place.box[1] : 0, block: item.grid });
      continue;
    }
    let first: Placed | undefined;
    for (const piece of metadataPieces(item.line, item.chunks)) {
      const text = lineText(piece.runs);
      if (!text) continue;
      const block: LineBlock = { type: 'line', text, place: place(piece.box) };
      const p: Placed = { top: piece.box[1], block, line: { box: piece.box, size: item.line.size } };
      if (first) p.after = { first, x: piece.box[0] };
      else first = p;
      placed.push(p);
    }
  }
  placed.sort((a, b) => a.top - b.top);
  return joinParagraphs(placed.flatMap(expandGrid));
}

/** A ruled grid after clean-up: title, unit and note rows inside the rules come out as lines around it. */
function expandGrid(p: Placed): Placed[] {
  if (p.block.type !== 'grid') return [p];
  return tidyGrid(p.block).map((block) => ({ top: p.top, block }));
}

/** A line "部门：XXX    单位：万元" is split into its parts so that the unit stands as its own line. */
function metadataPieces(line: VisualLine, chunks: Chunk[]): { runs: TextRun[]; box: Box }[] {
  if (chunks.length > 1 && isMetadataLine(chunks)) return chunks.map((c) => ({ runs: c.runs, box: c.box }));
  return [{ runs: line.runs, box: line.box }];
}

function isPageNumber(line: VisualLine, pageHeight: number): boolean {
  const margin = pageHeight * 0.1;
  const nearEdge = line.box[1] < margin || line.box[3] > pageHeight - margin;
  return nearEdge && PAGE_NUMBER.test(lineText(line.runs));
}

/**
 * Joins a paragraph's lines: a line that runs to the right margin, does not end a sentence, and is
 * followed closely by a line of the same size starting at the left margin continues on that line.
 */
function joinParagraphs(placed: Placed[]): Block[] {
  const lineItems = placed.filter((p) => p.line);
  if (lineItems.length === 0) return placed.map((p) => p.block);
  const right = Math.max(...lineItems.map((p) => p.line!.box[2]));
  const left = Math.min(...lineItems.map((p) => p.line!.box[0]));
  const out: Block[] = [];
  const at = new Map<Placed, number>();
  let prev: Placed | null = null;
  for (const item of placed) {
    // After the right-hand piece of a split metadata line, the next line continues its first piece when it lies
    // under that piece (江苏 2017 收入预算总表 p2: “部门：中国共产党江苏省委员会办” / “公厅” with “单位：万元” to the right),
    // and nothing else: the unit is not a paragraph that wraps.
    if (prev?.after && item.line && item.block.type === 'line') {
      const head = prev.after.first;
      const a = head.line!;
      const b = item.line;
      const i = at.get(head);
      if (
        i !== undefined &&
        head.block.type === 'line' &&
        Math.abs(a.size - b.size) <= 0.1 * Math.max(a.size, b.size) &&
        Math.abs(b.box[0] - a.box[0]) <= 0.6 * b.size &&
        b.box[2] < prev.after.x &&
        b.box[1] - a.box[3] <= 1.4 * a.size &&
        !SENTENCE_END.test(head.block.text) &&
        !STARTS_NEW.test(item.block.text)
      ) {
        const merged: Box = [Math.min(a.box[0], b.box[0]), a.box[1], Math.max(a.box[2], b.box[2]), b.box[3]];
        head.block = {
          ...head.block,
          text: head.block.text + item.block.text,
          place: placeOf(head.block.place, merged),
        };
        out[i] = head.block;
        continue;
      }
      out.push(item.block);
      at.set(item, out.length - 1);
      prev = item;
      continue;
    }
    if (prev?.line && item.line && prev.block.type === 'line' && item.block.type === 'line') {
      const a = prev.line;
      const b = item.line;
      const sameSize = Math.abs(a.size - b.size) <= 0.1 * Math.max(a.size, b.size);
      const reachesRight = a.box[2] >= right - 1.5 * a.size;
      const startsLeft = b.box[0] <= left + 0.6 * b.size;
      const close = b.box[1] - a.box[3] <= 1.4 * a.size;
      if (
        sameSize &&
        reachesRight &&
        startsLeft &&
        close &&
        !SENTENCE_END.test(prev.block.text) &&
        !STARTS_NEW.test(item.block.text)
      ) {
        const merged: Box = [Math.min(a.box[0], b.box[0]), a.box[1], Math.max(a.box[2], b.box[2]), b.box[3]];
        const joint =
          /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]$/.test(prev.block.text) ||
          /^[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(item.block.text)
            ? ''
            : ' ';
        prev.block = {
          ...prev.block,
          text: prev.block.text + joint + item.block.text,
          place: placeOf(prev.block.place, merged),
        };
        prev.line = { box: merged, size: a.size };
        out[out.length - 1] = prev.block;
        continue;
      }
    }
    out.push(item.block);
    at.set(item, out.length - 1);
    prev = item;
  }
  return out;
}

function placeOf(p: LineBlock['place'], box: Box): LineBlock['place'] {
  return p.kind === 'pdf' ? { ...p, box: roundBox(box) } : p;
}
