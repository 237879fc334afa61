import type { DocumentSummary, Facets, User } from '../../store/types.ts';
import { api } from '../api.ts';
import { clear, h } from '../dom.ts';
import { coverageLabel, dateTime } from '../format.ts';
import { confirmAndDeleteDocument } from './delete-document.ts';
import { uploadPanel } from './upload.ts';

// The document list: upload panel, filters (search, region, department, year, kind, coverage, has errors) and the
// sort order kept in the URL so a filtered list can be bookmarked, and one row per document with its coverage and
// its error and warning counts (dismissed findings left out). Admins delete a document from its row.

function params(): Record<string, string> {
  const q = location.hash.split('?')[1] ?? '';
  return Object.fromEntries(new URLSearchParams(q));
}

function setParams(p: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== ''));
  const qs = new URLSearchParams(clean).toString();
  history.replaceState(null, '', `#/${qs ? '?' + qs : ''}`);
}

function select(
  name: string,
  label: string,
  options: { value: string; label: string }[],
  value: string,
  onchange: () => void,
) {
  return h(
    'label',
    { class: 'filter' },
    label,
    h(
      'select',
      { name, onchange },
      h('option', { value: '' }, '全部'),
      ...options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)),
    ),
  );
}

/** Documents ticked for a check sheet export (kept while the list is redrawn by filters). */
const selected = new Set<string>();

const SORTS: { value: string; label: string }[] = [
  { value: '', label: '上传时间（新→旧）' },
  { value: 'errors', label: '错误最多在前' },
  { value: 'warnings', label: '警告最多在前' },
  { value: 'coverage', label: '核对范围（未核对在前）' },
  { value: 'entity', label: '单位名称' },
  { value: 'year', label: '年度（新→旧）' },
];

function coverageCell(d: DocumentSummary): HTMLElement {
  const c = coverageLabel(d.coverage);
  const why = d.coverage?.unchecked.map((u) => `未能核对“${u.title}”：${u.reason ?? ''}`).join('\n');
  return h(
    'span',
    { class: `badge ${c.cls} coverage-badge`, 'data-coverage': d.coverage?.level ?? 'unknown', title: why || null },
    c.text,
  );
}

async function deleteDocument(d: DocumentSummary, done: () => void) {
  if (!(await confirmAndDeleteDocument(d.id, `${d.entity ?? '（未识别单位）'}（${d.fileName}）`))) return;
  selected.delete(d.id);
  done();
}

function row(d: DocumentSummary, user: User, onSelect: () => void, onDeleted: () => void): HTMLElement {
  const open = () => (location.hash = `#/doc/${d.id}`);
  return h(
    'tr',
    { class: 'doc-row', onclick: open, 'data-id': d.id },
    h(
      'td',
      { class: 'pick', onclick: (e: Event) => e.stopPropagation() },
      h('input', {
        type: 'checkbox',
        name: 'pick',
        'aria-label': '选择此文档',
        checked: selected.has(d.id),
        onchange: (e: Event) => {
          if ((e.currentTarget as HTMLInputElement).checked) selected.add(d.id);
          else selected.delete(d.id);
          onSelect();
        },
      }),
    ),
    h(
      'td',
      { class: 'entity-cell' },
      h('a', { href: `#/doc/${d.id}` }, d.entity ?? '（未识别单位）'),
      h('div', { class: 'sub file-name' }, d.fileName),
    ),
    h('td', { 'data-label': '地区' }, d.region ?? ''),
    h('td', { class: 'num', 'data-label': '年度' }, d.fiscalYear ?? ''),
    h('td', { 'data-label': '类型' }, d.kind ?? ''),
    h('td', { class: 'num', 'data-label': '表格' }, d.tableCount),
    h('td', { 'data-label': '核对范围' }, d.auditStatus === 'done' ? coverageCell(d) : null),
    h(
      'td',
      { class: 'counts-cell', 'data-label': '审核结果' },
      d.auditStatus !== 'done'
        ? h(
            'span',
            { class: 'badge muted', title: d.auditMessage ?? '' },
            d.auditStatus === 'unavailable' ? '待审核' : '审核出错',
          )
        : [
            // Green only when every standard table was checked: "0 errors" of an unchecked document is not clean.
            h(
              'span',
              { class: `badge ${d.errors ? 'sev-error' : d.coverage?.level === 'full' ? 'ok' : 'muted'}` },
              `错误 ${d.errors}`,
            ),
            h(
              'span',
              { class: `badge ${d.warnings ? 'sev-warning' : d.coverage?.level === 'full' ? 'ok' : 'muted'}` },
              `警告 ${d.warnings}`,
            ),
            d.infos ? h('span', { class: 'badge sev-info' }, `提示 ${d.infos}`) : null,
            d.dismissed ? h('span', { class: 'badge muted dismissed-count' }, `已排除 ${d.dismissed}`) : null,
          ],
    ),
    h('td', { class: 'num', 'data-label': '已复核' }, d.reviewed ? `${d.reviewed} 条` : '—'),
    h('td', { class: 'sub', 'data-label': '上传时间' }, dateTime(d.uploadedAt)),
    user.role === 'admin'
      ? h(
          'td',
          { class: 'row-actions', onclick: (e: Event) => e.stopPropagation() },
          h(
            'button',
            {
              type: 'button',
              class: 'link danger-link delete-doc',
              title: '删除此文档（管理员）',
              onclick: () => void deleteDocument(d, onDeleted),
            },
            '删除',
          ),
        )
      : null,
  );
}

