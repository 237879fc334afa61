// `npm run bench`: every benchmark in turn. Each prints medians and ratios as a Markdown table; results are
// recorded in docs/benchmarks.md with the command that produced them. `npm run bench -- --batch-memory` runs only
// the slow one: a 2-job batch of the whole corpus, its process tree's peak memory (minutes, under nice -n 10).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const benches = process.argv.includes('--batch-memory')
  ? ['batch-memory.ts']
  : ['parse.ts', 'check.ts', 'startup.ts', 'pdf.ts', 'server-memory.ts'];
let failed = 0;
for (const b of benches) {
  const file = join(import.meta.dirname, b);
  if (!existsSync(file)) {
    console.log(`(skipped ${b}: not present)\n`);
    continue;
  }
  const r = spawnSync(process.execPath, [file, ...process.argv.slice(2).filter((a) => a !== '--batch-memory')], {
    stdio: 'inherit',
  });
  if (r.status !== 0) failed++;
  console.log('');
}
process.exit(failed ? 1 : 0);
