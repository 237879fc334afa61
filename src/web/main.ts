import './style.css';
import type { User } from '../store/types.ts';
import { api, ApiFailure } from './api.ts';
import { clear, h } from './dom.ts';
import { ROLE } from './format.ts';
import { loginView, setupView } from './views/login.ts';

// The workbench shell: signs the user in (or shows the first-run screen), draws the top bar and switches
// views by the URL hash (#/ list, #/doc/<id> document, #/compare charts across documents, #/users, #/audit log).

const root = document.getElementById('app')!;
let user: User | null = null;

function topBar(u: User): HTMLElement {
  const link = (href: string, label: string) =>
    h('a', { href, class: location.hash.startsWith(href) && href !== '#/' ? 'active' : '' }, label);
  return h(
    'header',
    { class: 'topbar' },
    h(
      'a',
      { class: 'brand', href: '#/' },
      h('span', { class: 'brand-mark' }, '鉴'),
      h('span', {}, '财鉴'),
      h('small', {}, '预决算公开审核工作台'),
    ),
    h(
      'nav',
      {},
      link('#/', '文档'),
      link('#/compare', '对比分析'),
      u.role === 'admin' ? link('#/users', '用户') : null,
      u.role === 'admin' ? link('#/audit', '操作日志') : null,
    ),
    h(
      'div',
      { class: 'who' },
      h(
        'span',
        { class: 'who-name' },
        `${u.name}（${ROLE[u.role] ?? u.role}${u.role === 'department' && u.department ? ` · ${u.department}` : ''}）`,
      ),
      h('button', { class: 'link', onclick: () => void logout() }, '退出'),
    ),
  );
}

async function logout(): Promise<void> {
  await api.logout().catch(() => null);
  user = null;
  await route();
}

async function route(): Promise<void> {
  if (!user) {
    try {
      user = (await api.me()).user;
    } catch (e) {
      if (!(e instanceof ApiFailure) || e.status !== 401) throw e;
      const { needsSetup } = await api.setup();
      clear(root);
      const done = (u: User) => {
        user = u;
        void route();
      };
      root.append(needsSetup ? setupView(done) : loginView(done));
      return;
    }
  }
  const hash = location.hash || '#/';
  const main = h('main', { class: 'page' });
  clear(root);
  root.append(topBar(user), main);
  const doc = /^#\/doc\/([^/?]+)/.exec(hash);
  if (doc) {
    const { documentView } = await import('./views/document.ts');
    await documentView(main, decodeURIComponent(doc[1]), user);
  } else if (hash.startsWith('#/compare')) {
    const { compareView } = await import('./views/compare.ts');
    await compareView(main);
  } else if (hash.startsWith('#/audit') && user.role === 'admin') {
    const { auditLogView } = await import('./views/audit-log.ts');
    await auditLogView(main);
  } else if (hash.startsWith('#/users') && user.role === 'admin') {
    const { usersView } = await import('./views/users.ts');
    await usersView(main);
  } else {
    const { listView } = await import('./views/list.ts');
    await listView(main, user);
  }
}

function showFailure(e: unknown): void {
  const msg = e instanceof ApiFailure ? e.messageZh : '页面出错，请刷新重试。';
  if (e instanceof ApiFailure && e.status === 401) {
    user = null;
    void route();
    return;
  }
  root.append(h('div', { class: 'error-box' }, msg));
}

window.addEventListener('hashchange', () => void route().catch(showFailure));
void route().catch(showFailure);
