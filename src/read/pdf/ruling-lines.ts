import type { Matrix } from './geometry.ts';
import { IDENTITY, apply, multiply } from './geometry.ts';

// Ruling lines of a page, from pdf.js's operator list. Tables in disclosures are drawn either as stroked
// lines (cell borders, often one short segment per cell edge) or as thin filled rectangles (Excel and WPS
// exports); both become axis-aligned segments in display coordinates. Large fills (cell shading, page
// backgrounds) and curves are not rules and are ignored.

export interface Segment {
  /** 'h': horizontal (y fixed, x0..x1); 'v': vertical (x fixed, y0..y1). */
  dir: 'h' | 'v';
  /** The fixed coordinate. */
  at: number;
  from: number;
  to: number;
}

/** The numeric operator codes this module reads (pdf.js `OPS`, passed in so the module stays pure). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  beginAnnotation: number;
  endAnnotation: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

// pdf.js DrawOPS: the path buffer of constructPath is a flat list of these codes followed by coordinates.
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUAD_TO = 3;
const CLOSE = 4;

/** A filled rectangle thinner than this (points) is a rule drawn as a fill. */
const THIN_FILL = 2.5;
/** Slope tolerance: a stroke whose ends differ by less than this across its direction is axis-aligned. */
const AXIS_TOLERANCE = 0.8;
const MIN_LENGTH = 1;

type Point = [number, number];
interface SubPath {
  points: Point[];
  closed: boolean;
  curved: boolean;
}

function readSubPaths(buffer: ArrayLike<number>, m: Matrix): SubPath[] {
  const out: SubPath[] = [];
  let current: SubPath | null = null;
  for (let i = 0; i < buffer.length; ) {
    const op = buffer[i++];
    if (op === MOVE_TO) {
      current = { points: [apply(m, buffer[i], buffer[i + 1])], closed: false, curved: false };
      out.push(current);
      i += 2;
    } else if (op === LINE_TO) {
      const p = apply(m, buffer[i], buffer[i + 1]);
      if (current) current.points.push(p);
      i += 2;
    } else if (op === CURVE_TO) {
      if (current) current.curved = true;
      i += 6;
    } else if (op === QUAD_TO) {
      if (current) current.curved = true;
      i += 4;
    } else if (op === CLOSE) {
      if (current) current.closed = true;
    } else {
      break; // unknown code: the rest of the buffer cannot be decoded safely
    }
  }
  return out;
}

function segmentBetween(a: Point, b: Point): Segment | null {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= AXIS_TOLERANCE && dx >= MIN_LENGTH) {
    return { dir: 'h', at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) };
  }
  if (dx <= AXIS_TOLERANCE && dy >= MIN_LENGTH) {
    return { dir: 'v', at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) };
  }
  return null;
}

function strokedSegments(path: SubPath, out: Segment[]) {
  const pts = path.points;
  for (let k = 1; k < pts.length; k++) {
    const s = segmentBetween(pts[k - 1], pts[k]);
    if (s) out.push(s);
  }
  if (path.closed && pts.length > 2) {
    const s = segmentBetween(pts[pts.length - 1], pts[0]);
    if (s) out.push(s);
  }
}

function filledRule(path: SubPath, out: Segment[]) {
  if (path.curved || path.points.length < 2) return;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of path.points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  // Any straight-edged shape whose box is thin is a rule: Word draws table borders as thin polygons with
  // bevelled ends, spreadsheet exports as thin rectangles. Large fills (shading, backgrounds) are not.
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= THIN_FILL && w >= MIN_LENGTH && w > h) out.push({ dir: 'h', at: (y0 + y1) / 2, from: x0, to: x1 });
  else if (w <= THIN_FILL && h >= MIN_LENGTH && h > w) out.push({ dir: 'v', at: (x0 + x1) / 2, from: y0, to: y1 });
}

/**
 * Collects the ruling segments of one page. `view` maps PDF user space to display space (the page
 * viewport's transform); the current transformation matrix is tracked through save/restore, `cm` and
 * form XObjects, since pdf.js passes path coordinates in the user space in force when the path was built.
 */
export function rulingSegments(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: OpCodes,
  view: Matrix,
): Segment[] {
  const out: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let inAnnotation = 0;
  const strokeOps = new Set([ops.stroke, ops.closeStroke]);
  const fillOps = new Set([ops.fill, ops.eoFill]);
  const bothOps = new Set([ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) {
      stack.push(ctm);
    } else if (fn === ops.restore) {
      ctm = stack.pop() ?? IDENTITY;
    } else if (fn === ops.transform) {
      ctm = multiply(ctm, args as unknown as Matrix);
    } else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args?.[0] as Matrix | null | undefined;
      if (matrix && matrix.length === 6) ctm = multiply(ctm, matrix);
    } else if (fn === ops.paintFormXObjectEnd) {
      ctm = stack.pop() ?? IDENTITY;
    } else if (fn === ops.beginAnnotation) {
      inAnnotation++;
    } else if (fn === ops.endAnnotation) {
      inAnnotation = Math.max(0, inAnnotation - 1);
    } else if (fn === ops.constructPath && !inAnnotation) {
      const paintOp = args?.[0] as number;
      const buffer = (args?.[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
      if (!buffer) continue;
      const stroke = strokeOps.has(paintOp);
      const fill = fillOps.has(paintOp);
      const both = bothOps.has(paintOp);
      if (!stroke && !fill && !both) continue; // endPath (clipping) draws nothing
      const paths = readSubPaths(buffer, multiply(view, ctm));
      for (const p of paths) {
        if (stroke || both) strokedSegments(p, out);
        else filledRule(p, out);
      }
    }
  }
  return out;
}

/**
 * Joins segments that lie on one line and touch or nearly touch (cell-by-cell borders) into long rules.
 * Returns horizontal and vertical rules sorted by position.
 */
export function mergeSegments(segments: readonly Segment[], dir: 'h' | 'v', tolerance = 1.2, gap = 2.5): Segment[] {
  const same = segments.filter((s) => s.dir === dir).sort((a, b) => a.at - b.at || a.from - b.from);
  // Group by position first (rules drawn twice, or as a thin box with two edges, fall in one group).
  const groups: Segment[][] = [];
  for (const s of same) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(s.at - g[0].at) <= tolerance) g.push(s);
    else groups.push([s]);
  }
  const out: Segment[] = [];
  for (const g of groups) {
    const at = g.reduce((sum, s) => sum + s.at, 0) / g.length;
    g.sort((a, b) => a.from - b.from);
    let cur: Segment | null = null;
    for (const s of g) {
      if (cur && s.from <= cur.to + gap) cur.to = Math.max(cur.to, s.to);
      else {
        cur = { dir, at, from: s.from, to: s.to };
        out.push(cur);
      }
    }
  }
  return out;
}
