// Renders an authored 决算 (template → filled from seed 000 → read back) and seed 004's 预算 to every format
// and turns pages into PNG images under docs/render/, to look at the output by eye:
//   PDF  → pdftoppm;  DOCX/XLSX → LibreOffice (headless) to PDF → pdftoppm;  HTML → Chromium screenshot.
// Needs poppler-utils and LibreOffice (writer, calc) — a docs tool only, never used at run time.
//   node scripts/render-pages.ts [outDir]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTemplateWorkbook } from '../src/author/read-workbook.ts';
import { writeTemplate } from '../src/author/template.ts';
import { renderDocx } from '../src/render/docx.ts';
import { renderHtml } from '../src/render/html.ts';
import { chromiumPath, htmlToPdf } from '../src/render/pdf.ts';
import { renderXlsx } from '../src/render/xlsx.ts';
import { fillTemplate } from '../test/author/fill.ts';
import { seedModel } from '../test/helpers/seeds.ts';

const out = process.argv[2] ?? join(import.meta.dirname, '..', 'docs', 'render');
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'caijian-pages-'));

function pageOf(pdf: string, text: string): number {
  const pages = execFileSync('pdfinfo', [pdf])
    .toString()
    .match(/Pages:\s+(\d+)/)?.[1];
  for (let p = 1; p <= Number(pages ?? 0); p++) {
    const t = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdf, '-'])
      .toString()
      .replace(/\s+/g, '');
    if (t.includes(text)) return p;
  }
  return 1;
}

function png(pdf: string, page: number, name: string): void {
  const prefix = join(work, name);
  execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '80', '-png', '-singlefile', pdf, prefix]);
  renameSync(`${prefix}.png`, join(out, `${name}.png`));
  console.log(`${name}.png ← page ${page} of ${pdf.split('/').pop()}`);
}

function office(file: string): string {
  execFileSync(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${join(work, 'lo')}`,
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      file,
    ],
    { stdio: 'ignore' },
  );
  return file.replace(/\.(docx|xlsx)$/, '.pdf');
}

const seed = seedModel('000');
const filled = await fillTemplate(await writeTemplate({ kind: '决算', year: 2023 }), seed, {
  narrative: {
    'reasons.total': '机关事业单位基本养老保险缴费和医疗保障管理事务项目支出增加',
    'threePublicCounts.vehiclesHeld': '0',
    'assets.vehicles': '0',
    'assets.equipment': '0',
  },
  prior: { 'prior.total': '277.05', 'prior.operatingCost': '32.33' },
  itemBudgets: { '2101501': ['140.00', '年中调整人员工资'], '2101505': ['19.00'] },
});
const { disclosure: d } = await readTemplateWorkbook(filled, 'filled.xlsx');

const html = renderHtml(d);
writeFileSync(join(work, 'final.html'), html);
if (chromiumPath()) {
  const pdf = join(work, 'final.pdf');
  writeFileSync(pdf, await htmlToPdf(html));
  png(pdf, pageOf(pdf, '公开03表'), 'pdf-final-03-expenditure');
  png(pdf, pageOf(pdf, '公开06表'), 'pdf-final-06-basic-landscape');
  png(pdf, pageOf(pdf, '一般公共预算财政拨款支出决算具体情况'), 'pdf-final-narrative');
  const budget = join(work, 'budget.pdf');
  writeFileSync(budget, await htmlToPdf(renderHtml(seedModel('004'))));
  png(budget, pageOf(budget, '收支总表部门'), 'pdf-budget-summary');
  // The HTML as a browser shows it (screen CSS), first screen of the tables part.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
  await page.setContent(html);
  await page.locator('section.table').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(out, 'html-final-01-summary.png') });
  await browser.close();
  console.log('html-final-01-summary.png ← Chromium screenshot');
}
const docx = join(work, 'final.docx');
writeFileSync(docx, await renderDocx(d));
const docxPdf = office(docx);
png(docxPdf, pageOf(docxPdf, '公开03表'), 'docx-final-03-expenditure');
png(docxPdf, pageOf(docxPdf, '公开06表'), 'docx-final-06-basic-landscape');
png(docxPdf, pageOf(docxPdf, '一般公共预算财政拨款支出决算具体情况'), 'docx-final-narrative');
const xlsx = join(work, 'final.xlsx');
writeFileSync(xlsx, await renderXlsx(d));
try {
  const xlsxPdf = office(xlsx);
  png(xlsxPdf, pageOf(xlsxPdf, '公开02表'), 'xlsx-final-02-income');
} catch (e) {
  console.log('xlsx page skipped: LibreOffice Calc not installed', (e as Error).message);
}
// The fill-in workbook itself as filled (formulas computed by LibreOffice), the 03 sheet.
try {
  const filledPath = join(work, 'filled.xlsx');
  writeFileSync(filledPath, filled);
  const filledPdf = office(filledPath);
  png(filledPdf, pageOf(filledPdf, '支出决算表（金额单位'), 'xlsx-template-03-filled');
} catch (e) {
  console.log('template page skipped:', (e as Error).message);
}
for (const f of readdirSync(work)) if (f === 'lo') rmSync(join(work, f), { recursive: true, force: true });
