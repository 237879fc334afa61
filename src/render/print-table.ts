import { parseDecimal, toGroupedString } from '../model/decimal.ts';
import type { Column, Row, Table } from '../model/disclosure.ts';
import { isPersonnelCode } from '../catalog/catalog.ts';
import { templateByKey } from '../templates/catalogue.ts';
import type { SectionTemplate, TableTemplate } from '../templates/types.ts';

// A model table laid out the way disclosures print it: title line, 公开NN表 line, 部门 and 单位 lines, a
// (multi-row, merged) header, then one line per row. Every renderer (html, docx, xlsx, pdf via html) draws
// this one grid, so what a reader sees in any format is the same grid, and recognition reads it back into
// the same model. The shape follows the seeds (domain.md §2): coded tables print 科目编码 | 科目名称 | values;
// multi-part tables (01/04 总表, 06 明细表, 收支总表) print their parts side by side.

export interface PrintCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** Right-aligned amount. */
  numeric?: boolean;
}

export interface PrintTable {
  id: string;
  key: string;
  title: string;
  /** "公开01表", when the model has a number. */
  numberLine?: string;
  entityLine?: string;
  unitLine?: string;
  /** Header rows; cells covered by a span are omitted (HTML semantics). */
  header: PrintCell[][];
  body: PrintCell[][];
  columnCount: number;
  /** Leaf header label per grid column (for widths and the xlsx column keys). */
  leafLabels: string[];
  notes: string[];
  emptyStatement?: string;
  /** The source table could not be read: say so where it stood. */
  illegible?: boolean;
}

/** A label column ("科目名称", "项目", "项目（按功能分类）"), not an amount column such as "项目支出". */
export function isNameLabel(label: string): boolean {
  return /名称$/.test(label) || /^项目([（(].*)?$/.test(label);
}

/**
 * Whether a table needs a landscape page: its width estimated in amount-column units (a name column is about
 * three, a code column a little more than one, 行次 half).
 */
export function isWide(t: PrintTable): boolean {
  const width = t.leafLabels.reduce(
    (w, l) => w + (/编码|代码/.test(l) ? 1.2 : /^行次$/.test(l) ? 0.5 : isNameLabel(l) ? 3 : 1),
    0,
  );
  return width > 11;
}

/** Printed when the source table had no title line: still a title, so the table stays a table. */
export const UNTITLED = '未识别标题的表';
/** As the text reader writes an unreadable region, so that every reader can say the same. */
export const ILLEGIBLE_TEXT = '[无法识别]';

interface Leaf {
  path: string[];
  /** How to fill a data row's cell for this grid column. */
  fill: (row: Row) => PrintCell;
}

/** Text of a value cell: as printed when the model keeps it, else the exact value grouped. */
export function cellText(row: Row, column: string): string {
  const c = row.cells.find((x) => x.column === column);
  if (!c) return '';
  if (c.text.trim() !== '') return c.text.trim();
  if (c.value == null) return '';
  const d = parseDecimal(c.value);
  return d ? toGroupedString(d, Math.max(c.decimals, d.scale)) : c.value;
}

const codeOf = (r: Row): string => (r.kind === 'total' ? '' : (r.code ?? ''));
const labelOf = (r: Row): string => r.label ?? '';

function valueLeaf(col: Column): Leaf {
  return { path: splitLabel(col.label), fill: (r) => ({ text: cellText(r, col.key), numeric: true }) };
}

function splitLabel(label: string): string[] {
  const parts = label
    .split('/')
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.length ? parts : [label];
}

/**
 * Header rows from leaf paths: equal parents merge across, short paths merge down. A path starting with
 * "^" is bottom-aligned: its first part stretches down and its last part sits on the last header row
 * ("项目" over "科目编码 | 科目名称", as the seeds print it), so that every header row starts with text.
 */
export function buildHeader(paths: string[][]): PrintCell[][] {
  const bottom = paths.map((p) => p[0] === '^');
  const clean = paths.map((p) => (p[0] === '^' ? p.slice(1) : p));
  const depth = Math.max(1, ...clean.map((p) => p.length));
  // slots[leaf][row]: the segment shown there (its prefix key for merging across), or null when covered.
  type Slot = { key: string; text: string; rowSpan: number; last: boolean } | null;
  const slots: Slot[][] = clean.map((p, i) => {
    const col: Slot[] = Array.from({ length: depth }, () => null);
    const short = depth - p.length;
    p.forEach((text, k) => {
      let row = k;
      let rowSpan = 1;
      if (bottom[i] && short > 0) {
        row = k === 0 ? 0 : k + short;
        rowSpan = k === 0 ? short + 1 : 1;
      } else if (k === p.length - 1) rowSpan = depth - k;
      col[row] = { key: p.slice(0, k + 1).join('/'), text, rowSpan, last: k === p.length - 1 };
    });
    return col;
  });
  const rows: PrintCell[][] = Array.from({ length: depth }, () => []);
  for (let r = 0; r < depth; r++) {
    let i = 0;
    while (i < clean.length) {
      const slot = slots[i][r];
      if (!slot) {
        i++;
        continue;
      }
      let span = 1;
      if (!slot.last) {
        while (i + span < clean.length) {
          const next = slots[i + span][r];
          if (!next || next.last || next.key !== slot.key || next.rowSpan !== slot.rowSpan) break;
          span++;
        }
      }
      const cell: PrintCell = { text: slot.text };
      if (span > 1) cell.colSpan = span;
      if (slot.rowSpan > 1) cell.rowSpan = slot.rowSpan;
      rows[r].push(cell);
      i += span;
    }
  }
  return rows;
}

function hasCodeColumn(s: SectionTemplate | undefined, rows: Row[]): boolean {
  if (s) return !!s.codeSystem && !s.classesByName && !s.econByName;
  return rows.some((r) => r.kind === 'code' || r.kind === 'unit');
}

function itemHeader(s: SectionTemplate | undefined): string {
  const label = s?.label ?? '';
  const m = /（[^）]*）|\([^)]*\)/.exec(label);
  return m ? `项目${m[0]}` : '项目';
}

