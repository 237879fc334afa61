// Plane geometry shared by the PDF reader. Everything downstream of the page readers works in display
// coordinates: PDF points, origin at the top-left of the page as shown (rotation applied), y growing down.

/** Affine matrix [a, b, c, d, e, f] as PDF writes it: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [number, number, number, number, number, number];

/** [x0, y0, x1, y1] with x0 ≤ x1 and y0 ≤ y1. */
export type Box = [number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 applied after m2 (PDF's `m2 × m1` order): the result maps a point through m2 first. */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The axis-aligned box around the given points. */
export function boundingBox(points: readonly (readonly [number, number])[]): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of points) {
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

export function unionBox(a: Box, b: Box): Box {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** Rounds a box to 0.01 pt so that places are stable in snapshots and small in JSON. */
export function roundBox(b: Box): Box {
  return [round2(b[0]), round2(b[1]), round2(b[2]), round2(b[3])];
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

export function centerX(b: Box): number {
  return (b[0] + b[2]) / 2;
}

export function centerY(b: Box): number {
  return (b[1] + b[3]) / 2;
}
