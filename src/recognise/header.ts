import type { GridRow } from '../model/layout.ts';
import { entries as catalogEntries, type CatalogSystem } from '../catalog/catalog.ts';
import { squash } from '../templates/normalize.ts';
import type { ColumnTemplate, TableTemplate } from '../templates/types.ts';

// Header analysis: multi-row headers become one label per grid column ("预算数/公务用车购置及运行维护费/小计"),
// with a spanned parent label carried right over the columns its children occupy. Labels are then matched to
// the template's columns.

export interface HeaderColumn {
  index: number;
  /** Squashed label, parent/child joined with "/". */
  label: string;
  /** Printed label (unsquashed), for the model. */
  printed: string;
}

/**
 * Labels per column index. An empty header cell takes the text of the nearest non-empty cell to its left in
 * the same row when the row below has text in that column (it is covered by a merged parent).
 */
export function columnLabels(headerRows: GridRow[], dropKeyChildren = false): HeaderColumn[] {
  const width = Math.max(0, ...headerRows.map((r) => r.cells.length));
  const grid: string[][] = headerRows.map((r) =>
    Array.from({ length: width }, (_, i) => r.cells[i]?.text.trim() ?? ''),
  );
  const textBelow = (r: number, i: number) => grid.slice(r + 1).some((row) => row[i] !== '');
  const filled = grid.map((row, r) => {
    const out = [...row];
    let parent = '';
    for (let i = 0; i < width; i++) {
      if (row[i]) {
        // Only a label with children under its own column spans right (a merged parent); key labels never do.
        parent = textBelow(r, i) && !isKeyLabel(row[i]) ? row[i] : '';
      } else if (parent && textBelow(r, i)) out[i] = parent;
      else parent = '';
    }
    return out;
  });
  const cols: HeaderColumn[] = [];
  for (let i = 0; i < width; i++) {
    const parts: string[] = [];
    for (const row of filled) {
      const t = row[i];
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    // Under a value label, a key label is extraction noise from a shifted header row (seed 001, 收入决算表).
    const kept =
      dropKeyChildren && parts.length > 1 && !isKeyLabel(parts[0])
        ? parts.filter((p, k) => k === 0 || !/科目名称|编码|代码/.test(squash(p)))
        : parts;
    cols.push({ index: i, label: kept.map(squash).join('/'), printed: kept.join('/') });
  }
  return cols;
}

/** Header labels of code/name columns (not values). */
export function isKeyLabel(label: string): boolean {
  const s = squash(label);
  return (
    /^项目$|^项目[(/]/.test(s) ||
    /^(类|款|项|栏次|行次)($|\/)/.test(s) ||
    /^(科目|功能分类|经济分类|功能科目|单位(编码|代码|名称)|科目(编码|代码|名称))/.test(s) ||
    /(编码|代码|编号|科目名称|单位名称|名称)$/.test(s) ||
    // a classification named as the header over its code and name columns ("部门预算支出经济分类科目",
    // "支出功能分类科目（按大类）"), and the line-category column of tables without codes ("支出项目类别")
    /科目([(（][^)）]*[)）])?$/.test(s) ||
    // …or without 科目 (西安 2020: "支出功能分类 | 预算数 | 部门预算支出经济分类 | 预算数 | 政府预算支出经济分类 | 预算数")
    /(功能|经济)分类$/.test(s) ||
    /^(支出)?项目类别$/.test(s) ||
    /^序号$/.test(s) ||
    /^(年度|年份)$/.test(s) ||
    // 深圳 prints the budget unit as the first column, sometimes with a child header under it
    /^预算单位($|\/)/.test(s)
  );
}

export interface MatchedColumn {
  index: number;
  key: string;
  label: string;
}

const econNameIndex = new Map<CatalogSystem, Map<string, string>>();
function econByName(system: CatalogSystem): Map<string, string> {
  let m = econNameIndex.get(system);
  if (!m) {
    m = new Map();
    // Where two codes share a name (an old code, or noise in the observed catalogue), the one seen in more
    // documents wins.
    const seen = new Map<string, number>();
    for (const e of catalogEntries(system)) {
      for (const n of [e.name, ...(e.aliases ?? [])]) {
        const k = squash(n);
        if (!m.has(k) || (e.observedDocs ?? 0) > (seen.get(k) ?? 0)) {
          m.set(k, e.code);
          seen.set(k, e.observedDocs ?? 0);
        }
      }
    }
    econNameIndex.set(system, m);
  }
  return m;
}

/**
 * Code of an economic class printed as a name ("工资奖金津补贴" → 50101), when the catalogue knows it. With
 * `preferClass`, a 类 of that name wins over a 款 that shares it ("其他支出" → 599, not 59999): summary tables
 * list classes.
 */
export function econCodeByName(system: CatalogSystem, label: string, preferClass = false): string | undefined {
  const key = squash(label);
  if (preferClass) {
    const cls = catalogEntries(system).find((e) => e.level === '类' && squash(e.name) === key);
    if (cls) return cls.code;
  }
  return econByName(system).get(key);
}

function matchTemplateColumn(cols: ColumnTemplate[], label: string, section?: string): ColumnTemplate | undefined {
  const last = label.split('/').pop() ?? label;
  return (
    cols.find((c) => (c.section === undefined || c.section === section) && c.match.some((re) => re.test(label))) ??
    cols.find((c) => (c.section === undefined || c.section === section) && c.match.some((re) => re.test(last)))
  );
}

/**
 * Value columns of a table: header columns whose label matched a template column, an economic class (for
 * long budget tables), or any other non-key label (kept under a generated key, never dropped).
 */
export function matchColumns(
  template: TableTemplate | undefined,
  labels: HeaderColumn[],
  section?: string,
): MatchedColumn[] {
  const out: MatchedColumn[] = [];
  const used = new Set<string>();
  for (const h of labels) {
    if (!h.label || isKeyLabel(h.label)) continue;
    let key: string | undefined;
    const t = template ? matchTemplateColumn(template.columns, h.label, section) : undefined;
    if (t && !used.has(t.key)) key = t.key;
    if (!key && template?.econColumns) {
      const parts = h.label.split('/');
      const last = parts[parts.length - 1] ?? '';
      // "机关工资福利支出/合计": the class subtotal of the columns that follow.
      const named = /^(合计|小计)$/.test(last) && parts.length > 1 ? parts[parts.length - 2] : last;
      const code = econCodeByName(template.econColumns, named);
      if (code && !used.has(`${template.econColumns}:${code}`)) key = `${template.econColumns}:${code}`;
    }
    if (!key) {
      let k = `col:${h.label}`;
      for (let n = 2; used.has(k); n++) k = `col:${h.label}#${n}`;
      key = k;
    }
    used.add(key);
    out.push({ index: h.index, key, label: h.printed });
  }
  return out;
}
