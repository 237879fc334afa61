// The mutation test on a real document (issue 10 done-when: ≥ 98 % on a budget PDF), outside the suite because one
// PDF takes minutes: every printed cell changed four ways, one at a time, and whether the audit reports it at the
// cell. Prints the rate per kind and per table with the table's reading level, then the cells not caught, so that
// a miss can be told a reading matter (an unsure table, an unmapped column) from a missing relation.
//
//   node scripts/mutation-pdf.ts ../shared/corpus/calinchow-del__renwu/014_无锡/2026年无锡市统计局部门预算.pdf
//   node scripts/mutation-pdf.ts FILE.pdf --kinds one,digit --misses
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { tableMisaligned } from '../src/audit/cells.ts';
import { rules } from '../src/audit/rules/index.ts';
import { KINDS, mutationRun, type MutationKind, type Outcome } from '../src/audit/testing/mutate.ts';
import { parseBytes } from '../src/pipeline.ts';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error(
    '用法：node scripts/mutation-pdf.ts 文件.pdf [--kinds one,digit] [--misses]\nusage: node scripts/mutation-pdf.ts FILE.pdf [--kinds one,digit] [--misses]',
  );
  process.exit(2);
}
const kindsArg = args[args.indexOf('--kinds') + 1];
const kinds = (args.includes('--kinds') ? kindsArg.split(',') : KINDS) as MutationKind[];

// the same rules as test/audit/mutation.test.ts: arithmetic, cross-table and the narrative rules tied to cells
const mutating = rules.filter(
  (r) =>
    r.meta.category === 'arithmetic' ||
    r.meta.category === 'cross-table' ||
    r.meta.id === 'narrative-amount' ||
    r.meta.id === 'narrative-table-fact',
);
const d = await parseBytes(new Uint8Array(readFileSync(file)), { fileName: basename(file) });
const os = mutationRun(basename(file), d, mutating, { kinds });

const caught = (o: Outcome) => o.reported || o.infoOnly;
const pct = (xs: Outcome[]) => (xs.length ? `${((100 * xs.filter(caught).length) / xs.length).toFixed(1)}%` : '—');
const asError = (xs: Outcome[]) =>
  xs.length ? `${((100 * xs.filter((o) => o.reported).length) / xs.length).toFixed(1)}%` : '—';
console.log(
  `${basename(file)}: ${os.length} mutations, caught ${pct(os)} incl. rounding infos, ${asError(os)} as error/warning`,
);
// both rates per kind: a one-cent change (last-place) is mostly explained by rounding, so it is an info (尾数误差)
// at the cell, never an error — counted as caught, and shown apart so that the figure hides nothing
for (const k of kinds) {
  const xs = os.filter((o) => o.kind === k);
  console.log(
    `  ${k.padEnd(10)} ${String(xs.length).padStart(5)}  ${pct(xs).padStart(6)}  ${asError(xs).padStart(6)} as error/warning`,
  );
}
console.log('per table:');
for (const key of [...new Set(os.map((o) => o.table))]) {
  const t = d.tables.find((x) => x.key === key);
  const xs = os.filter((o) => o.table === key);
  console.log(
    `  ${key.padEnd(34)} ${String(xs.length).padStart(5)}  ${pct(xs).padStart(6)}  ${t?.reading?.level ?? 'sure'}${t && tableMisaligned(t) ? ' misaligned' : ''}  ${(t?.reading?.reasons ?? []).join('；')}`,
  );
}
if (args.includes('--misses'))
  for (const o of os.filter((x) => !caught(x)))
    console.log(`  not caught: ${o.table} | ${o.row} | ${o.column} | ${o.kind} ${o.from} → ${o.to}`);
