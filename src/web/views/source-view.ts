import type { SourcePlace } from '../../model/place.ts';
import type { DocumentSummary } from '../../store/types.ts';
import { centerInScroller, clear, h } from '../dom.ts';
import { placeText } from '../format.ts';

// Shows where a finding was read in the original: for text inputs the lines around it with the line
// highlighted; for PDFs the page drawn by pdf.js (shipped by the server under /vendor/pdfjs) with the
// place boxed; for Excel and Word the cell or paragraph reference.

type PdfJs = {
  GlobalWorkerOptions: { workerSrc: string };
  getDocument(src: unknown): { promise: Promise<PdfDoc> };
};
type PdfDoc = {
  numPages: number;
  getPage(n: number): Promise<{
    getViewport(o: { scale: number }): { width: number; height: number };
    render(o: unknown): { promise: Promise<void> };
  }>;
};

const CONTEXT_LINES = 8;

export class SourceView {
  readonly el: HTMLElement;
  private readonly doc: DocumentSummary;
  private text: Promise<string[]> | null = null;
  private pdf: Promise<PdfDoc> | null = null;
  private renderToken = 0;

  constructor(doc: DocumentSummary) {
    this.doc = doc;
    this.el = h(
      'div',
      { class: 'source-view' },
      h('p', { class: 'hint' }, '点击左侧的审核结果，这里显示它在原文中的位置。'),
    );
  }

  private lines(): Promise<string[]> {
    this.text ??= fetch(`/api/documents/${this.doc.id}/original`, { credentials: 'same-origin' })
      .then((r) => r.arrayBuffer())
      .then((b) => new TextDecoder('utf-8').decode(b).split(/\r\n|\n|\r/));
    return this.text;
  }

  private pdfDoc(): Promise<PdfDoc> {
    this.pdf ??= (async () => {
      const pdfjs = (await import(/* @vite-ignore */ '/vendor/pdfjs/build/pdf.min.mjs' as string)) as PdfJs;
      pdfjs.GlobalWorkerOptions.workerSrc = '/vendor/pdfjs/build/pdf.worker.min.mjs';
      return pdfjs.getDocument({
        url: `/api/documents/${this.doc.id}/original?inline`,
        cMapUrl: '/vendor/pdfjs/cmaps/',
        cMapPacked: true,
        standardFontDataUrl: '/vendor/pdfjs/standard_fonts/',
        withCredentials: true,
      }).promise;
    })();
    return this.pdf;
  }

  async show(place: SourcePlace | null | undefined, related: SourcePlace[] = []): Promise<void> {
    const token = ++this.renderToken;
    if (!place) {
      clear(this.el);
      this.el.append(h('p', { class: 'hint' }, '这条结果针对整份文件，没有具体的原文位置。'));
      return;
    }
    const caption = h(
      'div',
      { class: 'source-caption' },
      `原文位置：${placeText(place)}`,
      h('span', { class: 'sub' }, ` · ${this.doc.fileName}`),
    );
    if (place.kind === 'text') {
      const lines = await this.lines();
      if (token !== this.renderToken) return;
      const from = Math.max(1, place.line - CONTEXT_LINES);
      const to = Math.min(lines.length, place.line + CONTEXT_LINES);
      const relatedLines = new Set(related.filter((p) => p.kind === 'text').map((p) => (p as { line: number }).line));
      const body = h('div', { class: 'source-lines' });
      for (let n = from; n <= to; n++) {
        const line = lines[n - 1] ?? '';
        let content: (string | HTMLElement)[] = [line];
        if (n === place.line) {
          // Columns are 1-based character positions (not UTF-16 units): slice by code points.
          const chars = [...line];
          const a = place.column - 1;
          const b = place.endColumn ? place.endColumn - 1 : chars.length;
          content = [
            chars.slice(0, a).join(''),
            h('mark', {}, chars.slice(a, b).join('') || ' '),
            chars.slice(b).join(''),
          ];
        }
        body.append(
          h(
            'div',
            { class: `src-line${n === place.line ? ' hit' : relatedLines.has(n) ? ' related' : ''}` },
            h('span', { class: 'ln' }, n),
            h('span', { class: 'tx' }, ...content),
          ),
        );
      }
      clear(this.el);
      this.el.append(caption, body);
      const hitLine = body.querySelector<HTMLElement>('.hit');
      if (hitLine) centerInScroller(hitLine);
      return;
    }
    if (place.kind === 'pdf') {
      clear(this.el);
      this.el.append(caption, h('p', { class: 'hint' }, '正在绘制页面…'));
      try {
        const pdf = await this.pdfDoc();
        const page = await pdf.getPage(place.page);
        if (token !== this.renderToken) return;
        const width = Math.max(320, this.el.clientWidth - 16);
        const base = page.getViewport({ scale: 1 });
        const scale = width / base.width;
        const viewport = page.getViewport({ scale });
        const canvas = h('canvas', {
          width: Math.round(viewport.width * devicePixelRatio),
          height: Math.round(viewport.height * devicePixelRatio),
        });
        canvas.style.width = `${viewport.width}px`;
        canvas.style.height = `${viewport.height}px`;
        await page.render({
          canvasContext: canvas.getContext('2d'),
          canvas,
          viewport,
          transform: [devicePixelRatio, 0, 0, devicePixelRatio, 0, 0],
        }).promise;
        if (token !== this.renderToken) return;
        const [x0, y0, x1, y1] = place.box;
        const box = (p: number[], cls: string) =>
          h('div', {
            class: cls,
            style: `left:${p[0] * scale - 3}px;top:${p[1] * scale - 3}px;width:${(p[2] - p[0]) * scale + 6}px;height:${(p[3] - p[1]) * scale + 6}px`,
          });
        const frame = h(
          'div',
          { class: 'pdf-page', style: `width:${viewport.width}px;height:${viewport.height}px` },
          canvas,
          ...related
            .filter((p) => p.kind === 'pdf' && p.page === place.page)
            .map((p) => box((p as { box: number[] }).box, 'pdf-box related')),
          box([x0, y0, x1, y1], 'pdf-box'),
        );
        clear(this.el);
        this.el.append(caption, h('div', { class: 'pdf-scroll' }, frame));
        const boxed = frame.querySelector<HTMLElement>('.pdf-box:not(.related)');
        if (boxed) centerInScroller(boxed);
      } catch {
        if (token !== this.renderToken) return;
        clear(this.el);
        this.el.append(caption, h('p', { class: 'form-error' }, '无法绘制该页。'));
      }
      return;
    }
    clear(this.el);
    this.el.append(
      caption,
      h(
        'p',
        { class: 'hint' },
        place.kind === 'sheet'
          ? `在 Excel 原文件中打开工作表“${place.sheet}”，单元格 ${place.cell}。`
          : '在 Word 原文件中对应的段落或表格单元格。',
      ),
      h('a', { href: `/api/documents/${this.doc.id}/original`, class: 'button' }, '下载原文件'),
    );
  }
}
