import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../src/read/pdf/geometry.ts';
import { openDocument } from '../src/read/pdf/open-document.ts';
import type { FontMetrics, TextOpCodes } from '../src/read/pdf/operator-text.ts';
import { operatorTextRuns } from '../src/read/pdf/operator-text.ts';
import type { PdfTextItem } from '../src/read/pdf/text-runs.ts';
import { normalizeKangxi, onPage, toTextRun } from '../src/read/pdf/text-runs.ts';

// The reader takes text from pdf.js's operator list (one parse per page) instead of getTextContent. On real
// pages both must give the same characters, and the runs must sit where pdf.js puts the text.

const dir = join(import.meta.dirname, 'fixtures', 'pdf');

async function comparePages(file: string, pages: number[]) {
  const opened = await openDocument(new Uint8Array(readFileSync(join(dir, file))), Date.now() + 60_000, 60);
  try {
    const { doc, pdfjs } = opened;
    const normalize = (t: string) => normalizeKangxi(pdfjs.normalizeUnicode(t));
    for (const n of pages) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const view = viewport.transform as unknown as Matrix;
      const list = await page.getOperatorList({ annotationMode: 0 });
      const fontOf = (name: string) => (page.commonObjs.has(name) ? (page.commonObjs.get(name) as FontMetrics) : null);
      const runs = operatorTextRuns(
        list.fnArray,
        list.argsArray,
        pdfjs.OPS as unknown as TextOpCodes,
        view,
        fontOf,
        normalize,
      );
      expect(runs, `page ${n} needs the fallback`).not.toBeNull();
      const mine = onPage(runs!, viewport.width, viewport.height);
      const content = await page.getTextContent();
      const reference = content.items
        .flatMap((i) => ('str' in i ? [i as PdfTextItem] : []))
        .map((i) => toTextRun({ ...i, str: normalize(i.str) }, view))
        .filter((r) => r !== null);
      const chars = (texts: string[]) => [...texts.join('').replace(/\s/g, '')].sort().join('');
      expect(chars(mine.map((r) => r.text)), `page ${n}`).toBe(chars(reference.map((r) => r!.text)));
      // Every reference run's first character is drawn by some run of ours at the same place (±1.5 pt).
      for (const ref of reference) {
        const first = ref!.text.trim()[0];
        const near = mine.some(
          (r) =>
            r.text.includes(first) &&
            r.box[1] - 1.5 <= ref!.box[1] &&
            r.box[3] + 1.5 >= ref!.box[3] &&
            r.box[0] - 1.5 <= ref!.box[0] &&
            r.box[2] + 1.5 >= ref!.box[0],
        );
        expect(near, `page ${n}: "${ref!.text}" at ${ref!.box.map((v) => v.toFixed(1))}`).toBe(true);
      }
    }
  } finally {
    await opened.close();
  }
}

describe('text from the operator list', () => {
  it('matches pdf.js getTextContent on ruled table pages and narrative pages', async () => {
    await comparePages('foshan-final-2019.pdf', [4, 5, 8]);
  });

  it('matches on pages rotated 90°', async () => {
    await comparePages('jiangsu-rotated-2018.pdf', [3, 4]);
  });

  it('matches on a spreadsheet export with condensed fonts', async () => {
    await comparePages('beijing-audit-tables-2026.pdf', [1, 3]);
  });
});