/** Header text above a part ("收入" / "支出"); parts that are only column groups (06表) print none. */
function sectionBanner(s: SectionTemplate | undefined): string | undefined {
  if (!s) return undefined;
  if (s.key === 'income') return '收入';
  if (s.key.startsWith('expenditure')) return '支出';
  return undefined;
}

function codedLeaves(t: Table): Leaf[] {
  const units = t.rows.filter((r) => r.kind !== 'total');
  const byUnit = units.length > 0 && units.every((r) => r.kind === 'unit');
  const hasCodes = t.rows.some((r) => r.code);
  const leaves: Leaf[] = [];
  const multi = t.columns.some((c) => c.label.includes('/'));
  const under = (label: string) => (multi && hasCodes ? ['^', '项目', label] : [label]);
  if (hasCodes) leaves.push({ path: under(byUnit ? '单位编码' : '科目编码'), fill: (r) => ({ text: codeOf(r) }) });
  leaves.push({
    path: under(byUnit ? '单位名称' : hasCodes ? '科目名称' : '项目'),
    fill: (r) => ({ text: labelOf(r) }),
  });
  for (const c of t.columns) leaves.push(valueLeaf(c));
  return leaves;
}

/** Rows printed on one line share this key (same text line, sheet row, PDF baseline, Word table row). */
function lineKey(r: Row): string {
  const p = r.place;
  switch (p.kind) {
    case 'text':
      return `t${p.line}`;
    case 'sheet':
      return `s${p.sheet}!${p.cell.replace(/^[A-Z]+/, '')}`;
    case 'pdf':
      return `p${p.page}:${Math.round(p.box[1])}`;
    case 'docx':
      return `d${p.block}:${p.row ?? ''}`;
  }
}

