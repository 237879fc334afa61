import {
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GridBlock, Layout, LineBlock } from '../src/model/layout.ts';
import { readDocx } from '../src/read/docx/read-docx.ts';
import { readLayout } from '../src/read/read-layout.ts';
import { seedTable, seedText, tablesToDocx, type SeedTable } from './fixtures/office/seed-tables.ts';
import { makeZip } from './fixtures/office/zip.ts';
import { inputError } from './helpers/input-error.ts';

const grids = (layout: Layout) => layout.blocks.filter((b): b is GridBlock => b.type === 'grid');
const lines = (layout: Layout) => layout.blocks.filter((b): b is LineBlock => b.type === 'line');

describe('Word reader on seed 000 tables written to a document', () => {
  let income: SeedTable;
  let expenditure: SeedTable;
  let layout: Layout;
  beforeAll(async () => {
    const text = seedText('000');
    income = seedTable(text, '收入决算表');
    expenditure = seedTable(text, '支出决算表');
    layout = await readLayout(await tablesToDocx([income, expenditure]), 'seed000.docx');
  });

  it('reads paragraphs in body order with the heading level of their style', () => {
    expect(layout.format).toBe('docx');
    const [part, title, number] = lines(layout);
    expect(part).toEqual({
      type: 'line',
      text: '第二部分 2023年度部门决算表',
      heading: 1,
      place: { kind: 'docx', block: 0 },
    });
    expect(title).toEqual({ type: 'line', text: '收入决算表', place: { kind: 'docx', block: 1 } });
    expect(number.text).toBe('公开 02 表');
  });

  it('reads both tables as grids at their body index, cell for cell as the seed prints them', () => {
    const [first, second] = grids(layout);
    expect(first.place).toEqual({ kind: 'docx', block: 5 });
    expect(first.rows.map((r) => r.cells.map((c) => c.text))).toEqual(income.rows);
    expect(second.rows.map((r) => r.cells.map((c) => c.text))).toEqual(expenditure.rows);
    const note = lines(layout).find((l) => l.text === expenditure.note);
    expect(note?.place).toEqual({ kind: 'docx', block: second.place.kind === 'docx' ? second.place.block + 1 : -1 });
  });

  it('turns gridSpan into colSpan and vMerge into rowSpan, covered cells empty', () => {
    const [grid] = grids(layout);
    expect(grid.rows[0].cells[0]).toMatchObject({ text: '项 目', colSpan: 2 });
    expect(grid.rows[0].cells[1]).toEqual({ text: '', place: { kind: 'docx', block: 5, row: 0, cell: 1 } });
    expect(grid.rows[0].cells[2]).toMatchObject({ text: '本年收入合计', rowSpan: 2 });
    expect(grid.rows[1].cells[2]).toEqual({ text: '', place: { kind: 'docx', block: 5, row: 1, cell: 2 } });
    expect(grid.rows[2].cells[0]).toMatchObject({ text: '栏次', colSpan: 2 });
  });

  it('places each value by block, row and grid column', () => {
    const [grid] = grids(layout);
    const row = grid.rows.findIndex((r) => r.cells[0].text === '21015 06');
    expect(grid.rows[row].cells[3]).toEqual({ text: '62.79', place: { kind: 'docx', block: 5, row, cell: 3 } });
    const wrapped = grid.rows.findIndex((r) => r.cells[1].text === '保险缴费支出');
    expect(grid.rows[wrapped].cells[0].text).toBe('05');
    expect(grid.rows[wrapped - 1].cells[0].text).toBe('20805');
  });
});

describe('Word paragraphs and cells', () => {
  let layout: Layout;
  beforeAll(async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '一、收入支出决算总体情况说明', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({
              children: [
                new TextRun('2023年度收、支总计289.70万元。'),
                new TextRun({ text: '与上年相比增加12.65万元。', break: 1 }),
              ],
            }),
            new Paragraph(''),
            new Paragraph(''),
            new Paragraph({ text: '行政运行', bullet: { level: 0 } }),
            new Paragraph({ children: [new PageBreak()] }),
            new Paragraph('第三部分 情况说明'),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph('功能分类'), new Paragraph('科目编码')] }),
                    new TableCell({ children: [new Paragraph('金额')] }),
                  ],
                }),
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph('21015'), new Paragraph('01')] }),
                    new TableCell({ children: [new Paragraph('145.76')] }),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    layout = await readDocx(new Uint8Array(await Packer.toBuffer(doc)));
  });

  it('keeps heading levels, manual line breaks, bullets, blank and page breaks', () => {
    const kinds = layout.blocks.map((b) =>
      b.type === 'line'
        ? `line:${b.text}${b.heading ? `#${b.heading}` : ''}${b.bullet ? '•' : ''}`
        : b.type === 'break'
          ? `break:${b.kind}`
          : b.type,
    );
    expect(kinds).toEqual([
      'line:一、收入支出决算总体情况说明#2',
      'line:2023年度收、支总计289.70万元。',
      'line:与上年相比增加12.65万元。',
      'break:blank',
      'line:行政运行•',
      'break:page',
      'line:第三部分 情况说明',
      'grid',
    ]);
  });

  it('joins the paragraphs of a cell as one wrapped value', () => {
    const [grid] = grids(layout);
    expect(grid.rows[0].cells[0].text).toBe('功能分类科目编码');
    expect(grid.rows[1].cells[0].text).toBe('21015 01');
    expect(grid.place).toEqual({ kind: 'docx', block: 7 });
  });
});

