// Server memory benchmark (issue 13.5): 40 uploads of real corpus documents (PDF, xlsx, xls, docx: every k-th file
// of ../shared/corpus in path order, so the set is the same each run), one per request as the workbench sends them,
// to a server in its own process (bench/server-process.ts). Resident memory of the server process and of its whole
// tree (the reading processes included) is sampled every 100 ms; reported: the peak, right after the 40th upload,
// and at rest (after the reading processes' idle time). Target: back under 300 MB after 40 uploads.
// Run: `node bench/server-memory.ts` (CAIJIAN_JOB_IDLE_SECONDS=N to change the rest time, default 20 here).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sampleTree, treeRss } from './proc-tree.ts';

const ROOT = join(import.meta.dirname, '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 40);
const IDLE_SECONDS = Number(process.env.CAIJIAN_JOB_IDLE_SECONDS ?? 20);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}
const all = walk(CORPUS)
  .filter((f) => /\.(pdf|xlsx|xls|docx)$/i.test(f))
  .sort();
const step = Math.max(1, Math.floor(all.length / UPLOADS));
const files = all.filter((_, i) => i % step === 0).slice(0, UPLOADS);
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);

const child = spawn(process.execPath, [join(import.meta.dirname, 'server-process.ts')], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, CAIJIAN_JOB_IDLE_SECONDS: String(IDLE_SECONDS) },
});
const { url, token } = await new Promise<{ url: string; token: string }>((resolve) => {
  createInterface({ input: child.stdout! }).once('line', (l) => resolve(JSON.parse(l)));
});
const idleTree = treeRss(child.pid!)!;
const sampler = sampleTree(child.pid!);
const t0 = performance.now();
const statuses = new Map<string, number>();
for (const f of files) {
  const form = new FormData();
  form.append('files', new Blob([readFileSync(f)]), f.split('/').pop());
  const res = await fetch(`${url}/api/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = (await res.json()) as { results?: { status: string; error?: { code: string } }[] };
  const r = body.results?.[0];
  const s = r ? (r.error ? `${r.status} (${r.error.code})` : r.status) : String(res.status);
  statuses.set(s, (statuses.get(s) ?? 0) + 1);
}
const seconds = (performance.now() - t0) / 1000;
const after = treeRss(child.pid!)!;
await new Promise((r) => setTimeout(r, (IDLE_SECONDS + 5) * 1000));
const rest = treeRss(child.pid!)!;
const peak = sampler.stop();
child.kill('SIGTERM');

const mb = (x: number) => `${Math.round(x)} MB`;
console.log(
  `Server memory: ${files.length} uploads (${(bytes / 1048576).toFixed(1)} MB of corpus files, one per request) in ${seconds.toFixed(0)} s; ${[...statuses].map(([k, v]) => `${v} ${k}`).join(', ')}; Node ${process.version}, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
console.log('| when | server process | whole tree (reading processes included) | processes |');
console.log('|---|---:|---:|---:|');
console.log(`| started, before any upload | ${mb(idleTree.self)} | ${mb(idleTree.tree)} | ${idleTree.processes} |`);
console.log(`| peak during the uploads | ${mb(peak.peakSelf)} | ${mb(peak.peakTree)} | |`);
console.log(
  `| right after the ${files.length}th upload | ${mb(after.self)} | ${mb(after.tree)} | ${after.processes} |`,
);
console.log(`| at rest (${IDLE_SECONDS + 5} s later) | ${mb(rest.self)} | ${mb(rest.tree)} | ${rest.processes} |`);
console.log(
  `Target: under 300 MB after ${files.length} uploads — server process ${after.self < 300 ? 'met' : 'not met'} (${mb(after.self)}); whole tree at rest ${rest.tree < 300 ? 'met' : 'not met'} (${mb(rest.tree)}).`,
);