/**
 * 06表 as the national template prints it when the model does not say which rows shared a line (an authored
 * model): 301/303 (人员经费) in the first column group, 302 in the second, the rest in the third, and
 * 人员经费合计 / 公用经费合计 on the last line.
 */
export function basicExpenditureLines(rows: Row[]): (Row | undefined)[][] {
  const family = (r: Row) => (r.code && isPersonnelCode(r.code) ? 0 : r.code?.startsWith('302') ? 1 : 2);
  const coded = rows.filter((r) => r.kind === 'code');
  const groups = [0, 1, 2].map((g) => coded.filter((r) => family(r) === g));
  const height = Math.max(0, ...groups.map((g) => g.length));
  const lines: (Row | undefined)[][] = Array.from({ length: height }, (_, i) => groups.map((g) => g[i]));
  const totals = rows.filter((r) => r.kind !== 'code');
  if (totals.length) lines.push([0, 1, 2].map((i) => totals[i]));
  return lines;
}

interface Group {
  section: SectionTemplate | undefined;
  leaves: Leaf[];
}

/**
 * Side-by-side parts. When the model keeps which rows shared a printed line (rows of one line share a
 * place line), the lines are printed as they were; a part missing on a line is matched by the section the
 * column group held on the line before (06表: 302 商品和服务 continues in the second group after 301 ends).
 * Otherwise (an authored model) each part's rows fill its column block from the top.
 */
function sectionLines(t: Table, tpl: TableTemplate | undefined): { groups: Group[]; lines: (Row | undefined)[][] } {
  const lines: Row[][] = [];
  const byKey = new Map<string, Row[]>();
  for (const r of t.rows) {
    const k = lineKey(r);
    let line = byKey.get(k);
    if (!line) {
      line = [];
      byKey.set(k, line);
      lines.push(line);
    }
    line.push(r);
  }
  // Two or more printed lines holding several parts: the model kept the print layout (an authored model's
  // computed totals may share a place once without meaning a line).
  const shared = lines.filter((l) => new Set(l.map((r) => r.section)).size > 1).length >= 2;
  const sectionOrder: (string | undefined)[] = [];
  for (const s of tpl?.sections ?? []) if (t.rows.some((r) => r.section === s.key)) sectionOrder.push(s.key);
  for (const r of t.rows) if (!sectionOrder.includes(r.section)) sectionOrder.push(r.section);

  let placed: (Row | undefined)[][];
  let width: number;
  if (shared) {
    width = Math.max(...lines.map((l) => l.length));
    const last: (string | undefined)[] = Array.from({ length: width }, () => undefined);
    placed = lines.map((line) => {
      const out: (Row | undefined)[] = Array.from({ length: width }, () => undefined);
      if (line.length === width) {
        line.forEach((r, i) => {
          out[i] = r;
        });
      } else {
        let g = 0;
        for (const [i, r] of line.entries()) {
          // The first group at or after g that held this section last; else the next free group that
          // still leaves room for the rows after it.
          let target = -1;
          for (let j = g; j <= width - (line.length - i); j++)
            if (last[j] === r.section) {
              target = j;
              break;
            }
          if (target < 0) target = g;
          out[target] = r;
          g = target + 1;
        }
      }
      out.forEach((r, i) => {
        if (r) last[i] = r.section;
      });
      return out;
    });
  } else if (tpl?.printGroups) {
    placed = basicExpenditureLines(t.rows);
    width = 3;
  } else {
    const parts = sectionOrder.map((s) => t.rows.filter((r) => r.section === s));
    width = parts.length;
    const height = Math.max(0, ...parts.map((p) => p.length));
    placed = Array.from({ length: height }, (_, i) => parts.map((p) => p[i]));
  }

  const groups: Group[] = [];
  for (let g = 0; g < width; g++) {
    const rows = placed.map((l) => l[g]).filter((r): r is Row => !!r);
    const section = tpl?.sections?.[g] ?? tpl?.sections?.find((s) => rows.some((r) => r.section === s.key));
    const key = section?.key ?? rows[0]?.section;
    const cols = t.columns.filter((c) => c.section === key);
    const valueCols = cols.length ? cols : t.columns.filter((c) => !c.section);
    const leaves: Leaf[] = [];
    if (hasCodeColumn(section, rows)) {
      leaves.push({ path: ['科目编码'], fill: (r) => ({ text: codeOf(r) }) });
      leaves.push({ path: ['科目名称'], fill: (r) => ({ text: labelOf(r) }) });
    } else {
      leaves.push({ path: [itemHeader(section)], fill: (r) => ({ text: labelOf(r) }) });
    }
    if (rows.some((r) => r.lineNo !== undefined))
      leaves.push({ path: ['行次'], fill: (r) => ({ text: r.lineNo === undefined ? '' : String(r.lineNo) }) });
    for (const c of valueCols) leaves.push(valueLeaf(c));
    const banner = sectionBanner(section);
    // A header printed as "收入/预算数" already carries the banner.
    groups.push({
      section,
      leaves: banner
        ? leaves.map((l) => ({ ...l, path: l.path[0] === banner ? l.path : [banner, ...l.path] }))
        : leaves,
    });
  }
  return { groups, lines: placed };
}

