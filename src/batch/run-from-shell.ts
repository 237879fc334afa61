import { parseArgs } from 'node:util';
import { isInputError } from '../read/errors.ts';
import { progressPrinter } from './progress.ts';
import { detailLine, runBatch } from './run-batch.ts';

// Stand-alone runner for measuring and trying batch processing before it is wired into `caijian check`:
//   node src/batch/run-from-shell.ts [--jobs N] [--timeout SECONDS] [--out report.xlsx|json|csv] PATH...
// Prints progress on stderr and the totals (with throughput) as one JSON line on stdout.

const { values, positionals } = parseArgs({
  options: { jobs: { type: 'string' }, timeout: { type: 'string' }, out: { type: 'string' } },
  allowPositionals: true,
});
if (positionals.length === 0) {
  process.stderr.write(
    '用法 / usage: node src/batch/run-from-shell.ts [--jobs N] [--timeout 秒] [--out report.xlsx] 文件或文件夹…\n',
  );
  process.exit(2);
}
const progress = progressPrinter(process.stderr);
try {
  const result = await runBatch(positionals, {
    jobs: values.jobs ? Number(values.jobs) : undefined,
    timeoutMs: values.timeout ? Number(values.timeout) * 1000 : undefined,
    out: values.out,
    onProgress: progress.onProgress,
    onDetail: (file, detail) => progress.note(detailLine(file, detail)),
  });
  progress.done();
  const busyMs = result.rows.reduce((n, r) => n + r.ms, 0);
  const perSecond = result.totals.files / (result.totals.elapsedMs / 1000);
  process.stdout.write(
    JSON.stringify({
      ...result.totals,
      filesPerSecond: Number(perSecond.toFixed(2)),
      sumOfFileMs: busyMs,
      written: result.written,
    }) + '\n',
  );
  process.exit(result.totals.failed + result.totals.timeout > 0 ? 1 : 0);
} catch (e) {
  progress.done();
  if (isInputError(e)) {
    process.stderr.write(`错误：${e.messageZh}\nError: ${e.messageEn}\n`);
    process.exit(2);
  }
  throw e;
}
