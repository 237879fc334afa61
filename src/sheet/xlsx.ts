import ExcelJS from 'exceljs';
import { type CheckSheet, type SheetItem, sheetHeading } from './build.ts';
import { imageKey, type SheetImages } from './images.ts';

// The check sheet as an xlsx a reviewer can send and print: header, one row per item (符合要求 是/否/未能核对, the
// numbered problems), and beside each problem its picture, anchored in the 问题截图 column. An item with several
// pictures spans several sheet rows (one per picture, the item cells merged), because one Excel row is at most
// 409 points high. A4 portrait, fitted to one page wide, the column header repeated on every printed page.

const COLS = [
  { header: '检查类别', width: 9 },
  { header: '检查项目', width: 24 },
  { header: '符合要求', width: 8 },
  { header: '问题描述', width: 52 },
  { header: '问题截图', width: 58 },
];
/** Picture width in the sheet, in pixels (column E is ~58 characters ≈ 410 px). */
const IMAGE_PX = 400;
const THIN = { style: 'thin' as const, color: { argb: 'FF999999' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const VERDICT_FILL: Record<string, string> = { 否: 'FFFDE2E1', 未能核对: 'FFFFF3CD', 是: 'FFFFFFFF' };

export function problemCellText(item: SheetItem): string {
  const lines = item.problems.map(
    (p) => `${p.n}. ${p.text}${p.severity === 'warning' && !/核对|核实/.test(p.text) ? '（请核实）' : ''}`,
  );
  return [...lines, ...item.notes].join('\n');
}

/** Lines the wrapped text needs in a column of `width` characters (CJK characters count double). */
function lineCount(text: string, width: number): number {
  let n = 0;
  for (const line of text.split('\n')) {
    let w = 0;
    for (const ch of line) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
    n += Math.max(1, Math.ceil(w / (width - 1)));
  }
  return n;
}

export interface XlsxSheetOptions {
  images?: SheetImages;
  /** Why there are no pictures (no Chromium): written in the picture cells of problems with a PDF place. */
  imagesMissing?: string | null;
}

/** Adds one check sheet as a worksheet of `wb` (several documents may share one workbook). */
export function addCheckSheet(
  wb: ExcelJS.Workbook,
  sheet: CheckSheet,
  name: string,
  options: XlsxSheetOptions = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `${sheet.entity ?? ''} ${sheet.title} 第 &P 页，共 &N 页` },
    views: [{ state: 'frozen', ySplit: 0 }],
  });
  ws.columns = COLS.map((c) => ({ width: c.width }));
  const wrap = { wrapText: true, vertical: 'top' as const };

  ws.mergeCells('A1:E1');
  const title = ws.getCell('A1');
  title.value = sheet.title;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;

  const header = sheetHeading(sheet);
  let r = 2;
  for (const [k, v] of header) {
    ws.mergeCells(r, 2, r, 5);
    ws.getCell(r, 1).value = k;
    ws.getCell(r, 1).font = { bold: true };
    ws.getCell(r, 2).value = v;
    ws.getCell(r, 2).alignment = wrap;
    ws.getRow(r).height = Math.max(18, 15 * lineCount(v, 140));
    r++;
  }
  r++;
  const headRow = ws.getRow(r);
  COLS.forEach((c, i) => {
    const cell = headRow.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.border = BORDER;
  });
  headRow.height = 20;
  ws.pageSetup.printTitlesRow = `${r}:${r}`;
  r++;

  let lastGroup: string | null = null;
  let groupFrom = r;
  const closeGroup = (until: number) => {
    if (lastGroup !== null && until > groupFrom) ws.mergeCells(groupFrom, 1, until, 1);
  };

  for (const item of sheet.items) {
    if (item.group !== lastGroup) {
      closeGroup(r - 1);
      lastGroup = item.group;
      groupFrom = r;
    }
    const pictures = item.problems
      .map((p) => ({ p, img: options.images?.get(imageKey(item.id, p.n)) ?? null }))
      .filter((x) => x.p.image);
    const shown = pictures.filter((x) => x.img);
    const span = Math.max(1, shown.length);
    const text = problemCellText(item);
    const textHeight = 15 * Math.max(lineCount(text, COLS[3].width), lineCount(item.label, COLS[1].width)) + 6;

    // Picture cells: the image of problem n, its number written in the cell behind it.
    const heights: number[] = [];
    shown.forEach(({ p, img }, k) => {
      const scale = Math.min(1, IMAGE_PX / img!.width);
      const w = Math.round(img!.width * scale);
      const h = Math.round(img!.height * scale);
      const id = wb.addImage({ buffer: Buffer.from(img!.png) as unknown as ExcelJS.Buffer, extension: 'png' });
      ws.addImage(id, {
        tl: { col: 4 + 0.02, row: r + k - 1 + 0.08 },
        ext: { width: w, height: h },
        editAs: 'oneCell',
      });
      const cell = ws.getCell(r + k, 5);
      cell.value = `${p.n}.`;
      cell.font = { size: 8, color: { argb: 'FF888888' } };
      cell.alignment = { vertical: 'bottom', horizontal: 'right' };
      heights.push(h * 0.75 + 14);
    });
    if (!shown.length) {
      const cell = ws.getCell(r, 5);
      if (item.problems.length && sheet.format !== 'pdf')
        cell.value = '文本、表格或 Word 文件没有页面图像；问题位置见问题描述';
      else if (pictures.length && options.imagesMissing) cell.value = options.imagesMissing;
      cell.alignment = wrap;
      cell.font = { color: { argb: 'FF666666' } };
    }
    // Heights: the pictures, and at least the text of the merged problem cell.
    const total = heights.reduce((a, b) => a + b, 0);
    if (!heights.length) heights.push(Math.max(20, textHeight));
    else if (total < textHeight) heights[heights.length - 1] += textHeight - total;
    heights.forEach((h, k) => {
      ws.getRow(r + k).height = Math.min(409, h);
    });

    if (span > 1) for (const c of [2, 3, 4]) ws.mergeCells(r, c, r + span - 1, c);
    ws.getCell(r, 1).value = item.group;
    ws.getCell(r, 2).value = item.label;
    ws.getCell(r, 3).value = item.verdict;
    ws.getCell(r, 4).value = text || null;
    for (let k = 0; k < span; k++)
      for (let c = 1; c <= 5; c++) {
        const cell = ws.getCell(r + k, c);
        cell.border = BORDER;
        if (c <= 4) cell.alignment = c === 3 ? { horizontal: 'center', vertical: 'top' } : wrap;
      }
    ws.getCell(r, 3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: VERDICT_FILL[item.verdict] } };
    ws.getCell(r, 3).font = {
      bold: item.verdict !== '是',
      color: { argb: item.verdict === '否' ? 'FFC62828' : item.verdict === '未能核对' ? 'FF8A6D00' : 'FF2E7D32' },
    };
    r += span;
  }
  closeGroup(r - 1);
  ws.getCell(r + 1, 1).value =
    '说明：“否”为发现问题，“未能核对”为 Caijian 未能自动核对、需人工核对的项目；问题编号与截图编号对应。截图中红框为问题位置，蓝框为相关位置。';
  ws.mergeCells(r + 1, 1, r + 1, 5);
  ws.getCell(r + 1, 1).alignment = wrap;
  ws.getCell(r + 1, 1).font = { size: 9, color: { argb: 'FF666666' } };
  ws.getRow(r + 1).height = 30;
  return ws;
}

export async function checkSheetXlsx(sheet: CheckSheet, options: XlsxSheetOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Caijian 财鉴';
  addCheckSheet(wb, sheet, '检查表', options);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
