import { functionClassByName, isPersonnelCode, levelOf } from '../catalog/catalog.ts';
import type { Row } from '../model/disclosure.ts';
import type { GridCell, GridRow } from '../model/layout.ts';
import { squash, stripNumbering } from '../templates/normalize.ts';
import type { ItemTemplate, SectionTemplate, TableTemplate } from '../templates/types.ts';
import { codeDigits, isAmountCell, isLabelText, isTotalLabel, joinWrapped } from './cells.ts';
import { econCodeByName, type HeaderColumn, isKeyLabel, matchColumns, type MatchedColumn } from './header.ts';
import { makeCell } from './make-cell.ts';

// Tables printed as side-by-side parts: the 总表 (income | expenditure, each 项目 + 行次 + amounts), the
// 06表 (2–3 groups of code + name + amount) and the budget 收支总表 (four parts). The header row that starts the
// most groups fixes where each part begins; every data row is cut at those positions.

export interface Group {
  start: number;
  end: number; // exclusive
  section: SectionTemplate | undefined;
  sectionKey: string;
  lineNoIndex?: number;
  columns: MatchedColumn[];
}

// A part also starts at a header naming its classification (西安 收支总表: 项目 | 预算数 | 支出功能分类科目（按大类） |
// 预算数 | 部门预算支出经济分类科目（按大类） | 预算数 | 政府预算支出经济分类科目（按大类） | 预算数).
const GROUP_START =
  /^(项目|科目编码|科目代码|经济分类科目编码|经济科目编码|支出经济分类科目编码|部门预算支出经济分类科目)|科目(\(按.{1,4}\))?$/;

function startsGroup(label: string): boolean {
  const s = squash(label);
  return GROUP_START.test(s);
}

/** Finds the groups from the header rows and their combined column labels. */
export function findGroups(template: TableTemplate, headerRows: GridRow[], labels: HeaderColumn[]): Group[] {
  let best: number[] = [];
  for (const r of headerRows) {
    const starts = r.cells.map((c, i) => (startsGroup(c.text) ? i : -1)).filter((i) => i >= 0);
    if (starts.length > best.length) best = starts;
  }
  if (best.length === 0) best = [0];
  // A part also starts at a key (name/code/行次) column printed right after a value column, whatever its header
  // says (江苏 收支预算总表: 项目名称 | 金额 | 功能科目名称 | 金额 | 项目名称 | 金额, the second and third parts headed
  // on a lower header line than the first). Taken only when it finds every part the header words found, and more.
  const byKeys = keyAfterValueStarts(labels);
  if (byKeys.length > best.length && best.every((s) => byKeys.includes(s))) best = byKeys;
  const width = labels.length;
  const sections = template.sections ?? [];
  const used = new Set<string>();
  return best.map((start, g) => {
    const end = best[g + 1] ?? width;
    const groupLabels = labels.filter((l) => l.index >= start && l.index < end);
    const text = groupLabels.map((l) => l.label).join(' ');
    // A part is known by its header words ("收入", "按功能分类"), else by its order.
    let section = sections.find((s) => !used.has(s.key) && s.match.some((re) => re.test(text)));
    if (!section) section = sections.find((s) => !used.has(s.key));
    if (section) used.add(section.key);
    const lineNo = groupLabels.find((l) => /^行次$|\/行次$/.test(l.label));
    const valueLabels = groupLabels.filter(
      (l) => l.index !== start && l.index !== lineNo?.index && !/科目名称$|^项目/.test(l.label),
    );
    return {
      start,
      end,
      section,
      sectionKey: section?.key ?? `g${g + 1}`,
      lineNoIndex: lineNo?.index,
      columns: matchColumns(template, valueLabels, section?.key),
    };
  });
}

/** Column indexes where a key column follows a value column (and column 0): the starts of side-by-side parts. */
function keyAfterValueStarts(labels: HeaderColumn[]): number[] {
  const starts: number[] = [];
  let prev: 'key' | 'value' | undefined;
  for (const l of labels) {
    const last = l.label.split('/').pop() ?? '';
    if (!last) continue;
    const kind = isKeyLabel(last) ? 'key' : 'value';
    if (kind === 'key' && (prev === undefined || prev === 'value')) starts.push(l.index);
    prev = kind;
  }
  return starts;
}

function matchItem(items: ItemTemplate[], section: string, label: string, seen: Set<string>): ItemTemplate | undefined {
  const s = squash(stripNumbering(label));
  const candidates = items.filter(
    (it) => (it.section === section || it.section === '') && it.match.some((re) => re.test(s)),
  );
  return (
    candidates.find((it) => it.after && seen.has(it.after) && !seen.has(it.key)) ??
    candidates.find((it) => !it.after && !seen.has(it.key)) ??
    candidates.find((it) => !it.after)
  );
}

interface Slice {
  group: Group;
  cells: GridCell[];
  offset: number;
}

