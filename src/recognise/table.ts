import type { AmountUnit, Column, DocumentKind, PerformanceTable, Row, Table } from '../model/disclosure.ts';
import type { GridRow, ReadWarning } from '../model/layout.ts';
import { matchNote, matchTitle, matchUntitledHeader, matchUntitledPage } from '../templates/catalogue.ts';
import { squash } from '../templates/normalize.ts';
import type { TableTemplate } from '../templates/types.ts';
import { codeDigits, isAmountCell, isColumnNumberRow, isLabelText, isTotalLabel } from './cells.ts';
import { columnLabels, isKeyLabel, matchColumns, type HeaderColumn, type MatchedColumn } from './header.ts';
import { makeCell } from './make-cell.ts';
import { parseCodedRows, UNIT_RANK, type CodePartColumns } from './rows-coded.ts';
import { findGroups, parseSectionRows } from './rows-sections.ts';
import { isEmptyStatement, type TableRegion } from './segment.ts';

// One table region → one model table: template by title (or by its note when the title was lost), metadata
// from the lines around it, header analysis, then rows by the template's layout.

/** Notes name the table they explain (templates' `notes`; used only when a title is missing). */
function templateFromNotes(region: TableRegion): TableTemplate | undefined {
  for (const n of region.notes) {
    const t = matchNote(n.text);
    if (t) return t;
  }
  return undefined;
}

function metaValue(region: TableRegion, re: RegExp): string | undefined {
  for (const m of region.meta) {
    const x = re.exec(m.text.replace(/\s+/g, ' ').trim());
    if (x) return x[1].trim();
  }
  return undefined;
}

interface TableMeta {
  unit: AmountUnit | null;
  unitText?: string;
  number?: string;
  entity?: string;
}

function readMeta(region: TableRegion): TableMeta {
  let unit: AmountUnit | null = null;
  let unitText: string | undefined;
  let entity: string | undefined;
  // One printed line may carry several items ("单位：万元部门：佛山市轨道交通局"): split before each key.
  const parts = region.meta.flatMap((m) =>
    m.text
      .replace(/\s+/g, '')
      .split(/(?=(?:金额|计量)?单位[:：])|(?=(?:公开)?部门(?:[（(]单位[)）])?[:：])/)
      .filter(Boolean),
  );
  for (const s of parts) {
    const u = /(?:金额|计量)?单位[:：](万元|元|万)(?![\u4e00-\u9fa5])/.exec(s);
    if (u) {
      unit = u[1] === '元' ? '元' : '万元';
      unitText = u[1];
      continue;
    }
    const e =
      /^(?:公开)?(?:部门|单位|填报单位|编制单位|编制部门|填报部门|单位名称|部门名称|预算单位|(?:预算|资金|项目)?主管部门)(?:[（(](?:单位|部门|盖章)[)）])?[:：](?:\d{3,9}-)?(.+)$/.exec(
        s,
      );
    if (e && !entity) entity = e[1];
  }
  const number = metaValue(region, /^公开\s*(\d{1,2})\s*表$/) ?? /公开\s*(\d{1,2})\s*表/.exec(region.title)?.[1];
  return { unit, unitText, number, entity };
}

/**
 * The unit a table states in its column headers when it prints no 单位 line (深圳/广州 重点项目 tables:
 * “预算数（万元）”, “预算数（单位：万元）”): taken only when every header that names a unit names the same one.
 */
export function headerUnit(columns: readonly { label: string }[]): AmountUnit | null {
  const units = new Set<AmountUnit>();
  for (const c of columns) {
    const u = /[（(](?:(?:金额|计量)?单位[:：])?(万元|元)[)）]/.exec(c.label);
    if (u) units.add(u[1] === '元' ? '元' : '万元');
  }
  return units.size === 1 ? [...units][0] : null;
}

