// Checks that the fill-in workbook's formulas and read-workbook.ts compute the same figures: fills a 决算 and
// a 预算 template from the seeds, lets LibreOffice recalculate them, and compares every formula result with
// the value the reader computed for that cell. A docs/QA tool (needs LibreOffice Calc), not a test.
//   node scripts/check-template-formulas.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readTemplateWorkbook } from '../src/author/read-workbook.ts';
import { writeTemplate } from '../src/author/template.ts';
import { fillTemplate } from '../test/author/fill.ts';
import { seedModel } from '../test/helpers/seeds.ts';

const work = mkdtempSync(join(tmpdir(), 'caijian-formulas-'));
let failures = 0;
for (const [kind, seed] of [
  ['决算', '000'],
  ['预算', '004'],
] as const) {
  const file = join(work, `filled-${seed}.xlsx`);
  writeFileSync(file, await fillTemplate(await writeTemplate({ kind, year: 2023 }), seedModel(seed)));
  const outDir = join(work, 'lo');
  execFileSync(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${join(work, 'profile')}`,
      '--convert-to',
      'xlsx',
      '--outdir',
      outDir,
      file,
    ],
    { stdio: 'ignore' },
  );
  const { disclosure } = await readTemplateWorkbook(new Uint8Array(readFileSync(file)));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(outDir, `filled-${seed}.xlsx`)) as unknown as ArrayBuffer);
  let compared = 0;
  let different = 0;
  for (const t of disclosure.tables)
    for (const r of t.rows)
      for (const c of r.cells) {
        if (c.place.kind !== 'sheet') continue;
        const v = wb.getWorksheet(c.place.sheet)?.getCell(c.place.cell).value as {
          formula?: string;
          sharedFormula?: string;
          result?: unknown;
        } | null;
        if (!v || typeof v !== 'object' || !('formula' in v || 'sharedFormula' in v)) continue;
        compared++;
        const lo = typeof v.result === 'number' ? v.result : v.result === '' || v.result === undefined ? null : NaN;
        const mine = c.value === null ? null : Number(c.value);
        const same =
          (lo === null || lo === 0) && (mine === null || mine === 0)
            ? true
            : lo !== null && mine !== null && Math.abs(lo - mine) < 1e-6;
        if (!same) {
          different++;
          console.log(
            `  ${t.key} ${r.code ?? r.item ?? r.label} ${c.column} ${c.place.sheet}!${c.place.cell}: LibreOffice ${JSON.stringify(v.result)}, reader ${mine}`,
          );
        }
      }
  console.log(`${kind} (seed ${seed}): ${compared} formula cells, ${different} different`);
  failures += different;
}
process.exitCode = failures ? 1 : 0;
