// Per-file memory of the batch's reading process (issue 13.5): every corpus file read, recognised and audited alone in a
// fresh child of the job pool (one job per child, the batch's memory cap and heap limit), its resident peak (VmHWM from
// the start of the job) and the child's resident memory when ready. Prints the heaviest files as a Markdown table and
// writes every file's figures as JSON lines (for the admission rule's prediction: size, pages, format → peak).
// Run: `node bench/batch-files.ts [folder] [--out file.jsonl] [--top N]` (default ../shared/corpus), under nice.
import { statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { extname, join } from 'node:path';
import { collectInputs } from '../src/batch/collect-inputs.ts';
import type { BatchJob, BatchJobResult } from '../src/batch/batch-job.ts';
import { createJobPool } from '../src/jobs/pool.ts';

const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const input =
  args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? join(ROOT, '..', 'shared', 'corpus');
const top = Number(opt('--top') ?? 10);
const out = opt('--out');
const memoryMb = Number(process.env.CAIJIAN_JOB_MEMORY_MB ?? 1536);

const { files } = await collectInputs([input]);
const pool = createJobPool<BatchJob, BatchJobResult>({
  size: 1,
  entry: new URL('../src/batch/batch-job.ts', import.meta.url),
  deadlineMs: 300_000,
  memoryMb,
  heapMb: Number(process.env.CAIJIAN_JOB_HEAP_MB ?? memoryMb - 256),
  youngMb: 2, // as the batch's children (src/batch/run-batch.ts jobMemory)
  recycleAfter: 1,
});

interface FileFigure {
  file: string;
  format: string;
  bytes: number;
  pages: number | null;
  status: string;
  ms: number;
  peakRssMb: number | null;
}
const figures: FileFigure[] = [];
const t0 = performance.now();
for (const file of files) {
  const o = await pool.run({ path: file });
  const row = o.ok ? o.value.row : null;
  const f: FileFigure = {
    file: file.replace(/.*\/shared\/corpus\//, ''),
    format: extname(file).slice(1).toLowerCase(),
    bytes: statSync(file).size,
    pages: row?.pages ?? null,
    status: row ? row.status : o.ok ? '?' : o.failure.code,
    ms: o.ms,
    peakRssMb: o.peakRssMb ?? null,
  };
  figures.push(f);
  process.stderr.write(`${figures.length}/${files.length} ${f.peakRssMb} MB ${f.ms} ms ${f.file}\n`);
}
await pool.close();
if (out) writeFileSync(out, figures.map((f) => JSON.stringify(f)).join('\n') + '\n');

const peaks = figures.map((f) => f.peakRssMb ?? 0).sort((a, b) => a - b);
const q = (p: number) => peaks[Math.min(peaks.length - 1, Math.floor(p * peaks.length))];
console.log(
  `${figures.length} files of ${input.replace(/.*\/shared\//, '../shared/')}, each alone in a fresh child (cap ${memoryMb} MB), ${((performance.now() - t0) / 1000).toFixed(0)} s, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
console.log(`Peak of the child per file: median ${q(0.5)} MB, p90 ${q(0.9)} MB, max ${q(1)} MB`);
console.log('| file | format | size | pages | status | time | peak of the child |');
console.log('|---|---|---:|---:|---|---:|---:|');
for (const f of [...figures].sort((a, b) => (b.peakRssMb ?? 0) - (a.peakRssMb ?? 0)).slice(0, top)) {
  console.log(
    `| ${f.file} | ${f.format} | ${(f.bytes / 1048576).toFixed(2)} MB | ${f.pages ?? ''} | ${f.status} | ${(f.ms / 1000).toFixed(1)} s | ${f.peakRssMb} MB |`,
  );
}
