// A tiny element builder: h('div', { class: 'x', onclick: fn }, child, 'text'). Text is always set as text
// (never innerHTML), so names and messages from uploaded documents cannot inject markup.

type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;
export type Child = Node | string | number | null | undefined | false | Child[];

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener);
    else if (k === 'class') el.className = String(v);
    else if (k in el && typeof v !== 'string') (el as unknown as Record<string, unknown>)[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.firstChild.remove();
}

/**
 * Asks for a reason in a modal dialog (the browser's own <dialog>): resolves to the text, or null when cancelled.
 * `required` keeps OK disabled until something is written (a dismissal needs its reason).
 */
export function askReason(o: {
  title: string;
  message: string;
  ok: string;
  required: boolean;
  danger?: boolean;
  placeholder?: string;
}): Promise<string | null> {
  return new Promise((resolve) => {
    const text = h('textarea', {
      rows: 3,
      placeholder: o.placeholder ?? '理由',
      'aria-label': '理由',
      class: 'dialog-reason',
    });
    const okButton = h(
      'button',
      { type: 'submit', class: o.danger ? 'danger' : 'primary', disabled: o.required },
      o.ok,
    );
    const dialog = h(
      'dialog',
      { class: 'ask' },
      h(
        'form',
        {
          method: 'dialog',
          onsubmit: (e: Event) => {
            e.preventDefault();
            finish(text.value.trim());
          },
        },
        h('h2', {}, o.title),
        h('p', {}, o.message),
        text,
        h(
          'div',
          { class: 'dialog-actions' },
          h('button', { type: 'button', onclick: () => finish(null) }, '取消'),
          okButton,
        ),
      ),
    );
    text.addEventListener('input', () => (okButton.disabled = o.required && !text.value.trim()));
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      finish(null);
    });
    let done = false;
    function finish(v: string | null) {
      if (done) return;
      done = true;
      dialog.close();
      dialog.remove();
      resolve(v);
    }
    document.body.append(dialog);
    dialog.showModal();
    text.focus();
  });
}

export function toast(message: string, kind: 'ok' | 'error' = 'ok'): void {
  const t = h('div', { class: `toast toast-${kind}`, role: 'status' }, message);
  document.body.append(t);
  setTimeout(() => t.remove(), kind === 'error' ? 6000 : 3000);
}

/**
 * Scrolls `target` to the middle of its nearest scrolling ancestor only. Element.scrollIntoView would also
 * scroll the page, making the source panel and the table panel fight over the window.
 */
export function centerInScroller(target: HTMLElement): void {
  let box = target.parentElement;
  while (
    box &&
    !(
      box.scrollHeight > box.clientHeight &&
      /(auto|scroll)/.test(getComputedStyle(box).overflowY + getComputedStyle(box).overflowX)
    )
  )
    box = box.parentElement;
  if (!box || box === document.body || box === document.documentElement) return;
  const b = box.getBoundingClientRect();
  const t = target.getBoundingClientRect();
  box.scrollTop += t.top - b.top - (box.clientHeight - t.height) / 2;
  box.scrollLeft += t.left - b.left - (box.clientWidth - t.width) / 2;
}
