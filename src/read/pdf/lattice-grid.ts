import type { GridBlock, GridCell, GridRow } from '../../model/layout.ts';
import type { Box } from './geometry.ts';
import { centerX, centerY, roundBox } from './geometry.ts';
import type { TableFrame } from './lattice.ts';
import { bandOf } from './lattice.ts';
import type { TextRun } from './text-runs.ts';
import { splitRunByCharacter } from './text-runs.ts';
import { blockText, groupLines, lineText } from './visual-lines.ts';

// A ruled frame plus the runs inside it → one grid block. Each visual row becomes a GridRow with one
// GridCell per grid column; a merged cell carries its text and spans at its top-left position and the
// positions it covers are kept as empty cells, so every row lines up with the header.

const AMOUNT = /^[-+]?[\d,，]*\.?\d+%?$/;

/** Places each run in the frame's grid, splitting runs that the producer drew across a vertical rule. */
function distribute(frame: TableFrame, runs: readonly TextRun[]): TextRun[][][] {
  const rows = frame.ys.length - 1;
  const cols = frame.xs.length - 1;
  const slots: TextRun[][][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => []));
  const place = (run: TextRun) => {
    const r = bandOf(frame.ys, centerY(run.box));
    const c = bandOf(frame.xs, centerX(run.box));
    if (r >= 0 && c >= 0) slots[r][c].push(run);
  };
  for (const run of runs) {
    const r = bandOf(frame.ys, centerY(run.box));
    const c0 = bandOf(frame.xs, run.box[0] + 1.5);
    const c1 = bandOf(frame.xs, run.box[2] - 1.5);
    if (r >= 0 && c0 >= 0 && c1 > c0 && frame.owner[r][c0] !== frame.owner[r][c1] && run.horizontal) {
      // A run crossing a rule into another cell: when it holds several words ("1668.14 0.00", several cells
      // drawn at once) each word goes where it stands; a single word is text overflowing its cell (a long
      // name) and stays in the cell where it starts.
      // A single word is a caption wider than its cell: it belongs to the cell it is aligned in. Left-aligned text
      // starts at its cell's left rule; right-aligned or centred text overflows leftwards out of a later cell (西安
      // 2019 收支总表: "部门预算支出经济分类科目（按大类）" ends at its column's right rule, starting inside the 预算数
      // column before it).
      const words = splitRunIntoWords(run);
      if (words.length > 1) for (const word of words) place(word);
      else slots[r][alignedIn(frame.xs, run.box, c0, c1)].push(run);
    } else {
      place(run);
    }
  }
  return slots;
}

/** Points between a rule and text aligned against it. */
const ALIGN_GAP = 4;

/** The column a run crossing rules from column c0 to c1 is aligned in: its start's unless it is aligned in a later one. */
function alignedIn(xs: readonly number[], box: Box, c0: number, c1: number): number {
  if (box[0] - xs[c0] <= ALIGN_GAP) return c0;
  if (Math.abs(xs[c1 + 1] - box[2]) <= ALIGN_GAP) return c1;
  const mid = centerX(box);
  const c = bandOf(xs, mid);
  if (c > c0 && Math.abs(mid - (xs[c] + xs[c + 1]) / 2) <= (xs[c + 1] - xs[c]) / 10) return c;
  return c0;
}

/** The space-separated words of a run, each with its estimated box. */
function splitRunIntoWords(run: TextRun): TextRun[] {
  if (!/\S\s+\S/.test(run.text)) return [run];
  const words: TextRun[] = [];
  let current: TextRun | null = null;
  for (const piece of splitRunByCharacter(run)) {
    if (piece.text.trim() === '') {
      current = null;
      continue;
    }
    if (current) {
      current.text += piece.text;
      current.box = [current.box[0], current.box[1], piece.box[2], current.box[3]];
    } else {
      current = { ...piece, box: [...piece.box] };
      words.push(current);
    }
  }
  return words;
}

