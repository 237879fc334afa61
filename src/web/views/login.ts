import type { User } from '../../store/types.ts';
import { api, ApiFailure } from '../api.ts';
import { h } from '../dom.ts';

// Sign-in, and the first-run screen that creates the first administrator (there is no default account).

function form(
  title: string,
  hint: string,
  button: string,
  submit: (name: string, password: string) => Promise<User>,
  done: (u: User) => void,
  confirm = false,
) {
  const name = h('input', { name: 'name', autocomplete: 'username', required: true, minlength: 2 });
  const password = h('input', {
    name: 'password',
    type: 'password',
    autocomplete: confirm ? 'new-password' : 'current-password',
    required: true,
  });
  const again = confirm
    ? h('input', { name: 'password2', type: 'password', autocomplete: 'new-password', required: true })
    : null;
  const message = h('p', { class: 'form-error', role: 'alert' });
  const el = h(
    'form',
    {
      class: 'login-card',
      onsubmit: async (ev: Event) => {
        ev.preventDefault();
        message.textContent = '';
        if (again && again.value !== password.value) {
          message.textContent = '两次输入的密码不一致。';
          return;
        }
        try {
          done(await submit(name.value.trim(), password.value));
        } catch (e) {
          message.textContent = e instanceof ApiFailure ? e.messageZh : '操作失败，请重试。';
        }
      },
    },
    h(
      'div',
      { class: 'login-brand' },
      h('span', { class: 'brand-mark big' }, '鉴'),
      h('div', {}, h('h1', {}, '财鉴'), h('p', {}, '部门预决算公开文件审核工作台')),
    ),
    h('h2', {}, title),
    hint ? h('p', { class: 'hint' }, hint) : null,
    h('label', {}, '用户名', name),
    h('label', {}, '密码', password),
    again ? h('label', {}, '再次输入密码', again) : null,
    message,
    h('button', { type: 'submit', class: 'primary' }, button),
  );
  return h('div', { class: 'login-page' }, el);
}

export function loginView(done: (u: User) => void): HTMLElement {
  return form('登录', '', '登录', async (n, p) => (await api.login(n, p)).user, done);
}

export function setupView(done: (u: User) => void): HTMLElement {
  return form(
    '首次使用：创建管理员',
    '系统中还没有任何账户。请设置第一个管理员的用户名和密码（至少 8 个字符）。',
    '创建并登录',
    async (n, p) => (await api.createFirstAdmin(n, p)).user,
    done,
    true,
  );
}
