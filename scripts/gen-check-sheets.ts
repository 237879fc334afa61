import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseBytes } from '../src/pipeline.ts';
import { PageRenderer } from '../src/render/page-image.ts';
import { prepareSheet, writeSheet } from '../src/sheet/export.ts';
import { GOLDEN_DIR, GOLDEN_PDFS, goldenSeeds, SHARED } from '../test/sheet/goldens.ts';

// Regenerates the golden check sheets (docs/check-sheets/NAME.md, and NAME.xlsx with the page pictures) of every seed
// and of the golden corpus PDFs. Read every changed line of the .md diff before committing it (PROTOCOL: goldens).
// `node scripts/gen-check-sheets.ts [--md-only]`

const mdOnly = process.argv.includes('--md-only');
mkdirSync(GOLDEN_DIR, { recursive: true });
const renderer = new PageRenderer();
try {
  for (const g of [...goldenSeeds(), ...GOLDEN_PDFS]) {
    const bytes = new Uint8Array(readFileSync(join(SHARED, g.path)));
    const d = await parseBytes(bytes, { fileName: basename(g.path) });
    const p = await prepareSheet(d, mdOnly ? null : bytes, { renderer });
    writeFileSync(join(GOLDEN_DIR, `${g.name}.md`), await writeSheet(p, 'md'));
    if (!mdOnly) writeFileSync(join(GOLDEN_DIR, `${g.name}.xlsx`), await writeSheet(p, 'xlsx'));
    console.log(`${g.name}: ${p.sheet.counts.problems} problems, ${p.images.size} pictures`);
  }
} finally {
  await renderer.close();
}
