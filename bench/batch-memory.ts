// Batch footprint benchmark (issue 13.5): `caijian check` of the whole corpus with 2 jobs, as a user runs it
// (bin/caijian.js, a JSON report), under nice -n 10 (it takes minutes and the machine is shared). The resident
// memory of the whole process tree — the CLI and its reading processes — is sampled every 100 ms; reported: its
// peak, wall time and what the report says. Target: peak under 600 MB.
// Run: `npm run bench -- --batch-memory` or `node bench/batch-memory.ts [folder]` (default ../shared/corpus).
// BENCH_JOBS (default 2), BENCH_TIMEOUT (seconds per file, default the batch's), BENCH_KEEP=file.json keeps the report.
// Also printed: the files whose reading process peaked highest (the rows' peakRssMb, measured by the job runner), and
// the moments the tree was highest: each process's memory then and the document each reading process was reading
// (from the job runner's trace, CAIJIAN_JOB_TRACE). BENCH_TIMELINE=file.json keeps every sample and the trace.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { sampleTree, type TreeSample } from './proc-tree.ts';

const ROOT = join(import.meta.dirname, '..');
const input = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(ROOT, '..', 'shared', 'corpus');
const jobs = process.env.BENCH_JOBS ?? '2';
const dir = mkdtempSync(join(tmpdir(), 'caijian-bench-batch-'));
const out = join(dir, 'report.json');
const traceFile = join(dir, 'trace.jsonl');

const t0 = performance.now();
const child = spawn(
  'nice',
  [
    '-n',
    '10',
    process.execPath,
    join(ROOT, 'bin', 'caijian.js'),
    'check',
    input,
    '--jobs',
    jobs,
    '--out',
    out,
    ...(process.env.BENCH_TIMEOUT ? ['--timeout', process.env.BENCH_TIMEOUT] : []),
  ],
  { stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, CAIJIAN_JOB_TRACE: traceFile } },
);
// nice execs node in place: the pid is the CLI's
const timeline: TreeSample[] = [];
const sampler = sampleTree(child.pid!, 100, timeline);
const code = await new Promise<number | null>((ok) => child.on('exit', ok));
const wall = (performance.now() - t0) / 1000;
const peak = sampler.stop();
const report = JSON.parse(readFileSync(out, 'utf8')) as {
  totals: Record<string, number>;
  rows: { file: string; peakRssMb?: number; ms: number; pages: number | null; status: string }[];
};
if (process.env.BENCH_KEEP) copyFileSync(out, process.env.BENCH_KEEP);
interface TraceEvent {
  t: number;
  event: 'start' | 'end' | 'requeue';
  pid: number;
  id: number;
  job?: { path: string; prior?: string };
  alone?: boolean;
}
const events: TraceEvent[] = existsSync(traceFile)
  ? readFileSync(traceFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as TraceEvent)
  : [];
if (process.env.BENCH_TIMELINE)
  writeFileSync(process.env.BENCH_TIMELINE, JSON.stringify({ cli: child.pid, timeline, events }));
rmSync(dir, { recursive: true, force: true });

/** What each child was reading at time t: pid → "file" (or "file ⇄ prior" for a pair's job). */
function readingAt(t: number): Map<number, string> {
  const jobs = new Map<number, { pid: number; what: string }>();
  for (const e of events) {
    if (e.t > t) break;
    if (e.event === 'start' && e.job) {
      const name = (f: string) => basename(f).replace(/\.[^.]+$/, '');
      jobs.set(e.id, {
        pid: e.pid,
        what: e.job.prior ? `${name(e.job.path)} ⇄ ${name(e.job.prior)}` : name(e.job.path),
      });
    } else jobs.delete(e.id);
  }
  return new Map([...jobs.values()].map((j) => [j.pid, j.what]));
}

const t = report.totals;
console.log(
  `Batch of ${input.replace(/.*\/shared\//, '../shared/')}, --jobs ${jobs}, nice -n 10, Node ${process.version}; exit ${code}; load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
console.log(
  '| files | ok | parsed | failed | timeout | wall time | files / s | peak of the process tree | peak of the CLI process | target |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
console.log(
  `| ${t.files} | ${t.ok} | ${t.parsed} | ${t.failed} | ${t.timeout} | ${wall.toFixed(0)} s | ${(t.files / wall).toFixed(2)} | ${Math.round(peak.peakTree)} MB | ${Math.round(peak.peakSelf)} MB | < 600 MB: ${peak.peakTree < 600 ? 'met' : 'not met'} |`,
);

const heavy = report.rows
  .filter((r) => r.peakRssMb)
  .sort((a, b) => (b.peakRssMb ?? 0) - (a.peakRssMb ?? 0))
  .slice(0, 10);
if (heavy.length) {
  console.log('\nThe 10 files whose reading process peaked highest (peakRssMb of the rows):');
  console.log('| file | pages | status | time | peak of the reading process |');
  console.log('|---|---:|---|---:|---:|');
  for (const r of heavy)
    console.log(
      `| ${r.file.replace(/.*\/shared\/corpus\//, '')} | ${r.pages ?? ''} | ${r.status} | ${(r.ms / 1000).toFixed(1)} s | ${r.peakRssMb} MB |`,
    );
}

// The highest moments, one per set of documents being read (the peak first).
const t0ms = timeline[0]?.t ?? 0;
const moments = new Map<string, TreeSample>();
for (const sample of [...timeline].sort((a, b) => b.tree - a.tree)) {
  const reading = readingAt(sample.t);
  const key = [...reading.values()].sort().join(' + ') || '(none)';
  if (!moments.has(key)) moments.set(key, sample);
  if (moments.size >= 8) break;
}
if (moments.size) {
  console.log('\nThe highest moments of the process tree (one per set of documents being read):');
  console.log('| time | tree | CLI | reading processes: MB and document |');
  console.log('|---:|---:|---:|---|');
  for (const sample of moments.values()) {
    const reading = readingAt(sample.t);
    const cli = sample.each.find(([p]) => p === child.pid)?.[1] ?? 0;
    const kids = sample.each
      .filter(([p]) => p !== child.pid)
      .map(([p, mb]) => `${mb} MB ${reading.get(p) ?? '(idle)'}`)
      .join('; ');
    console.log(`| ${((sample.t - t0ms) / 1000).toFixed(1)} s | ${sample.tree} MB | ${cli} MB | ${kids} |`);
  }
}
