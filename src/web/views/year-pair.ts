import type { Disclosure, Row, Table } from '../../model/disclosure.ts';
import { div, isZero, mulInt, normalize, parseDecimal, sub, toFixedString, type Decimal } from '../../model/decimal.ts';
import type { DocumentSummary } from '../../store/types.ts';
import { api, ApiFailure } from '../api.ts';
import { append, h } from '../dom.ts';
import { amount } from '../format.ts';
import { tableTitle } from './model-tables.ts';

// Two documents of one entity side by side (issue 12): the earlier one (上年) and the later one (本年), table by
// table — the same table by its key, the same line by its code, item or name, the same column by its key with each
// document's own year read as 本年 — with the difference and the rate, exact (src/model/decimal.ts). A line or table
// one document does not have is said so, never drawn as zero.

type Doc = { document: DocumentSummary; model: Disclosure };

/** A column key or label with the document's own year read as 本年 and the year before as 上年. */
function yearless(s: string, year: number | null): string {
  return year ? s.replaceAll(`${year}年`, '本年').replaceAll(`${year - 1}年`, '上年') : s;
}

const tidy = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');

function sameRow(r: Row, other: Table): Row | undefined {
  if (r.item) return other.rows.find((x) => x.item === r.item && (x.section ?? null) === (r.section ?? null));
  if (r.code) {
    const hits = other.rows.filter(
      (x) =>
        x.code === r.code &&
        (x.section ?? null) === (r.section ?? null) &&
        (x.codeSystem ?? null) === (r.codeSystem ?? null),
    );
    return hits.length === 1 ? hits[0] : undefined;
  }
  if (!r.label) return undefined;
  const hits = other.rows.filter(
    (x) => !x.code && !x.item && tidy(x.label) === tidy(r.label) && (x.section ?? null) === (r.section ?? null),
  );
  return hits.length === 1 ? hits[0] : undefined;
}

/** The value of a cell in 万元 (exact), null when the line prints none. */
function wan(t: Table, d: Disclosure, r: Row | undefined, column: string | undefined): Decimal | null {
  if (!r || !column) return null;
  const v = r.cells.find((c) => c.column === column)?.value;
  const n = v === null || v === undefined ? null : parseDecimal(v);
  if (!n) return null;
  return (t.unit ?? d.unit) === '元' ? { units: n.units, scale: n.scale + 4 } : n;
}

/** 万元 with two decimals at least, and the places a 元 amount needs beyond them (1,234.5678). */
const show = (v: Decimal | null) => (v === null ? '—' : amount(toFixedString(v, Math.max(2, normalize(v).scale))));

function rate(before: Decimal | null, after: Decimal | null): string {
  if (before === null || after === null || isZero(before)) return '—';
  return `${toFixedString(div(mulInt(sub(after, before), 100n), before, 2))}%`;
}