/**
 * A ruled row sometimes holds several table rows (tables ruled only between columns, or with rules every
 * few rows). When columns of the row show two or more amount lines, the row is cut between them; other
 * text (a wrapped name) goes to the sub-row nearest to it.
 */
function subRowBands(frame: TableFrame, slots: TextRun[][][], r: number): number[] {
  const top = frame.ys[r];
  const bottom = frame.ys[r + 1];
  let best: number[] = [];
  let columns = 0;
  for (let c = 0; c < slots[r].length; c++) {
    const cell = frame.cells[frame.owner[r][c]];
    if (cell.rowSpan !== 1 || cell.colSpan !== 1) continue;
    const lines = groupLines(slots[r][c]);
    if (lines.length < 2 || !lines.every((l) => AMOUNT.test(lineText(l.runs).replace(/\s/g, '')))) continue;
    columns++;
    if (lines.length > best.length) best = lines.map((l) => centerY(l.box));
  }
  // Two columns at least: one cell alone with two number lines is a number wrapped in a narrow cell
  // ("21,118.5" / "1"), not two rows.
  if (best.length < 2 || columns < 2) return [top, bottom];
  const edges = [top];
  for (let k = 1; k < best.length; k++) edges.push((best[k - 1] + best[k]) / 2);
  edges.push(bottom);
  return edges;
}

export function latticeGrid(frame: TableFrame, runs: readonly TextRun[], page: number): GridBlock {
  const slots = distribute(frame, runs);
  const rows: GridRow[] = [];
  const cols = frame.xs.length - 1;
  const place = (box: Box) => ({ kind: 'pdf' as const, page, box: roundBox(box) });
  for (let r = 0; r < frame.ys.length - 1; r++) {
    const bands = subRowBands(frame, slots, r);
    for (let s = 0; s < bands.length - 1; s++) {
      const split = bands.length > 2;
      const inBand = (run: TextRun) => {
        const y = centerY(run.box);
        return (s === 0 || y >= bands[s]) && (s === bands.length - 2 || y < bands[s + 1]);
      };
      const cells: GridCell[] = [];
      for (let c = 0; c < cols; c++) {
        const index = frame.owner[r][c];
        const fc = frame.cells[index];
        const isOrigin = fc.row === r && fc.col === c && (s === 0 || fc.rowSpan === 1);
        if (!isOrigin) {
          const box: Box = [frame.xs[c], bands[s], frame.xs[c + 1], bands[s + 1]];
          cells.push({ text: '', place: place(box) });
          continue;
        }
        // A merged cell's text is gathered from every grid position it covers.
        const parts: TextRun[] = [];
        for (let rr = fc.row; rr < fc.row + fc.rowSpan; rr++) {
          for (let cc = fc.col; cc < fc.col + fc.colSpan; cc++) parts.push(...slots[rr][cc]);
        }
        const mine = split && fc.rowSpan === 1 ? parts.filter(inBand) : parts;
        const box: Box = split
          ? [frame.xs[c], bands[s], frame.xs[c + fc.colSpan], bands[s + 1]]
          : [frame.xs[c], frame.ys[fc.row], frame.xs[c + fc.colSpan], frame.ys[fc.row + fc.rowSpan]];
        const cell: GridCell = { text: blockText(mine), place: place(box) };
        if (fc.colSpan > 1) cell.colSpan = fc.colSpan;
        if (fc.rowSpan > 1 && !split) cell.rowSpan = fc.rowSpan;
        cells.push(cell);
      }
      const spanned = frame.owner[r].some((i) => frame.cells[i].rowSpan > 1);
      // Rows with no text (spacer rows, double rules) carry nothing, unless a merged cell reaches into them.
      if (spanned || cells.some((cell) => cell.text !== '')) {
        rows.push({ cells, place: place([frame.xs[0], bands[s], frame.xs[cols], bands[s + 1]]) });
      }
    }
  }
  return { type: 'grid', rows, place: place(frame.box) };
}
