// A labeller's cross-check, not a source: for every truth cell, is its value printed on its page at all (in the PDF's
// text layer, as pdftotext gives it, with or without thousands separators)? A value that is not there is most likely
// a typo or a wrong page in the record — look at the page image again. Rows and columns cannot be checked this way
// (wrapped labels are split in the text layer), so only the digits and the page are.
//
//   node scripts/truth/check-text.ts            # all records
//   node scripts/truth/check-text.ts a05 b07    # some records
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { corpusDir, loadRecords } from './record.ts';

function variants(value: string): string[] {
  const neg = value.startsWith('-') ? '-' : '';
  const [int, frac] = value.replace(/^-/, '').split('.');
  const grouped = BigInt(int).toLocaleString('en-US');
  const tail = frac === undefined ? '' : `.${frac}`;
  return [`${neg}${int}${tail}`, `${neg}${grouped}${tail}`];
}

const only = process.argv.slice(2);
const { records, errors } = loadRecords();
for (const e of errors) console.error(e);
const pages = new Map<string, string>();
let checked = 0;
let suspicious = 0;
for (const { id, record } of records) {
  if (only.length && !only.includes(id)) continue;
  const pdf = join(corpusDir, record.file);
  for (const cell of record.cells ?? []) {
    if (cell.value === null) continue;
    const key = `${pdf}#${cell.page}`;
    if (!pages.has(key)) {
      const text = execFileSync('pdftotext', ['-layout', '-f', String(cell.page), '-l', String(cell.page), pdf, '-'], {
        encoding: 'utf8',
      });
      pages.set(key, text.replace(/\s+/g, ''));
    }
    checked++;
    // A page may print a separator where the convention has none or drop one (上海 f05: 120258,600 for 120,258,600):
    // the plain digits are then looked for in the page's text without its separators.
    const page = pages.get(key)!;
    const found =
      variants(cell.value).some((v) => page.includes(v)) || page.replace(/,/g, '').includes(variants(cell.value)[0]);
    if (!found) {
      suspicious++;
      console.log(
        `${id} p${cell.page} [${cell.rowCode ?? '-'}|${cell.rowLabel ?? '-'}] ${cell.column}=${cell.value}: not in the page's text layer`,
      );
    }
  }
}
console.log(
  `${checked} cell values checked, ${suspicious} not found on their page${suspicious ? ' — look at those pages again' : ''}`,
);
process.exit(suspicious ? 1 : 0);
