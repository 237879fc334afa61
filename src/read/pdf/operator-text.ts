import type { Matrix } from './geometry.ts';
import { IDENTITY, multiply } from './geometry.ts';
import type { TextRun } from './text-runs.ts';
import { toTextRun } from './text-runs.ts';

// Text runs straight from pdf.js's operator list, which the reader needs anyway for the ruling lines:
// interpreting the text operators (font, text matrix, spacing, glyph advances) the way pdf.js's own canvas
// renderer does gives each glyph's position, so the page is parsed once instead of twice (getTextContent
// parses the content stream again). Pages this does not cover (Type3 or vertical fonts) return null and
// are read with getTextContent.

export interface TextOpCodes {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  beginText: number;
  setFont: number;
  setTextMatrix: number;
  moveText: number;
  setLeadingMoveText: number;
  nextLine: number;
  setLeading: number;
  setCharSpacing: number;
  setWordSpacing: number;
  setHScale: number;
  setTextRise: number;
  showText: number;
  showSpacedText: number;
  beginAnnotation: number;
  endAnnotation: number;
}

/** What the interpreter needs of a pdf.js font object. */
export interface FontMetrics {
  fontMatrix?: number[];
  vertical?: boolean;
  isType3Font?: boolean;
}

interface Glyph {
  unicode: string;
  width: number;
  isSpace: boolean;
}

interface TextState {
  ctm: Matrix;
  font: FontMetrics | null;
  fontSize: number;
  fontDirection: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  textMatrix: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
}

/** A gap wider than this many font sizes inside one text-showing operation starts a new run. */
const RUN_GAP = 0.3;

/**
 * `normalize` maps glyph text the way pdf.js's getTextContent does (compatibility forms); it is passed in
 * so this module does not load pdf.js itself.
 */
export function operatorTextRuns(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: TextOpCodes,
  view: Matrix,
  fontOf: (name: string) => FontMetrics | null,
  normalize: (s: string) => string,
): TextRun[] | null {
  const runs: TextRun[] = [];
  const stack: TextState[] = [];
  let s: TextState = {
    ctm: IDENTITY,
    font: null,
    fontSize: 0,
    fontDirection: 1,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
    textMatrix: IDENTITY,
    x: 0,
    y: 0,
    lineX: 0,
    lineY: 0,
  };
  let inAnnotation = 0;
  const moveText = (x: number, y: number) => {
    s.x = s.lineX += x;
    s.y = s.lineY += y;
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case ops.save:
        stack.push({ ...s });
        break;
      case ops.restore:
        s = stack.pop() ?? s;
        break;
      case ops.transform:
        s.ctm = multiply(s.ctm, args as unknown as Matrix);
        break;
      case ops.paintFormXObjectBegin: {
        stack.push({ ...s });
        const matrix = args?.[0] as Matrix | null | undefined;
        if (matrix && matrix.length === 6) s.ctm = multiply(s.ctm, matrix);
        break;
      }
      case ops.paintFormXObjectEnd:
        s = stack.pop() ?? s;
        break;
      case ops.beginAnnotation:
        inAnnotation++;
        break;
      case ops.endAnnotation:
        inAnnotation = Math.max(0, inAnnotation - 1);
        break;
      case ops.beginText:
        s.textMatrix = IDENTITY;
        s.x = s.lineX = 0;
        s.y = s.lineY = 0;
        break;
      case ops.setFont: {
        const font = fontOf(args?.[0] as string);
        if (font && (font.isType3Font || font.vertical)) return null;
        s.font = font;
        const size = Number(args?.[1]) || 0;
        s.fontDirection = size < 0 ? -1 : 1;
        s.fontSize = Math.abs(size);
        break;
      }
      case ops.setTextMatrix: {
        const m = (args?.[0] ?? args) as ArrayLike<number>;
        s.textMatrix = [m[0], m[1], m[2], m[3], m[4], m[5]];
        s.x = s.lineX = 0;
        s.y = s.lineY = 0;
        break;
      }
      case ops.moveText:
        moveText(Number(args?.[0]) || 0, Number(args?.[1]) || 0);
        break;
      case ops.setLeadingMoveText:
        s.leading = Number(args?.[1]) || 0;
        moveText(Number(args?.[0]) || 0, Number(args?.[1]) || 0);
        break;
      case ops.nextLine:
        moveText(0, s.leading);
        break;
      case ops.setLeading:
        s.leading = -(Number(args?.[0]) || 0);
        break;
      case ops.setCharSpacing:
        s.charSpacing = Number(args?.[0]) || 0;
        break;
      case ops.setWordSpacing:
        s.wordSpacing = Number(args?.[0]) || 0;
        break;
      case ops.setHScale:
        s.hScale = (Number(args?.[0]) || 100) / 100;
        break;
      case ops.setTextRise:
        s.rise = Number(args?.[0]) || 0;
        break;
      case ops.showText:
      case ops.showSpacedText:
        if (!inAnnotation) showText(s, args?.[0] as (Glyph | number)[], view, runs, normalize);
        break;
    }
  }
  return runs;
}

function showText(
  s: TextState,
  glyphs: (Glyph | number)[] | undefined,
  view: Matrix,
  out: TextRun[],
  normalize: (t: string) => string,
) {
  if (!glyphs || !s.font || s.fontSize === 0) return;
  const fontSize = s.fontSize;
  const advanceScale = fontSize * (s.font.fontMatrix?.[0] ?? 0.001);
  const hScale = s.hScale * s.fontDirection;
  // Text space → user space for this operation: CTM × text matrix.
  const tm = multiply(s.ctm, s.textMatrix);
  const sx = Math.hypot(tm[0], tm[1]);
  const sy = Math.hypot(tm[2], tm[3]);
  let x = 0;
  let text = '';
  let start = 0;
  let end = 0;
  const flush = () => {
    if (text.trim() !== '') {
      const item = {
        str: normalize(text),
        transform: [...multiply(tm, [fontSize * hScale, 0, 0, fontSize, s.x + start * hScale, s.y + s.rise])],
        width: Math.abs((end - start) * hScale) * sx,
        height: fontSize * sy,
      };
      const run = toTextRun(item, view);
      if (run) out.push(run);
    }
    text = '';
  };
  for (const g of glyphs) {
    if (typeof g === 'number') {
      x -= (g * fontSize) / 1000;
      continue;
    }
    const width = g.width * advanceScale;
    const advance = width + ((g.isSpace ? s.wordSpacing : 0) + s.charSpacing) * s.fontDirection;
    // A run starts at its first visible glyph, so that its box is where its text is.
    if (text === '' && g.unicode.trim() === '') {
      x += advance;
      continue;
    }
    if (text !== '' && (x - end > RUN_GAP * fontSize || x - end < -0.5 * fontSize)) flush();
    if (text === '') start = x;
    text += g.unicode;
    if (g.unicode.trim() !== '') end = x + width;
    x += advance;
  }
  flush();
  s.x += x * hScale;
}
