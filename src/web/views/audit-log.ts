import type { AuditLogEntry } from '../../store/types.ts';
import { api, ApiFailure } from '../api.ts';
import { clear, h } from '../dom.ts';
import { dateTime } from '../format.ts';

// 操作日志 (admins): who signed in or failed to, what was uploaded or refused and why, reviews, deletions — newest
// first, a page at a time, filtered by kind. Everything shown comes from the server as text (never markup).

const PAGE = 50;

export const ACTION_ZH: Record<string, string> = {
  'auth.login': '登录',
  'auth.login-failed': '登录失败',
  'user.create': '创建用户',
  'document.upload': '上传',
  'document.refuse': '拒收文件',
  'document.reprocess': '重新审核',
  'document.delete': '删除文档',
  'review.set': '复核',
  'review.bulk': '批量复核',
};

const STATUS_ZH: Record<string, string> = { open: '待复核', confirmed: '确认问题', dismissed: '排除' };
const ROLE_ZH: Record<string, string> = { admin: '管理员', reviewer: '复核员', department: '部门用户' };

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** One line of Chinese about what the entry records. */
export function describeEntry(e: AuditLogEntry): string {
  const d = e.detail;
  switch (e.action) {
    case 'auth.login':
      return '登录成功';
    case 'auth.login-failed':
      return d.reason === 'throttled' ? '尝试过多，已暂停登录' : '用户名或密码不正确';
    case 'user.create':
      return `${d.firstRun ? '首次启动创建管理员' : '创建用户'} ${text(d.name)}（${ROLE_ZH[text(d.role)] ?? text(d.role)}${d.department ? ` · ${text(d.department)}` : ''}）`;
    case 'document.upload':
      return d.duplicate
        ? `${text(d.fileName)}：与已保存的文件相同，未重复保存`
        : `${text(d.fileName)}：${[text(d.entity), d.fiscalYear ? `${text(d.fiscalYear)}年` : '', text(d.kind)].filter(Boolean).join(' ')}，错误 ${text(d.errors)}、警告 ${text(d.warnings)}`;
    case 'document.refuse':
      return `${text(d.fileName) || '（整个上传请求）'}：${text(d.messageZh)}`;
    case 'document.reprocess':
      return `${text(d.entity)}：错误 ${text(d.errors)}、警告 ${text(d.warnings)}，沿用复核意见 ${text(d.carriedReviews)} 条`;
    case 'document.delete':
      return `${text(d.fileName)}（${[text(d.entity), d.fiscalYear ? `${text(d.fiscalYear)}年` : '', text(d.kind)].filter(Boolean).join(' ')}）${d.reason ? `，理由：${text(d.reason)}` : ''}`;
    case 'review.set':
      return `${STATUS_ZH[text(d.status)] ?? text(d.status)}${d.reason ? `：${text(d.reason)}` : ''}`;
    case 'review.bulk':
      return `${Array.isArray(d.findingIds) ? d.findingIds.length : ''} 条审核结果 ${STATUS_ZH[text(d.status)] ?? text(d.status)}${d.reason ? `：${text(d.reason)}` : ''}`;
    default:
      return JSON.stringify(d);
  }
}

export async function auditLogView(main: HTMLElement): Promise<void> {
  let offset = 0;
  let action = '';
  const body = h('tbody');
  const count = h('span', { class: 'muted' });
  const prev = h('button', { type: 'button', class: 'link', onclick: () => void go(offset - PAGE) }, '‹ 较新');
  const next = h('button', { type: 'button', class: 'link', onclick: () => void go(offset + PAGE) }, '较早 ›');
  const where = h('span', { class: 'muted' });
  const filter = h(
    'select',
    { name: 'action', 'aria-label': '操作类型' },
    h('option', { value: '' }, '全部操作'),
    ...Object.entries(ACTION_ZH).map(([v, zh]) => h('option', { value: v }, zh)),
  );
  filter.addEventListener('change', () => {
    action = filter.value;
    void go(0);
  });

  async function go(to: number): Promise<void> {
    offset = Math.max(0, to);
    let page: Awaited<ReturnType<typeof api.auditLog>>;
    try {
      page = await api.auditLog({ limit: String(PAGE), offset: String(offset), ...(action ? { action } : {}) });
    } catch (e) {
      clear(body);
      body.append(
        h(
          'tr',
          {},
          h('td', { colspan: 5, class: 'error-box' }, e instanceof ApiFailure ? e.messageZh : '无法读取操作日志。'),
        ),
      );
      return;
    }
    clear(body);
    for (const e of page.entries) {
      body.append(
        h(
          'tr',
          { class: `audit-${e.action.replace(/\W/g, '-')}` },
          h('td', { class: 'nowrap' }, dateTime(e.at)),
          h('td', {}, e.userName ?? '（未登录）'),
          h('td', { class: 'nowrap' }, ACTION_ZH[e.action] ?? e.action),
          h('td', {}, describeEntry(e)),
          h('td', { class: 'muted nowrap' }, e.address ?? ''),
        ),
      );
    }
    if (!page.entries.length) body.append(h('tr', {}, h('td', { colspan: 5, class: 'muted' }, '没有记录。')));
    count.textContent = `共 ${page.total} 条`;
    where.textContent = page.total ? `第 ${offset + 1}–${offset + page.entries.length} 条` : '';
    prev.disabled = offset === 0;
    next.disabled = offset + page.entries.length >= page.total;
  }

  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, '操作日志'), count),
    h(
      'div',
      { class: 'card filters' },
      h('label', { class: 'filter' }, '操作类型', filter),
      h('span', { class: 'grow' }),
      prev,
      where,
      next,
    ),
    h(
      'section',
      { class: 'card table-card' },
      h(
        'table',
        { class: 'grid audit-log' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', {}, '时间'),
            h('th', {}, '用户'),
            h('th', {}, '操作'),
            h('th', {}, '内容'),
            h('th', {}, '地址'),
          ),
        ),
        body,
      ),
    ),
  );
  await go(0);
}
