import { levelOf, systemOf, type CatalogSystem } from '../catalog/catalog.ts';
import type { Row } from '../model/disclosure.ts';
import type { GridCell, GridRow } from '../model/layout.ts';
import { codeDigits, isAmountCell, isLabelText, isTotalLabel, joinWrapped, unitCode } from './cells.ts';
import { makeCell } from './make-cell.ts';
import type { MatchedColumn } from './header.ts';

// Rows of a coded table (收入决算表, 支出决算表, budget 支出总表 …): a code/label block, then value columns.
// Codes print as "2101501", "21015 01", in three columns "210 | 15 | 01", or wrapped over two lines
// ("21011 行政单位医疗 5.72" + "01"). Cells are mapped to value columns by header position, with two
// corrections seen in real extractions: a label printed inside the first value column's position shifts the
// values right (seed 001, 支出决算表), and a continuation row printed without the empty code columns is
// compacted to the left (seed 001, table 05 after the page break).

interface KeyInfo {
  otherCodes?: { code: string; label: string | null }[];
  code?: string;
  codeText?: string;
  /** Index of the cell where the code starts. */
  codeIndex?: number;
  /**
   * Two-digit code parts printed alone in their 款 or 项 column, the higher levels left blank because the line
   * above printed them (烟台: "201 | | " then " | 99 | " then " | | 99"). Completed from the lines above.
   */
  fragments?: { index: number; digits: string }[];
  unit?: string;
  label: string | null;
  /** Text of the line's other text key columns (单位名称 beside 项目名称). */
  keyTexts?: { column: string; text: string }[];
  /** Index of the last cell belonging to the code/label block. */
  keyEnd: number;
}

const CODE_AND_NAME = /^(?:\[([1-9]\d{2}(?:\d{2}){0,2})\]|([1-9]\d{2}(?:\d{2}){0,2})\s*[-－—])\s*(\S.*)$/;

/** What readKey knows of the header: value columns, and which header column a cell of this row lies under. */
interface KeyColumns {
  valueIndexes?: ReadonlySet<number>;
  /** The header column a cell lies under (by index in a full-width row, else by page position). */
  columnOf?: (i: number, c: GridCell) => number | undefined;
  /** Header columns headed 单位编码 / 部门代码, with their printed header. */
  unitCodeColumns?: ReadonlyMap<number, string>;
  /** Text key columns (单位名称, 项目名称, 年度 …) with their header label and preference as the row's label. */
  textColumns?: ReadonlyMap<number, { label: string; rank: number }>;
}

