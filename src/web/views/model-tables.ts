import type { Disclosure, Row, Table } from '../../model/disclosure.ts';
import type { SourcePlace } from '../../model/place.ts';
import type { AuditFinding } from '../../store/types.ts';
import { h } from '../dom.ts';
import { amount } from '../format.ts';
import { templateByKey } from '../../templates/catalogue.ts';

// The recognised tables as the model holds them: one HTML table per model table, every value cell tagged
// with its table/row/column so a finding can point at it.

export interface CellRef {
  table: number;
  row: number;
  column: string;
}

export function cellId(ref: CellRef): string {
  return `cell-${ref.table}-${ref.row}-${ref.column.replace(/[^\w.-]/g, '_')}`;
}

function samePlace(a: SourcePlace, b: SourcePlace): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'text':
      return b.kind === 'text' && a.line === b.line && a.column === b.column;
    case 'pdf':
      return b.kind === 'pdf' && a.page === b.page && a.box.every((v, i) => Math.abs(v - b.box[i]) < 0.01);
    case 'sheet':
      return b.kind === 'sheet' && a.sheet === b.sheet && a.cell === b.cell;
    case 'docx':
      return b.kind === 'docx' && a.block === b.block && a.row === b.row && a.cell === b.cell;
  }
}

function rowMatches(r: Row, key: string): boolean {
  return r.code === key || r.label === key || r.item === key || r.codeText === key;
}

/**
 * The model cell a finding is about: first by its exact source place (unambiguous), then by meaning
 * (table key + row code/label + column key). Null for findings about a whole table or the narrative.
 */
export function locateCell(d: Disclosure, f: AuditFinding): CellRef | null {
  const loc = f.location;
  if (!loc) return null;
  if (loc.source) {
    for (let ti = 0; ti < d.tables.length; ti++) {
      const t = d.tables[ti];
      for (let ri = 0; ri < t.rows.length; ri++) {
        const c = t.rows[ri].cells.find((c) => samePlace(c.place, loc.source!));
        if (c) return { table: ti, row: ri, column: c.column };
      }
    }
  }
  if (!loc.table || loc.row === null || loc.row === undefined) return null;
  const candidates = d.tables.map((t, i) => ({ t, i })).filter(({ t }) => t.key === loc.table || t.id === loc.table);
  candidates.sort((a, b) => Number(b.t.title === loc.tableTitle) - Number(a.t.title === loc.tableTitle));
  for (const { t, i } of candidates) {
    const ri = typeof loc.row === 'number' ? loc.row : t.rows.findIndex((r) => rowMatches(r, String(loc.row)));
    if (ri < 0 || ri >= t.rows.length) continue;
    const column = loc.column ?? t.rows[ri].cells[0]?.column;
    if (column) return { table: i, row: ri, column };
  }
  return null;
}

/** The table a finding is about, when it names one but no cell. */
export function locateTable(d: Disclosure, f: AuditFinding): number | null {
  const key = f.location?.table;
  if (!key) return null;
  const i = d.tables.findIndex((t) => t.key === key && (!f.location?.tableTitle || t.title === f.location.tableTitle));
  return i >= 0 ? i : d.tables.findIndex((t) => t.key === key);
}

const KIND_CLASS: Record<string, string> = { total: 'row-total', code: '', unit: 'row-unit', item: '' };

export function tableTitle(t: Table, i: number): string {
  // A table whose printed title was lost (seed 000's 07表) is named by its kind, marked as such.
  const known = templateByKey(t.key)?.title;
  return t.title || (known ? `（无标题）${known}` : `未识别表 ${i + 1}`);
}

// Section keys of multi-part tables (templates in src/templates) as readers know them.
const SECTION_NAMES: Record<string, string> = {
  income: '收入',
  expenditure: '支出',
  expenditure_function: '支出（按功能分类）',
  expenditure_dept_econ: '支出（按部门预算经济分类）',
  expenditure_gov_econ: '支出（按政府预算经济分类）',
  personnel: '人员经费',
  public: '公用经费',
  g1: '第一组',
  g2: '第二组',
  g3: '第三组',
};

