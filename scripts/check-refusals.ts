import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseBytes } from '../src/pipeline.ts';
import { disclosureVerdict } from '../src/recognise/is-disclosure.ts';

// Whole-corpus check of the "not a disclosure" refusal: every file corpus/sources.tsv marks NOT A DISCLOSURE or
// IMAGE-ONLY must be refused, every other file accepted. Slow (reads every PDF): run by hand, not in `vitest run`.
// `node scripts/check-refusals.ts` — exits 1 when a file is judged the wrong way.

const CORPUS = join(import.meta.dirname, '../../shared/corpus');
const rows = readFileSync(join(CORPUS, 'sources.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'));
let wrong = 0;
for (const [file, , , , , , kind] of rows) {
  const expectRefused = /NOT A DISCLOSURE|IMAGE-ONLY/i.test(kind ?? '');
  let refused: string | null = null;
  try {
    const d = await parseBytes(new Uint8Array(readFileSync(join(CORPUS, file))), { fileName: basename(file) });
    refused = disclosureVerdict(d).error?.code ?? null;
  } catch (e) {
    refused = `read failed: ${(e as Error).message}`;
  }
  const ok = expectRefused === (refused !== null);
  if (!ok) wrong++;
  console.log(`${ok ? 'ok   ' : 'WRONG'} ${expectRefused ? 'refuse' : 'accept'} ${refused ?? 'accepted'}\t${file}`);
}
console.log(wrong ? `${wrong} files judged wrongly` : 'every file judged as sources.tsv says');
process.exit(wrong ? 1 : 0);