export function parseSectionRows(template: TableTemplate, rows: GridRow[], groups: Group[]): Row[] {
  const out: Row[] = [];
  const seen = new Map<string, Set<string>>();
  for (const row of rows) {
    const slices: Slice[] = groups.map((g) => ({ group: g, cells: row.cells.slice(g.start, g.end), offset: g.start }));
    // A summary label whose amount drifted into the next group's cells ("公用经费合计 | | | … | 33.10").
    for (let s = 0; s < slices.length - 1; s++) {
      const a = slices[s];
      const b = slices[s + 1];
      const aLabel = a.cells.find((c) => isLabelText(c.text));
      const aHas = a.cells.some((c) => isAmountCell(c) && c !== a.cells[0]);
      const bKey = b.cells.some((c) => isLabelText(c.text) || codeDigits(c.text));
      if (aLabel && !aHas && !bKey && b.cells.some(isAmountCell)) {
        const values = b.cells.filter(isAmountCell);
        a.cells = [a.cells[0], ...values];
        b.cells = [];
      }
    }
    for (const sl of slices) {
      const r = sliceToRow(template, sl, row, seen);
      if (r) out.push(r);
    }
  }
  return out;
}

function sliceToRow(template: TableTemplate, sl: Slice, row: GridRow, seen: Map<string, Set<string>>): Row | null {
  const { group, cells } = sl;
  const section = group.section;
  let code: string | undefined;
  let codeText: string | undefined;
  const labels: string[] = [];
  let lineNo: number | undefined;
  for (let i = 0; i < cells.length; i++) {
    const t = cells[i].text.trim();
    const abs = i + sl.offset;
    if (!t) continue;
    if (abs === group.lineNoIndex && /^\d{1,3}$/.test(t)) {
      lineNo = Number(t);
      continue;
    }
    const digits = codeDigits(t);
    if (digits && i === 0) {
      code = digits;
      codeText = t;
      continue;
    }
    if (isLabelText(t) && !group.columns.some((c) => c.index === abs)) {
      labels.push(t);
    }
  }
  const label = labels.length ? joinWrapped(labels.join('')) : null;
  // Value cells: by header position within the group; when the slice was compacted (drifted summary), in order.
  const compacted =
    cells.length > 0 && cells.length < group.end - group.start && !cells.some((c, i) => i > 0 && c.text === '');
  const values = group.columns.map((col, j) => {
    const c = compacted ? cells.filter(isAmountCell)[j] : cells[col.index - sl.offset];
    return makeCell(col.key, c, row.place);
  });
  const anyValue = values.some((v) => v.value !== null);
  if (!label && !code && !anyValue) return null;
  if (!label && !code && lineNo === undefined && !anyValue) return null;

  const sectionKey = group.sectionKey;
  const seenHere = seen.get(sectionKey) ?? new Set<string>();
  seen.set(sectionKey, seenHere);

  if (code) {
    const system = template.codeSystem ?? section?.codeSystem;
    return {
      kind: 'code',
      // Print groups (06表): a line belongs to the economic section of its class, not to the group it stands in.
      section:
        system === 'dept_econ' && template.printGroups ? (isPersonnelCode(code) ? 'personnel' : 'public') : sectionKey,
      code,
      ...(codeText !== code ? { codeText } : {}),
      ...(system ? { codeSystem: system } : {}),
      ...(levelOf(code) ? { level: levelOf(code) } : {}),
      label,
      ...(lineNo !== undefined ? { lineNo } : {}),
      cells: values,
      place: row.place,
    };
  }
  if (label) {
    const it = template.items ? matchItem(template.items, sectionKey, label, seenHere) : undefined;
    if (it) {
      seenHere.add(it.key);
      return {
        kind: /total|grand_total/.test(it.key) || isTotalLabel(label) ? 'total' : 'item',
        section: it.section || sectionKey,
        label,
        item: it.key,
        ...(lineNo !== undefined ? { lineNo } : {}),
        cells: values,
        place: row.place,
      };
    }
    if (section?.classesByName) {
      const cls = functionClassByName(label);
      if (cls) {
        return {
          kind: 'code',
          section: sectionKey,
          code: cls.code,
          codeSystem: 'function',
          level: '类',
          label,
          ...(lineNo !== undefined ? { lineNo } : {}),
          cells: values,
          place: row.place,
        };
      }
    }
    if (section?.econByName) {
      const econ = econCodeByName(section.econByName, stripNumbering(label), true);
      if (econ) {
        return {
          kind: 'code',
          section: sectionKey,
          code: econ,
          codeSystem: section.econByName,
          ...(levelOf(econ) ? { level: levelOf(econ) } : {}),
          label,
          ...(lineNo !== undefined ? { lineNo } : {}),
          cells: values,
          place: row.place,
        };
      }
    }
  }
  return {
    kind: label && isTotalLabel(label) ? 'total' : 'item',
    section: sectionKey,
    label,
    ...(lineNo !== undefined ? { lineNo } : {}),
    cells: values,
    place: row.place,
  };
}
