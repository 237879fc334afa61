import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/pipeline.ts';
import { prepareSheet, writeSheet } from '../../src/sheet/export.ts';
import { GOLDEN_DIR, GOLDEN_PDFS, goldenSeeds, SHARED } from './goldens.ts';

// The golden check sheets (docs/check-sheets/*.md, reviewed by eye): the sheet of every seed and of five corpus PDFs
// of different regions. A change that moves one fails here; regenerate with `node scripts/gen-check-sheets.ts`,
// read every changed line against the document, and commit the diff with the reason.

describe('golden check sheets', () => {
  for (const g of [...goldenSeeds(), ...GOLDEN_PDFS]) {
    const file = join(SHARED, g.path);
    it.skipIf(!existsSync(file))(
      g.name,
      async () => {
        const d = await parseBytes(new Uint8Array(readFileSync(file)), { fileName: basename(file) });
        const md = new TextDecoder().decode(await writeSheet(await prepareSheet(d, null), 'md'));
        expect(md).toBe(readFileSync(join(GOLDEN_DIR, `${g.name}.md`), 'utf8'));
      },
      60_000,
    );
  }
});
