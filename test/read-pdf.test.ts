import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, GridBlock, Layout } from '../src/model/layout.ts';
import { Layout as LayoutSchema } from '../src/model/layout.ts';
import { InputError } from '../src/read/errors.ts';
import { readLayout } from '../src/read/read-layout.ts';
import { readPdf } from '../src/read/pdf/read-pdf.ts';
import { assemblePdf, encryptedPdf, noisePdf, pdfWithBrokenPage } from './fixtures/pdf/make-pdf.ts';

// Real disclosures from ../shared/corpus (see test/fixtures/pdf/SOURCES.md): each assertion names a
// printed value at a known row and column of a known page, as read by eye from the PDF.

const dir = join(import.meta.dirname, 'fixtures', 'pdf');
const fixture = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

const pageOf = (b: Block) => (b.place.kind === 'pdf' ? b.place.page : -1);
const grids = (layout: Layout, page: number) =>
  layout.blocks.filter((b): b is GridBlock => b.type === 'grid' && pageOf(b) === page);
const lines = (layout: Layout, page: number) =>
  layout.blocks.filter((b) => b.type === 'line' && pageOf(b) === page).map((b) => (b as { text: string }).text);
const texts = (row: GridBlock['rows'][number]) => row.cells.map((c) => c.text);
/** The row of `grid` whose cell in column `col` reads `label`. */
function rowWith(grid: GridBlock, col: number, label: string) {
  const row = grid.rows.find((r) => r.cells[col]?.text === label);
  if (!row)
    throw new Error(`no row "${label}" in column ${col}: ${grid.rows.map((r) => texts(r).join('|')).join('\n')}`);
  return row;
}

/** The layout in the seed text form (tab-separated rows), for a reviewed snapshot. */
function seedForm(layout: Layout, first: number, last: number): string {
  const out: string[] = [];
  for (const b of layout.blocks) {
    const p = pageOf(b);
    if (p < first || p > last) continue;
    if (b.type === 'line') out.push(b.text);
    else if (b.type === 'break') out.push('\f');
    else if (b.type === 'illegible') out.push('[illegible]');
    else for (const r of b.rows) out.push(texts(r).join('\t'));
  }
  return out.join('\n') + '\n';
}

