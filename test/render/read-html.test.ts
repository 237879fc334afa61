import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/read/html/read-html.ts';
import { readLayout } from '../../src/read/read-layout.ts';

describe('readHtml', () => {
  it('reads headings, paragraphs and list items as lines with their source place', () => {
    const l = readHtml(
      '<!doctype html>\n<html><head><title>x</title><style>p{}</style></head><body>\n<h1>第一部分 概况</h1>\n<p>一、部门职责 &amp; 机构</p><ul><li>收入决算表</li></ul></body></html>',
    );
    const lines = l.blocks.filter((b) => b.type === 'line');
    expect(lines.map((b) => b.type === 'line' && b.text)).toEqual([
      '第一部分 概况',
      '一、部门职责 & 机构',
      '收入决算表',
    ]);
    expect(lines[0]).toMatchObject({ heading: 1, place: { kind: 'text', line: 3, column: 5 } });
    expect(lines[2]).toMatchObject({ bullet: true });
  });

  it('makes merged cells rectangular: text and spans at the top-left, empty cells where covered', () => {
    const l = readHtml(`<html><body><table>
      <tr><th rowspan="2">项目</th><th colspan="2">本年支出</th></tr>
      <tr><th>基本支出</th><th>项目支出</th></tr>
      <tr><td>合计</td><td>1,910.50</td><td>0.00</td></tr></table></body></html>`);
    const grid = l.blocks.find((b) => b.type === 'grid');
    if (grid?.type !== 'grid') throw new Error('no grid');
    expect(grid.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['项目', '本年支出', ''],
      ['', '基本支出', '项目支出'],
      ['合计', '1,910.50', '0.00'],
    ]);
    expect(grid.rows[0].cells[0]).toMatchObject({ rowSpan: 2 });
    expect(grid.rows[0].cells[1]).toMatchObject({ colSpan: 2 });
  });

  it('tolerates unclosed tags, numeric entities and text outside elements, and reports empty input', () => {
    const l = readHtml('<html><body>前言&#x4E00;<p>段落<table><tr><td>a<td>b</table>');
    expect(l.blocks.map((b) => b.type)).toEqual(['line', 'line', 'grid']);
    expect(l.blocks[0]).toMatchObject({ text: '前言一' });
    expect(readHtml('<html><body></body></html>').warnings[0]?.code).toBe('empty-input');
  });

  it('reads a table caption as the title line before the grid', () => {
    const l = readHtml(
      '<html><body><table><caption>收入决算表</caption><tr><td>合计</td><td>1.00</td></tr></table></body></html>',
    );
    expect(l.blocks.map((b) => b.type)).toEqual(['line', 'grid']);
    expect(l.blocks[0]).toMatchObject({ text: '收入决算表' });
  });

  it('keeps an unreadable region marked by the renderer as illegible', () => {
    const l = readHtml('<html><body><h3>收入总表</h3><p class="illegible">[无法识别]</p></body></html>');
    expect(l.blocks.map((b) => b.type)).toEqual(['line', 'illegible']);
  });

  it('is chosen by readLayout for content that starts like HTML', async () => {
    const l = await readLayout(
      new TextEncoder().encode('<!DOCTYPE html><html><body><p>说明</p></body></html>'),
      'x.bin',
    );
    expect(l.format).toBe('html');
  });
});
