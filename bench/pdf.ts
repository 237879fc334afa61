// PDF reading benchmark: the full reader (readPdf: text, rules, tables, blocks) against pdf.js text
// extraction alone (getDocument + getTextContent on every page, same CMap/font options) on the same files.
// Prints per-document and per-page medians and the ratio reader / pdf.js.
//
//   node bench/pdf.ts [--runs 5] [files…]     (default: the reader's test fixtures plus a corpus sample)
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CMAP_DIR, STANDARD_FONT_DIR, loadPdfJs } from '../src/read/pdf/open-document.ts';
import { readPdf } from '../src/read/pdf/read-pdf.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '..', 'shared', 'corpus');
const args = process.argv.slice(2);
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5;
const explicit = args.filter((a, i) => a.endsWith('.pdf') && args[i - 1] !== '--runs');

// A fixed sample of the corpus: different regions, producers, sizes and page counts.
const SAMPLE = [
  'calinchow-del__renwu/022_佛山/2026年佛山市交通运输局部门预算.pdf',
  'calinchow-del__renwu/002_北京/2026年北京市医疗保障局部门预算.pdf',
  'calinchow-del__renwu/003_深圳/2026年深圳市医疗保障局部门预算.pdf',
  'calinchow-del__renwu/001_上海/2026年上海市财政局_部门预算.pdf',
  'calinchow-del__renwu/020_西安/2026年西安市统计局部门预算.pdf',
  'calinchow-del__renwu/005_广州/信访局_2026年部门预算.pdf',
  'calinchow-del__renwu/025_烟台/2026年烟台市宣传部部门预算.pdf',
  'calinchow-del__renwu/014_无锡/应急管理局_2026年部门预算.pdf',
  'calinchow-del__renwu/_history/002_北京/审计局_附件2：北京市审计局2026年度部门预算报表.pdf',
  'ae86jack__open-budget/江苏省委办公厅2018年度部门预算公开表.pdf',
  'ae86jack__open-budget/2018年省检察院部门预算公开.pdf',
  'zxj6827111-blip__GOV/附件2：部门决算模板.pdf',
];

function files(): string[] {
  if (explicit.length) return explicit;
  return SAMPLE.map((f) => join(corpus, f));
}

async function pdfjsTextOnly(bytes: Uint8Array): Promise<number> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DIR,
    verbosity: 0,
  });
  const doc = await task.promise;
  let chars = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    for (const item of content.items) if ('str' in item) chars += item.str.length;
    page.cleanup();
  }
  await task.destroy();
  return chars;
}

/** pdf.js operator list alone (what the reader parses each page into), for the floor of the reader's cost. */
async function pdfjsOperatorsOnly(bytes: Uint8Array): Promise<number> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DIR,
    verbosity: 0,
    maxImageSize: 1,
  });
  const doc = await task.promise;
  let ops = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    ops += (await page.getOperatorList({ annotationMode: 0 })).fnArray.length;
    page.cleanup();
  }
  await task.destroy();
  return ops;
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Wall time of fn in ms; its CPU time (all threads of the process, user + system) goes to `cpu`. */
async function time(fn: () => Promise<unknown>, cpu?: number[]): Promise<number> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  cpu?.push((c.user + c.system) / 1000);
  return wall;
}

const list = files();
// Warm-up: module loading and JIT are not what is measured.
await pdfjsTextOnly(new Uint8Array(readFileSync(list[0])));
await readPdf(new Uint8Array(readFileSync(list[0])));

const rows: {
  name: string;
  pages: number;
  base: number;
  ops: number;
  reader: number;
  baseCpu: number;
  readerCpu: number;
}[] = [];
for (const file of list) {
  const bytes = new Uint8Array(readFileSync(file));
  const base: number[] = [];
  const reader: number[] = [];
  const ops: number[] = [];
  const baseCpu: number[] = [];
  const readerCpu: number[] = [];
  let pages = 0;
  // Alternate the two so that machine noise hits both alike.
  for (let r = 0; r < runs; r++) {
    base.push(await time(() => pdfjsTextOnly(bytes), baseCpu));
    ops.push(await time(() => pdfjsOperatorsOnly(bytes)));
    reader.push(await time(async () => (pages = (await readPdf(bytes)).pageCount ?? 0), readerCpu));
  }
  rows.push({
    name: basename(file),
    pages,
    base: median(base),
    ops: median(ops),
    reader: median(reader),
    baseCpu: median(baseCpu),
    readerCpu: median(readerCpu),
  });
  console.log(
    `${basename(file).slice(0, 36).padEnd(36)} ${String(pages).padStart(4)} pp  pdf.js text ${median(base).toFixed(0).padStart(5)} ms  pdf.js ops ${median(ops).toFixed(0).padStart(5)} ms  reader ${median(reader).toFixed(0).padStart(5)} ms  ×${(median(reader) / median(base)).toFixed(2)}`,
  );
}
const docBase = median(rows.map((r) => r.base));
const docReader = median(rows.map((r) => r.reader));
const pageBase = median(rows.map((r) => r.base / r.pages));
const pageReader = median(rows.map((r) => r.reader / r.pages));
const ratios = rows.map((r) => r.reader / r.base);
const totalRatio = rows.reduce((s, r) => s + r.reader, 0) / rows.reduce((s, r) => s + r.base, 0);
const opsRatio = rows.reduce((s, r) => s + r.ops, 0) / rows.reduce((s, r) => s + r.base, 0);
console.log('');
console.log(`files ${rows.length}, runs ${runs}, pages ${rows.reduce((s, r) => s + r.pages, 0)}`);
console.log(
  `median per document: pdf.js text ${docBase.toFixed(0)} ms, reader ${docReader.toFixed(0)} ms, ratio ${(docReader / docBase).toFixed(2)}`,
);
console.log(
  `median per page:     pdf.js text ${pageBase.toFixed(1)} ms, reader ${pageReader.toFixed(1)} ms, ratio ${(pageReader / pageBase).toFixed(2)}`,
);
console.log(`median of per-file ratios ${median(ratios).toFixed(2)}; total time ratio ${totalRatio.toFixed(2)}`);
console.log(`pdf.js operator list alone / pdf.js text alone (total time): ${opsRatio.toFixed(2)}`);
const cpuRatio = rows.reduce((s, r) => s + r.readerCpu, 0) / rows.reduce((s, r) => s + r.baseCpu, 0);
console.log(
  `CPU time (all threads): median per document pdf.js text ${median(rows.map((r) => r.baseCpu)).toFixed(0)} ms, reader ${median(rows.map((r) => r.readerCpu)).toFixed(0)} ms; total CPU ratio ${cpuRatio.toFixed(2)}`,
);
