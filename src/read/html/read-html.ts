import type { Block, GridCell, GridRow, Layout, ReadWarning } from '../../model/layout.ts';
import type { TextPlace } from '../../model/place.ts';

// Reader for HTML disclosures (Caijian's own rendered HTML and pages saved from government sites).
// Headings, paragraphs and list items become lines; <table> becomes a grid whose rows are made rectangular
// the way the Excel reader does it: a merged cell keeps its text and colSpan/rowSpan at its top-left
// position and the positions it covers hold empty cells. Places are line and column in the HTML source.
// The reader is a small tolerant tokenizer, not a validator: unknown tags are ignored, unclosed ones closed.

const SKIP = new Set(['head', 'script', 'style', 'title', 'template', 'noscript', 'svg']);
const BLOCK = new Set([
  'p',
  'div',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'nav',
  'article',
  'header',
  'footer',
  'caption',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'body',
  'dt',
  'dd',
]);
const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'col', 'wbr']);
const PAGE_CLASS = /(^|\s)(page|table|grid|cover|toc)(\s|$)/;
const PAGE_STYLE = /(page-)?break-(before|after)\s*:\s*(page|always)/i;

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  middot: '·',
  hellip: '…',
  yen: '¥',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

function normalizeSpace(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

interface OpenCell {
  text: string;
  start: number;
  colSpan: number;
  rowSpan: number;
}
interface OpenRow {
  cells: { cell: OpenCell }[];
  start: number;
}
interface OpenTable {
  rows: OpenRow[];
  start: number;
  row: OpenRow | null;
  cell: OpenCell | null;
  /** <caption> text: the table's title on many web pages; read as a line before the grid. */
  caption: { text: string; start: number } | null;
  inCaption: boolean;
}

export function readHtml(html: string): Layout {
  const source = html.charCodeAt(0) === 0xfeff ? html.slice(1) : html;
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const place = (offset: number): TextPlace => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { kind: 'text', line: lo + 1, column: offset - lineStarts[lo] + 1 };
  };

  const blocks: Block[] = [];
  const warnings: ReadWarning[] = [];
  const tables: OpenTable[] = [];
  let text = '';
  let textStart = -1;
  let heading: number | undefined;
  let bullet = false;
  let skipUntil: string | null = null;

  const pageBreak = (offset: number) => {
    const last = blocks[blocks.length - 1];
    if (last && !(last.type === 'break' && last.kind === 'page'))
      blocks.push({ type: 'break', kind: 'page', place: place(offset) });
  };
  const flushLine = () => {
    const t = normalizeSpace(text);
    if (t) {
      const b: Block = { type: 'line', text: t, place: place(textStart) };
      if (heading) b.heading = heading;
      if (bullet) b.bullet = true;
      blocks.push(b);
    }
    text = '';
    textStart = -1;
  };
  const addText = (s: string, offset: number) => {
    const table = tables[tables.length - 1];
    if (table?.cell) {
      table.cell.text += s;
      return;
    }
    if (table?.inCaption) {
      table.caption ??= { text: '', start: offset };
      table.caption.text += s;
      return;
    }
    if (table) return; // text between cells is layout whitespace
    if (textStart < 0 && s.trim()) textStart = offset + (s.length - s.trimStart().length);
    text += s;
  };
  const closeCell = (t: OpenTable) => {
    t.cell = null;
  };
  const closeRow = (t: OpenTable) => {
    closeCell(t);
    if (t.row) t.rows.push(t.row);
    t.row = null;
  };
  const finishTable = (t: OpenTable) => {
    closeRow(t);
    const caption = t.caption ? normalizeSpace(t.caption.text) : '';
    if (caption) blocks.push({ type: 'line', text: caption, place: place(t.caption!.start) });
    const grid = rectangular(t, place);
    if (grid.length) blocks.push({ type: 'grid', rows: grid, place: place(t.start) });
  };

  const TOKEN =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[^>]*>|<\/?([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;
  let at = 0;
  for (let m = TOKEN.exec(source); m; m = TOKEN.exec(source)) {
    if (m.index > at && !skipUntil) addText(decodeEntities(source.slice(at, m.index)), at);
    at = TOKEN.lastIndex;
    const name = m[1]?.toLowerCase();
    if (!name) continue; // comment, doctype, processing instruction
    const closing = m[0][1] === '/';
    if (skipUntil) {
      if (closing && name === skipUntil) skipUntil = null;
      continue;
    }
    if (!closing && SKIP.has(name) && !m[0].endsWith('/>')) {
      skipUntil = name;
      continue;
    }
    const attrs = m[2] ?? '';
    const table = tables[tables.length - 1];
    if (name === 'table') {
      if (!closing) {
        if (!table) flushLine();
        tables.push({ rows: [], start: m.index, row: null, cell: null, caption: null, inCaption: false });
      } else if (table) {
        tables.pop();
        if (tables.length === 0) finishTable(table);
        else {
          // A nested table is read as the text of the cell holding it.
          const outer = tables[tables.length - 1];
          if (outer.cell)
            outer.cell.text +=
              ' ' + table.rows.map((r) => r.cells.map((c) => normalizeSpace(c.cell.text)).join(' ')).join(' ');
        }
      }
      continue;
    }
    if (table) {
      if (name === 'caption') {
        table.inCaption = !closing;
        continue;
      }
      if (name === 'tr') {
        closeRow(table);
        if (!closing) table.row = { cells: [], start: m.index };
      } else if (name === 'td' || name === 'th') {
        closeCell(table);
        if (!closing) {
          if (!table.row) table.row = { cells: [], start: m.index };
          const cell: OpenCell = {
            text: '',
            start: m.index,
            colSpan: spanOf(attrs, 'colspan'),
            rowSpan: spanOf(attrs, 'rowspan'),
          };
          table.row.cells.push({ cell });
          table.cell = cell;
        }
      } else if (name === 'br' || (BLOCK.has(name) && table.cell && closing)) {
        if (table.cell) table.cell.text += ' ';
      }
      continue;
    }
    if (name === 'br') {
      flushLine();
      continue;
    }
    if (name === 'hr') {
      flushLine();
      if (PAGE_CLASS.test(attrOf(attrs, 'class')) || PAGE_STYLE.test(attrOf(attrs, 'style'))) pageBreak(m.index);
      continue;
    }
    if (VOID.has(name)) continue;
    if (BLOCK.has(name)) {
      flushLine();
      if (!closing) {
        const cls = attrOf(attrs, 'class');
        if (name === 'p' && /(^|\s)illegible(\s|$)/.test(cls)) {
          // Caijian marks a table it could not read in the source; keep that as an unreadable region.
          blocks.push({ type: 'illegible', place: place(m.index), reason: 'illegible' });
          skipUntil = 'p';
          continue;
        }
        if (
          (name === 'section' || name === 'div' || /^h[1-6]$/.test(name) || name === 'nav') &&
          (PAGE_STYLE.test(attrOf(attrs, 'style')) || (name !== 'div' && PAGE_CLASS.test(cls)))
        )
          pageBreak(m.index);
        heading = /^h[1-6]$/.test(name) ? Number(name[1]) : undefined;
        bullet = name === 'li';
      } else {
        heading = undefined;
        bullet = false;
      }
    }
  }
  if (!skipUntil && at < source.length) addText(decodeEntities(source.slice(at)), at);
  while (tables.length) {
    const t = tables.pop()!;
    if (tables.length === 0) finishTable(t);
  }
  flushLine();
  while (blocks.length && blocks[blocks.length - 1].type === 'break') blocks.pop();
  if (!blocks.some((b) => b.type !== 'break')) {
    warnings.push({
      code: 'empty-input',
      message: 'HTML 中没有任何文字内容。',
      messageEn: 'The HTML contains no text.',
    });
  }
  return { format: 'html', imageOnlyPages: [], blocks, warnings };
}

function attrOf(attrs: string, name: string): string {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : '';
}

function spanOf(attrs: string, name: string): number {
  const n = parseInt(attrOf(attrs, name), 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 1000) : 1;
}

/** Places cells on a rectangular grid honouring rowspan/colspan; covered positions get empty cells. */
function rectangular(t: OpenTable, place: (offset: number) => TextPlace): GridRow[] {
  const taken: boolean[][] = [];
  const placed: { row: number; col: number; cell: OpenCell }[] = [];
  let width = 0;
  t.rows.forEach((r, ri) => {
    taken[ri] ??= [];
    let col = 0;
    for (const { cell } of r.cells) {
      while (taken[ri][col]) col++;
      const rowSpan = Math.min(cell.rowSpan, t.rows.length - ri);
      for (let dr = 0; dr < rowSpan; dr++) {
        taken[ri + dr] ??= [];
        for (let dc = 0; dc < cell.colSpan; dc++) taken[ri + dr][col + dc] = true;
      }
      placed.push({ row: ri, col, cell: { ...cell, rowSpan } });
      col += cell.colSpan;
      width = Math.max(width, col);
    }
  });
  const rows: GridRow[] = t.rows.map((r) => ({ cells: [], place: place(r.start) }));
  const at = new Map(placed.map((p) => [`${p.row},${p.col}`, p]));
  rows.forEach((row, ri) => {
    const rowPlace = row.place;
    for (let c = 0; c < width; c++) {
      const p = at.get(`${ri},${c}`);
      if (!p) {
        row.cells.push({ text: '', place: rowPlace });
        continue;
      }
      const cell: GridCell = { text: normalizeSpace(p.cell.text), place: place(p.cell.start) };
      if (p.cell.colSpan > 1) cell.colSpan = p.cell.colSpan;
      if (p.cell.rowSpan > 1) cell.rowSpan = p.cell.rowSpan;
      row.cells.push(cell);
    }
  });
  return rows.filter((r) => r.cells.length > 0);
}
