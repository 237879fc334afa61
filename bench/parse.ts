// Parsing benchmark: median time to read and recognise each seed once warm (target: well under 5 ms), and
// its ratio to the text reader alone. Run: `npm run bench` (all benchmarks) or `node bench/parse.ts`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readText } from '../src/read/text/read-text.ts';
import { recognise } from '../src/recognise/recognise.ts';
import { median, ms, percentile, timeRuns } from './stats.ts';

const dir = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
const runs = Number(process.env.BENCH_RUNS ?? 300);
console.log(`Parse (text seeds): ${runs} timed runs each after warm-up, Node ${process.version}`);
console.log('| seed | bytes | tables | median parse | p95 | median reader only | parse ÷ reader |');
console.log('|---|---|---|---|---|---|---|');
for (const f of readdirSync(dir)
  .filter((n) => n.endsWith('.txt'))
  .sort()) {
  const text = readFileSync(join(dir, f), 'utf8');
  const full = timeRuns(() => recognise(readText(text)), runs);
  const reader = timeRuns(() => readText(text), runs);
  const tables = recognise(readText(text)).tables.length;
  console.log(
    `| ${f.slice(0, 3)} | ${Buffer.byteLength(text)} | ${tables} | ${ms(median(full))} | ${ms(percentile(full, 95))} | ${ms(median(reader))} | ${(median(full) / median(reader)).toFixed(1)}× |`,
  );
}