function readKey(
  cells: GridCell[],
  firstValueIndex: number,
  { valueIndexes = new Set(), columnOf, unitCodeColumns, textColumns }: KeyColumns = {},
): KeyInfo {
  let code: string | undefined;
  let codeText: string | undefined;
  let codeIndex: number | undefined;
  let unit: string | undefined;
  const labels: string[] = [];
  let unitColumn: number | undefined;
  /** The header column of each part of `labels` (undefined when not under a text key column). */
  const labelColumns: (number | undefined)[] = [];
  let others: { code: string; label: string | null }[] | undefined;
  let fragments: { index: number; digits: string }[] | undefined;
  let keyEnd = -1;
  const limit = Math.max(firstValueIndex, 0);
  // A second classification printed beside the first (部门经济分类 code + name, then 政府经济分类 code + name):
  // once the first code has its name, a further code that does not extend it starts a pair of its own, and the
  // names after it are that pair's.
  let i = 0;
  const labelTo = (text: string) => {
    const other = others?.[others.length - 1];
    if (other) other.label = joinWrapped((other.label ?? '') + text) || null;
    else {
      labels.push(text);
      labelColumns.push(textColumns && columnOf ? columnOf(i, cells[i]) : undefined);
    }
  };
  for (i = 0; i < cells.length; i++) {
    const t = cells[i].text.trim();
    if (!t) continue;
    // Digits under a 单位编码 / 部门代码 header name a budget unit (222 部门, 222002 单位), never a class: 222 is
    // also a functional class and 6-digit unit codes are no classification code at all.
    const under = unitCodeColumns && columnOf ? columnOf(i, cells[i]) : undefined;
    if (!code && !unit && /^\d{3,9}$/.test(t) && under !== undefined && unitCodeColumns!.has(under)) {
      unit = t;
      unitColumn = under;
      keyEnd = i;
      continue;
    }
    // Three-column code: 类 | 款 | 项.
    if (!code && /^[1-9]\d{2}$/.test(t) && /^\d{2}$/.test(cells[i + 1]?.text.trim() ?? '')) {
      const k = cells[i + 1].text.trim();
      const x = cells[i + 2]?.text.trim() ?? '';
      const three = /^\d{2}$/.test(x);
      code = t + k + (three ? x : '');
      codeText = [t, k, ...(three ? [x] : [])].join('|');
      codeIndex = i;
      keyEnd = i + (three ? 2 : 1);
      i = keyEnd;
      continue;
    }
    // A lone 款 or 项 part under blank higher-level columns.
    if (!code && !labels.length && i < limit && /^\d{2}$/.test(t)) {
      fragments ??= [];
      fragments.push({ index: i, digits: t });
      keyEnd = i;
      continue;
    }
    // "2040601-行政运行": code and name in one cell.
    const joined = CODE_AND_NAME.exec(t);
    if (joined && (i < limit || !isAmountCell(cells[i]))) {
      const jc = joined[1] ?? joined[2];
      if (!code) {
        code = jc;
        codeText = t;
        codeIndex = i;
        labels.push(joined[3]);
        labelColumns.push(undefined);
      } else {
        others ??= [];
        others.push({ code: jc, label: joined[3].trim() || null });
      }
      keyEnd = i;
      continue;
    }
    const digits = codeDigits(t);
    if (digits && (i < limit || !isAmountCell(cells[i]) || t.includes(' ')) && !/\./.test(t)) {
      if (!code) {
        code = digits;
        codeText = t;
        codeIndex = i;
      } else if (digits.startsWith(code) || (digits.length > code.length && !labels.length)) {
        // A full code printed next to the three-column form ("208 | 05 | 05 | 2080505"): prefer the full one.
        code = digits;
        codeText = `${codeText}|${t}`;
      } else if (labels.length || others) {
        others ??= [];
        others.push({ code: digits, label: null });
      }
      keyEnd = i;
      continue;
    }
    const u = unitCode(t);
    if (u && i < limit + 1) {
      unit = u;
      keyEnd = i;
      continue;
    }
    // The 类 | 款 | 项 captions printed on a data line (seed 004: "类 | 款 | 项 | | 合计 | 1,910.50"): no label.
    if (/^(类|款|项)$/.test(t) && i < limit) continue;
    if (isLabelText(t)) {
      // Text under a value column after the first is that column's cell (项目类别 "其他专项"), not the name.
      if (valueIndexes.has(i) && i !== firstValueIndex) continue;
      // The line has its name already: text in the first value column is that column's (会议名称 | 时间 | 人数:
      // "计划于2026年3月18日"), not more of the name.
      if (i === firstValueIndex && valueIndexes.has(i) && labels.length && !others) break;
      labelTo(t);
      keyEnd = i;
      continue;
    }
    if (i >= limit) break;
  }
  const { label, keyTexts, fromUnitColumn } = splitLabel(labels, labelColumns, textColumns);
  // A line naming an item of a unit (预算单位代码 | 预算单位名称 | 预算项目名称) is the item's line: the unit's code
  // stays beside its name, the line is no unit line.
  if (unitColumn !== undefined && keyTexts?.length && !fromUnitColumn) {
    keyTexts.unshift({ column: unitCodeColumns!.get(unitColumn)!, text: unit! });
    unit = undefined;
  }
  return {
    code,
    codeText,
    ...(codeIndex !== undefined ? { codeIndex } : {}),
    ...(fragments && !code ? { fragments } : {}),
    unit,
    label,
    ...(keyTexts ? { keyTexts } : {}),
    keyEnd,
    ...(others ? { otherCodes: others } : {}),
  };
}

/** textColumns rank of a unit's name column (单位名称, 预算单位). */
export const UNIT_RANK = 1;

/**
 * The row's label from its text parts. When the line prints text under two or more text key columns (单位名称 |
 * 项目名称, 预算单位 | 年度, 项目名称 | 项目类别), the label is the text of the preferred column (the item, the year);
 * the others are kept beside it as keyTexts, not glued into the label.
 */
