// Cross-check of the two ways the PDF reader gets text: its operator-list interpreter (the normal path)
// against pdf.js getTextContent (the fallback), page by page over the corpus. Reports pages whose
// non-space characters differ, so a gap in the interpreter shows up as data, not as silently lost text.
//
//   node bench/pdf-text-check.ts [--limit N]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Matrix } from '../src/read/pdf/geometry.ts';
import { openDocument } from '../src/read/pdf/open-document.ts';
import type { FontMetrics, TextOpCodes } from '../src/read/pdf/operator-text.ts';
import { operatorTextRuns } from '../src/read/pdf/operator-text.ts';
import type { PdfTextItem } from '../src/read/pdf/text-runs.ts';
import { normalizeKangxi, onPage, toTextRun } from '../src/read/pdf/text-runs.ts';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus');
const args = process.argv.slice(2);
const limit = args.includes('--limit') ? Number(args[args.indexOf('--limit') + 1]) : Infinity;
const files = readFileSync(join(corpus, 'sources.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((r) => r.split('\t')[0])
  .filter((f) => f.endsWith('.pdf'))
  .slice(0, limit);

const chars = (s: string) => [...s.replace(/\s/g, '')].sort().join('');
let pages = 0;
let same = 0;
let fallback = 0;
let missing = 0;
let extra = 0;
for (const f of files) {
  const opened = await openDocument(new Uint8Array(readFileSync(join(corpus, f))), Date.now() + 120_000, 120);
  const { doc, pdfjs } = opened;
  const normalize = (t: string) => normalizeKangxi(pdfjs.normalizeUnicode(t));
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const view = viewport.transform as unknown as Matrix;
    const list = await page.getOperatorList({ annotationMode: 0 });
    const fontOf = (name: string) => (page.commonObjs.has(name) ? (page.commonObjs.get(name) as FontMetrics) : null);
    const all = operatorTextRuns(
      list.fnArray,
      list.argsArray,
      pdfjs.OPS as unknown as TextOpCodes,
      view,
      fontOf,
      normalize,
    );
    // The reader keeps only text on the page, as getTextContent does (glyph by glyph, against the view box).
    const runs = all && onPage(all, viewport.width, viewport.height);
    const content = await page.getTextContent();
    const reference = content.items
      .filter((i) => 'str' in i)
      .map((i) => toTextRun({ ...(i as PdfTextItem), str: normalize((i as PdfTextItem).str) }, view)?.text ?? '')
      .join('');
    pages++;
    if (runs === null) {
      fallback++;
      continue;
    }
    const a = chars(runs.map((r) => r.text).join(''));
    const b = chars(reference);
    if (a === b) {
      same++;
      continue;
    }
    // Character multiset difference, both ways.
    const count = (s: string) => [...s].reduce((m, c) => m.set(c, (m.get(c) ?? 0) + 1), new Map<string, number>());
    const ca = count(a);
    const cb = count(b);
    let lost = '';
    let added = '';
    for (const [c, k] of cb) if ((ca.get(c) ?? 0) < k) lost += c.repeat(k - (ca.get(c) ?? 0));
    for (const [c, k] of ca) if ((cb.get(c) ?? 0) < k) added += c.repeat(k - (cb.get(c) ?? 0));
    missing += [...lost].length;
    extra += [...added].length;
    console.log(
      `${f} p${n}: interpreter lacks ${[...lost].length} chars "${lost.slice(0, 30)}", has ${[...added].length} extra "${added.slice(0, 30)}"`,
    );
  }
  await opened.close();
}
console.log(
  `pages ${pages}: identical text ${same}, read by fallback ${fallback}, different ${pages - same - fallback} (chars lacking ${missing}, extra ${extra})`,
);
