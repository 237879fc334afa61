import type { Coverage } from '../../audit/types.ts';
import type { Disclosure } from '../../model/disclosure.ts';
import type { SourcePlace } from '../../model/place.ts';
import type { DocumentSummary, ReviewStatus, StoredFinding, User } from '../../store/types.ts';
import { api, ApiFailure } from '../api.ts';
import { append, askReason, centerInScroller, clear, h, toast } from '../dom.ts';
import { amount, dateTime, placeText, REVIEW, SEVERITY } from '../format.ts';
import { cellId, locateCell, locateTable, modelTable, tableTitle, type CellRef } from './model-tables.ts';
import { confirmAndDeleteDocument } from './delete-document.ts';
import { SourceView } from './source-view.ts';

// One document: its findings on the left; on the right the original at the finding's place and the
// recognised table with the cell highlighted. Review decisions are recorded per finding, or for a selection of
// findings with one reason; the counts leave dismissed findings out and change at once. The findings list is
// filtered (severity, rule, table, status) and sorted; printed, the page is the findings with their coverage.

const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

/** What the audit could check: never a clean look for a document whose standard tables were not all checked. */
function coverageBox(c: Coverage | undefined): HTMLElement | null {
  if (!c) return null;
  const unchecked = c.tables.filter((t) => t.standard && !t.checked);
  const head = c.standardTables
    ? `核对范围：标准表 ${c.standardTables} 张，已核对 ${c.checkedStandard} 张`
    : '核对范围：未能确定本文件应有的标准表';
  return h(
    'div',
    { class: `coverage coverage-${c.level}`, 'data-coverage': c.level },
    h('strong', {}, head),
    unchecked.length
      ? h('ul', {}, ...unchecked.map((t) => h('li', {}, `未能核对“${t.title}”：${t.reason ?? ''}`)))
      : null,
  );
}

function header(
  doc: DocumentSummary,
  model: Disclosure,
  user: User,
  counts: HTMLElement,
  coverage?: Coverage,
): HTMLElement {
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
        [
          doc.fileName,
          doc.region,
          model.unit ? `金额单位：${model.unit}` : null,
          `${doc.tableCount} 张表`,
          doc.pageCount ? `${doc.pageCount} 页` : null,
          `上传于 ${dateTime(doc.uploadedAt)}`,
        ]
          .filter(Boolean)
          .join(' · '),
      ),
      coverageBox(coverage),
    ),
    h(
      'div',
      { class: 'doc-actions' },
      counts,
      h(
        'div',
        { class: 'links' },
        h(
          'button',
          {
            type: 'button',
            class: 'link print-button',
            onclick: () => print(),
            title: '打印本文档的审核结果和核对范围',
          },
          '打印',
        ),
        h('span', { class: 'sep' }, '|'),
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
        user.role === 'admin'
          ? h(
              'button',
              {
                type: 'button',
                class: 'link danger-link delete-doc',
                onclick: async () => {
                  if (await confirmAndDeleteDocument(doc.id, title)) location.hash = '#/';
                },
              },
              '删除文档',
            )
          : null,
      ),
    ),
  );
}

