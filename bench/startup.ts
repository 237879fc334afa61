// Start-up benchmark (issue 13.5): the whole process of `caijian check <seed>` as a user runs it, wall time and CPU
// time (user + system, all threads), median of N runs, next to `node -e 0` (the floor: Node itself) and
// `caijian --help` (the CLI without a command). Two launch forms: the project's Node on bin/caijian.js (the Node this
// bench runs on), and ./bin/caijian.js as a program (the shell part of the file execs the project's Node beside it:
// what the npm/npx link and a global install run; docs/decisions/0001-runtime.md). With and without Node's compile
// cache (bin/caijian.js enables it), runs alternated so the machine's load falls on all alike.
// Run: `node bench/startup.ts` (BENCH_RUNS=N, default 9). Target: check < 0.4 s whole process.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { median } from './stats.ts';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'caijian.js');
const SEEDS = join(ROOT, '..', 'shared', 'seeds');
const runs = Number(process.env.BENCH_RUNS ?? 9);
const seed = join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith('000'))!);

interface Case {
  name: string;
  /** The program started (default: this Node). */
  file?: string;
  args: string[];
  env?: Record<string, string>;
  /** Held to the 0.4 s target. */
  target?: boolean;
}
const cases: Case[] = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'caijian --help', args: [BIN, '--help'] },
  { name: 'node bin/caijian.js check seed 000', args: [BIN, 'check', seed], target: true },
  { name: './bin/caijian.js check seed 000', file: BIN, args: ['check', seed], target: true },
  {
    name: 'node bin/caijian.js check seed 000, no compile cache',
    args: [BIN, 'check', seed],
    env: { NODE_DISABLE_COMPILE_CACHE: '1' },
  },
];

/** CPU ms of the ended, waited-for children of this process (cutime + cstime of /proc/self/stat, 100 Hz ticks). */
function childCpu(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields after comm: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
  return (Number(f[13]) + Number(f[14])) * 10;
}

/** Wall ms, and CPU ms of the child (all its threads): what our ended children used, before and after it. */
function once(c: Case): Promise<{ wall: number; cpu: number }> {
  return new Promise((resolve, reject) => {
    const before = childCpu();
    const t0 = performance.now();
    // ./bin/caijian.js: sh execs Node in the same process, so its CPU is this child's too
    const child = spawn(c.file ?? process.execPath, c.args, { stdio: 'ignore', env: { ...process.env, ...c.env } });
    child.on('error', reject);
    child.on('exit', () => resolve({ wall: performance.now() - t0, cpu: childCpu() - before }));
  });
}

// one run of each first: fills the compile cache, warms the page cache
for (const c of cases) await once(c);
const results = new Map<string, { wall: number[]; cpu: number[] }>(cases.map((c) => [c.name, { wall: [], cpu: [] }]));
for (let i = 0; i < runs; i++) {
  for (const c of cases) {
    const r = await once(c);
    results.get(c.name)!.wall.push(r.wall);
    results.get(c.name)!.cpu.push(r.cpu);
  }
}
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `Start-up (whole process, Node ${process.version}, ${runs} runs each, alternated; load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')})`,
);
console.log('| command | median wall | median CPU | wall ÷ node -e 0 | target |');
console.log('|---|---:|---:|---:|---|');
const floor = median(results.get('node -e 0')!.wall);
for (const c of cases) {
  const r = results.get(c.name)!;
  const target = c.target ? (median(r.wall) < 400 ? '< 0.4 s: met' : '< 0.4 s: not met') : '';
  console.log(
    `| ${c.name} | ${s(median(r.wall))} | ${s(median(r.cpu))} | ${(median(r.wall) / floor).toFixed(1)}× | ${target} |`,
  );
}