function emptyish(text: string): boolean {
  return text.trim() === '';
}

export function printTable(t: Table, fallbackEntity?: string | null): PrintTable {
  const tpl = templateByKey(t.key);
  const layout = tpl?.layout ?? (t.rows.some((r) => r.section) ? 'sections' : 'coded');
  let header: PrintCell[][];
  let body: PrintCell[][];
  let leafLabels: string[];

  if (layout === 'sections') {
    const { groups, lines } = sectionLines(t, tpl);
    header = buildHeader(groups.flatMap((g) => g.leaves.map((l) => l.path)));
    leafLabels = groups.flatMap((g) => g.leaves.map((l) => l.path[l.path.length - 1]));
    body = lines.map((line) =>
      groups.flatMap((g, i) => (line[i] ? g.leaves.map((l) => l.fill(line[i]!)) : g.leaves.map(() => ({ text: '' })))),
    );
  } else if (layout === 'single') {
    const leaves = t.columns.map(valueLeaf);
    header = buildHeader(leaves.map((l) => l.path));
    leafLabels = leaves.map((l) => l.path[l.path.length - 1]);
    body = t.rows.map((r) => leaves.map((l) => l.fill(r)));
  } else {
    const leaves = codedLeaves(t);
    header = buildHeader(leaves.map((l) => l.path));
    leafLabels = leaves.map((l) => l.path[l.path.length - 1]);
    body = t.rows.map((r) => leaves.map((l) => l.fill(r)));
  }
  header = header.filter((r) => r.length > 0);
  // A data line with nothing in it would read back as nothing; keep it only when it says something.
  body = body.filter((r) => r.some((c) => !emptyish(c.text)));
  // A table printed without any header or value (declared empty, or unreadable) prints no grid at all.
  if (t.columns.length === 0 && body.length === 0) {
    header = [];
    leafLabels = [];
  }

  const entity = t.entity ?? fallbackEntity ?? undefined;
  return {
    id: t.id,
    key: t.key,
    title: t.title.trim() || tpl?.title || UNTITLED,
    illegible: t.status === 'illegible',
    numberLine: t.number ? `公开${t.number}表` : undefined,
    entityLine: entity ? `部门：${entity}` : undefined,
    unitLine: t.unit ? `单位：${t.unit}` : undefined,
    header,
    body,
    columnCount: leafLabels.length,
    leafLabels,
    notes: t.notes,
    emptyStatement: t.emptyStatement,
  };
}
