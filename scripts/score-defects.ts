// Scores the audit on the labelled defect set (test/defects/*.json, docs/audit-accuracy.md): recall on the
// 'must' defects, error precision, and the lists behind both numbers.
//
//   node scripts/score-defects.ts                   # all labelled documents
//   node scripts/score-defects.ts --doc NAME        # one document (file name without .json), repeatable
//   node scripts/score-defects.ts --unlabelled      # also list findings nobody has labelled yet
//   node scripts/score-defects.ts --update-baseline # write test/defects/baseline.json from this run
import { writeFileSync } from 'node:fs';
import {
  BASELINE_FILE,
  baselineOf,
  loadBaseline,
  loadLabelled,
  ratchet,
  scoreDocument,
  totals,
  type DocumentScore,
} from '../src/audit/testing/defect-set.ts';
import type { Finding } from '../src/audit/types.ts';

const args = process.argv.slice(2);
const only = args.flatMap((a, i) => (a === '--doc' ? [args[i + 1]] : []));
const showUnlabelled = args.includes('--unlabelled');
const update = args.includes('--update-baseline');

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);
const where = (f: Finding) => {
  const l = f.location;
  const page = l.source?.kind === 'pdf' ? `p${l.source.page}` : '';
  return `${f.severity} ${f.ruleId}/${f.messageId} ${page} [${[l.table, l.row, l.column].map((x) => x ?? '-').join('|')}] ${f.message.slice(0, 160)}`;
};

const labelled = loadLabelled().filter((x) => !only.length || only.includes(x.name));
const baseline = loadBaseline();
const scores: DocumentScore[] = [];
for (const { name, doc } of labelled) {
  const s = await scoreDocument(name, doc);
  scores.push(s);
  const r = ratchet(s, baseline);
  const must = s.foundMust.length + s.missedMust.length;
  console.log(
    `${name}${s.shaMismatch ? ' (sha256 differs from the label!)' : ''}: must ${s.foundMust.length}/${must}, other ${s.foundOther.length}/${s.foundOther.length + s.missedOther.length}, errors real ${s.errors.real} false ${s.errors.false} unlabelled ${s.errors.unlabelled.length}, false findings still occurring ${s.falseOccurring.length}/${doc.falseFindings.length}`,
  );
  const byId = new Map(doc.defects.map((d) => [d.id, d]));
  for (const id of s.missedMust) {
    const d = byId.get(id)!;
    console.log(`  missed must ${id} (${d.kind}, p${d.page}): ${d.quote.slice(0, 100)}`);
  }
  for (const k of s.falseOccurring) console.log(`  false still ${k}`);
  for (const k of r.lost) console.log(`  LOST (was found in the baseline) ${k}`);
  for (const k of r.returned) console.log(`  RETURNED (fixed in the baseline) ${k}`);
  if (showUnlabelled)
    for (const f of [...s.errors.unlabelled, ...s.unlabelledWarnings]) console.log(`  unlabelled ${where(f)}`);
}

const t = totals(scores);
console.log('');
console.log(`documents ${t.documents}`);
console.log(`recall on must defects: ${t.mustFound}/${t.must} = ${pct(t.mustFound, t.must)}`);
console.log(`recall on other defects: ${t.otherFound}/${t.other} = ${pct(t.otherFound, t.other)}`);
console.log(
  `error precision (labelled errors): ${t.errorsReal}/${t.errorsReal + t.errorsFalse} = ${pct(t.errorsReal, t.errorsReal + t.errorsFalse)}; unlabelled errors ${t.errorsUnlabelled}`,
);
console.log(`recorded false findings still occurring: ${t.falseOccurring}/${t.falseRecorded}`);
if (update) {
  if (only.length) {
    console.error('--update-baseline needs the whole set (no --doc)');
    process.exit(2);
  }
  writeFileSync(BASELINE_FILE, JSON.stringify(baselineOf(scores), null, 1) + '\n');
  console.log(`wrote ${BASELINE_FILE}`);
}
