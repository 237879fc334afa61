import { api, ApiFailure } from '../api.ts';
import { clear, h, toast } from '../dom.ts';
import { dateTime, ROLE } from '../format.ts';

// Admins add reviewers, department users (who see and check their own department's documents) and other admins.
// Passwords are set here once and stored only as scrypt hashes.

export async function usersView(main: HTMLElement): Promise<void> {
  const body = h('tbody');
  async function load() {
    clear(body);
    for (const u of (await api.users()).users)
      body.append(
        h(
          'tr',
          {},
          h('td', {}, u.name),
          h('td', {}, ROLE[u.role] ?? u.role),
          h('td', {}, u.department ?? ''),
          h('td', {}, dateTime(u.createdAt)),
        ),
      );
  }
  const name = h('input', { required: true, autocomplete: 'off' });
  const password = h('input', { type: 'password', required: true, autocomplete: 'new-password' });
  const role = h(
    'select',
    { name: 'role' },
    h('option', { value: 'reviewer' }, '复核员（复核全部文档）'),
    h('option', { value: 'department' }, '部门用户（只看本部门文档）'),
    h('option', { value: 'admin' }, '管理员'),
  );
  const department = h('input', { name: 'department', autocomplete: 'off', placeholder: '与公开文件上的单位名称一致' });
  const departmentLabel = h('label', { class: 'filter grow', hidden: true }, '所属部门', department);
  role.addEventListener('change', () => (departmentLabel.hidden = role.value !== 'department'));
  const form = h(
    'form',
    {
      class: 'card filters',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        try {
          await api.createUser(
            name.value.trim(),
            password.value,
            role.value,
            role.value === 'department' ? department.value.trim() : undefined,
          );
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
    departmentLabel,
    h('button', { type: 'submit', class: 'primary' }, '添加用户'),
  );
  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, '用户')),
    form,
    h(
      'section',
      { class: 'card table-card' },
      h(
        'table',
        { class: 'grid' },
        h(
          'thead',
          {},
          h('tr', {}, h('th', {}, '用户名'), h('th', {}, '角色'), h('th', {}, '所属部门'), h('th', {}, '创建时间')),
        ),
        body,
      ),
    ),
  );
  await load();
}