function splitLabel(
  labels: string[],
  columns: (number | undefined)[],
  textColumns: KeyColumns['textColumns'],
): { label: string | null; keyTexts?: { column: string; text: string }[]; fromUnitColumn?: boolean } {
  if (!labels.length) return { label: null };
  const known = [...new Set(columns.filter((c): c is number => c !== undefined && textColumns!.has(c)))];
  if (!textColumns || known.length < 2) return { label: joinWrapped(labels.join('')) };
  let best = known[0];
  for (const c of known) if (textColumns.get(c)!.rank >= textColumns.get(best)!.rank) best = c;
  const own = labels.filter((_, k) => columns[k] === best || columns[k] === undefined || !textColumns.has(columns[k]!));
  const keyTexts = known
    .filter((c) => c !== best)
    .map((c) => ({
      column: textColumns.get(c)!.label,
      text: joinWrapped(labels.filter((_, k) => columns[k] === c).join('')),
    }));
  return {
    label: joinWrapped(own.join('')) || null,
    keyTexts,
    fromUnitColumn: textColumns.get(best)!.rank === UNIT_RANK,
  };
}

/** Where the 类, 款 and 项 parts of a code are printed, from header labels ending in 类/款/项. */
export interface CodePartColumns {
  cls?: number;
  kuan?: number;
  xiang?: number;
}

interface CodeContext {
  /** The last 类 code and the cell it was printed in. */
  cls?: string;
  clsIndex?: number;
  kuan?: string;
}

/**
 * Completes lone 款/项 parts from the lines above: the 类 (and 款) printed last. The column of each part comes
 * from the header (类 | 款 | 项) or, without one, from where the last 类 code stood (款 right of it, 项 after).
 * A part whose higher levels were never printed stays without a code.
 */
function completeFragments(key: KeyInfo, parts: CodePartColumns | undefined, ctx: CodeContext): KeyInfo {
  if (!key.fragments || !ctx.cls) return key;
  const base = ctx.clsIndex ?? 0;
  const kuanAt = parts?.kuan ?? base + 1;
  const xiangAt = parts?.xiang ?? base + 2;
  let kuan: string | undefined;
  let xiang: string | undefined;
  for (const f of key.fragments) {
    if (f.index === kuanAt && kuan === undefined && xiang === undefined) kuan = f.digits;
    else if (f.index === xiangAt && xiang === undefined) xiang = f.digits;
    else return key;
  }
  let code: string;
  if (kuan !== undefined) code = ctx.cls + kuan + (xiang ?? '');
  else if (xiang !== undefined && ctx.kuan) code = ctx.cls + ctx.kuan + xiang;
  else return key;
  const { fragments: _printed, ...rest } = key;
  // As printed: "|99" (款 alone), "||01" (项 alone), "|06|01".
  const codeText = kuan !== undefined ? `|${kuan}${xiang !== undefined ? `|${xiang}` : ''}` : `||${xiang}`;
  return { ...rest, code, codeText };
}

function remember(ctx: CodeContext, key: KeyInfo): void {
  const c = key.code;
  if (!c || !/^[1-9]\d{2}(\d{2}){0,2}$/.test(c)) return;
  ctx.cls = c.slice(0, 3);
  ctx.kuan = c.length >= 5 ? c.slice(3, 5) : undefined;
  // Where 类 codes are printed: a 3-digit code in its own column, or the first of a split code.
  if (key.codeIndex !== undefined && (c.length === 3 || key.codeText?.includes('|'))) ctx.clsIndex = key.codeIndex;
}

/** The line's further codes from the code groups' columns ("302 | 27" under 部门预算支出经济科目编码 → 30227). */
function withGroupCodes(
  key: KeyInfo,
  row: GridRow,
  groups: CodedRowsInput['codeGroups'] & {},
  columnOf: (i: number, c: GridCell) => number | undefined,
): KeyInfo {
  if (!groups.length || !key.code) return key;
  const found: { code: string; label: string | null }[] = [];
  for (const g of groups) {
    const parts = g.columns.map((col) => row.cells.find((c, i) => columnOf(i, c) === col)?.text.trim() ?? '');
    const code = parts.join('');
    if (
      /^[1-9]\d{2}$/.test(parts[0]) &&
      parts.slice(1).every((p) => p === '' || /^\d{2}$/.test(p)) &&
      /^[1-9]\d{2}(\d{2}){0,2}$/.test(code)
    )
      found.push({ code, label: null });
  }
  return found.length ? { ...key, otherCodes: [...(key.otherCodes ?? []), ...found] } : key;
}