describe('Word reader on bad input', () => {
  it('refuses a truncated document', async () => {
    const doc = await tablesToDocx([seedTable(seedText('000'), '收入决算表')]);
    const e = await inputError(readLayout(doc.subarray(0, Math.floor(doc.length * 0.6)), 'cut.docx'));
    expect(e.code).toBe('unreadable');
    expect(e.messageEn).toMatch(/damaged|incomplete/);
  });

  it('refuses a document whose XML is broken', async () => {
    const zip = makeZip([
      { name: 'word/document.xml', data: '<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>断</w:t></w:r>' },
    ]);
    const e = await inputError(readLayout(zip, 'broken.docx'));
    expect(e.code).toBe('unreadable');
    expect(e.messageZh).toContain('word/document.xml');
  });

  it('refuses a zip without a document part, and a bomb', async () => {
    expect((await inputError(readDocx(makeZip([{ name: 'word/styles.xml', data: '<x/>' }])))).code).toBe('unreadable');
    const bomb = makeZip([
      { name: 'word/document.xml', data: new Uint8Array(110 * 1024 * 1024).fill(32), declaredSize: 100 },
    ]);
    expect((await inputError(readDocx(bomb))).code).toBe('too-large');
  });
});

describe('Word documents as Chinese Word and WPS write them', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const styles = `<w:styles ${W}>
    <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="a3"><w:name w:val="部分标题"/><w:basedOn w:val="1"/></w:style>
    <w:style w:type="paragraph" w:styleId="a5"><w:name w:val="小节"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style>
  </w:styles>`;
  const p = (text: string, style?: string) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const tc = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${p(text)}</w:tc>`;
  const body = [
    p('第一部分 部门概况', '1'),
    p('第二部分 2023年度部门决算表', 'a3'),
    p('（一）收入决算表', 'a5'),
    `<w:sdt><w:sdtContent>${p('目录项', 'a')}</w:sdtContent></w:sdt>`,
    '<w:tbl>',
    `<w:tr>${tc('项目', '<w:gridSpan w:val="2"/>')}${tc('本年收入合计', '<w:vMerge w:val="restart"/>')}</w:tr>`,
    `<w:tr>${tc('科目编码')}${tc('科目名称')}${tc('', '<w:vMerge/>')}</w:tr>`,
    `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('合计')}${tc('289.70')}</w:tr>`,
    `<w:tr>${tc('2101501')}${tc('行政运行')}${tc('145.76')}</w:tr>`,
    '</w:tbl>',
    `<w:p><w:r><w:t>删</w:t></w:r><w:del><w:r><w:delText>旧</w:delText></w:r></w:del><w:ins><w:r><w:t>新</w:t></w:r></w:ins>` +
      `<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>显示</w:t></w:r></w:p>`,
  ].join('');
  const docx = () =>
    makeZip([
      { name: 'word/document.xml', data: `<w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>` },
      { name: 'word/styles.xml', data: styles },
    ]);

  it('takes heading levels from style names and outline levels, not from style ids', async () => {
    const layout = await readDocx(docx());
    const headed = lines(layout).map((l) => [l.text, l.heading ?? null, l.place.kind === 'docx' ? l.place.block : -1]);
    expect(headed.slice(0, 4)).toEqual([
      ['第一部分 部门概况', 1, 0],
      ['第二部分 2023年度部门决算表', 1, 1],
      ['（一）收入决算表', 3, 2],
      ['目录项', null, 3],
    ]);
  });

  it('reads vMerge without a value as a continuation and gridBefore as leading empty cells', async () => {
    const [grid] = grids(await readDocx(docx()));
    expect(grid.place).toEqual({ kind: 'docx', block: 4 });
    expect(grid.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['项目', '', '本年收入合计'],
      ['科目编码', '科目名称', ''],
      ['', '合计', '289.70'],
      ['2101501', '行政运行', '145.76'],
    ]);
    expect(grid.rows[0].cells[2].rowSpan).toBe(2);
    expect(grid.rows[2].cells[1].place).toEqual({ kind: 'docx', block: 4, row: 2, cell: 1 });
  });

  it('reads inserted text and skips deleted text of tracked changes and hidden text', async () => {
    expect(lines(await readDocx(docx())).at(-1)?.text).toBe('删新显示');
  });
});

describe('pictures and embedded content in Word documents', () => {
  // A 1×1 PNG: the picture's printed size comes from the document, not from the pixels.
  const png = Uint8Array.from(
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    ),
  );
  const picture = (width: number, height: number) =>
    new ImageRun({ type: 'png', data: png, transformation: { width, height } });

  it('marks a table published as a picture as illegible, and ignores a small logo', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [picture(60, 60)] }),
            new Paragraph('收入决算表'),
            new Paragraph({ children: [picture(600, 400)] }),
            new Paragraph('注：本表反映部门本年度取得的各项收入情况。'),
          ],
        },
      ],
    });
    const layout = await readDocx(new Uint8Array(await Packer.toBuffer(doc)));
    expect(layout.blocks.map((b) => (b.type === 'line' ? b.text : b.type === 'illegible' ? b.reason : b.type))).toEqual(
      ['收入决算表', '[图片]', '注：本表反映部门本年度取得的各项收入情况。'],
    );
    expect(layout.blocks[1].place).toEqual({ kind: 'docx', block: 2 });
  });

  it('reports content embedded as another file (altChunk) instead of skipping it silently', async () => {
    const W =
      'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const xml = `<w:document ${W}><w:body><w:p><w:r><w:t>部门决算</w:t></w:r></w:p><w:altChunk r:id="htmlChunk"/></w:body></w:document>`;
    const layout = await readDocx(makeZip([{ name: 'word/document.xml', data: xml }]));
    expect(layout.blocks.map((b) => b.type)).toEqual(['line', 'illegible']);
    expect(layout.warnings[0]).toMatchObject({ code: 'docx-embedded-content', place: { kind: 'docx', block: 1 } });
    expect(layout.warnings[0].message).toContain('altChunk');
  });
});
