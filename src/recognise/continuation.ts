import type { GridBlock, GridRow } from '../model/layout.ts';
import { matchTitle, matchUntitledPage } from '../templates/catalogue.ts';
import { squash } from '../templates/normalize.ts';
import { isAmountCell } from './cells.ts';
import type { TableRegion } from './segment.ts';

// Pages of a table that segmentation left as regions of their own: a page without a title after the table's last
// page, cut off from it by a line the segmenter could not place (a unit line misprinted “金位：元”, a label drawn
// outside the grid). Such a page is joined to the table before it when its structure says it continues that table:
// the same header rows, or (header not repeated) the same columns at the same positions on the next page; a page
// of a performance-target form (one project's indicators over several pages) when it prints indicators.

function pageOf(place: { kind: string; page?: number }): number | undefined {
  return place.kind === 'pdf' ? place.page : undefined;
}

function firstPage(region: TableRegion): number | undefined {
  const g = region.grids[0];
  return g ? pageOf(g.place) : undefined;
}

function lastPage(region: TableRegion): number | undefined {
  const g = region.grids[region.grids.length - 1];
  return g ? pageOf(g.place) : undefined;
}

const rowText = (r: GridRow) => r.cells.map((c) => squash(c.text));

/** A header row: two or more captions, no amount. */
function isCaptionRow(r: GridRow): boolean {
  return r.cells.filter((c) => c.text.trim()).length >= 2 && !r.cells.some(isAmountCell);
}

/** The two grids open with the same header rows (same cells, same captions), at least the first. */
function sameHeader(a: GridBlock, b: GridBlock): boolean {
  const ra = a.rows[0];
  const rb = b.rows[0];
  if (!ra || !rb || !isCaptionRow(ra) || ra.cells.length !== rb.cells.length) return false;
  const ta = rowText(ra);
  const tb = rowText(rb);
  return ta.every((t, i) => t === tb[i]);
}

/** Horizontal extent of each cell of a PDF row, or undefined. */
function cellSpans(r: GridRow): [number, number][] | undefined {
  const out: [number, number][] = [];
  for (const c of r.cells) {
    if (c.place.kind !== 'pdf') return undefined;
    out.push([c.place.box[0], c.place.box[2]]);
  }
  return out;
}

/** Rules of the same columns: as many cells, each starting and ending within 2 pt of the other's. */
const COLUMN_TOLERANCE = 2;

/**
 * A page that does not repeat the header continues the table when its first line is a data line (an amount) and
 * its columns are the ones of the table's last line, at the same positions.
 */
function sameColumns(a: GridBlock, b: GridBlock): boolean {
  const last = a.rows[a.rows.length - 1];
  const first = b.rows[0];
  if (!last || !first || last.cells.length < 3 || last.cells.length !== first.cells.length) return false;
  if (!first.cells.some(isAmountCell)) return false;
  const sa = cellSpans(last);
  const sb = cellSpans(first);
  if (!sa || !sb) return false;
  return sa.every(
    ([x0, x1], i) => Math.abs(x0 - sb[i][0]) <= COLUMN_TOLERANCE && Math.abs(x1 - sb[i][1]) <= COLUMN_TOLERANCE,
  );
}

/** A grid region that prints performance indicators (指标…, 绩效…). */
function printsIndicators(region: TableRegion): boolean {
  return region.grids.some((g) => g.rows.some((r) => r.cells.some((c) => /指标|绩效/.test(c.text))));
}

/** The first page of a new performance form (“项目名称 | …”), not a continuation of the one before. */
function startsForm(region: TableRegion): boolean {
  const head = region.grids[0]?.rows.slice(0, 6) ?? [];
  return !!matchUntitledPage(
    head[0]?.cells[0]?.text ?? '',
    head.flatMap((r) => r.cells.map((c) => c.text)),
  );
}

function continues(prev: TableRegion, region: TableRegion): boolean {
  if (region.title || region.inferredFrom || !region.grids.length || !prev.title || !prev.grids.length) return false;
  const from = firstPage(region);
  const to = lastPage(prev);
  if (from === undefined || to === undefined || from < to) return false;
  const template = matchTitle(prev.title);
  if (template?.layout === 'text') return from <= to + 1 && printsIndicators(region) && !startsForm(region);
  if (from === to) return false;
  return (
    sameHeader(prev.grids[0], region.grids[0]) ||
    (from === to + 1 && sameColumns(prev.grids[prev.grids.length - 1], region.grids[0]))
  );
}

/** The regions with each continuation page joined to the table it continues. */
export function joinContinuations(regions: readonly TableRegion[]): TableRegion[] {
  const out: TableRegion[] = [];
  for (const region of regions) {
    const prev = out[out.length - 1];
    if (prev && continues(prev, region)) {
      out[out.length - 1] = {
        ...prev,
        grids: [...prev.grids, ...region.grids],
        notes: [...prev.notes, ...region.notes],
        illegible: [...prev.illegible, ...region.illegible],
        meta: [...prev.meta, ...region.meta],
      };
      continue;
    }
    out.push(region);
  }
  return out;
}
