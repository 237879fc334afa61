import {
  AlignmentType,
  BorderStyle,
  Document,
  ImageRun,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { type CheckSheet, type SheetItem, sheetHeading } from './build.ts';
import { imageKey, type SheetImages } from './images.ts';

// The check sheet as a Word file (opens in WPS too), for bureaus that send sheets as documents. Same cells as the
// xlsx; a Word table row may run over a page, so each item is one row whose picture cell holds all its pictures,
// numbered like the problems. A4 landscape so that pictures are printed at a readable width.

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };
/** Column widths in twips (landscape A4 text width ≈ 14800). */
const WIDTHS = [900, 2300, 900, 5000, 5700];
/** Picture width in pixels (96 dpi): the picture column less its padding. */
const IMAGE_PX = 370;
const FILL: Record<string, string> = { 否: 'FDE2E1', 未能核对: 'FFF3CD', 是: 'FFFFFF' };

function run(text: string, o: { bold?: boolean; size?: number; color?: string } = {}): TextRun {
  return new TextRun({ text, bold: o.bold, size: o.size ?? 20, font: FONT, color: o.color ?? '000000' });
}

function para(text: string, o: { bold?: boolean; size?: number; color?: string; center?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { before: 0, after: 40 },
    children: [run(text, o)],
  });
}

function cell(children: Paragraph[], width: number, o: { fill?: string; rowSpan?: number } = {}): TableCell {
  return new TableCell({
    children: children.length ? children : [para('')],
    width: { size: width, type: WidthType.DXA },
    borders: BORDERS,
    rowSpan: o.rowSpan,
    verticalAlign: VerticalAlign.TOP,
    shading: o.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: o.fill } : undefined,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
  });
}

export interface DocxSheetOptions {
  images?: SheetImages;
  imagesMissing?: string | null;
}

function pictureParagraphs(sheet: CheckSheet, item: SheetItem, o: DocxSheetOptions): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of item.problems) {
    const img = o.images?.get(imageKey(item.id, p.n));
    if (!img) continue;
    const scale = Math.min(1, IMAGE_PX / img.width);
    out.push(para(`${p.n}.`, { size: 16, color: '888888' }));
    out.push(
      new Paragraph({
        spacing: { after: 80 },
        children: [
          new ImageRun({
            type: 'png',
            data: img.png,
            transformation: { width: Math.round(img.width * scale), height: Math.round(img.height * scale) },
            altText: { name: `问题${p.n}`, title: `问题${p.n}`, description: p.text },
          }),
        ],
      }),
    );
  }
  if (!out.length && item.problems.length) {
    if (sheet.format !== 'pdf')
      out.push(para('文本、表格或 Word 文件没有页面图像；问题位置见问题描述', { color: '666666', size: 18 }));
    else if (item.problems.some((p) => p.image) && o.imagesMissing)
      out.push(para(o.imagesMissing, { color: '666666', size: 18 }));
  }
  return out;
}

export async function checkSheetDocx(sheet: CheckSheet, options: DocxSheetOptions = {}): Promise<Uint8Array> {
  const header = sheetHeading(sheet);
  const total = WIDTHS.reduce((a, b) => a + b, 0);
  const info = new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: [WIDTHS[0] + WIDTHS[1], total - WIDTHS[0] - WIDTHS[1]],
    rows: header.map(
      ([k, v]) =>
        new TableRow({
          children: [
            cell([para(k, { bold: true })], WIDTHS[0] + WIDTHS[1]),
            cell([para(v)], total - WIDTHS[0] - WIDTHS[1]),
          ],
        }),
    ),
  });

  const head = new TableRow({
    tableHeader: true,
    children: ['检查类别', '检查项目', '符合要求', '问题描述', '问题截图'].map((h, i) =>
      cell([para(h, { bold: true, center: true })], WIDTHS[i], { fill: 'E8EEF7' }),
    ),
  });
  const rows: TableRow[] = [head];
  sheet.items.forEach((item, i) => {
    const first = i === 0 || sheet.items[i - 1].group !== item.group;
    let span = 1;
    while (first && i + span < sheet.items.length && sheet.items[i + span].group === item.group) span++;
    const problemLines = [
      ...item.problems.map((p) =>
        para(`${p.n}. ${p.text}${p.severity === 'warning' && !/核对|核实/.test(p.text) ? '（请核实）' : ''}`),
      ),
      ...item.notes.map((n) => para(n, { color: '8A6D00' })),
    ];
    const verdictColor = item.verdict === '否' ? 'C62828' : item.verdict === '未能核对' ? '8A6D00' : '2E7D32';
    rows.push(
      new TableRow({
        cantSplit: false,
        children: [
          ...(first ? [cell([para(item.group, { bold: true })], WIDTHS[0], { rowSpan: span })] : []),
          cell([para(item.label)], WIDTHS[1]),
          cell([para(item.verdict, { bold: item.verdict !== '是', color: verdictColor, center: true })], WIDTHS[2], {
            fill: FILL[item.verdict],
          }),
          cell(problemLines, WIDTHS[3]),
          cell(pictureParagraphs(sheet, item, options), WIDTHS[4]),
        ],
      }),
    );
  });
  const main = new Table({ width: { size: total, type: WidthType.DXA }, columnWidths: WIDTHS, rows });

  const doc = new Document({
    creator: 'Caijian 财鉴',
    title: sheet.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
            margin: { top: 850, bottom: 850, left: 1000, right: 1000 },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 200 },
            children: [run(sheet.title, { bold: true, size: 32 })],
          }),
          info,
          para(''),
          main,
          para(
            '说明：“否”为发现问题，“未能核对”为 Caijian 未能自动核对、需人工核对的项目；问题编号与截图编号对应。截图中红框为问题位置，蓝框为相关位置。',
            { size: 16, color: '666666' },
          ),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