export async function listView(main: HTMLElement, user: User): Promise<void> {
  const p = params();
  const body = h('tbody');
  const total = h('span', { class: 'count' });
  const filters = h('div', { class: 'filters' });
  let facets: Facets = await api.facets();

  const more = h('button', { type: 'button', class: 'more', hidden: true, onclick: () => void load(true) }, '加载更多');
  // Check sheets of the ticked documents as one workbook (汇总 + one sheet per document).
  const exportLink = h('a', { class: 'button export-selection', hidden: true, href: '#' }, '');
  const onSelect = () => {
    exportLink.hidden = selected.size === 0;
    exportLink.textContent = `导出所选 ${selected.size} 份检查表`;
    exportLink.setAttribute('href', `/api/check-sheets?ids=${[...selected].map(encodeURIComponent).join(',')}`);
  };
  let shown = 0;
  const PAGE = 200;

  async function load(append = false) {
    const current = { ...params() };
    const page = await api.documents({ ...current, limit: String(PAGE), offset: String(append ? shown : 0) });
    if (!append) {
      clear(body);
      shown = 0;
    }
    const filtered = Object.keys(current).some((k) => k !== 'sort' && k !== 'dir');
    if (page.total === 0)
      body.append(
        h(
          'tr',
          {},
          h(
            'td',
            { colspan: 11, class: 'empty' },
            filtered ? '没有符合筛选条件的文档。' : '还没有文档。把预算或决算公开文件拖到上方即可上传。',
          ),
        ),
      );
    else body.append(...page.items.map((d) => row(d, user, onSelect, () => void reload())));
    shown += page.items.length;
    total.textContent = `共 ${page.total} 份文档`;
    more.hidden = shown >= page.total;
    more.textContent = `加载更多（已显示 ${shown} / ${page.total}）`;
  }

  function drawFilters() {
    const cur = params();
    const update = () => {
      const next: Record<string, string> = {};
      filters.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select').forEach((el) => {
        if (el instanceof HTMLInputElement && el.type === 'checkbox') next[el.name] = el.checked ? 'true' : '';
        else next[el.name] = el.value;
      });
      setParams(next);
      void load();
    };
    clear(filters);
    filters.append(
      h(
        'label',
        { class: 'filter grow' },
        '搜索',
        h('input', { name: 'q', value: cur.q ?? '', placeholder: '单位名称、地区或文件名', oninput: update }),
      ),
      select(
        'region',
        '地区',
        facets.regions.map((r) => ({ value: r.value, label: `${r.value}（${r.count}）` })),
        cur.region ?? '',
        update,
      ),
      select(
        'entity',
        '单位',
        facets.entities.map((r) => ({ value: r.value, label: `${r.value}（${r.count}）` })),
        cur.entity ?? '',
        update,
      ),
      select(
        'year',
        '年度',
        facets.years.map((r) => ({ value: String(r.value), label: `${r.value}（${r.count}）` })),
        cur.year ?? '',
        update,
      ),
      select(
        'kind',
        '类型',
        facets.kinds.map((r) => ({ value: r.value, label: `${r.value}（${r.count}）` })),
        cur.kind ?? '',
        update,
      ),
      select(
        'coverage',
        '核对范围',
        [
          { value: 'full', label: '已全部核对' },
          { value: 'partial', label: '部分核对' },
          { value: 'none', label: '未能核对' },
          { value: 'unknown', label: '待定' },
        ],
        cur.coverage ?? '',
        update,
      ),
      h(
        'label',
        { class: 'filter' },
        '排序',
        h(
          'select',
          { name: 'sort', onchange: update },
          ...SORTS.map((o) => h('option', { value: o.value, selected: o.value === (cur.sort ?? '') }, o.label)),
        ),
      ),
      h(
        'label',
        { class: 'filter check' },
        h('input', { type: 'checkbox', name: 'hasErrors', checked: cur.hasErrors === 'true', onchange: update }),
        '只看有错误的',
      ),
    );
  }

  async function reload() {
    facets = await api.facets();
    drawFilters();
    await load();
  }

  drawFilters();
  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, '文档'), total, exportLink),
    uploadPanel(reload),
    h('section', { class: 'card' }, filters),
    h(
      'section',
      { class: 'card table-card' },
      h(
        'table',
        { class: 'grid docs' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { class: 'pick' }, ''),
            ...['单位 / 文件', '地区', '年度', '类型', '表格', '核对范围', '审核结果', '已复核', '上传时间'].map((t) =>
              h('th', {}, t),
            ),
            user.role === 'admin' ? h('th', {}, '') : null,
          ),
        ),
        body,
      ),
      more,
    ),
  );
  void p;
  await load();
}