/** True for a row that carries data (not a header line): amounts with decimals, a code, or a total label. */
function isDataRow(row: GridRow, layout: TableTemplate['layout']): boolean {
  if (isColumnNumberRow(row.cells)) return false;
  if (row.cells.some((c) => /\d\.\d/.test(c.text) && isAmountCell(c))) return true;
  if (layout === 'sections')
    return (
      row.cells.some((c) => isAmountCell(c)) && !row.cells.every((c) => !c.text || /^\d{1,2}$/.test(c.text.trim()))
    );
  if (layout === 'single') return false;
  const first = row.cells.slice(0, 4).map((c) => c.text.trim());
  if (first.some((t) => codeDigits(t) !== undefined) && !first.some((t) => /^(类|款|项)$/.test(t))) return true;
  // A 合计 line: the label in the key columns, and nothing but amounts (or nothing) after it. A header row
  // that prints "合计" as a column caption has more captions beside it.
  // The label may stand further right, after a 序号 and blank code columns (西安 2022 政府采购: "1 | | | | | 合计 | … | 35 |
  // … | 7998080", amounts in 元 without decimals).
  const lead = row.cells.findIndex((c) => c.text.trim() !== '' && !/^\d{1,3}$/.test(c.text.trim()));
  const inFirst = first.findIndex((t) => isTotalLabel(t));
  const at = inFirst >= 0 ? inFirst : lead >= 0 && isTotalLabel(row.cells[lead].text.trim()) ? lead : -1;
  return (
    at >= 0 && row.cells.every((c, i) => i <= at || !c.text.trim() || isAmountCell(c) || /^[-—]+$/.test(c.text.trim()))
  );
}

/**
 * A list number opening a cell ("一、部门预算", "1、财政拨款", "（1）"): in a table of parts, a body line, never a header
 * caption, even with no amount on it (西安 2020 收支总表: "一、部门预算" on every part above the first amounts).
 */
const LIST_NUMBER = /^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[、．](?!\d))/;

function isListedLine(row: GridRow): boolean {
  return row.cells.some((c) => LIST_NUMBER.test(c.text.trim()));
}

/**
 * Header rows printed at the foot of one page, re-cut to the columns of the grid that continues them on the next
 * page: each cell goes to the first column of the new grid that starts inside its horizontal extent, and spans the
 * new columns that lie within it (江苏 2018: "收入 | 支出" at the foot of p.10, "项目名称 | 金额 | 支出用途…" on p.11).
 * Null when either part has no PDF geometry.
 */
function recutHeader(rows: GridRow[], next: GridRow[]): GridRow[] | null {
  const widest = next.reduce<GridRow | undefined>((w, r) => (!w || r.cells.length > w.cells.length ? r : w), undefined);
  const boxes = widest?.cells.map((c) => (c.place.kind === 'pdf' ? c.place.box : null)) ?? [];
  if (!boxes.length || boxes.some((b) => !b) || rows.some((r) => r.cells.some((c) => c.place.kind !== 'pdf')))
    return null;
  const lefts = (boxes as [number, number, number, number][]).map((b) => b[0]);
  const rights = (boxes as [number, number, number, number][]).map((b) => b[2]);
  const tol = 3;
  return rows.map((r) => {
    const cells: GridRow['cells'] = lefts.map((_, i) => ({ text: '', place: widest!.cells[i].place }));
    for (const c of r.cells) {
      if (c.place.kind !== 'pdf' || !c.text.trim()) continue;
      const [x0, , x1] = c.place.box;
      const first = lefts.findIndex((l) => l >= x0 - tol && l < x1 - tol);
      if (first < 0) continue;
      let span = 0;
      while (first + span < lefts.length && rights[first + span] <= x1 + tol) span++;
      cells[first] = { ...c, colSpan: Math.max(1, span) };
    }
    return { ...r, cells };
  });
}

