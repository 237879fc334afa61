import type { Block, GridCell, GridRow } from '../../model/layout.ts';
import { limitExceeded } from '../errors.ts';
import { joinCellText } from './join-wrapped.ts';
import { cellAddress, type SheetCell, type SheetData, type SheetMerge } from './sheet-data.ts';

// Turns one worksheet into layout blocks the way a person reads a disclosure sheet: title, table number,
// entity and unit rows above the table become lines; the table itself becomes one grid with its merges;
// notes below it become lines again. A sheet may hold several tables. Empty rows inside a table (spacers,
// unfilled template lines) are skipped when a table row follows; before a line they end the grid and give
// a blank break, like an empty line of the text reader, and recognition decides whether the table goes on.
//
// Row kinds:
//  - a row with two or more filled cells is a table row;
//  - a row with one filled cell is a line (title, 公开02表, note), except inside a table, where a short,
//    unmerged value (the second line of a wrapped code such as "05") stays a table row;
//  - above a table, a row of up to three texts that are "label：value" pairs or table markers
//    (编制部门：XX | 单位：元, title | 公开02表) is read as one line per cell: it names the table, it is not a row of it.

const LABEL_VALUE = /[：:]/;
/** Cells that only ever stand above a table: 部门：…, 单位：万元, 公开02表, 表3-1, 2023年度, 2023年12月31日. */
const TABLE_META =
  /^(?:(?:编制|预算|填报|主管)?(?:单位|部门)(?:名称)?|金额单位)\s*[：:]|^公开\s*\d+\s*表$|^附?表\s*[0-9一二三四五六七八九十]+(?:\s*[-—－]\s*\d+)?$|^\d{4}\s*年(?:度|\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?$/;
const NOTE = /^(注|说明|备注|资料来源)/;
const SHORT_TABLE_VALUE = 20;

interface Master {
  cell: SheetCell;
  merge?: SheetMerge;
}

function sheetPlace(sheet: string, row: number, col: number) {
  return { kind: 'sheet' as const, sheet, cell: cellAddress(row, col) };
}

/** Grid cells still allowed for the workbook being read; shared by its sheets and reduced as grids are built. */
export interface GridBudget {
  cells: number;
  readonly limit: number;
}

export function sheetToBlocks(sheet: SheetData, budget: GridBudget = { cells: 2_000_000, limit: 2_000_000 }): Block[] {
  const byRow = new Map<number, Master[]>();
  const mergeAt = new Map<string, SheetMerge>();
  for (const m of sheet.merges) mergeAt.set(`${m.top},${m.left}`, m);
  const hiddenRows = sheet.hiddenRows ?? new Set<number>();
  const hiddenCols = sheet.hiddenCols ?? new Set<number>();
  for (const cell of sheet.cells) {
    if (cell.text.trim() === '' || hiddenRows.has(cell.row) || hiddenCols.has(cell.col)) continue;
    const list = byRow.get(cell.row) ?? [];
    list.push({ cell, merge: mergeAt.get(`${cell.row},${cell.col}`) });
    byRow.set(cell.row, list);
  }
  for (const list of byRow.values()) list.sort((a, b) => a.cell.col - b.cell.col);

  // Rows only covered by a vertical merge from a filled cell above (the second header row under a
  // rowSpan 2 header) belong to the table even when nothing else is written in them.
  // Rows past the last filled one say nothing, so a merge reaching far down the sheet is clipped there.
  let lastFilledRow = 0;
  for (const r of byRow.keys()) lastFilledRow = Math.max(lastFilledRow, r);
  const coveredRows = new Set<number>();
  for (const list of byRow.values()) {
    for (const { merge } of list) {
      if (merge) for (let r = merge.top + 1; r <= Math.min(merge.bottom, lastFilledRow); r++) coveredRows.add(r);
    }
  }

  const rowNumbers = [...new Set([...byRow.keys(), ...coveredRows])].sort((a, b) => a - b);
  const blocks: Block[] = [];
  let grid: OpenGrid | null = null;
  let previousRow = 0;

  const pushBreak = (row: number) => {
    const last = blocks[blocks.length - 1];
    if (last && last.type !== 'break')
      blocks.push({ type: 'break', kind: 'blank', place: sheetPlace(sheet.name, row, 1) });
  };
  const flushGrid = () => {
    if (grid) blocks.push(buildGrid(sheet.name, grid, byRow, hiddenCols, budget));
    grid = null;
  };
  const pushLines = (master: Master) => {
    for (const part of master.cell.text.split(/\r\n|[\r\n\v\u2028]/)) {
      const text = part.trim();
      if (text) blocks.push({ type: 'line', text, place: sheetPlace(sheet.name, master.cell.row, master.cell.col) });
    }
  };

  for (const r of rowNumbers) {
    const masters = byRow.get(r) ?? [];
    const gap = previousRow !== 0 && r > previousRow + 1;
    previousRow = r;
    if (grid && masters.length === 0) {
      // Only covered by a merge (the second row under a rowSpan 2 header): part of the open table.
      if (!gap) grid.rows.push(r);
      continue;
    }
    if (grid) {
      // Empty rows inside a table (spacers, unfilled template lines) do not end it when what follows is
      // still a table row: the 合计 line after them belongs to the same table.
      if (masters.length >= 2 || staysInTable(masters[0], grid)) {
        grid.rows.push(r);
        widen(grid, masters);
        continue;
      }
      flushGrid();
      if (gap) pushBreak(r);
      pushLines(masters[0]);
      continue;
    }
    if (gap) pushBreak(r);
    if (masters.length === 0) continue;
    if (masters.length === 1) {
      pushLines(masters[0]);
      continue;
    }
    if (isTableHeaderLine(masters)) {
      masters.forEach(pushLines);
      continue;
    }
    grid = { rows: [r], left: Infinity, right: -Infinity };
    widen(grid, masters);
  }
  flushGrid();
  return blocks;
}

/**
 * A row of up to three texts above a table that names the table rather than starting it: every cell a
 * "label：value" (编制部门：XX | 单位：元), or one of them a table marker (title | 公开02表; 部门：XX | 2023年 | 单位：万元).
 */
function isTableHeaderLine(masters: readonly Master[]): boolean {
  if (masters.length > 3 || masters.some((m) => m.cell.raw !== undefined)) return false;
  const texts = masters.map((m) => m.cell.text.trim());
  return texts.every((t) => LABEL_VALUE.test(t)) || texts.some((t) => TABLE_META.test(t));
}

interface OpenGrid {
  rows: number[];
  left: number;
  right: number;
}

function widen(grid: OpenGrid, masters: readonly Master[]) {
  for (const { cell, merge } of masters) {
    grid.left = Math.min(grid.left, cell.col);
    grid.right = Math.max(grid.right, merge ? merge.right : cell.col);
  }
}

/**
 * A lone value inside a table is a table row (a wrapped code's second line "05", a 合计 label merged over
 * the code columns) unless it reads as text around the table: a note, or a title merged across the
 * table's full width.
 */
function staysInTable(master: Master, grid: OpenGrid): boolean {
  const text = joinCellText(master.cell.text);
  if (text.length > SHORT_TABLE_VALUE || NOTE.test(text)) return false;
  const merge = master.merge;
  if (!merge || merge.right === merge.left) return true;
  return merge.left > grid.left || merge.right < grid.right;
}

function buildGrid(
  sheet: string,
  grid: OpenGrid,
  byRow: Map<number, Master[]>,
  hiddenCols: ReadonlySet<number>,
  budget: GridBudget,
): Block {
  const { rows, left, right } = grid;
  // The area is known from the table's first and last columns and its rows before any cell is made.
  const area = (right - left + 1) * rows.length;
  budget.cells -= area;
  if (budget.cells < 0) {
    throw limitExceeded(
      'xlsx-sheet-area',
      {
        zh: `工作表“${sheet}”的表格从 ${cellAddress(rows[0], left)} 到 ${cellAddress(rows[rows.length - 1], right)}，共 ${right - left + 1} 列 × ${rows.length} 行`,
        en: `the table of worksheet "${sheet}" runs from ${cellAddress(rows[0], left)} to ${cellAddress(rows[rows.length - 1], right)}, ${right - left + 1} columns × ${rows.length} rows`,
      },
      { zh: `整个工作簿的表格共 ${budget.limit} 个单元格`, en: `${budget.limit} table cells per workbook` },
    );
  }
  // Hidden columns are left out of the grid, as they are left out of the printed table.
  const visible = (from: number, to: number) => {
    let n = 0;
    for (let c = from; c <= to; c++) if (!hiddenCols.has(c)) n++;
    return n;
  };
  const first = rows[0];
  const last = rows[rows.length - 1];
  const masterAt = new Map<string, Master>();
  for (const r of rows) for (const m of byRow.get(r) ?? []) masterAt.set(`${r},${m.cell.col}`, m);

  const gridRows: GridRow[] = rows.map((r) => {
    const cells: GridCell[] = [];
    for (let c = left; c <= right; c++) {
      if (hiddenCols.has(c)) continue;
      const master = masterAt.get(`${r},${c}`);
      const place = sheetPlace(sheet, r, c);
      if (!master) {
        cells.push({ text: '', place });
        continue;
      }
      const cell: GridCell = { text: joinCellText(master.cell.text), place };
      if (master.cell.raw !== undefined) cell.raw = master.cell.raw;
      if (master.merge) {
        // Spans are clipped to this grid's rows and columns.
        const colSpan = visible(c, Math.min(master.merge.right, right));
        const rowSpan = rows.filter((x) => x > r && x <= Math.min(master.merge!.bottom, last)).length + 1;
        if (colSpan > 1) cell.colSpan = colSpan;
        if (rowSpan > 1) cell.rowSpan = rowSpan;
      }
      cells.push(cell);
    }
    return { cells, place: sheetPlace(sheet, r, left) };
  });
  return { type: 'grid', rows: gridRows, place: sheetPlace(sheet, first, left) };
}
