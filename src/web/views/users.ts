import { api, ApiFailure } from '../api.ts';
import { clear, h, toast } from '../dom.ts';
import { dateTime } from '../format.ts';

// Admins add reviewers and other admins. Passwords are set here once and stored only as scrypt hashes.

export async function usersView(main: HTMLElement): Promise<void> {
  const body = h('tbody');
  async function load() {
    clear(body);
    for (const u of (await api.users()).users) body.append(h('tr', {}, h('td', {}, u.name), h('td', {}, u.role === 'admin' ? '管理员' : '复核员'), h('td', {}, dateTime(u.createdAt))));
  }
  const name = h('input', { required: true, autocomplete: 'off' });
  const password = h('input', { type: 'password', required: true, autocomplete: 'new-password' });
  const role = h('select', {}, h('option', { value: 'reviewer' }, '复核员'), h('option', { value: 'admin' }, '管理员'));
  const form = h(
    'form',
    {
      class: 'card filters',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        try {
          await api.createUser(name.value.trim(), password.value, role.value);
          toast(`已创建用户 ${name.value}`);
          name.value = '';
          password.value = '';
          await load();
        } catch (err) {
          toast(err instanceof ApiFailure ? err.messageZh : '创建失败', 'error');
        }
      },
    },
    h('label', { class: 'filter' }, '用户名', name),
    h('label', { class: 'filter' }, '初始密码（至少 8 位）', password),
    h('label', { class: 'filter' }, '角色', role),
    h('button', { type: 'submit', class: 'primary' }, '添加用户'),
  );
  main.append(h('div', { class: 'page-head' }, h('h1', {}, '用户')), form, h('section', { class: 'card table-card' }, h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, h('th', {}, '用户名'), h('th', {}, '角色'), h('th', {}, '创建时间'))), body)));
  await load();
}