function splitHeader(grids: GridRow[][], layout: TableTemplate['layout']): { header: GridRow[]; data: GridRow[] } {
  let header: GridRow[] = [];
  const data: GridRow[] = [];
  const rowKey = (r: GridRow) => squash(r.cells.map((c) => c.text).join(''));
  grids.forEach((rows, g) => {
    let started = false;
    // A page that ended inside the header (title and first header lines at its foot, no body row yet): the next
    // grid's header lines continue it, re-cut to that grid's columns — when that grid does reach a body row (a list
    // of text lines continued over pages, with no data row anywhere, keeps its rows).
    let headerContinues = g > 0 && !data.length && header.length > 0 && rows.some((r) => isDataRow(r, layout));
    if (headerContinues) {
      // Without page geometry the two parts can only be joined column by column, when they have the same width.
      const recut = recutHeader(header, rows);
      const width = (rs: GridRow[]) => Math.max(0, ...rs.map((r) => r.cells.length));
      if (recut) header = recut;
      else headerContinues = width(header) === width(rows);
    }
    for (const r of rows) {
      if (isColumnNumberRow(r.cells)) continue;
      if (g === 0 || (headerContinues && !started)) {
        if (!started && (isDataRow(r, layout) || (layout === 'sections' && header.length > 0 && isListedLine(r))))
          started = true;
        if (headerContinues && !started && header.some((h) => rowKey(h) === rowKey(r))) continue;
        (started ? data : header).push(r);
        continue;
      }
      // A continued grid: rows at its top that repeat the header are dropped; any other row is data, even one
      // without amounts (a 收支总表 line left blank at the top of the next page).
      if (!started && header.some((h) => rowKey(h) === rowKey(r))) continue;
      started = true;
      data.push(r);
    }
  });
  return { header, data };
}

/** Horizontal extent of each header column on a PDF page (from the lowest header cell in that column). */
function columnRanges(header: GridRow[], width: number): (readonly [number, number] | undefined)[] | undefined {
  if (!header.length || !header.every((r) => r.cells.every((c) => c.place.kind === 'pdf'))) return undefined;
  const out: (readonly [number, number] | undefined)[] = [];
  for (let i = 0; i < width; i++) {
    for (let r = header.length - 1; r >= 0; r--) {
      const c = header[r].cells[i];
      if (c && c.place.kind === 'pdf' && (c.colSpan ?? 1) === 1) {
        out[i] = [c.place.box[0], c.place.box[2]];
        break;
      }
    }
  }
  return out;
}

/**
 * Columns before the first amount column that print only text in the data rows (广州 "支出项目类别（资金使用单位）",
 * whatever a region calls its name column) are part of the code/name block, not value columns: read as values
 * they would take the names and push every amount one column to the right. A table whose header has its own
 * name column (会议名称 | 时间 | 人数 | 金额) keeps such columns as columns: there they are details of the line.
 */
function leadingTextColumnsAsKey(
  matched: MatchedColumn[],
  labels: HeaderColumn[],
  data: GridRow[],
  width: number,
): MatchedColumn[] {
  if (labels.some((h) => /名称$|^项目$/.test(h.label.split('/').pop() ?? ''))) return matched;
  const full = data.filter((r) => r.cells.length === width);
  let k = 0;
  while (k < matched.length - 1 && !matched[k].key.match(/^(total|current_total)$/)) {
    const cells = full.map((r) => r.cells[matched[k].index]);
    if (cells.some(isAmountCell) || !cells.some((c) => c && isLabelText(c.text))) break;
    k++;
  }
  return k ? matched.slice(k) : matched;
}

/**
 * Columns without amounts that lie before a key column (苏州/无锡 政府采购: 采购品目大类 | 专项名称 | 经济科目 |
 * 采购品目名称 | 采购组织形式 | amounts) belong to the key block: read as the first value column they would take the
 * 合计 line's label position and shift its amounts one column. Text columns after the last key column (采购组织形式,
 * 会议费表's 时间) stay columns of the line.
 */
function textColumnsBeforeKeys(
  matched: MatchedColumn[],
  labels: HeaderColumn[],
  data: GridRow[],
  width: number,
): MatchedColumn[] {
  const full = data.filter((r) => r.cells.length === width);
  if (!full.length) return matched;
  const hasAmounts = (i: number) => full.some((r) => isAmountCell(r.cells[i]));
  const firstAmount = matched.find((c) => hasAmounts(c.index))?.index ?? width;
  const lastKey = Math.max(
    -1,
    ...labels.filter((h) => h.label && h.index < firstAmount && isKeyLabel(h.label)).map((h) => h.index),
  );
  return matched.filter((c) => c.index > lastKey || hasAmounts(c.index));
}

