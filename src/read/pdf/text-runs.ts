import type { Box, Matrix } from './geometry.ts';
import { apply, boundingBox } from './geometry.ts';

// pdf.js text items → runs with a box in display coordinates. A run is what the producer drew with one
// text-showing operation (usually one cell's text or one line fragment); cells and lines are built from runs.

export interface TextRun {
  text: string;
  box: Box;
  /** Font size in points on the displayed page (the run's height). */
  size: number;
  /** Whether the text flows left-to-right on the displayed page (false for rotated or vertical text). */
  horizontal: boolean;
  /** Text at a slant (watermarks, stamps): not part of the page's reading flow. */
  diagonal?: boolean;
}

/** The subset of pdf.js's TextItem this reader uses. */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

// Below the baseline glyphs reach about a fifth of the font size (descenders, the bottom of CJK glyphs).
const DESCENT = 0.2;

export function toTextRun(item: PdfTextItem, view: Matrix): TextRun | null {
  const text = item.str.replace(/\s+/g, ' ');
  if (text.trim() === '') return null;
  const [a, b, c, d, e, f] = item.transform;
  const ux = Math.hypot(a, b) || 1;
  const vy = Math.hypot(c, d) || 1;
  const u: [number, number] = [a / ux, b / ux];
  const v: [number, number] = [c / vy, d / vy];
  // pdf.js reports a zero height for some Type3 fonts; the scale of the up vector is the font size then.
  const h = item.height > 0 ? item.height : vy;
  const w = item.width;
  const corner = (s: number, t: number) => apply(view, e + u[0] * s + v[0] * t, f + u[1] * s + v[1] * t);
  const box = boundingBox([
    corner(0, -DESCENT * h),
    corner(w, -DESCENT * h),
    corner(0, h * (1 - DESCENT)),
    corner(w, h * (1 - DESCENT)),
  ]);
  const [dx, dy] = [view[0] * u[0] + view[2] * u[1], view[1] * u[0] + view[3] * u[1]];
  const angle = Math.abs((Math.atan2(dy, dx) * 180) / Math.PI) % 90;
  const run: TextRun = { text, box, size: h, horizontal: Math.abs(dx) >= Math.abs(dy) && dx > 0 };
  if (angle > 5 && angle < 85) run.diagonal = true;
  return run;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Whether a character is full-width (CJK ideographs and punctuation): such text joins without spaces. */
export function isWide(ch: string): boolean {
  return CJK.test(ch);
}

/**
 * Splits a run into per-character pieces with estimated boxes, for runs the producer drew across several
 * table cells at once. Widths are estimated from character class (full-width = 1 em, others = ½ em),
 * scaled so the pieces fill the run exactly.
 */
export function splitRunByCharacter(run: TextRun): TextRun[] {
  const chars = [...run.text];
  const weights = chars.map((ch) => (isWide(ch) ? 2 : 1));
  const total = weights.reduce((s, w) => s + w, 0);
  const [x0, y0, x1, y1] = run.box;
  const out: TextRun[] = [];
  let at = x0;
  chars.forEach((ch, i) => {
    const w = ((x1 - x0) * weights[i]) / total;
    out.push({ text: ch, box: [at, y0, at + w, y1], size: run.size, horizontal: run.horizontal });
    at += w;
  });
  return out;
}

/**
 * Kangxi radicals (⼀ ⼈ ⼊ …) and CJK radical supplements are drawn by some Chinese fonts in place of the
 * ideographs they look like; NFKC maps them to the ideographs ("⼀" → "一"), so titles and names match.
 */
export function normalizeKangxi(text: string): string {
  return /[⺀-⿟]/.test(text) ? text.replace(/[⺀-⿟]/g, (ch) => ch.normalize('NFKC')) : text;
}

/** Runs that show at least partly on the page: text drawn off the page (overflowing cells) is not on it. */
export function onPage(runs: TextRun[], width: number, height: number): TextRun[] {
  return runs.filter((r) => r.box[2] > 0 && r.box[0] < width && r.box[3] > 0 && r.box[1] < height);
}

/**
 * Runs drawn more than once at the same place (producers that fake bold type by drawing the same text several times
 * over, 西安 2022 商务局 p36: “序号” and “表1” six times at one position) are one run: kept once, so that headers and
 * titles read “序号”, not “序号序号序号序号序号序号”.
 */
export function withoutOverprints(runs: TextRun[]): TextRun[] {
  const seen = new Set<string>();
  return runs.filter((r) => {
    const k = `${r.text}|${r.box.map((v) => Math.round(v * 2)).join(',')}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
