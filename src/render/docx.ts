import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageBreak,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { Disclosure } from '../model/disclosure.ts';
import { printDocument, type DocBlock, type DocumentOptions } from './print-document.ts';
import { ILLEGIBLE_TEXT, isWide, type PrintCell, type PrintTable } from './print-table.ts';

// The document as an editable Word file (also opens in WPS). Headings use Word's heading styles so the
// outline and Caijian's Word reader see the structure; each table is a real Word table in its own section
// (landscape when wide) whose header rows repeat on every page.

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const HEI = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };
const A4 = { width: 11906, height: 16838 }; // twips
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };

function run(text: string, opts: { bold?: boolean; size?: number; hei?: boolean } = {}): TextRun {
  // Black always: Word's heading styles would otherwise colour titles blue.
  return new TextRun({ text, bold: opts.bold, size: opts.size, font: opts.hei ? HEI : FONT, color: '000000' });
}

function cell(c: PrintCell, header: boolean, size: number): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        spacing: { before: 0, after: 0, line: 240 },
        alignment: header ? AlignmentType.CENTER : c.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [run(c.text, { bold: header, size })],
      }),
    ],
    columnSpan: c.colSpan,
    rowSpan: c.rowSpan,
    verticalAlign: VerticalAlign.CENTER,
    borders: BORDERS,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
  });
}

function tableBlocks(t: PrintTable, wide: boolean): (Paragraph | Table)[] {
  const size = wide ? 14 : 18; // half-points
  const out: (Paragraph | Table)[] = [];
  out.push(
    new Paragraph({
      heading: HeadingLevel.HEADING_3,
      alignment: AlignmentType.CENTER,
      children: [run(t.title, { bold: true, size: 28, hei: true })],
    }),
  );
  for (const l of [t.numberLine, t.entityLine, t.unitLine]) {
    if (l)
      out.push(
        new Paragraph({
          alignment: l === t.entityLine ? AlignmentType.LEFT : AlignmentType.RIGHT,
          children: [run(l, { size: 20 })],
        }),
      );
  }
  if (t.illegible) out.push(new Paragraph({ children: [run(ILLEGIBLE_TEXT, { size: 20 })] }));
  const rows = [
    ...t.header.map(
      (r) => new TableRow({ tableHeader: true, cantSplit: true, children: r.map((c) => cell(c, true, size)) }),
    ),
    ...t.body.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c, false, size)) })),
  ];
  if (rows.length) out.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
  for (const n of [...t.notes, ...(t.emptyStatement && !t.notes.includes(t.emptyStatement) ? [t.emptyStatement] : [])])
    out.push(new Paragraph({ children: [run(n, { size: 18 })] }));
  return out;
}

const HEADING = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
] as const;

function textBlock(b: Exclude<DocBlock, { type: 'table' }>): Paragraph[] {
  switch (b.type) {
    case 'cover':
      return [
        ...Array.from({ length: 8 }, () => new Paragraph({ children: [] })),
        ...b.lines.map(
          (l) =>
            new Paragraph({
              alignment: AlignmentType.CENTER,
              spacing: { after: 300 },
              children: [run(l, { bold: true, size: 52, hei: true })],
            }),
        ),
        new Paragraph({ children: [new PageBreak()] }),
      ];
    case 'toc':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [run(b.title, { bold: true, size: 32, hei: true })],
        }),
        ...b.entries.map(
          (e) => new Paragraph({ indent: { left: (e.level - 1) * 480 }, children: [run(e.text, { size: 24 })] }),
        ),
      ];
    case 'heading':
      return [
        new Paragraph({
          heading: HEADING[b.level - 1],
          spacing: { before: b.level === 1 ? 0 : 200, after: b.level === 1 ? 240 : 80 },
          alignment: b.level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
          pageBreakBefore: b.pageBreak,
          children: [run(b.text, { bold: true, size: b.level === 1 ? 36 : b.level === 2 ? 28 : 24, hei: true })],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          indent: { firstLine: 480 },
          spacing: { line: 360 },
          alignment: AlignmentType.JUSTIFIED,
          children: [run(b.text, { size: 24 })],
        }),
      ];
    case 'grid':
      return [];
  }
}

function gridTable(rows: string[][]): Table {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (r) =>
        new TableRow({
          children: Array.from(
            { length: width },
            (_, i) =>
              new TableCell({
                borders: BORDERS,
                children: [new Paragraph({ children: [run(r[i] ?? '', { size: 16 })] })],
              }),
          ),
        }),
    ),
  });
}

export async function renderDocx(d: Disclosure, options: DocumentOptions = {}): Promise<Uint8Array> {
  const doc = printDocument(d, options);
  const sections: ISectionOptions[] = [];
  const portrait = {
    page: {
      size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
      margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
    },
  };
  const landscape = {
    page: {
      size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
      margin: { top: 851, bottom: 851, left: 851, right: 851 },
    },
  };
  let flow: (Paragraph | Table)[] = [];
  const flush = () => {
    if (flow.length) sections.push({ properties: portrait, children: flow });
    flow = [];
  };
  for (const b of doc.blocks) {
    if (b.type === 'table') {
      // A section per table: it starts a page and may turn landscape.
      flush();
      const wide = isWide(b.table);
      sections.push({ properties: wide ? landscape : portrait, children: tableBlocks(b.table, wide) });
    } else if (b.type === 'grid') {
      flush();
      sections.push({
        properties: portrait,
        children: [
          new Paragraph({
            heading: HeadingLevel.HEADING_3,
            alignment: AlignmentType.CENTER,
            children: [run(b.title, { bold: true, size: 28, hei: true })],
          }),
          gridTable(b.rows),
        ],
      });
    } else {
      flow.push(...textBlock(b));
    }
  }
  flush();
  const file = new Document({
    creator: 'Caijian 财鉴',
    title: doc.title,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections,
  });
  return new Uint8Array(await Packer.toBuffer(file));
}