describe('readPdf on a ruled final account (佛山市轨道交通局 2019 部门决算)', () => {
  let layout: Layout;
  beforeAll(async () => {
    layout = await readPdf(fixture('foshan-final-2019.pdf'));
  });

  it('satisfies the layout contract and keeps every page', () => {
    expect(() => LayoutSchema.parse(layout)).not.toThrow();
    expect(layout.format).toBe('pdf');
    expect(layout.pageCount).toBe(31);
    expect(layout.imageOnlyPages).toEqual([]);
    expect(layout.blocks.filter((b) => b.type === 'break' && b.kind === 'page')).toHaveLength(31);
  });

  it('rebuilds 收入支出决算总表 on its rules, merged header included', () => {
    const [grid] = grids(layout, 5);
    expect(texts(grid.rows[0])).toEqual(['收入', '', '', '支出', '', '']);
    expect(grid.rows[0].cells[0].colSpan).toBe(3);
    expect(texts(grid.rows[1])).toEqual(['项目', '行次', '决算数', '项目', '行次', '决算数']);
    const row = rowWith(grid, 0, '一、一般公共预算财政拨款收入');
    expect(texts(row)).toEqual(['一、一般公共预算财政拨款收入', '1', '1668.14', '一、一般公共服务支出', '27', '0.00']);
    // Empty income cells stay in place so that the expenditure side keeps its columns.
    expect(texts(rowWith(grid, 3, '八、社会保障和就业支出'))).toEqual([
      '',
      '8',
      '',
      '八、社会保障和就业支出',
      '34',
      '76.23',
    ]);
  });

  it('emits the table continued on the next pages as its own grid after the page break, header repeated', () => {
    const [p5] = grids(layout, 6);
    expect(texts(p5.rows[1])).toEqual(['项目', '行次', '决算数', '项目', '行次', '决算数']);
    expect(texts(rowWith(p5, 3, '十三、交通运输支出'))[5]).toBe('1531.04');
    const [p6] = grids(layout, 7);
    expect(texts(rowWith(p6, 0, '总计'))).toEqual(['总计', '26', '1668.14', '总计', '52', '1668.14']);
    const breakAt = layout.blocks.findIndex((b) => b.type === 'break' && pageOf(b) === 6);
    expect(layout.blocks.indexOf(p6)).toBeGreaterThan(breakAt);
  });

  it('keeps unit and note lines as separate line blocks next to the table', () => {
    expect(lines(layout, 5)).toContain('单位：万元');
    expect(lines(layout, 5)).toContain('部门：佛山市轨道交通局');
    const note = lines(layout, 7).find((t) => t.startsWith('注：'));
    expect(note).toMatch(/^注：本表反映部门本年度的总收支和年末结转情况。/);
    const blocks = layout.blocks.filter((b) => pageOf(b) === 7);
    const gridAt = blocks.findIndex((b) => b.type === 'grid');
    const noteAt = blocks.findIndex((b) => b.type === 'line' && b.text.startsWith('注：'));
    expect(noteAt).toBeGreaterThan(gridAt);
  });

  it('reads a functional-code table with codes and amounts in their columns', () => {
    const [grid] = grids(layout, 8);
    expect(texts(grid.rows[0]).slice(0, 4)).toEqual(['项目', '', '本年收入合计', '财政拨款收入']);
    expect(grid.rows[0].cells[2].rowSpan).toBe(2);
    expect(texts(rowWith(grid, 0, '2140101'))).toEqual([
      '2140101',
      '行政运行',
      '609.30',
      '609.29',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.01',
    ]);
  });

  it('gives every cell its page and a box inside the page, ordered left to right', () => {
    // Each page break carries the displayed page's size: portrait 595 × 842 or landscape 842 × 595.
    const size = new Map(
      layout.blocks.flatMap((b) => (b.type === 'break' && b.place.kind === 'pdf' ? [[b.place.page, b.place.box]] : [])),
    );
    for (const b of layout.blocks) {
      if (b.type !== 'grid') continue;
      const [, , width, height] = size.get(pageOf(b))!;
      for (const row of b.rows) {
        let lastX = -1;
        for (const cell of row.cells) {
          expect(cell.place.kind).toBe('pdf');
          if (cell.place.kind !== 'pdf') continue;
          expect(cell.place.page).toBe(pageOf(b));
          const [x0, y0, x1, y1] = cell.place.box;
          expect(x0).toBeLessThan(x1);
          expect(y0).toBeLessThan(y1);
          expect(x1).toBeLessThanOrEqual(width + 0.5);
          expect(y1).toBeLessThanOrEqual(height + 0.5);
          // Cells covered by a merged cell lie inside it; the cells with text go strictly left to right.
          if (cell.text === '') continue;
          expect(x0).toBeGreaterThanOrEqual(lastX - 0.01);
          lastX = x1;
        }
      }
    }
  });

  it('joins paragraph lines wrapped at the right margin', () => {
    expect(lines(layout, 4)).toContain('（七）负责全市城市轨道交通运营与工程安全生产监督管理工作，实施安全考核认证。');
  });

  it('matches the reviewed text form of the tables on pages 5–10', async () => {
    await expect(seedForm(layout, 5, 10)).toMatchFileSnapshot('fixtures/pdf/foshan-final-2019.p5-10.txt');
  });
});

