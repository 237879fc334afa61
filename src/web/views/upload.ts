import { uploadFile } from '../api.ts';
import { h } from '../dom.ts';

// Drag-and-drop (or pick) many files, or a whole folder (a reviewer's 200 departments); each is sent in its own
// request so it gets its own progress bar and its own result. Two at a time: the server reads two files in parallel
// on a small machine anyway. A folder's other files (system files, images) are left out before sending.

const ACCEPT = '.pdf,.xlsx,.xls,.docx,.txt,.md,.html';
const ACCEPTED = new RegExp(
  `(${ACCEPT.split(',')
    .map((e) => e.replace('.', '\\.'))
    .join('|')})$`,
  'i',
);

export function uploadPanel(onDone: () => void | Promise<void>): HTMLElement {
  const list = h('ul', { class: 'upload-list' });
  const input = h('input', {
    type: 'file',
    multiple: true,
    accept: ACCEPT,
    class: 'file-input',
    'aria-label': '选择文件',
  });
  const folder = h('input', {
    type: 'file',
    multiple: true,
    class: 'file-input folder-input',
    'aria-label': '选择文件夹',
  });
  folder.webkitdirectory = true;

  async function send(files: File[]) {
    if (files.length === 0) return;
    const queue = files.map((file) => {
      const bar = h('progress', { max: 1, value: 0 });
      const state = h('span', { class: 'upload-state' }, '等待上传');
      list.prepend(h('li', {}, h('span', { class: 'upload-name' }, file.name), bar, state));
      return { file, bar, state };
    });
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const { file, bar, state } = job;
        state.textContent = '上传中…';
        const r = await uploadFile(file, (f) => {
          bar.value = f;
          if (f >= 1) state.textContent = '正在识别和审核…';
        });
        bar.value = 1;
        if (r.status === 'failed') {
          // Chinese first, the English message below it (the same words `caijian check` prints).
          state.textContent = '';
          state.append(
            `未能上传：${r.error?.messageZh ?? '未知错误'}`,
            r.error?.messageEn ? h('span', { class: 'en' }, r.error.messageEn) : '',
          );
          state.className = 'upload-state failed';
          if (r.error?.code) state.dataset.code = r.error.code;
        } else {
          const d = r.document!;
          state.className = 'upload-state ok';
          state.textContent = `${r.status === 'duplicate' ? '已存在（相同文件）' : '完成'}：错误 ${d.errors}，警告 ${d.warnings}`;
        }
        void onDone();
      }
    };
    await Promise.all([worker(), worker()]);
  }

  input.addEventListener('change', () => {
    void send(Array.from(input.files ?? []));
    input.value = '';
  });
  folder.addEventListener('change', () => {
    const files = Array.from(folder.files ?? []);
    const kept = files.filter((f) => ACCEPTED.test(f.name) && !f.name.startsWith('.'));
    if (kept.length < files.length)
      list.prepend(
        h('li', { class: 'upload-note' }, `文件夹中 ${files.length - kept.length} 个不是公开文件格式的文件未上传。`),
      );
    void send(kept);
    folder.value = '';
  });
  const zone = h(
    'div',
    { class: 'drop-zone', tabindex: 0 },
    h('strong', {}, '拖放文件到这里上传'),
    h('span', {}, '或 '),
    h('button', { type: 'button', class: 'link', onclick: () => input.click() }, '选择文件'),
    h('span', {}, ' 或 '),
    h('button', { type: 'button', class: 'link', onclick: () => folder.click() }, '选择文件夹'),
    h('div', { class: 'hint' }, '支持 PDF、Excel（xlsx/xls）、Word（docx）、文本；可一次选择多个文件或整个文件夹'),
    input,
    folder,
  );
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    void send(Array.from(e.dataTransfer?.files ?? []));
  });
  return h('section', { class: 'card upload' }, zone, list);
}
