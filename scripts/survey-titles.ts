// Development aid: every table title and 目录 entry found in the corpus PDFs, with the template it matched
// (or none). Used to extend the templates with the regional title variants the corpus prints.
// Run: node scripts/survey-titles.ts > /tmp/titles.tsv   (reads all corpus PDFs; a few minutes)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLayout } from '../src/read/read-layout.ts';
import { segment } from '../src/recognise/segment.ts';
import { matchTitle } from '../src/templates/catalogue.ts';

const corpus = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const rows = readFileSync(join(corpus, 'sources.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'));
const only = process.argv[2];
for (const [file, , , , , , kind] of rows) {
  if (!file.endsWith('.pdf') || (only && !file.includes(only))) continue;
  try {
    const layout = await readLayout(new Uint8Array(readFileSync(join(corpus, file))), file);
    const seg = segment(layout.blocks);
    for (const t of seg.tables)
      console.log(['T', file, t.title, matchTitle(t.title)?.key ?? '-', t.grids.length, kind.slice(0, 20)].join('\t'));
    for (const e of seg.toc)
      console.log(['C', file, e.text, matchTitle(e.text)?.key ?? '-', '', kind.slice(0, 20)].join('\t'));
  } catch (e) {
    console.log(['E', file, String(e).slice(0, 100)].join('\t'));
  }
}
