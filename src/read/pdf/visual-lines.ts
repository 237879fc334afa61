import type { Box } from './geometry.ts';
import { unionBox } from './geometry.ts';
import type { TextRun } from './text-runs.ts';
import { isWide } from './text-runs.ts';

// Runs → visual lines (runs sharing a baseline band, left to right) and the text of a group of runs.

export interface VisualLine {
  runs: TextRun[];
  box: Box;
  size: number;
}

/** Groups runs whose vertical extents overlap by at least half the smaller one into lines, top to bottom. */
export function groupLines(runs: readonly TextRun[]): VisualLine[] {
  const sorted = [...runs].sort((a, b) => a.box[1] + a.box[3] - (b.box[1] + b.box[3]));
  const lines: VisualLine[] = [];
  for (const run of sorted) {
    const h = run.box[3] - run.box[1];
    let target: VisualLine | null = null;
    // Only the last few lines can overlap a run that comes later in top-to-bottom order.
    for (let k = lines.length - 1; k >= 0 && k >= lines.length - 3; k--) {
      const line = lines[k];
      const overlap = Math.min(line.box[3], run.box[3]) - Math.max(line.box[1], run.box[1]);
      const lh = line.box[3] - line.box[1];
      if (overlap >= 0.5 * Math.min(h, lh)) {
        target = line;
        break;
      }
    }
    if (target) {
      target.runs.push(run);
      // The band stays that of the line's first run so that a tall neighbour cannot swallow the next line.
      target.size = Math.max(target.size, run.size);
    } else {
      lines.push({ runs: [run], box: run.box, size: run.size });
    }
  }
  for (const line of lines) {
    line.runs.sort((a, b) => a.box[0] - b.box[0]);
    line.box = line.runs.map((r) => r.box).reduce(unionBox);
  }
  return lines.sort((a, b) => a.box[1] - b.box[1]);
}

/** Whether two pieces of text placed side by side need a space between them. */
function needsSpace(left: string, right: string): boolean {
  const a = left[left.length - 1];
  const b = right[0];
  if (a === undefined || b === undefined || a === ' ' || b === ' ') return false;
  return !isWide(a) && !isWide(b);
}

/**
 * Text of one line: runs left to right; a visible gap between two non-CJK runs becomes one space, while
 * touching runs (a number drawn in two pieces, "1,234" + ".56") and CJK text join without space.
 */
export function lineText(runs: readonly TextRun[]): string {
  let text = '';
  let prev: TextRun | null = null;
  for (const run of runs) {
    if (prev) {
      const gap = run.box[0] - prev.box[2];
      if (gap > 0.25 * Math.min(prev.size, run.size) && needsSpace(text, run.text)) text += ' ';
    }
    text += run.text;
    prev = run;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Text of a wrapped block (a table cell): its lines joined by nothing next to CJK text and inside a number
 * or code broken over two lines ("21,118.5" / "1", "21015" / "01"), else by one space.
 */
export function blockText(runs: readonly TextRun[]): string {
  let text = '';
  for (const line of groupLines(runs)) {
    const t = lineText(line.runs);
    if (!t) continue;
    const numberGoesOn = /[\d,.]$/.test(text) && /^[\d,.]/.test(t);
    text = text && needsSpace(text, t) && !numberGoesOn ? `${text} ${t}` : text + t;
  }
  return text;
}