/** The reader's confidence in a table: 读取可信 / 需人工核对, with the reasons (absent in models read before it existed). */
export function readingBadge(t: Table): HTMLElement | null {
  const r = t.reading;
  if (!r) return null;
  const sure = r.level === 'sure';
  const why = r.reasons.length ? r.reasons.join('；') : '编码、名称、金额列与上下级合计均相符';
  return h(
    'span',
    { class: `badge reading ${sure ? 'ok' : 'sev-warning'}`, title: `读取可信度 ${r.score.toFixed(2)}：${why}` },
    sure ? '读取可信' : '需人工核对',
  );
}

export function modelTable(t: Table, ti: number): HTMLElement {
  const hasCodes = t.rows.some((r) => r.code);
  // Multi-part tables print their parts side by side; here each part is shown as its own block, in the
  // order the parts first appear, keeping every row's index (cells are addressed by it).
  const sections = [...new Set(t.rows.map((r) => r.section ?? ''))];
  const order =
    sections.length > 1
      ? sections.flatMap((sec) => t.rows.map((r, i) => ({ r, i })).filter(({ r }) => (r.section ?? '') === sec))
      : t.rows.map((r, i) => ({ r, i }));
  const span = t.columns.length + (hasCodes ? 2 : 1);
  const head = h(
    'tr',
    {},
    hasCodes ? h('th', {}, '编码') : null,
    h('th', {}, '项目'),
    ...t.columns.map((c) => h('th', { title: c.key }, c.label)),
  );
  const rows: HTMLElement[] = [];
  order.forEach(({ r, i: ri }, k) => {
    if (sections.length > 1 && (k === 0 || (order[k - 1].r.section ?? '') !== (r.section ?? ''))) {
      rows.push(
        h(
          'tr',
          { class: 'section-head' },
          h('td', { colspan: span }, SECTION_NAMES[r.section ?? ''] ?? r.section ?? ''),
        ),
      );
    }
    rows.push(row(r, ri));
  });
  function row(r: Row, ri: number) {
    return h(
      'tr',
      { class: `${KIND_CLASS[r.kind] ?? ''} ${r.level ? 'lvl-' + r.level : ''}` },
      hasCodes ? h('td', { class: 'code', title: r.codeText ?? '' }, r.code ?? r.codeText ?? '') : null,
      h('td', { class: 'label' }, r.label ?? ''),
      ...t.columns.map((c) => {
        const cell = r.cells.find((x) => x.column === c.key);
        return h(
          'td',
          { class: 'num', id: cellId({ table: ti, row: ri, column: c.key }) },
          cell ? (cell.value !== null ? amount(cell.value) : cell.text) : '',
        );
      }),
    );
  }
  return h(
    'div',
    { class: 'model-table', id: `table-${ti}` },
    h(
      'div',
      { class: 'model-table-head' },
      h('h3', {}, tableTitle(t, ti)),
      readingBadge(t),
      h(
        'span',
        { class: 'sub' },
        [
          t.number ? `公开${t.number}表` : '',
          t.unit ? `单位：${t.unit}` : '',
          t.status === 'empty' ? '空表' : t.status === 'illegible' ? '无法辨认' : '',
        ]
          .filter(Boolean)
          .join(' · '),
      ),
    ),
    t.emptyStatement ? h('p', { class: 'hint' }, t.emptyStatement) : null,
    t.reading?.level === 'unsure'
      ? h(
          'p',
          { class: 'hint reading-reasons' },
          `本表未能可靠读取（可信度 ${t.reading.score.toFixed(2)}），请对照原文核对：${t.reading.reasons.join('；') || '结构证据不足'}。由本表数字得出的问题最多列为警告。`,
        )
      : null,
    t.rows.length
      ? h(
          'div',
          { class: 'scroll-x' },
          h('table', { class: 'grid model' }, h('thead', {}, head), h('tbody', {}, ...rows)),
        )
      : h('p', { class: 'hint' }, '本表没有数据行。'),
  );
}
