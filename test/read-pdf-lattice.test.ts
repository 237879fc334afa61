import { describe, expect, it } from 'vitest';
import { findFrames } from '../src/read/pdf/lattice.ts';
import type { Segment } from '../src/read/pdf/ruling-lines.ts';
import { mergeSegments } from '../src/read/pdf/ruling-lines.ts';

// The grid rebuilt from rules, on drawings shaped like the corpus's tables (real-document behaviour is
// tested in read-pdf.test.ts): merged header cells, cell-by-cell border pieces, open sides, stray rules.

const h = (at: number, from: number, to: number): Segment => ({ dir: 'h', at, from, to });
const v = (at: number, from: number, to: number): Segment => ({ dir: 'v', at, from, to });

describe('lattice frames', () => {
  it('finds a merged header cell where the wall between two columns is missing', () => {
    // Columns at x 100 | 200 | 300 | 400, rows at y 50 | 70 | 90 | 110; no wall at x=300 in the top row.
    const hs = [h(50, 100, 400), h(70, 100, 400), h(90, 100, 400), h(110, 100, 400)];
    const vs = [v(100, 50, 110), v(200, 50, 110), v(300, 70, 110), v(400, 50, 110)];
    const [frame] = findFrames(hs, vs);
    expect(frame.xs).toEqual([100, 200, 300, 400]);
    expect(frame.ys).toEqual([50, 70, 90, 110]);
    const top = frame.cells.filter((c) => c.row === 0);
    expect(top.map((c) => [c.col, c.colSpan, c.rowSpan])).toEqual([
      [0, 1, 1],
      [1, 2, 1],
    ]);
    expect(frame.owner[0][2]).toBe(frame.owner[0][1]);
  });

  it('finds a row-merged cell where the rule under it stops short', () => {
    // The first column's cell spans rows 1–2: the rule at y=90 starts only at x=200.
    const hs = [h(50, 100, 300), h(70, 100, 300), h(90, 200, 300), h(110, 100, 300)];
    const vs = [v(100, 50, 110), v(200, 50, 110), v(300, 50, 110)];
    const [frame] = findFrames(hs, vs);
    const merged = frame.cells.find((c) => c.row === 1 && c.col === 0)!;
    expect(merged.rowSpan).toBe(2);
    expect(frame.owner[2][0]).toBe(frame.owner[1][0]);
    expect(frame.owner[2][1]).not.toBe(frame.owner[1][1]);
  });

  it('joins cell-by-cell border pieces into one rule and keeps separate rules apart', () => {
    const pieces = [h(50, 100, 150), h(50.4, 150.5, 200), h(50, 201, 260), h(80, 100, 260), h(50, 300, 340)];
    const merged = mergeSegments(pieces, 'h');
    expect(merged.map((s) => [Math.round(s.at), s.from, s.to])).toEqual([
      [50, 100, 260],
      [50, 300, 340],
      [80, 100, 260],
    ]);
  });

  it('gives an open-sided table (no outer verticals) its extent as the outer columns', () => {
    const hs = [h(50, 100, 400), h(70, 100, 400), h(90, 100, 400)];
    const vs = [v(250, 50, 90)];
    const [frame] = findFrames(hs, vs);
    expect(frame.xs).toEqual([100, 250, 400]);
    expect(frame.cells).toHaveLength(4);
  });

  it('ignores underlines and a lone box: no frame of a single cell', () => {
    expect(findFrames([h(50, 100, 300)], [])).toEqual([]);
    expect(findFrames([h(50, 100, 300), h(80, 100, 300)], [v(100, 50, 80), v(300, 50, 80)])).toEqual([]);
  });
});