/**
 * Further code groups printed in parts after the line's own code (西安 政府采购: … 数量 | 部门预算支出经济科目编码
 * 类 | 款 | 政府预算支出经济科目编码 类 | 款 | …): each "X编码/类" column and the 款/项 columns right of it. Their digits
 * are the line's further codes ("302 | 27" → 30227), never amounts.
 */
function extraCodeGroups(labels: HeaderColumn[]): { label: string; columns: number[] }[] {
  const starts = labels.filter((h) => /(编码|代码|科目)\/类$/.test(h.label));
  // The first group is the line's own code (科目编码 类 | 款 | 项), read by codePartColumns.
  return starts.slice(1).map((s) => {
    const columns = [s.index];
    for (const part of ['款', '项']) {
      const next = labels[columns[columns.length - 1] + 1];
      if (next?.label === part) columns.push(next.index);
    }
    return { label: s.printed.replace(/\/类$/, ''), columns };
  });
}

/** Header columns that print the 类, 款 and 项 parts of a code ("科目编码/类" | "科目编码/款" | "科目编码/项"). */
function codePartColumns(labels: HeaderColumn[]): CodePartColumns | undefined {
  const at = (part: string) => labels.find((h) => (h.label.split('/').pop() ?? '') === part)?.index;
  const parts: CodePartColumns = { cls: at('类'), kuan: at('款'), xiang: at('项') };
  return parts.kuan !== undefined || parts.xiang !== undefined ? parts : undefined;
}

/** The printed label of a line: its text cells before the first amount ("预算数"), or null. */
function leadingLabel(r: GridRow): string | null {
  const parts: string[] = [];
  for (const c of r.cells) {
    if (isAmountCell(c)) break;
    if (isLabelText(c.text)) parts.push(c.text.trim());
  }
  return parts.length ? squash(parts.join('')) : null;
}

const SIDE_LINE = /^(预算|决算)数?$/;

/**
 * Rows of a one-line table (三公 决算表). The usual print has 预算数 | 决算数 column groups and one line; some
 * print the items as columns and 预算数 / 决算数 as two lines (西安 公开09表). Then each line's columns are read
 * as that side's ("预算数/公务接待费" → budget.reception), and the line keeps its label.
 */
function singleRows(
  template: TableTemplate | undefined,
  labels: HeaderColumn[],
  data: GridRow[],
): { columns: Column[]; rows: Row[] } {
  const lines = data.filter((r) => r.cells.some(isAmountCell));
  const valueLabels = labels.filter((h) => h.label && !isKeyLabel(h.label));
  const headerHasSides = valueLabels.some((h) => /^(预算|决算)数?(\/|$)/.test(h.label));
  const transposed = !headerHasSides && lines.length > 0 && lines.every((r) => SIDE_LINE.test(leadingLabel(r) ?? ''));
  if (!transposed) {
    const matched = matchColumns(template, labels);
    return {
      columns: matched.map((c) => ({ key: c.key, label: c.label })),
      rows: lines.map((r) => ({
        kind: 'item' as const,
        label: null,
        item: 'three_public',
        cells: matched.map((c) => makeCell(c.key, r.cells[c.index], r.place)),
        place: r.place,
      })),
    };
  }
  const columns: Column[] = [];
  const rows: Row[] = lines.map((r) => {
    const side = leadingLabel(r)!.replace(/数?$/, '数');
    const matched = matchColumns(
      template,
      valueLabels.map((h) => ({ ...h, label: `${side}/${h.label}`, printed: `${side}/${h.printed}` })),
    );
    for (const c of matched) if (!columns.some((x) => x.key === c.key)) columns.push({ key: c.key, label: c.label });
    return {
      kind: 'item' as const,
      label: side,
      item: 'three_public',
      cells: matched.map((c) => makeCell(c.key, r.cells[c.index], r.place)),
      place: r.place,
    };
  });
  return { columns, rows };
}

