// `npm run bench`: every benchmark in turn. Each prints medians and ratios as a Markdown table; results are
// recorded in docs/benchmarks.md with the command that produced them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const benches = ['parse.ts', 'check.ts', 'pdf.ts', 'batch.ts'];
let failed = 0;
for (const b of benches) {
  const file = join(import.meta.dirname, b);
  if (!existsSync(file)) {
    console.log(`(skipped ${b}: not present)\n`);
    continue;
  }
  const r = spawnSync(process.execPath, [file, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
  console.log('');
}
process.exit(failed ? 1 : 0);
