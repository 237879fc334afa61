import type { Box } from './geometry.ts';
import type { Segment } from './ruling-lines.ts';

// Tables drawn with rules (lattice): connected horizontal and vertical rules form a frame; the distinct
// rule positions are the grid lines; a missing wall between two neighbouring grid cells means they are
// one merged cell (colSpan/rowSpan), as in two-level headers such as 本年支出 → 基本支出 | 项目支出.

export interface FrameCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface TableFrame {
  box: Box;
  /** Column boundaries, ascending (columns = xs.length − 1). */
  xs: number[];
  /** Row boundaries, ascending (rows = ys.length − 1). */
  ys: number[];
  cells: FrameCell[];
  /** owner[r][c] = index in `cells` of the (possibly merged) cell covering grid position (r, c). */
  owner: number[][];
}

const TOUCH = 2.5; // how far apart a horizontal and a vertical rule may be and still meet
const SAME_LINE = 2; // rule positions closer than this are one grid line
const MAX_RULE_PAIRS = 4_000_000;

function intersects(h: Segment, v: Segment): boolean {
  return v.at >= h.from - TOUCH && v.at <= h.to + TOUCH && h.at >= v.from - TOUCH && h.at <= v.to + TOUCH;
}

function clusterPositions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const g = out[out.length - 1];
    if (g && v - g[g.length - 1] <= SAME_LINE) g.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/** Whether rules of `dir` at position `at` cover the span [from, to] (most of it: rules may stop short). */
function walled(rules: Segment[], at: number, from: number, to: number): boolean {
  const need = (to - from) * 0.6;
  let covered = 0;
  for (const r of rules) {
    if (Math.abs(r.at - at) > SAME_LINE) continue;
    const lo = Math.max(r.from, from);
    const hi = Math.min(r.to, to);
    if (hi > lo) covered += hi - lo;
  }
  return covered >= need;
}

/** Groups rules into connected frames and rebuilds each frame's grid. Frames of a single cell are dropped. */
export function findFrames(hRules: Segment[], vRules: Segment[]): TableFrame[] {
  // Pages of vector drawings (charts, maps, scanned-then-vectorised stamps) can hold tens of thousands of
  // short strokes; pairing them all would stall the reader, and no table is drawn that way.
  if (hRules.length * vRules.length > MAX_RULE_PAIRS) return [];
  // Union-find over rules: index i < hRules.length is horizontal, the rest vertical.
  const n = hRules.length + vRules.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (let i = 0; i < hRules.length; i++) {
    for (let j = 0; j < vRules.length; j++) {
      if (intersects(hRules[i], vRules[j])) parent[find(i)] = find(hRules.length + j);
    }
  }
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let g = groups.get(root);
    if (!g) {
      g = { h: [], v: [] };
      groups.set(root, g);
    }
    if (i < hRules.length) g.h.push(hRules[i]);
    else g.v.push(vRules[i - hRules.length]);
  }
  const frames: TableFrame[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 1 || g.v.length < 1) continue;
    const frame = buildFrame(g.h, g.v);
    if (frame) frames.push(frame);
  }
  return frames.sort((a, b) => a.box[1] - b.box[1]);
}

function buildFrame(h: Segment[], v: Segment[]): TableFrame | null {
  const left = Math.min(...h.map((s) => s.from), ...v.map((s) => s.at));
  const right = Math.max(...h.map((s) => s.to), ...v.map((s) => s.at));
  const top = Math.min(...v.map((s) => s.from), ...h.map((s) => s.at));
  const bottom = Math.max(...v.map((s) => s.to), ...h.map((s) => s.at));
  // Open-sided tables (no outer verticals, or no top/bottom rule) still have their extent as a boundary.
  const xs = clusterPositions([...v.map((s) => s.at), left, right]);
  const ys = clusterPositions([...h.map((s) => s.at), top, bottom]);
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 1 || cols < 1 || rows * cols < 2) return null;
  const isOuterX = (k: number) => k === 0 || k === cols;
  const isOuterY = (k: number) => k === 0 || k === rows;
  // wallRight[r][c]: a vertical rule separates (r,c) from (r,c+1); wallBelow[r][c]: (r,c) from (r+1,c).
  const wallRight = (r: number, c: number) => isOuterX(c + 1) || walled(v, xs[c + 1], ys[r], ys[r + 1]);
  const wallBelow = (r: number, c: number) => isOuterY(r + 1) || walled(h, ys[r + 1], xs[c], xs[c + 1]);
  const owner: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(-1));
  const cells: FrameCell[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (owner[r][c] !== -1) continue;
      let colSpan = 1;
      while (c + colSpan < cols && owner[r][c + colSpan] === -1 && !wallRight(r, c + colSpan - 1)) colSpan++;
      let rowSpan = 1;
      for (;;) {
        if (r + rowSpan >= rows) break;
        let open = true;
        for (let k = c; k < c + colSpan; k++) {
          if (wallBelow(r + rowSpan - 1, k) || owner[r + rowSpan][k] !== -1) {
            open = false;
            break;
          }
        }
        if (!open) break;
        rowSpan++;
      }
      const index = cells.length;
      cells.push({ row: r, col: c, rowSpan, colSpan });
      for (let rr = r; rr < r + rowSpan; rr++) for (let cc = c; cc < c + colSpan; cc++) owner[rr][cc] = index;
    }
  }
  return { box: [xs[0], ys[0], xs[cols], ys[rows]], xs, ys, cells, owner };
}

/** Index of the band [edges[k], edges[k+1]) containing v, or -1 outside. */
export function bandOf(edges: readonly number[], v: number): number {
  if (v < edges[0] || v > edges[edges.length - 1]) return -1;
  for (let k = 0; k < edges.length - 1; k++) if (v <= edges[k + 1]) return k;
  return edges.length - 2;
}
