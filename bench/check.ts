// Check benchmark: median time to audit each seed (checkDisclosure over the recognised model, all rules), once
// warm, next to the time to parse it. Run: `node bench/check.ts` (BENCH_RUNS=N to change the number of runs).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkDisclosure } from '../src/audit/engine.ts';
import { rules } from '../src/audit/rules/index.ts';
import { readText } from '../src/read/text/read-text.ts';
import { recognise } from '../src/recognise/recognise.ts';
import { median, ms, percentile, timeRuns } from './stats.ts';

const dir = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
const runs = Number(process.env.BENCH_RUNS ?? 100);
console.log(
  `Check (text seeds, ${rules.length} rules): ${runs} timed runs each after warm-up, Node ${process.version}`,
);
console.log('| seed | tables | findings (e/w/i/skipped) | median check | p95 | median parse | slowest rule (median) |');
console.log('|---|---|---|---|---|---|---|');
for (const f of readdirSync(dir)
  .filter((n) => n.endsWith('.txt'))
  .sort()) {
  const text = readFileSync(join(dir, f), 'utf8');
  const d = recognise(readText(text));
  const res = checkDisclosure(d);
  const check = timeRuns(() => checkDisclosure(d), runs, 10);
  const parse = timeRuns(() => recognise(readText(text)), Math.min(runs, 50), 5);
  let slow = { id: '', t: 0 };
  for (const r of rules) {
    const t = median(timeRuns(() => checkDisclosure(d, {}, [r]), 20, 3));
    if (t > slow.t) slow = { id: r.meta.id, t };
  }
  const s = res.summary;
  console.log(
    `| ${f.slice(0, 3)} | ${d.tables.length} | ${s.errors}/${s.warnings}/${s.infos}/${s.skipped} | ${ms(median(check))} | ${ms(percentile(check, 95))} | ${ms(median(parse))} | ${slow.id} ${ms(slow.t)} |`,
  );
}