function hasValues(cells: GridCell[], from: number): boolean {
  return cells.slice(from).some((c) => isAmountCell(c));
}

export interface CodedRowsInput {
  rows: GridRow[];
  columns: MatchedColumn[];
  /** Header width (cells per header row). */
  width: number;
  codeSystem?: CatalogSystem;
  /**
   * Horizontal extent of each header column on the page (PDF input only). A grid continued on another page
   * may have a different number of columns than the header's grid (an empty column is not drawn there);
   * its cells are then matched to columns by position on the page, not by index.
   */
  columnRanges?: (readonly [number, number] | undefined)[];
  /** Header columns of a code printed in parts (类 | 款 | 项), when the header names them. */
  codeParts?: CodePartColumns;
  /** Header columns headed 单位编码 / 部门代码 (index → printed header): their digits are unit codes. */
  unitCodeColumns?: ReadonlyMap<number, string>;
  /** Text key columns (单位名称 | 项目名称 …): which one names the row, see splitLabel. */
  textColumns?: ReadonlyMap<number, { label: string; rank: number }>;
  /** Further codes printed in parts after the values (部门/政府预算支出经济科目编码 类 | 款): read into otherCodes. */
  codeGroups?: readonly { label: string; columns: readonly number[] }[];
}

function pdfX(c: GridCell | undefined): readonly [number, number] | undefined {
  return c && c.place.kind === 'pdf' ? [c.place.box[0], c.place.box[2]] : undefined;
}

/** The cell of a row lying under a header column's horizontal extent (most overlap, at least half the cell). */
function cellUnder(cells: GridCell[], range: readonly [number, number]): GridCell | undefined {
  let best: GridCell | undefined;
  let bestOverlap = 0;
  for (const c of cells) {
    const x = pdfX(c);
    if (!x) continue;
    const overlap = Math.min(x[1], range[1]) - Math.max(x[0], range[0]);
    if (overlap > bestOverlap && overlap >= (x[1] - x[0]) * 0.5) {
      best = c;
      bestOverlap = overlap;
    }
  }
  return best;
}

/** Parses data rows; returns model rows in print order with wrapped codes merged. */
export function parseCodedRows({
  rows,
  columns,
  width,
  codeSystem,
  columnRanges,
  codeParts,
  unitCodeColumns,
  textColumns,
  codeGroups = [],
}: CodedRowsInput): Row[] {
  const out: Row[] = [];
  if (columns.length === 0) return out;
  const h0 = columns[0].index;
  const valueIndexes = new Set(columns.map((c) => c.index));
  // A row as wide as the header is read by index; a narrower one (empty cells not drawn) by page position.
  const columnOf =
    (r: GridRow) =>
    (i: number, c: GridCell): number | undefined => {
      if (r.cells.length === width) return i;
      const x = pdfX(c);
      if (!columnRanges || !x) return undefined;
      let best: number | undefined;
      let bestOverlap = 0;
      columnRanges.forEach((range, k) => {
        if (!range) return;
        const overlap = Math.min(x[1], range[1]) - Math.max(x[0], range[0]);
        if (overlap > bestOverlap && overlap >= (x[1] - x[0]) * 0.5) {
          best = k;
          bestOverlap = overlap;
        }
      });
      return best;
    };
  const parsed = rows.map((r) => ({
    row: r,
    key: readKey(r.cells, h0, {
      valueIndexes: r.cells.length >= width - 1 ? valueIndexes : undefined,
      columnOf: columnOf(r),
      unitCodeColumns,
      textColumns,
    }),
  }));
  const context: CodeContext = {};

  for (let i = 0; i < parsed.length; i++) {
    const { row } = parsed[i];
    const key = withGroupCodes(completeFragments(parsed[i].key, codeParts, context), row, codeGroups, columnOf(row));
    let cells = row.cells;
    let merged = key;
    // Wrapped code: this line prints 款 digits, the next line only the 2 项 digits (label may continue).
    const next = parsed[i + 1];
    if (
      key.code &&
      key.code.length === 5 &&
      next &&
      !next.key.code &&
      next.row.cells[0] &&
      /^\d{2}$/.test(next.row.cells[0].text.trim())
    ) {
      const suffix = next.row.cells[0].text.trim();
      const thisHas = hasValues(cells, key.keyEnd + 1);
      const nextLabel =
        next.row.cells
          .slice(1)
          .find((c) => isLabelText(c.text))
          ?.text.trim() ?? '';
      const nextHas = hasValues(next.row.cells, 1);
      if (!(thisHas && nextHas)) {
        merged = {
          ...key,
          code: key.code + suffix,
          codeText: `${key.codeText}⏎${suffix}`,
          label: joinWrapped((key.label ?? '') + nextLabel) || null,
          keyEnd: key.keyEnd,
        };
        if (!thisHas && nextHas) {
          cells = next.row.cells;
          merged.keyEnd =
            next.row.cells.findIndex((c) => c.text.trim() === nextLabel) >= 0 && nextLabel
              ? next.row.cells.findIndex((c) => c.text.trim() === nextLabel)
              : 0;
        }
        i++;
      }
    }
    remember(context, merged);
    const model = toRow(row, cells, merged, columns, width, h0, codeSystem, columnRanges);
    if (!model) continue;
    // The first line without code or label right under the header is the total whose "合计" was printed in
    // the header (seed 001, table 05: "栏次 合计").
    if (out.length === 0 && model.kind === 'item' && !model.label && model.cells.some((c) => c.value !== null))
      model.kind = 'total';
    out.push(model);
  }
  return out;
}