describe('readPdf on pages rotated 90° (江苏省委办公厅 2018 预算公开表)', () => {
  let layout: Layout;
  beforeAll(async () => {
    layout = await readPdf(fixture('jiangsu-rotated-2018.pdf'));
  });

  it('reads the landscape table upright with boxes on the displayed page', () => {
    const [grid] = grids(layout, 3);
    const row = rowWith(grid, 0, '一、财政拨款');
    expect(texts(row)).toEqual([
      '一、财政拨款',
      '24,458.43',
      '一、一般公共服务支出',
      '20,153.75',
      '一、基本支出',
      '10,403.11',
    ]);
    expect(texts(rowWith(grid, 0, '收入合计'))).toEqual(['收入合计', '24,458.43', '支出合计', '', '', '24,458.43']);
    const [label, amount] = row.cells.map((c) => (c.place.kind === 'pdf' ? c.place.box : [0, 0, 0, 0]));
    // The displayed page is 842 wide and 595 high: text runs left to right along the long side.
    expect(amount[0]).toBeGreaterThan(label[2] - 0.5);
    expect(
      Math.max(...grid.rows.flatMap((r) => r.cells.map((c) => (c.place.kind === 'pdf' ? c.place.box[2] : 0)))),
    ).toBeLessThanOrEqual(842.5);
    expect(
      Math.max(...grid.rows.flatMap((r) => r.cells.map((c) => (c.place.kind === 'pdf' ? c.place.box[3] : 0)))),
    ).toBeLessThanOrEqual(595.5);
    expect(lines(layout, 3)).toEqual(
      expect.arrayContaining(['收支预算总表', '部门：中共江苏省委办公厅', '单位：万元']),
    );
  });

  it('keeps row-merged cells with their span', () => {
    const [grid] = grids(layout, 4);
    const row = rowWith(grid, 0, '一般公共预算资金');
    expect(row.cells[0].rowSpan).toBe(3);
    expect(texts(row)).toEqual(['一般公共预算资金', '小计', '24,458.43']);
  });
});

describe('readPdf on spreadsheet-exported tables (北京市审计局 2026 部门预算报表)', () => {
  let layout: Layout;
  beforeAll(async () => {
    layout = await readPdf(fixture('beijing-audit-tables-2026.pdf'));
  });

  it('drops the blank margin columns of the printed sheet and lifts title and unit out of the grid', () => {
    const [grid] = grids(layout, 1);
    expect(texts(grid.rows[0])).toEqual(['收入', '', '支出', '']);
    expect(lines(layout, 1)).toEqual(expect.arrayContaining(['预算01表收支总表', '金额单位：万元']));
    expect(texts(rowWith(grid, 0, '本年收入合计'))).toEqual([
      '本年收入合计',
      '32,380.090089',
      '本年支出合计',
      '32,852.053832',
    ]);
  });

  it('reads a two-level header and a long body table', () => {
    const [grid] = grids(layout, 3);
    const header = grid.rows[0];
    expect(texts(header).slice(0, 7)).toEqual([
      '支出功能分类科目',
      '政府支出经济分类科目',
      '部门支出经济分类科目',
      '合计',
      '基本支出',
      '项目支出',
      '其中',
    ]);
    expect(header.cells[6].colSpan).toBe(3);
    expect(texts(grid.rows[1]).slice(6)).toEqual(['事业单位经营支出', '上缴上级支出', '对附属单位补助支出']);
    const body = grid.rows.filter((r) => r.cells[2].text === '30227-委托业务费');
    expect(body.map((r) => r.cells[3].text)).toEqual(['1,356.836000', '142.460000', '106.580000']);
  });
});

