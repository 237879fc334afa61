import { createInflate } from 'node:zlib';
import { formatBytes, limitExceeded } from '../errors.ts';

// pdf.js inflates every Flate stream it parses into one buffer and builds the page's operator list from it
// without any bound, inside its parser thread: a 2 MB file whose content stream inflates to 1 GiB takes the
// process down before any time limit can act. So before pdf.js sees the bytes, every Flate stream in the file
// is inflated here once, counting bytes in small chunks (nothing is kept), and the file is refused when one
// stream or all of them together expand past a bound. Streams cannot sit inside object streams, so scanning
// the raw file for "stream … endstream" finds every one, whatever the xref says.
//
// Measured on the 149 corpus PDFs: the largest non-image stream inflates to 3.5 MB, the largest total to
// 46 MB (549 streams). The bounds below are about ten times that.

export interface PdfStreamLimits {
  /** Inflated bytes of one stream (a page's content, a font, an object stream, an image). */
  maxStreamBytes: number;
  /** Inflated bytes of all streams of the file together. */
  maxTotalBytes: number;
}

export const DEFAULT_PDF_STREAM_LIMITS: PdfStreamLimits = {
  maxStreamBytes: 48 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
};

interface StreamSpan {
  start: number;
  end: number;
  /** Number of Flate filters applied in a row (a stream may be deflated twice: a bomb of a bomb). */
  flateLayers: number;
}

const STREAM_KEYWORD = />>\s*stream(?:\r\n|\n|\r)/g;
const FLATE = /^\/(?:FlateDecode|Fl)\b/;

/** The filter names of a stream dictionary, in order ("/Filter /FlateDecode" or "/Filter [/FlateDecode /DCTDecode]"). */
function filters(dict: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict);
  if (!m) return [];
  return m[1].match(/\/[A-Za-z0-9]+/g) ?? [];
}

/** The bytes between "stream" and "endstream": by the direct /Length when it is right, else up to "endstream". */
function streamEnd(text: string, dict: string, start: number): number {
  const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
  if (length) {
    const end = start + Number(length[1]);
    if (end <= text.length && /^\s*endstream/.test(text.slice(end, end + 32))) return end;
  }
  const found = text.indexOf('endstream', start);
  return found < 0 ? text.length : found;
}

function streamSpans(text: string): StreamSpan[] {
  const spans: StreamSpan[] = [];
  STREAM_KEYWORD.lastIndex = 0;
  for (let m = STREAM_KEYWORD.exec(text); m; m = STREAM_KEYWORD.exec(text)) {
    const start = m.index + m[0].length;
    // The dictionary opens after the "obj" keyword; 64 KB back is far more than any real stream dictionary.
    const from = Math.max(0, m.index - 65536);
    const objAt = text.lastIndexOf(' obj', m.index);
    const dict = text.slice(Math.max(from, objAt), m.index + 2);
    const end = streamEnd(text, dict, start);
    let flateLayers = 0;
    for (const f of filters(dict)) {
      if (!FLATE.test(f)) break;
      flateLayers++;
    }
    if (flateLayers > 0) spans.push({ start, end, flateLayers });
    STREAM_KEYWORD.lastIndex = Math.max(STREAM_KEYWORD.lastIndex, end);
  }
  return spans;
}

class Overflow extends Error {}

/**
 * Inflates `data` through `layers` Flate decoders, counting what comes out of the last one, and stops as soon as
 * `budget` is passed. A damaged stream counts what it gave before the damage (pdf.js reads that much too).
 */
function inflatedSize(data: Uint8Array, layers: number, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const stages = Array.from({ length: layers }, () => createInflate({ finishFlush: 2 /* Z_SYNC_FLUSH */ }));
    let count = 0;
    let settled = false;
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      for (const s of stages) s.destroy();
      if (error) reject(error);
      else resolve(count);
    };
    for (let i = 0; i < stages.length; i++) {
      const next = stages[i + 1];
      // A damaged inner layer ends the count where it is, like a damaged outer one.
      stages[i].on('error', () => (next ? next.end() : finish(null)));
      if (next) {
        stages[i].on('data', (chunk: Buffer) => {
          if (!next.write(chunk)) {
            stages[i].pause();
            next.once('drain', () => stages[i].resume());
          }
        });
        stages[i].on('end', () => next.end());
      }
    }
    const last = stages[stages.length - 1];
    last.on('data', (chunk: Buffer) => {
      count += chunk.length;
      if (count > budget) finish(new Overflow());
    });
    last.on('end', () => finish(null));
    stages[0].end(data);
  });
}

/** Refuses a PDF whose Flate streams expand past the limits, before pdf.js allocates them. */
export async function checkPdfStreams(
  bytes: Uint8Array,
  limits: PdfStreamLimits = DEFAULT_PDF_STREAM_LIMITS,
): Promise<void> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let total = 0;
  for (const span of streamSpans(text)) {
    const budget = Math.min(limits.maxStreamBytes, limits.maxTotalBytes - total);
    let size: number;
    try {
      size = await inflatedSize(bytes.subarray(span.start, span.end), span.flateLayers, budget);
    } catch (e) {
      if (!(e instanceof Overflow)) throw e;
      if (budget === limits.maxStreamBytes) {
        throw limitExceeded(
          'pdf-stream-bytes',
          {
            zh: `第 ${span.start} 字节处的数据流解压后超过 ${formatBytes(budget)}`,
            en: `the data stream at byte ${span.start} inflates past ${formatBytes(budget)}`,
          },
          {
            zh: `每个数据流 ${formatBytes(limits.maxStreamBytes)}`,
            en: `${formatBytes(limits.maxStreamBytes)} per stream`,
          },
        );
      }
      throw limitExceeded(
        'pdf-inflated-bytes',
        {
          zh: `全部数据流解压后超过 ${formatBytes(limits.maxTotalBytes)}`,
          en: `all data streams together inflate past ${formatBytes(limits.maxTotalBytes)}`,
        },
        { zh: `整个文件 ${formatBytes(limits.maxTotalBytes)}`, en: `${formatBytes(limits.maxTotalBytes)} per file` },
      );
    }
    total += size;
  }
}
