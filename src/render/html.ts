import type { Disclosure } from '../model/disclosure.ts';
import { printDocument, type DocBlock, type DocumentOptions } from './print-document.ts';
import { ILLEGIBLE_TEXT, isNameLabel, isWide, type PrintCell, type PrintTable } from './print-table.ts';

// The document as one self-contained HTML page. It is also the source of the PDF (Chromium prints it), so
// the print CSS matters: A4, each table starting a page, <thead> repeated on every page a table spans,
// wide tables on landscape pages. Real table markup keeps it readable by Caijian's own HTML reader.

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const CSS = `
@page { size: A4 portrait; margin: 18mm 15mm 18mm 15mm; }
@page wide { size: A4 landscape; margin: 15mm 12mm 15mm 12mm; }
/* No synthetic bold: the CJK font has no bold face, and Chromium would print fake-bold text as Type 3 glyphs. */
html { font-synthesis: none; font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun", sans-serif; font-size: 11pt; color: #000; }
body { margin: 0 auto; max-width: 190mm; line-height: 1.7; }
.cover { text-align: center; padding-top: 70mm; break-after: page; }
.cover p { font-size: 26pt; font-weight: bold; margin: 6mm 0; line-height: 1.4; }
.toc { break-after: page; }
.toc h2 { text-align: center; }
.toc ul { list-style: none; padding-left: 0; }
.toc li.l2 { padding-left: 2em; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 6mm; }
h1.page { break-before: page; }
h2 { font-size: 14pt; margin: 5mm 0 2mm; }
h3 { font-size: 12pt; margin: 4mm 0 2mm; }
h4 { font-size: 11pt; margin: 3mm 0 1mm; }
p { margin: 1mm 0; text-indent: 2em; text-align: justify; }
section.table { break-before: page; }
section.table.wide { page: wide; }
section.table h3.table-title { text-align: center; font-size: 14pt; margin: 0 0 2mm; }
section.table p { text-indent: 0; margin: 2.5mm 0; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; line-height: 1.35; }
section.table.wide table { font-size: 7.5pt; line-height: 1.2; }
section.table.wide th, section.table.wide td { padding: 0.5pt 2pt; }
thead { display: table-header-group; }
col.code { width: 5.2em; }
col.line { width: 2.6em; }
col.amount { width: 6.2em; }
section.table.wide col.amount { width: 6.5em; }
tr { break-inside: avoid; }
th, td { border: 0.6pt solid #000; padding: 1pt 3pt; vertical-align: middle; }
th { font-weight: bold; text-align: center; background: #f2f2f2; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
section.table p.note { font-size: 9pt; }
section.grid { break-before: page; }
section.grid table { font-size: 8.5pt; }
@media print { body { max-width: none; } }
@media screen { body { padding: 10mm; } section.table, section.grid { margin-top: 12mm; } }
`;

function cellHtml(tag: 'th' | 'td', c: PrintCell): string {
  const attrs = [
    c.colSpan ? ` colspan="${c.colSpan}"` : '',
    c.rowSpan ? ` rowspan="${c.rowSpan}"` : '',
    c.numeric && tag === 'td' ? ' class="num"' : '',
  ].join('');
  return `<${tag}${attrs}>${escapeHtml(c.text)}</${tag}>`;
}

function columnClass(label: string): string {
  if (/编码|代码/.test(label)) return 'code';
  if (/^行次$/.test(label)) return 'line';
  if (isNameLabel(label)) return 'name';
  return 'amount';
}

export function tableHtml(t: PrintTable): string {
  const wide = isWide(t);
  const out: string[] = [];
  out.push(`<section class="table${wide ? ' wide' : ''}" data-table-key="${escapeHtml(t.key)}">`);
  out.push(`<h3 class="table-title">${escapeHtml(t.title)}</h3>`);
  if (t.numberLine) out.push(`<p class="number">${escapeHtml(t.numberLine)}</p>`);
  if (t.entityLine) out.push(`<p class="entity">${escapeHtml(t.entityLine)}</p>`);
  if (t.unitLine) out.push(`<p class="unit">${escapeHtml(t.unitLine)}</p>`);
  if (t.illegible) out.push(`<p class="illegible">${escapeHtml(ILLEGIBLE_TEXT)}</p>`);
  if (t.header.length === 0 && t.body.length === 0) {
    for (const n of t.notes) out.push(`<p class="note">${escapeHtml(n)}</p>`);
    if (t.emptyStatement && !t.notes.includes(t.emptyStatement))
      out.push(`<p class="note">${escapeHtml(t.emptyStatement)}</p>`);
    out.push('</section>');
    return out.join('\n');
  }
  out.push('<table>');
  // Widths by what a column holds: codes and 行次 narrow, names wide, amounts share the rest.
  out.push(`<colgroup>${t.leafLabels.map((l) => `<col class="${columnClass(l)}">`).join('')}</colgroup>`);
  out.push('<thead>');
  for (const r of t.header) out.push(`<tr>${r.map((c) => cellHtml('th', c)).join('')}</tr>`);
  out.push('</thead>');
  if (t.body.length) {
    out.push('<tbody>');
    for (const r of t.body) out.push(`<tr>${r.map((c) => cellHtml('td', c)).join('')}</tr>`);
    out.push('</tbody>');
  }
  out.push('</table>');
  for (const n of t.notes) out.push(`<p class="note">${escapeHtml(n)}</p>`);
  if (t.emptyStatement && !t.notes.includes(t.emptyStatement))
    out.push(`<p class="note">${escapeHtml(t.emptyStatement)}</p>`);
  out.push('</section>');
  return out.join('\n');
}

function blockHtml(b: DocBlock): string {
  switch (b.type) {
    case 'cover':
      return `<div class="cover">${b.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>`;
    case 'toc':
      return `<nav class="toc"><h2>${escapeHtml(b.title)}</h2><ul>${b.entries.map((e) => `<li class="l${e.level}">${escapeHtml(e.text)}</li>`).join('')}</ul></nav>`;
    case 'heading':
      return `<h${b.level}${b.pageBreak ? ' class="page"' : ''}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'table':
      return tableHtml(b.table);
    case 'grid':
      return [
        '<section class="grid">',
        `<h3 class="table-title">${escapeHtml(b.title)}</h3>`,
        '<table><tbody>',
        ...b.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`),
        '</tbody></table>',
        '</section>',
      ].join('\n');
  }
}

export function renderHtml(d: Disclosure, options: DocumentOptions = {}): string {
  const doc = printDocument(d, options);
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(doc.title)}</title>`,
    '<meta name="generator" content="Caijian 财鉴">',
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...doc.blocks.map(blockHtml),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