describe('readPdf on wide landscape pages with a three-level header (深圳市医疗保障局 2026 部门预算)', () => {
  it('keeps each header level with its spans and the body under the right columns', async () => {
    const layout = await readPdf(fixture('shenzhen-wide-2026.pdf'));
    const [grid] = grids(layout, 18);
    const [top, middle, bottom] = grid.rows;
    expect(top.cells.map((c) => [c.text, c.colSpan ?? 1, c.rowSpan ?? 1]).filter(([t]) => t !== '')).toEqual([
      ['预算单位', 1, 3],
      ['收入总计', 1, 3],
      ['本年收入', 9, 1],
      ['上年结余、结转', 1, 3],
    ]);
    expect(middle.cells[2]).toMatchObject({ text: '财政拨款', colSpan: 3 });
    expect(middle.cells[5]).toMatchObject({ text: '财政专户管理资金', rowSpan: 2 });
    expect(middle.cells[6]).toMatchObject({ text: '单位资金', colSpan: 5 });
    expect(texts(bottom).slice(2, 5)).toEqual(['一般公共预算拨款', '政府性基金预算拨款', '国有资本经营预算拨款']);
    expect(texts(grid.rows[3])).toEqual([
      '深圳市医疗保障局（本级）',
      '15,480.26',
      '13,607.02',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '1,725.63',
      '147.61',
    ]);
    expect(lines(layout, 18)).toEqual(
      expect.arrayContaining(['收入总表', '部门名称：深圳市医疗保障局（本级）', '单位：万元']),
    );
  });
});

describe('readPdf on pages with a running head (无锡市应急管理局 2026 部门预算)', () => {
  it('drops the head repeated in the top margin, so a table continues right after the page break, columns intact', async () => {
    const layout = await readPdf(fixture('wuxi-running-head-2026.pdf'));
    expect(
      layout.blocks.some(
        (b) => b.type === 'line' && b.text.replace(/\s/g, '') === '无锡市应急管理局2026年度部门预算公开',
      ),
    ).toBe(false);
    // 支出总表 runs from page 12 onto page 13: the continuation grid is the first block of page 13.
    const breakAt = layout.blocks.findIndex((b) => b.type === 'break' && pageOf(b) === 12);
    const next = layout.blocks[breakAt + 1];
    expect(next.type).toBe('grid');
    // Columns empty on the continuation page stay, so the amount stays under 项目支出 (column 5 of 8).
    expect(texts((next as GridBlock).rows[0])).toEqual([
      '2240199',
      '其他应急管理支出',
      '2,080.58',
      '',
      '2,080.58',
      '',
      '',
      '',
    ]);
    expect(texts(grids(layout, 12)[0].rows[0])).toEqual([
      '科目编码',
      '科目名称',
      '合计',
      '基本支出',
      '项目支出',
      '事业单位经营支出',
      '上缴上级支出',
      '对附属单位补助支出',
    ]);
    // Table titles, which also repeat at the top of pages, stay.
    expect(lines(layout, 12)).toEqual(expect.arrayContaining(['公开03表', '支出总表', '单位：万元']));
  });
});

describe('readPdf on amounts wrapped inside narrow cells (杭州市司法局 2026 部门预算)', () => {
  it('rejoins "21,118.5" / "1" into one amount and keeps the row whole', async () => {
    const layout = await readPdf(fixture('hangzhou-wrapped-numbers-2026.pdf'));
    const [grid] = grids(layout, 30);
    expect(texts(rowWith(grid, 0, '合计'))).toEqual([
      '合计',
      '91,842.80',
      '70,724.29',
      '58,486.35',
      '12,237.94',
      '21,118.51',
    ]);
    expect(texts(rowWith(grid, 0, '一般公共服务支出'))).toEqual([
      '一般公共服务支出',
      '12,868.19',
      '',
      '',
      '',
      '12,868.19',
    ]);
    const [projects] = grids(layout, 37);
    expect(texts(rowWith(projects, 1, '合计'))).toEqual(['', '合计', '28,506.17', '21,118.51', '', '', '', '7,387.66']);
  });
});