/** The years between the first and last document of a history that no document covers. */
export function missingYears(years: readonly (number | null)[]): number[] {
  const ys = [...new Set(years.filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const out: number[] = [];
  for (let i = 1; i < ys.length; i++) for (let y = ys[i - 1] + 1; y < ys[i]; y++) out.push(y);
  return out;
}

/** 本单位历年文件: the documents of the same entity key (GET /api/documents/:id/history), each opening, or side by side with this one. */
function historyBox(
  doc: DocumentSummary,
  history: { entityKey: string | null; documents: DocumentSummary[] } | null,
): HTMLElement {
  const box = h(
    'section',
    { class: 'card doc-history', 'data-entity-key': history?.entityKey ?? '' },
    h('h2', {}, '本单位历年文件'),
  );
  if (!history) {
    box.append(h('p', { class: 'hint' }, '未能取得本单位的历年文件。'));
    return box;
  }
  if (!history.entityKey) {
    box.append(h('p', { class: 'hint' }, '单位名称中没有地区，无法确定是哪一地的单位，不与其他文件归为同一单位。'));
    return box;
  }
  const others = history.documents.filter((d) => d.id !== doc.id);
  if (!others.length) {
    box.append(h('p', { class: 'hint' }, '还没有同一单位其他年度的文件。上传后可在此并排对比。'));
    return box;
  }
  const label = (d: DocumentSummary) => `${d.fiscalYear ?? '？'}年${d.kind ?? ''}`;
  box.append(
    h(
      'ul',
      { class: 'history-list' },
      ...history.documents.map((d) =>
        h(
          'li',
          { class: d.id === doc.id ? 'current' : '' },
          d.id === doc.id
            ? h('strong', {}, `${label(d)}（本文件）`)
            : h('a', { href: `#/doc/${encodeURIComponent(d.id)}` }, label(d)),
          h('span', { class: 'sub' }, ` ${d.entity ?? ''} · ${d.fileName}`),
          d.id === doc.id
            ? null
            : h(
                'a',
                { href: `#/compare?a=${encodeURIComponent(d.id)}&b=${encodeURIComponent(doc.id)}`, class: 'pair-link' },
                '与本文件并排对比',
              ),
        ),
      ),
    ),
  );
  const gaps = missingYears(history.documents.map((d) => d.fiscalYear));
  if (gaps.length) box.append(h('p', { class: 'hint missing-year' }, `缺少 ${gaps.join('、')} 年的文件。`));
  return box;
}

/** A cross-document finding's other place: the other document (opened from the history when stored) and the place in it. */
function counterpartLine(
  c: StoredFinding['finding']['counterpart'],
  documents: readonly DocumentSummary[],
  self: string,
): HTMLElement | null {
  if (!c) return null;
  const other = c.document.sha256 ? documents.find((d) => d.sha256 === c.document.sha256) : undefined;
  const name = `${c.document.fiscalYear ?? ''}年${c.document.kind ?? ''}${c.document.fileName ? `（${c.document.fileName}）` : ''}`;
  const place = [c.place.tableTitle, c.place.row, placeText(c.place.source)].filter(Boolean).join(' · ');
  return h(
    'p',
    { class: 'sub counterpart' },
    '对照文件：',
    other ? h('a', { href: `#/doc/${encodeURIComponent(other.id)}` }, name) : name,
    place ? ` · ${place}` : '',
    other
      ? h(
          'a',
          { href: `#/compare?a=${encodeURIComponent(other.id)}&b=${encodeURIComponent(self)}`, class: 'pair-link' },
          ' 并排对比',
        )
      : null,
  );
}

/** Print heading: what a printed page of findings is about, with the date it was printed. */
function printHead(doc: DocumentSummary): HTMLElement {
  const today = new Date();
  return h(
    'div',
    { class: 'print-only print-head' },
    `财鉴审核结果 · ${doc.fileName} · 打印于 ${today.getFullYear()}-${today.getMonth() + 1}-${today.getDate()}`,
  );
}

type FindingSort = 'severity' | 'place' | 'rule' | 'status';
const STATUS_ORDER: Record<string, number> = { open: 0, confirmed: 1, dismissed: 2 };
const statusOf = (f: StoredFinding) => f.review?.status ?? 'open';

/** A finding's place in document order: page or line, then position on the page. */
function placeOrder(f: StoredFinding): number[] {
  const p = f.finding.location?.source;
  if (!p) return [Infinity];
  switch (p.kind) {
    case 'pdf':
      return [p.page, -p.box[3], p.box[0]];
    case 'text':
      return [p.line, p.column ?? 0];
    case 'docx':
      return [p.block, p.row ?? 0];
    default:
      return [0];
  }
}

function compareArrays(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

export async function documentView(main: HTMLElement, id: string, user: User): Promise<void> {
  type Rules = Awaited<ReturnType<typeof api.rules>>;
  let loaded: [Awaited<ReturnType<typeof api.document>>, Awaited<ReturnType<typeof api.findings>>, Rules];
  try {
    // Rule names are a nicety: without them the filter shows rule ids.
    loaded = await Promise.all([api.document(id), api.findings(id), api.rules().catch((): Rules => ({ rules: [] }))]);
  } catch (e) {
    main.append(
      h('div', { class: 'error-box' }, e instanceof ApiFailure ? e.messageZh : '无法打开该文档。'),
      h('a', { href: '#/' }, '返回文档列表'),
    );
    return;
  }
  const [{ document: doc, model, coverage }, { findings }, { rules }] = loaded;
  const ruleName = new Map(rules.map((r) => [r.id, `${r.zh}（${r.code}）`]));
  // the documents of the same entity: the 本单位历年文件 box, the year chart and the other place of cross-document findings
  const entityHistory = await api.history(doc.id).catch(() => null);
  // Department users check their own documents; decisions on findings are the bureau reviewer's.
  const canReview = user.role !== 'department';

  const source = new SourceView(doc);
  const tablesBox = h('div', { class: 'model-tables' });
  const tableTabs = h('div', { class: 'table-tabs', role: 'tablist' });
  const list = h('ol', { class: 'findings' });
  const detail = h('div', { class: 'finding-detail' });
  const countsEl = h('div', { class: 'counts' });
  const filterBar = h('div', { class: 'finding-filters' });
  const bulkBar = h('div', { class: 'bulk-bar', hidden: !canReview });
  const heading = h('h2', {});
  let currentTable = -1;
  let selected: StoredFinding | null = null;
  const filter = { severity: '', status: '', rule: '', table: '' };
  let sortBy: FindingSort = 'severity';
  /** Findings ticked for one decision. */
  const picked = new Set<string>();

  const tableOf = (f: StoredFinding) => f.finding.location?.tableTitle || '（无表格：文字或整份文件）';

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
      h(
        'button',
        { type: 'button', 'data-ti': ti, onclick: () => showTable(ti), title: t.key },
        tableTitle(t, ti),
        n ? h('span', { class: 'tab-count' }, n) : null,
      ),
    );
  });

  function highlight(ref: CellRef | null, related: CellRef[]) {
    document.querySelectorAll('.hit, .related-hit').forEach((el) => {
      el.classList.remove('hit', 'related-hit');
    });
    for (const r of related)
      if (r.table === currentTable) document.getElementById(cellId(r))?.classList.add('related-hit');
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
    const relatedPlaces = (Array.isArray(f.finding.related) ? f.finding.related : []) as {
      source?: SourcePlace | null;
    }[];
    const relatedRefs = relatedPlaces
      .map((r) => locateCell(model, { ...f.finding, location: r as never }))
      .filter((r): r is CellRef => r !== null);
    highlight(ref, relatedRefs);
    void source.show(
      f.finding.location?.source,
      relatedPlaces.map((r) => r.source).filter((p): p is SourcePlace => !!p),
    );
    drawDetail();
  }

  /** Counts after dismissals, in the header and the severity chips; the list's row reads the same from the server. */
  function live(sev: string): number {
    return findings.filter((f) => f.severity === sev && statusOf(f) !== 'dismissed').length;
  }
  function drawCounts() {
    const dismissed = findings.filter((f) => statusOf(f) === 'dismissed').length;
    clear(countsEl);
    append(countsEl, [
      h('span', { class: 'badge sev-error', 'data-count': 'error' }, `错误 ${live('error')}`),
      h('span', { class: 'badge sev-warning', 'data-count': 'warning' }, `警告 ${live('warning')}`),
      h('span', { class: 'badge sev-info', 'data-count': 'info' }, `提示 ${live('info')}`),
      dismissed ? h('span', { class: 'badge muted', 'data-count': 'dismissed' }, `已排除 ${dismissed}`) : null,
    ]);
    heading.textContent = `审核结果（${findings.length}）`;
  }

  /** Records one decision for `ids` (one finding or the selection) and redraws counts, list and detail. */
  async function decide(ids: string[], status: ReviewStatus, reason: string): Promise<boolean> {
    try {
      // One finding: its own decision (audit line review.set); several: one decision for all (review.bulk).
      const reviews =
        ids.length === 1
          ? { [ids[0]]: (await api.review(ids[0], status, reason)).review }
          : (await api.reviewMany(ids, status, reason)).reviews;
      for (const f of findings) if (reviews[f.id]) f.review = reviews[f.id];
      toast(ids.length > 1 ? `已将 ${ids.length} 条标记为「${REVIEW[status]}」` : `已标记为「${REVIEW[status]}」`);
      picked.clear();
      drawCounts();
      drawFilters();
      drawList();
      drawDetail();
      return true;
    } catch (e) {
      toast(e instanceof ApiFailure ? e.messageZh : '保存失败', 'error');
      return false;
    }
  }

  function drawDetail() {
    clear(detail);
    const f = selected;
    if (!f) {
      detail.append(
        h(
          'p',
          { class: 'hint' },
          canReview ? '选择一条审核结果查看详情并复核；勾选多条可一并复核。' : '选择一条审核结果查看详情。',
        ),
      );
      return;
    }
    const x = f.finding;
    const reason = h(
      'textarea',
      { rows: 2, placeholder: '复核意见（排除时必填）', 'aria-label': '复核意见' },
      f.review?.reason ?? '',
    );
    // Earlier decisions, oldest first, when there is more than the current one.
    const history = h('ol', { class: 'review-history' });
    if (f.review) {
      void api.reviews(f.id).then(({ reviews }) => {
        if (selected !== f || reviews.length < 2) return;
        for (const r of reviews.slice(0, -1))
          history.append(
            h('li', {}, `${dateTime(r.at)} ${r.userName}：${REVIEW[r.status]}${r.reason ? `（${r.reason}）` : ''}`),
          );
      });
    }
    const one = (status: ReviewStatus) => {
      if (status === 'dismissed' && !reason.value.trim()) {
        toast('排除一条审核结果时请填写理由。', 'error');
        reason.focus();
        return;
      }
      void decide([f.id], status, reason.value);
    };
    const nums = [
      x.expected != null ? ['应为', x.expected] : null,
      x.actual != null ? ['实际', x.actual] : null,
      x.difference != null ? ['差额', x.difference] : null,
    ].filter(Boolean) as [string, unknown][];
    append(detail, [
      h(
        'div',
        { class: 'detail-head' },
        h('span', { class: `badge ${SEVERITY[f.severity]?.cls ?? ''}` }, SEVERITY[f.severity]?.zh ?? f.severity),
        h('span', { class: 'rule-name' }, ruleName.get(f.ruleId) ?? f.ruleId),
      ),
      h('p', { class: 'detail-msg' }, f.message),
      nums.length
        ? h('dl', { class: 'nums' }, ...nums.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, amount(String(v)))]))
        : null,
      h(
        'p',
        { class: 'sub' },
        [x.location?.tableTitle, x.location?.row, placeText(x.location?.source)].filter(Boolean).join(' · '),
      ),
      counterpartLine(x.counterpart, entityHistory?.documents ?? [], doc.id),
      h(
        'div',
        { class: 'review-box' },
        h(
          'div',
          { class: 'review-status' },
          '复核状态：',
          h('strong', { class: `review-${statusOf(f)}` }, REVIEW[statusOf(f)]),
          f.review && f.review.status !== 'open'
            ? h('span', { class: 'sub' }, `（${f.review.userName}，${dateTime(f.review.at)}）`)
            : null,
        ),
        canReview
          ? reason
          : f.review?.reason
            ? h('p', { class: 'review-reason' }, `复核意见：${f.review.reason}`)
            : null,
        history,
        canReview
          ? h(
              'div',
              { class: 'review-actions' },
              h('button', { type: 'button', class: 'primary', onclick: () => one('confirmed') }, '确认问题'),
              h('button', { type: 'button', onclick: () => one('dismissed') }, '排除（误报）'),
              f.review && f.review.status !== 'open'
                ? h('button', { type: 'button', class: 'link', onclick: () => one('open') }, '重新打开')
                : null,
            )
          : h('p', { class: 'hint' }, '复核由财政局复核员进行。'),
      ),
    ]);
  }

  // Findings that point at one recognised cell (the others concern a table, the narrative or the document).
  const cellFindings = new Set(findings.filter((f) => locateCell(model, f.finding) !== null).map((f) => f.id));

  function shown(): StoredFinding[] {
    const out = findings.filter(
      (f) =>
        (!filter.severity || f.severity === filter.severity) &&
        (!filter.status || statusOf(f) === filter.status) &&
        (!filter.rule || f.ruleId === filter.rule) &&
        (!filter.table || tableOf(f) === filter.table),
    );
    const bySeverity = (a: StoredFinding, b: StoredFinding) =>
      (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9);
    const cmp: Record<FindingSort, (a: StoredFinding, b: StoredFinding) => number> = {
      severity: (a, b) => bySeverity(a, b) || a.seq - b.seq,
      place: (a, b) => compareArrays(placeOrder(a), placeOrder(b)) || a.seq - b.seq,
      rule: (a, b) =>
        (ruleName.get(a.ruleId) ?? a.ruleId).localeCompare(ruleName.get(b.ruleId) ?? b.ruleId, 'zh') ||
        bySeverity(a, b) ||
        a.seq - b.seq,
      status: (a, b) => STATUS_ORDER[statusOf(a)] - STATUS_ORDER[statusOf(b)] || bySeverity(a, b) || a.seq - b.seq,
    };
    return out.sort(cmp[sortBy]);
  }

  function drawBulk() {
    clear(bulkBar);
    if (!canReview) return;
    const visible = shown();
    const all = visible.length > 0 && visible.every((f) => picked.has(f.id));
    const bulk = (status: ReviewStatus) => async () => {
      const ids = [...picked];
      const reason = await askReason({
        title: status === 'dismissed' ? `排除所选 ${ids.length} 条审核结果` : `确认所选 ${ids.length} 条为问题`,
        message:
          status === 'dismissed'
            ? '请填写排除理由（将记录在每条结果的复核意见中，并记入操作日志）。'
            : '可填写复核意见（将记录在每条结果上）。',
        ok: status === 'dismissed' ? '排除' : '确认问题',
        required: status === 'dismissed',
        placeholder: status === 'dismissed' ? '排除理由（必填），例如：口径差异，已与单位核实' : '复核意见（可选）',
      });
      if (reason !== null) await decide(ids, status, reason);
    };
    append(bulkBar, [
      h(
        'label',
        { class: 'pick-all' },
        h('input', {
          type: 'checkbox',
          name: 'pick-all',
          checked: all,
          'aria-label': '全选当前列出的审核结果',
          onchange: (e: Event) => {
            const on = (e.currentTarget as HTMLInputElement).checked;
            for (const f of visible) on ? picked.add(f.id) : picked.delete(f.id);
            drawList();
          },
        }),
        picked.size ? `已选 ${picked.size} 条` : '全选',
      ),
      h(
        'button',
        { type: 'button', class: 'bulk-confirm', disabled: picked.size === 0, onclick: bulk('confirmed') },
        '确认问题',
      ),
      h(
        'button',
        { type: 'button', class: 'bulk-dismiss', disabled: picked.size === 0, onclick: bulk('dismissed') },
        '排除（误报）',
      ),
    ]);
  }

  function drawList() {
    clear(list);
    const items = shown();
    if (items.length === 0)
      list.append(
        h(
          'li',
          { class: 'empty' },
          findings.length
            ? '没有符合筛选条件的结果。'
            : doc.auditStatus === 'done'
              ? '没有发现问题。'
              : '该文档尚未审核。',
        ),
      );
    for (const f of items) {
      const status = statusOf(f);
      const place = [f.finding.location?.tableTitle, placeText(f.finding.location?.source)].filter(Boolean).join(' · ');
      list.append(
        h(
          'li',
          {
            class: `finding status-${status} ${selected?.id === f.id ? 'selected' : ''}`,
            'data-id': f.id,
            'data-rule': f.ruleId,
            'data-severity': f.severity,
            'data-cell': cellFindings.has(f.id),
            tabindex: 0,
            onclick: () => select(f),
            onkeydown: (e: Event) => (e as KeyboardEvent).key === 'Enter' && select(f),
          },
          h(
            'div',
            { class: 'finding-top' },
            canReview
              ? h('input', {
                  type: 'checkbox',
                  name: 'pick-finding',
                  'aria-label': '选择此条',
                  checked: picked.has(f.id),
                  onclick: (e: Event) => e.stopPropagation(),
                  onchange: (e: Event) => {
                    if ((e.currentTarget as HTMLInputElement).checked) picked.add(f.id);
                    else picked.delete(f.id);
                    drawBulk();
                  },
                })
              : null,
            h('span', { class: `badge ${SEVERITY[f.severity]?.cls ?? ''}` }, SEVERITY[f.severity]?.zh ?? f.severity),
            h('span', { class: 'place' }, place),
            status !== 'open' ? h('span', { class: `review-tag review-${status}` }, REVIEW[status]) : null,
          ),
          h('div', { class: 'finding-msg' }, f.message),
          h('div', { class: 'finding-rule sub print-only' }, ruleName.get(f.ruleId) ?? f.ruleId),
          f.review && f.review.status !== 'open' && f.review.reason
            ? h(
                'div',
                { class: 'finding-reason' },
                `复核意见：${f.review.reason}（${f.review.userName}，${dateTime(f.review.at)}）`,
              )
            : null,
        ),
      );
    }
    drawBulk();
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

  function drawFilters() {
    clear(filterBar);
    const chip = (label: string, value: string, key: 'severity' | 'status') =>
      h(
        'button',
        {
          type: 'button',
          class: `chip ${filter[key] === value ? 'active' : ''}`,
          'data-filter': `${key}:${value}`,
          onclick: () => {
            filter[key] = value;
            drawFilters();
            drawList();
          },
        },
        label,
      );
    const countBy = (key: (f: StoredFinding) => string) => {
      const m = new Map<string, number>();
      for (const f of findings) m.set(key(f), (m.get(key(f)) ?? 0) + 1);
      return m;
    };
    const pickOne = (name: 'rule' | 'table', label: string, counts: Map<string, number>, text: (v: string) => string) =>
      h(
        'label',
        { class: 'filter' },
        label,
        h(
          'select',
          {
            name: `finding-${name}`,
            onchange: (e: Event) => {
              filter[name] = (e.currentTarget as HTMLSelectElement).value;
              drawList();
            },
          },
          h('option', { value: '' }, '全部'),
          ...[...counts]
            .sort((a, b) => text(a[0]).localeCompare(text(b[0]), 'zh'))
            .map(([v, n]) => h('option', { value: v, selected: filter[name] === v }, `${text(v)}（${n}）`)),
        ),
      );
    const statuses = countBy(statusOf);
    append(filterBar, [
      h(
        'div',
        { class: 'chips' },
        chip('全部', '', 'severity'),
        chip(`错误 ${live('error')}`, 'error', 'severity'),
        chip(`警告 ${live('warning')}`, 'warning', 'severity'),
        chip(`提示 ${live('info')}`, 'info', 'severity'),
      ),
      h(
        'div',
        { class: 'chips' },
        chip('全部状态', '', 'status'),
        chip(`待复核 ${statuses.get('open') ?? 0}`, 'open', 'status'),
        chip(`已确认 ${statuses.get('confirmed') ?? 0}`, 'confirmed', 'status'),
        chip(`已排除 ${statuses.get('dismissed') ?? 0}`, 'dismissed', 'status'),
      ),
      h(
        'div',
        { class: 'filter-row' },
        pickOne(
          'rule',
          '规则',
          countBy((f) => f.ruleId),
          (v) => ruleName.get(v) ?? v,
        ),
        pickOne('table', '表格', countBy(tableOf), (v) => v),
        h(
          'label',
          { class: 'filter' },
          '排序',
          h(
            'select',
            {
              name: 'finding-sort',
              onchange: (e: Event) => {
                sortBy = (e.currentTarget as HTMLSelectElement).value as FindingSort;
                drawList();
              },
            },
            ...(
              [
                ['severity', '严重程度'],
                ['place', '原文顺序'],
                ['rule', '规则'],
                ['status', '复核状态'],
              ] as const
            ).map(([v, t]) => h('option', { value: v, selected: sortBy === v }, t)),
          ),
        ),
      ),
    ]);
  }

  const auditTab = h(
    'div',
    { class: 'doc-layout' },
    h(
      'section',
      { class: 'card findings-panel' },
      heading,
      doc.auditStatus !== 'done' ? h('p', { class: 'form-error' }, doc.auditMessage ?? '审核未完成。') : null,
      filterBar,
      bulkBar,
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
      // the entity's documents by key (the names printed differ between years), their figures from the series
      const ids = new Set((entityHistory?.documents ?? [doc]).map((d) => d.id));
      const names = [
        ...new Set((entityHistory?.documents ?? [doc]).map((d) => d.entity).filter((n): n is string => !!n)),
      ];
      const points = (await Promise.all(names.map(async (entity) => (await api.series({ entity })).points)))
        .flat()
        .filter((p) => ids.has(p.id));
      const mine = points.find((p) => p.id === doc.id);
      if (mine) chartsTab.append(documentCharts(mine.figures));
      if (points.length > 1) chartsTab.append(overYearsChart(points, `${doc.entity}：历年对比`));
      else chartsTab.append(h('p', { class: 'hint card' }, '上传同一单位其他年度的文件后，这里会显示历年对比。'));
    }
  }
  chartsTab.hidden = true;

  main.append(
    printHead(doc),
    header(doc, model, user, countsEl, coverage),
    historyBox(doc, entityHistory),
    tabs,
    auditTab,
    chartsTab,
  );
  const firstTable = model.tables.findIndex((t) => t.rows.length > 0);
  showTable(Math.max(firstTable, 0));
  drawCounts();
  drawFilters();
  drawList();
  drawDetail();
}
