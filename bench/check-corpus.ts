// Audit sweep over corpus PDFs (slow; not part of `npm test`): reads every Nth PDF of ../shared/corpus, audits it
// and prints the error findings, to find false alarms and reading slips. Usage:
//   node bench/check-corpus.ts [--every N] [--limit M]      (defaults: every 3rd file, 45 files)
// Findings seen this way are recorded in docs/rules/seed-findings.md.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkDisclosure } from '../src/audit/engine.ts';
import { parseBytes } from '../src/pipeline.ts';

const { values } = parseArgs({ options: { every: { type: 'string' }, limit: { type: 'string' } } });
const every = Number(values.every ?? 3);
const limit = Number(values.limit ?? 45);
const root = join(import.meta.dirname, '..', '..', 'shared', 'corpus');

function pdfs(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      if (n === '_history') return [];
      return statSync(p).isDirectory() ? pdfs(p) : n.toLowerCase().endsWith('.pdf') ? [p] : [];
    });
}

const files = pdfs(root)
  .filter((_, i) => i % every === 0)
  .slice(0, limit);
const totals = { files: 0, failed: 0, errors: 0, warnings: 0 };
for (const f of files) {
  const name = f.slice(root.length + 1);
  try {
    const d = await parseBytes(new Uint8Array(readFileSync(f)), { fileName: name.split('/').pop() });
    const r = checkDisclosure(d);
    totals.files++;
    totals.errors += r.summary.errors;
    totals.warnings += r.summary.warnings;
    console.log(`== ${name}  kind=${d.kind} tables=${d.tables.length} ${JSON.stringify(r.summary)}`);
    for (const x of r.findings.filter((x) => x.severity === 'error')) {
      const p = x.location.source;
      console.log(`   [${x.ruleId}] ${p?.kind === 'pdf' ? `p${p.page} ` : ''}${x.message}`);
    }
  } catch (e) {
    totals.failed++;
    console.log(`!! ${name}: ${(e as Error).message}`);
  }
}
console.log(
  `\n${totals.files} audited, ${totals.failed} unreadable, ${totals.errors} errors, ${totals.warnings} warnings`,
);