/** Header columns that print a budget unit's code (单位编码, 部门代码, 单位代码). */
function unitCodeColumns(labels: HeaderColumn[]): Map<number, string> {
  return new Map(
    labels
      .filter((h) => /^(预算)?(单位|部门)(编码|代码|编号)$/.test(h.label.split('/').pop() ?? ''))
      .map((h) => [h.index, h.printed]),
  );
}

/**
 * Text key columns before the first value column, ranked as the row's label: the project or item (项目名称, 专项名称,
 * 采购项目) or the year (年度) first, then another name (采购品目名称, 科目名称), then the unit the line belongs to
 * (单位名称, 预算单位), then categories and details (项目类别, 采购目录, 经济科目), last an identifier (项目编号 "A").
 */
function textKeyColumns(labels: HeaderColumn[], firstValue: number): Map<number, { label: string; rank: number }> {
  const out = new Map<number, { label: string; rank: number }>();
  for (const h of labels) {
    if (h.index >= firstValue || !h.label) continue;
    const last = h.label.split('/').pop() ?? '';
    if (/^(类|款|项)$/.test(last)) continue;
    const rank = /(编码|代码|编号)$|^序号$/.test(last)
      ? -1
      : /^(支出)?项目类别$/.test(last)
        ? 0
        : /^预算单位|(单位|部门)(名称)?$/.test(last)
          ? UNIT_RANK
          : /(项目|专项)(名称)?$|^(年度|年份)$/.test(last)
            ? 3
            : /名称$/.test(last)
              ? 2
              : 0;
    out.set(h.index, { label: h.printed, rank });
  }
  return out;
}

/** Do the header rows name at least `minSections` of the parts (each in a cell of its own)? */
function printsParts(parts: NonNullable<TableTemplate['parts']>, header: GridRow[]): boolean {
  const cells = header.flatMap((r) => r.cells.map((c) => squash(c.text))).filter(Boolean);
  const named = parts.sections.filter((sec) => cells.some((c) => sec.match.some((re) => re.test(c))));
  return named.length >= parts.minSections;
}

export type RecognisedRegion =
  | { kind: 'table'; table: Table; template?: TableTemplate }
  | { kind: 'performance'; table: PerformanceTable; template: TableTemplate };

