// What a page without text draws, from pdf.js's operator list: a page that draws no text, no image and no curve
// is blank, or an empty table grid (straight rules only) — review.md: "an extra blank or empty-table page after
// the table of contents". A page drawing an image is a scan or a chart (its content could not be read); one
// drawing curves is most likely text turned into outlines. Both stay "no text layer", never "blank".

/** The numeric operator codes this module reads (pdf.js `OPS`, passed in so the module stays pure). */
export interface MarkOpCodes {
  constructPath: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
  paintImageXObjectRepeat: number;
  paintImageMaskXObjectRepeat: number;
  paintInlineImageXObjectGroup: number;
  paintImageMaskXObjectGroup: number;
  paintSolidColorImageMask: number;
  endPath: number;
}

// pdf.js DrawOPS codes inside a constructPath buffer (as in ruling-lines.ts).
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUAD_TO = 3;
const CLOSE = 4;

function imageOps(ops: MarkOpCodes): Set<number> {
  return new Set(
    [
      ops.paintImageXObject,
      ops.paintInlineImageXObject,
      ops.paintImageMaskXObject,
      ops.paintImageXObjectRepeat,
      ops.paintImageMaskXObjectRepeat,
      ops.paintInlineImageXObjectGroup,
      ops.paintImageMaskXObjectGroup,
      ops.paintSolidColorImageMask,
    ].filter((op) => typeof op === 'number'),
  );
}

/** Does the page paint an image? On a list read with maxImageSize 1 only one-pixel images and masks are left in. */
export function paintsImage(fnArray: ArrayLike<number>, ops: MarkOpCodes): boolean {
  const images = imageOps(ops);
  for (let i = 0; i < fnArray.length; i++) if (images.has(fnArray[i])) return true;
  return false;
}

/** Does a painted (not clipping-only) path of the page contain a curve? An undecodable path buffer counts as one. */
export function drawsCurves(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: MarkOpCodes): boolean {
  for (let i = 0; i < fnArray.length; i++) {
    if (fnArray[i] !== ops.constructPath) continue;
    const args = argsArray[i] as unknown[] | null;
    if (args?.[0] === ops.endPath) continue; // a clip draws nothing
    const buffer = (args?.[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
    if (!buffer) continue;
    for (let k = 0; k < buffer.length; ) {
      const op = buffer[k++];
      if (op === MOVE_TO || op === LINE_TO) k += 2;
      else if (op === CURVE_TO || op === QUAD_TO) return true;
      else if (op !== CLOSE) return true;
    }
  }
  return false;
}
