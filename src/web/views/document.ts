import type { Coverage } from '../../audit/types.ts';
import type { Disclosure } from '../../model/disclosure.ts';
import type { SourcePlace } from '../../model/place.ts';
import type { DocumentSummary, ReviewStatus, StoredFinding, User } from '../../store/types.ts';
import { api, ApiFailure } from '../api.ts';
import { append, centerInScroller, clear, h, toast } from '../dom.ts';
import { amount, dateTime, placeText, REVIEW, SEVERITY } from '../format.ts';
import { cellId, locateCell, locateTable, modelTable, tableTitle, type CellRef } from './model-tables.ts';
import { SourceView } from './source-view.ts';

// One document: its findings on the left; on the right the original at the finding's place and the
// recognised table with the cell highlighted. Review decisions are recorded per finding.

const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

/** What the audit could check: never a clean look for a document whose standard tables were not all checked. */
function coverageBox(c: Coverage | undefined): HTMLElement | null {
  if (!c) return null;
  const unchecked = c.tables.filter((t) => t.standard && !t.checked);
  const head = c.standardTables ? `核对范围：标准表 ${c.standardTables} 张，已核对 ${c.checkedStandard} 张` : '核对范围：未能确定本文件应有的标准表';
  return h(
    'div',
    { class: `coverage coverage-${c.level}`, 'data-coverage': c.level },
    h('strong', {}, head),
    unchecked.length ? h('ul', {}, ...unchecked.map((t) => h('li', {}, `未能核对“${t.title}”：${t.reason ?? ''}`))) : null,
  );
}

function header(doc: DocumentSummary, model: Disclosure, user: User, coverage?: Coverage): HTMLElement {
  const base = `/api/documents/${doc.id}`;
  const title = `${doc.entity ?? '（未识别单位）'}${doc.fiscalYear ? ` ${doc.fiscalYear}年` : ''}${doc.kind ? `部门${doc.kind}` : ''}`;
  return h(
    'section',
    { class: 'card doc-head' },
    h(
      'div',
      {},
      h('a', { href: '#/', class: 'back' }, '← 返回文档列表'),
      h('h1', {}, title),
      h(
        'div',
        { class: 'sub' },
        [doc.fileName, doc.region, model.unit ? `金额单位：${model.unit}` : null, `${doc.tableCount} 张表`, doc.pageCount ? `${doc.pageCount} 页` : null, `上传于 ${dateTime(doc.uploadedAt)}`]
          .filter(Boolean)
          .join(' · '),
      ),
      coverageBox(coverage),
    ),
    h(
      'div',
      { class: 'doc-actions' },
      h('div', { class: 'counts' }, h('span', { class: 'badge sev-error' }, `错误 ${doc.errors}`), h('span', { class: 'badge sev-warning' }, `警告 ${doc.warnings}`), h('span', { class: 'badge sev-info' }, `提示 ${doc.infos}`)),
      h(
        'div',
        { class: 'links' },
        '检查表：',
        h('a', { href: `${base}/check-sheet?format=xlsx`, class: 'check-sheet-xlsx' }, 'Excel'),
        h('a', { href: `${base}/check-sheet?format=docx` }, 'Word'),
        h('span', { class: 'sep' }, '|'),
        '导出审核结果：',
        h('a', { href: `${base}/findings/export?format=xlsx` }, 'Excel'),
        h('a', { href: `${base}/findings/export?format=csv` }, 'CSV'),
        h('a', { href: `${base}/findings/export?format=json` }, 'JSON'),
        h('span', { class: 'sep' }, '|'),
        '生成文件：',
        h('a', { href: `${base}/render?format=html`, target: '_blank', rel: 'noopener' }, 'HTML'),
        h('a', { href: `${base}/render?format=docx` }, 'Word'),
        h('a', { href: `${base}/render?format=xlsx` }, 'Excel'),
        h('a', { href: `${base}/render?format=pdf` }, 'PDF'),
        h('span', { class: 'sep' }, '|'),
        h('a', { href: `${base}/original` }, '下载原文件'),
        user.role === 'admin'
          ? h(
              'button',
              {
                type: 'button',
                class: 'link',
                title: '用当前的识别和审核规则重新处理原文件；已有的复核意见会沿用到相同的审核结果上',
                onclick: async (e: Event) => {
                  const b = e.currentTarget as HTMLButtonElement;
                  b.disabled = true;
                  b.textContent = '正在重新处理…';
                  try {
                    const r = await api.reprocess(doc.id);
                    toast(`已重新识别与审核，沿用复核意见 ${r.carriedReviews} 条`);
                    dispatchEvent(new HashChangeEvent('hashchange'));
                  } catch (err) {
                    toast(err instanceof ApiFailure ? err.messageZh : '重新处理失败', 'error');
                    b.disabled = false;
                    b.textContent = '重新识别与审核';
                  }
                },
              },
              '重新识别与审核',
            )
          : null,
      ),
    ),
  );
}

