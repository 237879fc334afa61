import type { DocumentSummary, Facets } from '../../store/types.ts';
import { api } from '../api.ts';
import { clear, h } from '../dom.ts';
import { dateTime } from '../format.ts';
import { uploadPanel } from './upload.ts';

// The document list: upload panel, filters (search, region, department, year, kind, has errors) kept in the
// URL so a filtered list can be bookmarked, and one row per document with its error and warning counts.

function params(): Record<string, string> {
  const q = location.hash.split('?')[1] ?? '';
  return Object.fromEntries(new URLSearchParams(q));
}

function setParams(p: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== ''));
  const qs = new URLSearchParams(clean).toString();
  history.replaceState(null, '', `#/${qs ? '?' + qs : ''}`);
}

function select(name: string, label: string, options: { value: string; label: string }[], value: string, onchange: () => void) {
  return h(
    'label',
    { class: 'filter' },
    label,
    h('select', { name, onchange }, h('option', { value: '' }, '全部'), ...options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label))),
  );
}

/** Documents ticked for a check sheet export (kept while the list is redrawn by filters). */
const selected = new Set<string>();

function row(d: DocumentSummary, onSelect: () => void): HTMLElement {
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
    h('td', {}, h('a', { href: `#/doc/${d.id}` }, d.entity ?? '（未识别单位）'), h('div', { class: 'sub' }, d.fileName)),
    h('td', {}, d.region ?? ''),
    h('td', { class: 'num' }, d.fiscalYear ?? ''),
    h('td', {}, d.kind ?? ''),
    h('td', { class: 'num' }, d.tableCount),
    h(
      'td',
      {},
      d.auditStatus !== 'done'
        ? h('span', { class: 'badge muted', title: d.auditMessage ?? '' }, d.auditStatus === 'unavailable' ? '待审核' : '审核出错')
        : [
            h('span', { class: `badge ${d.errors ? 'sev-error' : 'ok'}` }, `错误 ${d.errors}`),
            h('span', { class: `badge ${d.warnings ? 'sev-warning' : 'ok'}` }, `警告 ${d.warnings}`),
            d.infos ? h('span', { class: 'badge sev-info' }, `提示 ${d.infos}`) : null,
          ],
    ),
    h('td', { class: 'num' }, d.reviewed ? `${d.reviewed} 条` : '—'),
    h('td', { class: 'sub' }, dateTime(d.uploadedAt)),
  );
}

export async function listView(main: HTMLElement): Promise<void> {
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
    if (page.total === 0) body.append(h('tr', {}, h('td', { colspan: 9, class: 'empty' }, Object.keys(current).length ? '没有符合筛选条件的文档。' : '还没有文档。把预算或决算公开文件拖到上方即可上传。')));
    else body.append(...page.items.map((d) => row(d, onSelect)));
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
      h('label', { class: 'filter grow' }, '搜索', h('input', { name: 'q', value: cur.q ?? '', placeholder: '单位名称、地区或文件名', oninput: update })),
      select('region', '地区', facets.regions.map((r) => ({ value: r.value, label: `${r.value}（${r.count}）` })), cur.region ?? '', update),
      select('entity', '单位', facets.entities.map((r) => ({ value: r.value, label: `${r.value}（${r.count}）` })), cur.entity ?? '', update),
      select('year', '年度', facets.years.map((r) => ({ value: String(r.value), label: `${r.value}（${r.count}）` })), cur.year ?? '', update),
      select('kind', '类型', facets.kinds.map((r) => ({ value: r.value, label: `${r.value}（${r.count}）` })), cur.kind ?? '', update),
      h('label', { class: 'filter check' }, h('input', { type: 'checkbox', name: 'hasErrors', checked: cur.hasErrors === 'true', onchange: update }), '只看有错误的'),
    );
  }

  drawFilters();
  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, '文档'), total, exportLink),
    uploadPanel(async () => {
      facets = await api.facets();
      drawFilters();
      await load();
    }),
    h('section', { class: 'card' }, filters),
    h(
      'section',
      { class: 'card table-card' },
      h(
        'table',
        { class: 'grid docs' },
        h('thead', {}, h('tr', {}, h('th', { class: 'pick' }, ''), ...['单位 / 文件', '地区', '年度', '类型', '表格', '审核结果', '已复核', '上传时间'].map((t) => h('th', {}, t)))),
        body,
      ),
      more,
    ),
  );
  void p;
  await load();
}
