// Draws the cells to label for one truth record, with a seeded PRNG (mulberry32), so that cells are picked at
// random and not where the reader happens to be right. The labeller then finds each drawn position on the page
// image: row = ceil(r × R) where R is the number of body rows printed on that page (header lines not counted),
// column = ceil(c × C) where C is the number of amount columns. If the drawn cell is blank and the table has
// non-empty cells, draw again (the next line of output); see test/truth/README.md.
//
//   node scripts/truth/draw.ts SEED N budget.summary:10 budget.income:11-15 budget.expenditure:16-20 …
//
// Prints N + 12 draws (spares for blank cells): table key, page, r, c.
import { mulberry32 } from '../../test/helpers/random.ts';

const [seedText, nText, ...specs] = process.argv.slice(2);
if (!seedText || !nText || !specs.length) {
  console.error('usage: node scripts/truth/draw.ts SEED N key:firstPage[-lastPage] …');
  process.exit(2);
}
const rand = mulberry32(Number(seedText));
const tables = specs.map((s) => {
  const [key, pages] = s.split(':');
  const [first, last] = pages.split('-').map(Number);
  return { key, first, last: last ?? first };
});
for (let i = 0; i < Number(nText) + 12; i++) {
  const t = tables[Math.floor(rand() * tables.length)];
  const page = t.first + Math.floor(rand() * (t.last - t.first + 1));
  console.log(`${i + 1}\t${t.key}\tp${page}\tr=${rand().toFixed(3)}\tc=${rand().toFixed(3)}`);
}