export async function documentView(main: HTMLElement, id: string, user: User): Promise<void> {
  let loaded: [Awaited<ReturnType<typeof api.document>>, Awaited<ReturnType<typeof api.findings>>];
  try {
    loaded = await Promise.all([api.document(id), api.findings(id)]);
  } catch (e) {
    main.append(h('div', { class: 'error-box' }, e instanceof ApiFailure ? e.messageZh : '无法打开该文档。'), h('a', { href: '#/' }, '返回文档列表'));
    return;
  }
  const [{ document: doc, model, coverage }, { findings: unsorted }] = loaded;
  const findings = [...unsorted].sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9) || a.seq - b.seq);

  const source = new SourceView(doc);
  const tablesBox = h('div', { class: 'model-tables' });
  const tableTabs = h('div', { class: 'table-tabs', role: 'tablist' });
  const list = h('ol', { class: 'findings' });
  const detail = h('div', { class: 'finding-detail' });
  let currentTable = -1;
  let selected: StoredFinding | null = null;
  let severityFilter = '';
  let statusFilter = '';

  function showTable(ti: number) {
    if (ti === currentTable) return;
    currentTable = ti;
    clear(tablesBox);
    if (ti >= 0 && model.tables[ti]) tablesBox.append(modelTable(model.tables[ti], ti));
    tableTabs.querySelectorAll('button').forEach((b) => {
      b.classList.toggle('active', Number(b.dataset.ti) === ti);
    });
  }

  model.tables.forEach((t, ti) => {
    const n = findings.filter((f) => locateTable(model, f.finding) === ti).length;
    tableTabs.append(
      h('button', { type: 'button', 'data-ti': ti, onclick: () => showTable(ti), title: t.key }, tableTitle(t, ti), n ? h('span', { class: 'tab-count' }, n) : null),
    );
  });

  function highlight(ref: CellRef | null, related: CellRef[]) {
    document.querySelectorAll('.hit, .related-hit').forEach((el) => {
      el.classList.remove('hit', 'related-hit');
    });
    for (const r of related) if (r.table === currentTable) document.getElementById(cellId(r))?.classList.add('related-hit');
    if (ref) {
      const cell = document.getElementById(cellId(ref));
      if (cell) {
        cell.classList.add('hit');
        cell.closest('tr')?.classList.add('hit-row');
        centerInScroller(cell);
        // Bring the table panel into view when it is below the fold, without moving the findings list.
        const r = cell.getBoundingClientRect();
        if (r.bottom > innerHeight || r.top < 0) cell.closest('.model-table')?.scrollIntoView({ block: 'nearest' });
      }
    }
  }

  function select(f: StoredFinding) {
    selected = f;
    list.querySelectorAll('.finding').forEach((el) => {
      el.classList.toggle('selected', el.getAttribute('data-id') === f.id);
    });
    const ref = locateCell(model, f.finding);
    const ti = ref?.table ?? locateTable(model, f.finding);
    if (ti !== null && ti >= 0) showTable(ti);
    document.querySelectorAll('.hit-row').forEach((el) => {
      el.classList.remove('hit-row');
    });
    const relatedPlaces = (Array.isArray(f.finding.related) ? f.finding.related : []) as { source?: SourcePlace | null }[];
    const relatedRefs = relatedPlaces
      .map((r) => locateCell(model, { ...f.finding, location: r as never }))
      .filter((r): r is CellRef => r !== null);
    highlight(ref, relatedRefs);
    void source.show(f.finding.location?.source, relatedPlaces.map((r) => r.source).filter((p): p is SourcePlace => !!p));
    drawDetail();
  }

  function drawDetail() {
    clear(detail);
    const f = selected;
    if (!f) {
      detail.append(h('p', { class: 'hint' }, '选择一条审核结果查看详情并复核。'));
      return;
    }
    const x = f.finding;
    const reason = h('textarea', { rows: 2, placeholder: '复核意见（排除时必填）', 'aria-label': '复核意见' }, f.review?.reason ?? '');
    // Earlier decisions, oldest first, when there is more than the current one.
    const history = h('ol', { class: 'review-history' });
    if (f.review) {
      void api.reviews(f.id).then(({ reviews }) => {
        if (selected !== f || reviews.length < 2) return;
        for (const r of reviews.slice(0, -1)) history.append(h('li', {}, `${dateTime(r.at)} ${r.userName}：${REVIEW[r.status]}${r.reason ? `（${r.reason}）` : ''}`));
      });
    }
    const decide = async (status: ReviewStatus) => {
      try {
        const { review } = await api.review(f.id, status, reason.value);
        f.review = review;
        toast(`已标记为「${REVIEW[status]}」`);
        drawList();
        drawDetail();
      } catch (e) {
        toast(e instanceof ApiFailure ? e.messageZh : '保存失败', 'error');
      }
    };
    const nums = [
      x.expected != null ? ['应为', x.expected] : null,
      x.actual != null ? ['实际', x.actual] : null,
      x.difference != null ? ['差额', x.difference] : null,
    ].filter(Boolean) as [string, unknown][];
    append(detail, [
      h('div', { class: 'detail-head' }, h('span', { class: `badge ${SEVERITY[f.severity]?.cls ?? ''}` }, SEVERITY[f.severity]?.zh ?? f.severity), h('code', {}, f.ruleId)),
      h('p', { class: 'detail-msg' }, f.message),
      nums.length ? h('dl', { class: 'nums' }, ...nums.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, amount(String(v)))])) : null,
      h('p', { class: 'sub' }, [x.location?.tableTitle, x.location?.row, placeText(x.location?.source)].filter(Boolean).join(' · ')),
      h(
        'div',
        { class: 'review-box' },
        h('div', { class: 'review-status' }, '复核状态：', h('strong', { class: `review-${f.review?.status ?? 'open'}` }, REVIEW[f.review?.status ?? 'open']), f.review && f.review.status !== 'open' ? h('span', { class: 'sub' }, `（${f.review.userName}，${dateTime(f.review.at)}）`) : null),
        reason,
        history,
        h(
          'div',
          { class: 'review-actions' },
          h('button', { type: 'button', class: 'primary', onclick: () => decide('confirmed') }, '确认问题'),
          h('button', { type: 'button', onclick: () => decide('dismissed') }, '排除（误报）'),
          f.review && f.review.status !== 'open' ? h('button', { type: 'button', class: 'link', onclick: () => decide('open') }, '重新打开') : null,
        ),
      ),
    ]);
  }

  // Findings that point at one recognised cell (the others concern a table, the narrative or the document).
  const cellFindings = new Set(findings.filter((f) => locateCell(model, f.finding) !== null).map((f) => f.id));

  function drawList() {
    clear(list);
    const shown = findings.filter(
      (f) => (!severityFilter || f.severity === severityFilter) && (!statusFilter || (statusFilter === 'open' ? !f.review || f.review.status === 'open' : f.review && f.review.status !== 'open')),
    );
    if (shown.length === 0) list.append(h('li', { class: 'empty' }, findings.length ? '没有符合筛选条件的结果。' : doc.auditStatus === 'done' ? '没有发现问题。' : '该文档尚未审核。'));
    for (const f of shown) {
      const status = f.review?.status ?? 'open';
      list.append(
        h(
          'li',
          { class: `finding ${selected?.id === f.id ? 'selected' : ''}`, 'data-id': f.id, 'data-rule': f.ruleId, 'data-cell': cellFindings.has(f.id), tabindex: 0, onclick: () => select(f), onkeydown: (e: Event) => (e as KeyboardEvent).key === 'Enter' && select(f) },
          h('div', { class: 'finding-top' }, h('span', { class: `badge ${SEVERITY[f.severity]?.cls ?? ''}` }, SEVERITY[f.severity]?.zh ?? f.severity), h('span', { class: 'place' }, [f.finding.location?.tableTitle, placeText(f.finding.location?.source)].filter(Boolean).join(' · ')), status !== 'open' ? h('span', { class: `review-tag review-${status}` }, REVIEW[status]) : null),
          h('div', { class: 'finding-msg' }, f.message),
        ),
      );
    }
  }

  // Reviewers go through findings with the keyboard: ↑/↓ (or k/j) move the selection in the list.
  list.addEventListener('keydown', (e) => {
    const keys: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 };
    const step = keys[e.key];
    if (!step) return;
    const items = Array.from(list.querySelectorAll<HTMLElement>('li.finding'));
    const at = items.findIndex((el) => el.classList.contains('selected'));
    const next = items[Math.min(items.length - 1, Math.max(0, at + step))];
    if (!next) return;
    e.preventDefault();
    next.focus();
    next.click();
    centerInScroller(next);
  });

  const chip = (label: string, value: string, group: 'sev' | 'status') =>
    h(
      'button',
      {
        type: 'button',
        class: `chip ${(group === 'sev' ? severityFilter : statusFilter) === value ? 'active' : ''}`,
        onclick: (e: Event) => {
          if (group === 'sev') severityFilter = value;
          else statusFilter = value;
          (e.currentTarget as HTMLElement).parentElement!.querySelectorAll('.chip').forEach((c) => {
      c.classList.remove('active');
    });
          (e.currentTarget as HTMLElement).classList.add('active');
          drawList();
        },
      },
      label,
    );
  const count = (s: string) => findings.filter((f) => f.severity === s).length;

  const auditTab = h(
    'div',
    { class: 'doc-layout' },
    h(
      'section',
      { class: 'card findings-panel' },
      h('h2', {}, `审核结果（${findings.length}）`),
      doc.auditStatus !== 'done' ? h('p', { class: 'form-error' }, doc.auditMessage ?? '审核未完成。') : null,
      h('div', { class: 'chips' }, chip('全部', '', 'sev'), chip(`错误 ${count('error')}`, 'error', 'sev'), chip(`警告 ${count('warning')}`, 'warning', 'sev'), chip(`提示 ${count('info')}`, 'info', 'sev')),
      h('div', { class: 'chips' }, chip('全部状态', '', 'status'), chip('待复核', 'open', 'status'), chip('已复核', 'done', 'status')),
      list,
      detail,
    ),
    h(
      'div',
      { class: 'inspect' },
      h('section', { class: 'card' }, h('h2', {}, '原文'), source.el),
      h('section', { class: 'card' }, h('h2', {}, '识别的表格'), tableTabs, tablesBox),
    ),
  );

  const chartsTab = h('div', { class: 'charts-tab' });
  let chartsDrawn = false;
  const tabs = h(
    'div',
    { class: 'tabs' },
    h('button', { type: 'button', class: 'active', onclick: (e: Event) => switchTab(e, auditTab) }, '审核'),
    h('button', { type: 'button', onclick: (e: Event) => switchTab(e, chartsTab) }, '图表'),
  );
  async function switchTab(e: Event, show: HTMLElement) {
    tabs.querySelectorAll('button').forEach((b) => {
      b.classList.toggle('active', b === e.currentTarget);
    });
    auditTab.hidden = show !== auditTab;
    chartsTab.hidden = show !== chartsTab;
    if (show === chartsTab && !chartsDrawn) {
      chartsDrawn = true;
      const { documentCharts, overYearsChart } = await import('./charts.ts');
      const points = doc.entity ? (await api.series({ entity: doc.entity })).points : [];
      const mine = points.find((p) => p.id === doc.id);
      if (mine) chartsTab.append(documentCharts(mine.figures));
      if (points.length > 1) chartsTab.append(overYearsChart(points, `${doc.entity}：历年对比`));
      else chartsTab.append(h('p', { class: 'hint card' }, '上传同一单位其他年度的文件后，这里会显示历年对比。'));
    }
  }
  chartsTab.hidden = true;

  main.append(header(doc, model, user, coverage), tabs, auditTab, chartsTab);
  const firstTable = model.tables.findIndex((t) => t.rows.length > 0);
  showTable(Math.max(firstTable, 0));
  drawList();
  drawDetail();
}