function toRow(
  row: GridRow,
  cells: GridCell[],
  key: KeyInfo,
  columns: MatchedColumn[],
  width: number,
  h0: number,
  codeSystem: CatalogSystem | undefined,
  columnRanges?: (readonly [number, number] | undefined)[],
): Row | null {
  const valueStart = key.keyEnd + 1;
  // Which cell index holds value column j.
  let indexOf: (j: number) => number;
  const fullWidth = cells.length >= width - 1 || cells.length > columns[columns.length - 1].index;
  if (fullWidth) {
    // A name printed in the first value column's position pushes the values right (seed 001, 03表); text in
    // later text columns (项目名称 in a budget summary) does not.
    let shift = 0;
    // Not when the name stood in its own column before: then that text is the first value column's own.
    const namedBefore = key.label !== null && key.keyEnd < h0;
    while (!namedBefore && cells[h0 + shift] && isLabelText(cells[h0 + shift].text)) shift++;
    indexOf = (j) => columns[j].index + shift;
  } else indexOf = (j) => valueStart + (columns[j].index - h0);

  // A PDF row whose grid has a different number of columns than the header: match by page position.
  const geometric =
    columnRanges !== undefined &&
    cells.length !== width &&
    cells.every((c) => c.place.kind === 'pdf') &&
    columns.every((c) => columnRanges[c.index]);
  const valueCells = cells.slice(key.keyEnd + 1);
  const modelCells = columns.map((col, j) => {
    const c = geometric ? cellUnder(valueCells, columnRanges[col.index]!) : cells[indexOf(j)];
    return makeCell(col.key, c, row.place);
  });
  const anyValue = modelCells.some((c) => c.value !== null);
  if (!key.code && !key.label && !key.unit && !anyValue) return null;

  const keyTexts = key.keyTexts ? { keyTexts: key.keyTexts } : {};
  if (key.label && isTotalLabel(key.label) && !key.code) {
    return { kind: 'total', label: key.label, ...keyTexts, cells: modelCells, place: row.place };
  }
  if (key.code) {
    const system = systemOf(key.code) ?? codeSystem;
    return {
      kind: 'code',
      code: key.code,
      ...(key.codeText && key.codeText !== key.code ? { codeText: key.codeText } : {}),
      ...(system ? { codeSystem: system } : {}),
      ...(levelOf(key.code) ? { level: levelOf(key.code) } : {}),
      ...(key.otherCodes
        ? {
            otherCodes: key.otherCodes.map((o) => ({
              ...o,
              ...(systemOf(o.code) ? { codeSystem: systemOf(o.code) } : {}),
            })),
          }
        : {}),
      label: key.label,
      ...keyTexts,
      cells: modelCells,
      place: row.place,
    };
  }
  if (key.unit) {
    return {
      kind: 'unit',
      code: key.unit,
      codeSystem: 'unit',
      label: key.label,
      ...keyTexts,
      cells: modelCells,
      place: row.place,
    };
  }
  return { kind: 'item', label: key.label, ...keyTexts, cells: modelCells, place: row.place };
}