export function recogniseRegion(
  region: TableRegion,
  id: string,
  docKind: DocumentKind | null,
  warnings: ReadWarning[],
): RecognisedRegion {
  let template = region.title ? matchTitle(region.title, docKind) : undefined;
  if (!template && region.inferredFrom === 'note') {
    template = templateFromNotes(region);
    warnings.push({
      code: 'table-title-missing',
      message: `表格标题缺失，根据表注推断为“${template?.title ?? '未知表'}”。`,
      messageEn: `A table title is missing; inferred "${template?.title ?? 'unknown'}" from its note.`,
      place: region.place,
    });
  }
  // A performance table continued without its title (北京 附件2 prints one project per page): its first row
  // names the project.
  if (!template && !region.title) {
    const head = region.grids[0]?.rows.slice(0, 6) ?? [];
    const texts = head.flatMap((r) => r.cells.map((c) => c.text));
    // Else the form its header captions name (a continuation page of one project's indicators, 指标名称 | 指标值).
    template = matchUntitledPage(head[0]?.cells[0]?.text ?? '', texts) ?? matchUntitledHeader(texts);
  }
  const grids = region.grids.map((g) => g.rows);
  if (template?.layout === 'text') {
    const rows = grids.flat().map((r) => r.cells.map((c) => c.text.trim()));
    const projectRow = rows.find((r) => squash(r[0] ?? '') === '项目名称');
    return {
      kind: 'performance',
      template,
      table: {
        id,
        kind: template.performanceKind ?? 'other',
        title: region.title,
        ...(projectRow ? { project: projectRow.slice(1).find((t) => t) } : {}),
        rows,
        ...(region.notes.length
          ? { notes: region.notes.map((n) => n.text), notePlaces: region.notes.map((n) => n.place) }
          : {}),
        place: region.place,
      },
    };
  }

  // A table printed in the 收支总表's side-by-side parts is read by its parts variant (templates' `parts`).
  if (template?.parts && printsParts(template.parts, region.grids[0]?.rows.slice(0, 3) ?? [])) {
    const { sections, columns, items } = template.parts;
    template = { ...template, layout: 'sections', codeSystem: undefined, sections, columns, items };
  }
  const meta = readMeta(region);
  const layout = template?.layout ?? 'coded';
  const { header, data } = splitHeader(grids, layout);
  const labels = columnLabels(header, layout === 'coded');
  const width = Math.max(0, ...header.map((r) => r.cells.length));
  let columns: Column[] = [];
  let rows: Row[] = [];

  if (layout === 'sections' && template) {
    const groups = findGroups(template, header, labels);
    columns = groups.flatMap((g) => g.columns.map((c) => ({ key: c.key, label: c.label, section: g.sectionKey })));
    rows = parseSectionRows(template, data, groups);
    // Print groups (06表): rows carry their economic section (人员/公用) instead of the group, under one column.
    if (template.printGroups) {
      const c = columns[0];
      columns = c ? [{ key: c.key, label: c.label }] : [];
    }
  } else if (layout === 'single') {
    const single = singleRows(template, labels, data);
    columns = single.columns;
    rows = single.rows;
  } else {
    const groups = extraCodeGroups(labels);
    const inGroup = new Set(groups.flatMap((g) => g.columns));
    const matched = textColumnsBeforeKeys(
      leadingTextColumnsAsKey(matchColumns(template, labels), labels, data, width),
      labels,
      data,
      width,
    ).filter((c) => !inGroup.has(c.index));
    columns = matched.map((c) => ({ key: c.key, label: c.label }));
    rows = parseCodedRows({
      rows: data,
      columns: matched,
      width,
      codeSystem: template?.codeSystem,
      columnRanges: columnRanges(header, width),
      codeParts: codePartColumns(labels),
      unitCodeColumns: unitCodeColumns(labels),
      textColumns: textKeyColumns(labels, matched[0]?.index ?? width),
      codeGroups: groups,
    });
  }

  const emptyNote = region.notes.find((n) => isEmptyStatement(n.text));
  const hasValue = rows.some((r) => r.cells.some((c) => c.value !== null && c.text.trim() !== '--'));
  const status = hasValue ? 'data' : region.illegible.length ? 'illegible' : 'empty';
  if (template && columns.length && template.columns.length && layout !== 'sections') {
    const missing = template.columns.filter((t) => !t.optional && !columns.some((c) => c.key === t.key));
    if (missing.length && missing.length < template.columns.length && status === 'data' && template.kind === '决算') {
      warnings.push({
        code: 'columns-missing',
        message: `“${region.title || template.title}”缺少列：${missing.map((m) => m.label).join('、')}。`,
        messageEn: `"${template.title}" lacks columns: ${missing.map((m) => m.key).join(', ')}.`,
        place: region.place,
      });
    }
  }

  const table: Table = {
    id,
    key: template?.key ?? 'unknown',
    ...(template ? { template: template.key } : {}),
    title: region.title,
    ...(meta.number ? { number: meta.number } : {}),
    ...(meta.entity ? { entity: meta.entity } : {}),
    unit: meta.unit ?? headerUnit(columns),
    status,
    ...(emptyNote ? { emptyStatement: emptyNote.text } : {}),
    notes: region.notes.map((n) => n.text),
    notePlaces: region.notes.map((n) => n.place),
    columns,
    rows,
    place: region.place,
  };
  if (meta.unitText === '万') {
    warnings.push({
      code: 'unit-truncated',
      message: `“${region.title}”的金额单位印为“万”，按万元读取。`,
      messageEn: `"${region.title}" prints its unit as "万"; read as 万元.`,
      place: region.meta[0]?.place ?? region.place,
    });
  }
  return { kind: 'table', table, template };
}
