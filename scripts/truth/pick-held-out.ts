// Draws a held-out list of truth documents (list c of test/truth/pick.json): corpus PDFs not in any earlier list,
// stratified by region, one document per stratum, the strata least represented in the earlier lists first. The
// draw uses only the seed (mulberry32, Fisher–Yates), never the reader's results, so its score is out of sample.
//
//   node scripts/truth/pick-held-out.ts SEED N [LIST]     # prints list LIST (default c) as JSON
//
// Earlier lists: the one-letter lists of pick.json before LIST (a, b for c), so re-running reproduces LIST.
// Strata: the region of sources.tsv's kind column (the field after the first comma: `budget (预算) 2026年, 西安`,
// `上海市普陀区` → 上海, `江苏省(省级)` → 江苏); final accounts are their own stratum (决算). TEMPLATE rows (not real
// disclosures) and non-PDF files are left out. Order: strata by how many documents of the earlier lists they hold
// (ascending), ties in seeded-shuffle order; from each stratum the first document of its seeded shuffle; then a
// second round in the same order if N is larger than the number of strata.
//
//   node scripts/truth/pick-held-out.ts SEED N LIST --strata family
//
// `--strata family` (list d): strata are layout families as far as sources.tsv's kind tells them apart: the region
// as above, the sub-region when the kind names a district (`上海市普陀区`), the fiscal year the kind gives (西安 prints
// a different template for 2019, 2020–2022 and 2025–2026; `year?` when unknown) and the attachment kind (`[tables-only
// attachment`, `[narrative attachment`, `budget attachment (项目支出绩效目标表)`); every row the kind calls NOT A
// DISCLOSURE or IMAGE-ONLY is one stratum (`非公开`), so such files are drawn (and recorded as skipped) at most once a
// round instead of taking one place per region.
//
//   node scripts/truth/pick-held-out.ts SEED N LIST --strata family --disclosures-only
//
// `--disclosures-only` (list f): the NOT A DISCLOSURE and IMAGE-ONLY rows are left out of the pool altogether, so
// every place goes to a document the kind calls a disclosure (a drawn file can still turn out not to be one on its
// pages: it is then recorded as `disclosure: false`, drawn and skipped).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../test/helpers/random.ts';

function shuffle<T>(items: T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function stratum(kind: string): string | null {
  if (kind.startsWith('TEMPLATE')) return null;
  if (kind.startsWith('final account')) return '决算';
  const field = kind.split(',')[1]?.trim() ?? '';
  const region = field.split(/[ (（]/)[0].replace(/^(.+?)(市|省).*$/, '$1');
  return region || null;
}

/** The layout family of a sources.tsv kind (see the header): region, district, year, attachment kind. */
export function family(kind: string): string | null {
  const region = stratum(kind);
  if (!region || region === '决算') return region;
  if (/^(NOT A DISCLOSURE|IMAGE-ONLY)/.test(kind)) return '非公开';
  const head = kind.split(',')[0];
  const year = /(\d{4})/.exec(head)?.[1] ?? 'year?';
  const field = kind.split(',')[1]?.trim() ?? '';
  const district = /^\S+?(区|县)/.exec(field)?.[0];
  const attachment = /\[tables-only attachment/.test(kind)
    ? '表格附件'
    : /\[narrative attachment/.test(kind)
      ? '说明附件'
      : /^budget attachment/.test(kind)
        ? '绩效附件'
        : null;
  return [district ?? region, year, attachment].filter(Boolean).join('·');
}

export type Strata = 'region' | 'family';

/** The held-out list LIST drawn from the corpus's sources.tsv text with the seed, given pick.json's earlier lists. */
export function drawHeldOut(
  seed: number,
  n: number,
  listName: string,
  pick: Record<string, unknown>,
  sourcesTsv: string,
  by: Strata = 'region',
  disclosuresOnly = false,
): string[] {
  const stratumOf = by === 'family' ? family : stratum;
  const skip = (kind: string) => disclosuresOnly && /^(NOT A DISCLOSURE|IMAGE-ONLY)/.test(kind);
  const earlier = new Set(
    Object.entries(pick).flatMap(([k, v]) =>
      /^[a-z]$/.test(k) && k < listName && Array.isArray(v) ? (v as string[]) : [],
    ),
  );
  const tsv = sourcesTsv.trim().split(/\r?\n/);
  const header = tsv[0].split('\t');
  const fileCol = header.indexOf('file');
  const kindCol = header.indexOf('kind');
  const pool = new Map<string, string[]>();
  const used = new Map<string, number>();
  for (const line of tsv.slice(1)) {
    const cols = line.split('\t');
    const file = cols[fileCol];
    const s = stratumOf(cols[kindCol] ?? '');
    if (!s || skip(cols[kindCol] ?? '') || !file.toLowerCase().endsWith('.pdf')) continue;
    if (earlier.has(file)) used.set(s, (used.get(s) ?? 0) + 1);
    else pool.set(s, [...(pool.get(s) ?? []), file]);
  }
  const rand = mulberry32(seed);
  const strata = shuffle([...pool.keys()].sort(), rand).sort((x, y) => (used.get(x) ?? 0) - (used.get(y) ?? 0));
  const queues = new Map(strata.map((s) => [s, shuffle(pool.get(s)!.sort(), rand)]));
  const list: string[] = [];
  while (list.length < n && [...queues.values()].some((q) => q.length)) {
    for (const s of strata) {
      const next = queues.get(s)!.shift();
      if (next && list.length < n) list.push(next);
    }
  }
  return list;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const strataAt = args.indexOf('--strata');
  const strata = (strataAt >= 0 ? args.splice(strataAt, 2)[1] : 'region') as Strata;
  const onlyAt = args.indexOf('--disclosures-only');
  const disclosuresOnly = onlyAt >= 0 && args.splice(onlyAt, 1).length > 0;
  const [seedText, nText, listName = 'c'] = args;
  if (!seedText || !nText || (strata !== 'region' && strata !== 'family')) {
    console.error(
      'usage: node scripts/truth/pick-held-out.ts SEED N [LIST] [--strata region|family] [--disclosures-only]',
    );
    process.exit(2);
  }
  const root = join(import.meta.dirname, '..', '..');
  const pick = JSON.parse(readFileSync(join(root, 'test', 'truth', 'pick.json'), 'utf8')) as Record<string, unknown>;
  const tsv = readFileSync(join(root, '..', 'shared', 'corpus', 'sources.tsv'), 'utf8');
  console.log(
    JSON.stringify(drawHeldOut(Number(seedText), Number(nText), listName, pick, tsv, strata, disclosuresOnly), null, 1),
  );
}