function pairTable(prev: Doc, cur: Doc, t: Table, ti: number): HTMLElement {
  const title = tableTitle(t, ti);
  const other = prev.model.tables.find((x) => x.key === t.key && x.status === 'data');
  if (!other)
    return h(
      'section',
      { class: 'card pair-table' },
      h('h3', {}, title),
      h(
        'p',
        { class: 'hint missing-year' },
        `${prev.document.fiscalYear ?? '上一'}年的文件没有此表（或未能识别），无法对比。`,
      ),
    );
  const y = cur.model.fiscalYear;
  const py = prev.model.fiscalYear;
  const columns = t.columns
    .map((c) => ({
      c,
      o:
        other.columns.find((k) => yearless(k.key, py) === yearless(c.key, y)) ??
        other.columns.find((k) => yearless(k.label, py) === yearless(c.label, y)),
    }))
    .filter((x) => x.o);
  if (!columns.length)
    return h(
      'section',
      { class: 'card pair-table' },
      h('h3', {}, title),
      h('p', { class: 'hint' }, '两年的表头没有相同的栏目，无法逐栏对比。'),
    );
  const select = h(
    'select',
    { 'aria-label': '对比的栏目' },
    ...columns.map((x, i) => h('option', { value: String(i) }, yearless(x.c.label, y))),
  );
  const body = h('tbody', {});
  const draw = () => {
    body.replaceChildren();
    const { c, o } = columns[Number(select.value)];
    const seen = new Set<Row>();
    const line = (label: string, code: string, a: Decimal | null, b: Decimal | null, note: string | null, cls = '') =>
      h(
        'tr',
        { class: cls },
        h('td', { class: 'code' }, code),
        h('td', { class: 'label' }, label, note ? h('span', { class: 'badge sev-info' }, note) : null),
        h('td', { class: 'num' }, show(a)),
        h('td', { class: 'num' }, show(b)),
        h('td', { class: 'num' }, a !== null && b !== null ? show(sub(b, a)) : '—'),
        h('td', { class: 'num' }, rate(a, b)),
      );
    // a table of several parts (收入 | 支出) is shown part after part, as the document view does
    const parts = [...new Set(t.rows.map((r) => r.section ?? ''))];
    const ordered = parts.flatMap((p) => t.rows.filter((r) => (r.section ?? '') === p));
    for (const r of ordered) {
      if (!r.cells.length) continue;
      const pr = sameRow(r, other);
      if (pr) seen.add(pr);
      const cls = r.kind === 'total' ? 'row-total' : r.level ? `lvl-${r.level}` : '';
      body.append(
        line(
          r.label ?? r.item ?? '',
          r.code ?? '',
          wan(other, prev.model, pr, o?.key),
          wan(t, cur.model, r, c.key),
          pr ? null : '上年无此行',
          cls,
        ),
      );
    }
    for (const r of other.rows) {
      if (seen.has(r) || !r.cells.length || !(r.code || r.label)) continue;
      if (sameRow(r, t)) continue;
      body.append(
        line(r.label ?? r.item ?? '', r.code ?? '', wan(other, prev.model, r, o?.key), null, '本年无此行', 'gone'),
      );
    }
  };
  select.addEventListener('change', draw);
  draw();
  const py0 = prev.document.fiscalYear ?? '上年';
  const y0 = cur.document.fiscalYear ?? '本年';
  return h(
    'section',
    { class: 'card pair-table', 'data-table': t.key },
    h(
      'div',
      { class: 'model-table-head' },
      h('h3', {}, title),
      h('label', { class: 'filter' }, '栏目 ', select),
      h('span', { class: 'sub' }, '金额单位：万元'),
    ),
    h(
      'div',
      { class: 'scroll-x' },
      h(
        'table',
        { class: 'grid model' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', {}, '编码'),
            h('th', {}, '项目'),
            h('th', {}, `${py0}年${prev.document.kind ?? ''}`),
            h('th', {}, `${y0}年${cur.document.kind ?? ''}`),
            h('th', {}, '增减'),
            h('th', {}, '增减率'),
          ),
        ),
        body,
      ),
    ),
  );
}

/** #/compare?a=ID&b=ID: the two documents side by side, the earlier one first. */
export async function yearPairView(main: HTMLElement, a: string, b: string): Promise<void> {
  let docs: Doc[];
  try {
    docs = await Promise.all([api.document(a), api.document(b)]);
  } catch (e) {
    main.append(
      h('div', { class: 'error-box' }, e instanceof ApiFailure ? e.messageZh : '无法打开要对比的文档。'),
      h('a', { href: '#/compare' }, '返回对比分析'),
    );
    return;
  }
  docs.sort(
    (x, y) =>
      (x.document.fiscalYear ?? 0) - (y.document.fiscalYear ?? 0) ||
      String(y.document.kind).localeCompare(String(x.document.kind)),
  );
  const [prev, cur] = docs;
  const name = (d: Doc) =>
    `${d.document.entity ?? '（未识别单位）'} ${d.document.fiscalYear ?? '？'}年${d.document.kind ?? ''}`;
  const same = prev.document.entityKey && prev.document.entityKey === cur.document.entityKey;
  const gap =
    prev.document.fiscalYear && cur.document.fiscalYear ? cur.document.fiscalYear - prev.document.fiscalYear : null;
  const tables = cur.model.tables.map((t, i) => ({ t, i })).filter(({ t }) => t.status === 'data' && t.rows.length);
  append(main, [
    h(
      'div',
      { class: 'page-head' },
      h('a', { href: `#/doc/${encodeURIComponent(cur.document.id)}`, class: 'back' }, '← 返回文档'),
      h('h1', {}, '历年对比'),
      h('div', { class: 'sub' }, `${name(prev)}  ↔  ${name(cur)}`),
    ),
    same
      ? null
      : h('p', { class: 'form-error' }, '注意：两份文件的单位不同（单位名称归一后不一致），对比结果仅供参考。'),
    gap !== null && gap > 1
      ? h(
          'p',
          { class: 'hint card missing-year' },
          `两份文件相隔 ${gap} 年，中间缺少 ${Array.from({ length: gap - 1 }, (_, k) => (prev.document.fiscalYear as number) + k + 1).join('、')} 年的文件。`,
        )
      : null,
    tables.length
      ? tables.map(({ t, i }) => pairTable(prev, cur, t, i))
      : h('p', { class: 'hint card' }, `${name(cur)}没有识别出有数据的表格，无法对比。`),
  ]);
}