describe('readPdf on justified narrative with wide spacing (江苏省人民检察院 2017 部门预算)', () => {
  it('keeps the sentences as joined lines, not as a table of their words and numbers', async () => {
    const layout = await readPdf(fixture('jiangsu-procuratorate-2017.pdf'));
    const page = lines(layout, 18);
    expect(page).toContain('（一）收入预算总计17996.68万元。包括：');
    expect(page.find((t) => t.startsWith('2017年度收入、支出预算总计17996.68万元'))).toContain(
      '增长8.85 %。主要是员额制检察官工资改革',
    );
    expect(page).toContain(
      '2．其他资金收入预算总计15万元。与上年相比增加9.45万元，增长170.27 %。主要是因代发检察官学院绩效工资增加等。',
    );
    const cells = grids(layout, 18).flatMap((g) => g.rows.flatMap(texts));
    expect(cells.filter((t) => t.includes('万元'))).toEqual([]);
    // The procurement table above the narrative on the same page is still a table.
    expect(cells).toContain('分散自行组织');
  });
});

describe('readPdf on pages without text: blank, empty grid, image, outlines', () => {
  it('reports 上海市数据局 2026 p11, an empty grid column spilled from the table before it, as a blank page', async () => {
    const layout = await readPdf(fixture('shanghai-image-page-2026.pdf'));
    expect(layout.imageOnlyPages).toEqual([]);
    expect(layout.blocks.filter((b) => b.type === 'illegible')).toHaveLength(0);
    const blank = layout.warnings.filter((w) => w.code === 'blank-page');
    expect(blank.map((w) => w.place?.kind === 'pdf' && w.place.page)).toEqual([11]);
    expect(layout.warnings.map((w) => w.code)).not.toContain('image-only-page');
    // The pages around it are read.
    expect(lines(layout, 10).length).toBeGreaterThan(0);
    expect(lines(layout, 12).length).toBeGreaterThan(0);
  });

  it('tells an image page (drawn bare, inline, or of one pixel) and a page of outlined glyphs from a blank one', async () => {
    const page = (content: string, resources = '') =>
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${content} 0 R /Resources << /Font << /F1 3 0 R >> ${resources} >> >>`;
    const stream = (s: string) => `<< /Length ${s.length} >>\nstream\n${s}\nendstream`;
    const text = 'BT /F1 12 Tf 72 720 Td (Budget 2026) Tj ET';
    const image = 'q 200 0 0 100 72 500 cm /Im1 Do Q';
    const grid = '0.5 w 72 600 100 20 re S 72 580 100 20 re S';
    const curves = '72 600 m 100 650 150 650 180 600 c f';
    // The image drawn last, with no q/Q around it: the first read keeps only the cm (the image is dropped).
    const bareImage = '595 0 0 842 0 0 cm /Im1 Do';
    // An inline image (BI … ID … EI) of 2×2 pixels, and a one-pixel image kept by both reads.
    const inlineImage = 'q 100 0 0 100 72 500 cm BI /W 2 /H 2 /CS /G /BPC 8 /F /AHx ID 00FFFF00> EI Q';
    const onePixel = 'q 100 0 0 100 72 500 cm /Im2 Do Q';
    const img = (w: number, h: number, hex: string) =>
      `<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length ${hex.length} >>\nstream\n${hex}\nendstream`;
    const bytes = assemblePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [4 0 R 5 0 R 6 0 R 7 0 R 8 0 R 9 0 R 10 0 R] /Count 7 >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      page('11'),
      page('12', '/XObject << /Im1 18 0 R >>'),
      page('13'),
      page('14'),
      page('15', '/XObject << /Im1 18 0 R >>'),
      page('16'),
      page('17', '/XObject << /Im2 19 0 R >>'),
      stream(text),
      stream(image),
      stream(grid),
      stream(curves),
      stream(bareImage),
      stream(inlineImage),
      stream(onePixel),
      img(2, 2, '00FFFF00>'),
      img(1, 1, '00>'),
    ]);
    const layout = await readPdf(bytes);
    const pagesOf = (code: string) =>
      layout.warnings.filter((w) => w.code === code).map((w) => (w.place?.kind === 'pdf' ? w.place.page : null));
    expect(pagesOf('blank-page')).toEqual([3]);
    expect(pagesOf('image-only-page')).toEqual([2, 4, 5, 6, 7]);
    expect(layout.imageOnlyPages).toEqual([2, 4, 5, 6, 7]);
    expect(layout.blocks.filter((b) => b.type === 'illegible').map(pageOf)).toEqual([2, 4, 5, 6, 7]);
  });
});

describe('readPdf on bad input', () => {
  const good = fixture('foshan-final-2019.pdf');

  async function refusal(bytes: Uint8Array, timeoutSeconds?: number): Promise<InputError> {
    const started = Date.now();
    const error = await readPdf(bytes, { timeoutSeconds }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    expect(e.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(e.messageEn).toMatch(/[a-z]/);
    return e;
  }

  it('refuses truncated files (cut at 40% and at 90%)', async () => {
    expect((await refusal(good.subarray(0, Math.floor(good.length * 0.4)))).code).toBe('unreadable');
    expect((await refusal(good.subarray(0, Math.floor(good.length * 0.9)))).code).toBe('unreadable');
  });

  it('refuses noise with a PDF header and trailer, and a header with nothing behind it', async () => {
    expect((await refusal(noisePdf())).code).toBe('unreadable');
    expect((await refusal(new TextEncoder().encode('%PDF-1.4\n%%EOF\n'))).code).toBe('unreadable');
  });

  it('refuses a password-protected file as encrypted', async () => {
    expect((await refusal(encryptedPdf())).code).toBe('encrypted');
  });

  it('reads the good pages of a file with one damaged page and reports the damaged one', async () => {
    const layout = await readPdf(pdfWithBrokenPage());
    expect(layout.pageCount).toBe(2);
    expect(lines(layout, 1)).toEqual(['Budget 2026']);
    const illegible = layout.blocks.filter((b) => b.type === 'illegible');
    expect(illegible.map(pageOf)).toEqual([2]);
    expect(layout.warnings.map((w) => w.code)).toEqual(['page-unreadable']);
  });

  it('gives up on a document that takes longer than its time limit, with a message, not a hang', async () => {
    const e = await refusal(good, 0.05);
    expect(e.code).toBe('unreadable');
    expect(e.messageZh).toContain('超时');
  });

  it('does not take down a read running alongside one that times out', async () => {
    const [slow, normal] = await Promise.allSettled([
      readPdf(good, { timeoutSeconds: 0.05 }),
      readPdf(fixture('jiangsu-rotated-2018.pdf')),
    ]);
    expect(slow.status).toBe('rejected');
    expect(normal.status).toBe('fulfilled');
    if (normal.status === 'fulfilled') expect(normal.value.pageCount).toBe(15);
  });

  it('is reached through readLayout by content, and leaves the caller its bytes', async () => {
    const bytes = fixture('jiangsu-rotated-2018.pdf');
    const copy = bytes.slice();
    const layout = await readLayout(bytes, 'whatever.bin');
    expect(layout.format).toBe('pdf');
    expect(bytes).toEqual(copy);
  });
});

describe('readPdf on text drawn several times over at one place (西安市商务局 2022 部门综合预算)', () => {
  it('keeps each overprinted run once, so the headers and titles of the 13 tables read as printed', async () => {
    // The producer fakes bold type by drawing each header cell and title six times at the same position; the page
    // shows “序号”, “收 入 / 项 目” once (p36, 表1 2022年部门综合预算收支总表).
    const file = join(
      import.meta.dirname,
      '../../shared/corpus/calinchow-del__renwu/020_西安/商务局_2026年部门预算.pdf',
    );
    const layout = await readPdf(new Uint8Array(readFileSync(file)));
    const cells = grids(layout, 36).flatMap((g) => g.rows.flatMap(texts));
    expect(cells).toContain('序号');
    expect(cells.some((t) => t.includes('序号序号'))).toBe(false);
    expect(lines(layout, 36).map((t) => t.replace(/\s/g, ''))).toContain('2022年部门综合预算收支总表');
  }, 60_000);
});
