import type { Block, GridBlock, GridCell, GridRow, LineBlock } from '../../model/layout.ts';

// Clean-up of a ruled grid as spreadsheet exports draw it: the printed sheet often keeps narrow blank
// columns at the sides, blank rows, and the table's title, unit line ("金额单位：万元") and notes inside
// the ruled area. Blank columns and rows are dropped (spans adjusted); title, unit and note rows at the
// top and bottom become line blocks next to the grid, where recognition reads them as metadata.

const META =
  /^(金额)?单位[:：]|^(编制|填报|预算|部门|单位)(单位|名称)?[:：]|^注[:：]|^说明[:：]|表$|^[（(]?(预算|决算|公开|部门|收支)?\s*\d{1,2}\s*表[)）]?/;

/**
 * A blank column is dropped only when it is narrow: the margin columns of a printed sheet are a few points
 * wide, while a real column that happens to be empty on this page (公用经费 on a continuation page) is as
 * wide as its header and must stay, or every value right of it would slip one column left.
 */
const NARROW_COLUMN = 15;

function columnIsBlank(rows: GridRow[], c: number): boolean {
  if (!rows.every((r) => r.cells[c]?.text === '')) return false;
  const widths = rows
    .map((r) => r.cells[c])
    .filter((cell) => cell && !cell.colSpan && cell.place.kind === 'pdf')
    .map((cell) => (cell.place.kind === 'pdf' ? cell.place.box[2] - cell.place.box[0] : 0));
  return widths.length > 0 && Math.min(...widths) < NARROW_COLUMN;
}

function withoutColumns(rows: GridRow[], drop: Set<number>): GridRow[] {
  return rows.map((row) => {
    const cells: GridCell[] = [];
    row.cells.forEach((cell, c) => {
      if (drop.has(c)) return;
      if (cell.colSpan) {
        let span = cell.colSpan;
        for (let k = c; k < c + cell.colSpan; k++) if (drop.has(k)) span--;
        const next: GridCell = { ...cell };
        if (span > 1) next.colSpan = span;
        else delete next.colSpan;
        cells.push(next);
      } else {
        cells.push(cell);
      }
    });
    return { ...row, cells };
  });
}

function withoutRows(rows: GridRow[], drop: Set<number>): GridRow[] {
  const out: GridRow[] = [];
  rows.forEach((row, r) => {
    if (drop.has(r)) return;
    out.push({
      ...row,
      cells: row.cells.map((cell) => {
        if (!cell.rowSpan) return cell;
        let span = cell.rowSpan;
        for (let k = r; k < r + cell.rowSpan; k++) if (drop.has(k)) span--;
        const next: GridCell = { ...cell };
        if (span > 1) next.rowSpan = span;
        else delete next.rowSpan;
        return next;
      }),
    });
  });
  return out;
}

function filled(row: GridRow): GridCell[] {
  return row.cells.filter((c) => c.text !== '');
}

/** A row that is a title, unit or note line printed inside the ruled area rather than a table row. */
function isMetaRow(row: GridRow, columns: number): boolean {
  const cells = filled(row);
  if (cells.length === 0) return false;
  if (cells.every((c) => META.test(c.text))) return true;
  // A single text spanning most of the width above the header is the table's title.
  return cells.length === 1 && (cells[0].colSpan ?? 1) >= Math.max(2, columns * 0.5);
}

export function tidyGrid(grid: GridBlock): Block[] {
  let rows = grid.rows;
  const columns = rows[0]?.cells.length ?? 0;
  const blankCols = new Set<number>();
  for (let c = 0; c < columns; c++) if (columnIsBlank(rows, c)) blankCols.add(c);
  if (blankCols.size > 0 && blankCols.size < columns) rows = withoutColumns(rows, blankCols);
  const blankRows = new Set<number>();
  rows.forEach((row, r) => {
    if (filled(row).length === 0) blankRows.add(r);
  });
  if (blankRows.size > 0) rows = withoutRows(rows, blankRows);

  const width = rows[0]?.cells.length ?? 0;
  const before: LineBlock[] = [];
  const after: LineBlock[] = [];
  const asLines = (row: GridRow): LineBlock[] =>
    filled(row).map((c) => ({ type: 'line', text: c.text, place: c.place }));
  // Keep at least two rows in the grid: a grid of one header row is still a table.
  while (rows.length > 2 && isMetaRow(rows[0], width)) {
    before.push(...asLines(rows[0]));
    rows = rows.slice(1);
  }
  while (
    rows.length > 2 &&
    filled(rows[rows.length - 1]).every((c) => /^注[:：]|^说明[:：]/.test(c.text)) &&
    filled(rows[rows.length - 1]).length > 0
  ) {
    after.unshift(...asLines(rows[rows.length - 1]));
    rows = rows.slice(0, -1);
  }
  // A merged cell that reached into a removed title row no longer spans it (rows only shrink from the top).
  const out: Block[] = [...before];
  if (rows.length > 0) out.push({ ...grid, rows });
  out.push(...after);
  return out;
}
