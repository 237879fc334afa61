import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/server/static.ts';
import { SEEDS, SHARED } from '../server/helpers.ts';
import { haveChromium, startWorkbench, type Workbench } from './helpers.ts';

// Issue 11's done-when in a browser: a reviewer uploads a folder of documents (two seeds, a corpus PDF, a notice that
// is not a disclosure and a stray system file), sees coverage in the list, opens the PDF, ticks findings and dismisses
// them with one reason, sees the counts drop in the document and the list, filters the findings, exports the check
// sheet and reads the xlsx back (items, numbered problems, page pictures). The page fits a 390 px phone and prints
// findings and coverage only. CAIJIAN_SCREENSHOT=1 refreshes docs/screenshots/*.png.

const CORPUS = join(SHARED, 'corpus/calinchow-del__renwu');
// 珠海 2026 budget, 36 pages: every standard table read, four located findings (two warnings, two rounding infos), so two can be
// dismissed and one stays on the sheet with its page picture.
const PDF = join(CORPUS, '077_珠海/2026年珠海市商务局部门预算.pdf');
// corpus/sources.tsv: NOT A DISCLOSURE (a notice filed under a budget name), 2 pages.
const NOTICE = join(CORPUS, '040_长春/交通运输局_2026年部门预算.pdf');
const SHOTS = join(PROJECT_ROOT, 'docs/screenshots');
const shoot = async (page: Page, name: string, fullPage = false) => {
  if (!process.env.CAIJIAN_SCREENSHOT) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, name), fullPage });
};
/** The page's width beyond the viewport: 0 when nothing overflows sideways. */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const count = async (page: Page, sev: string) =>
  Number(((await page.locator(`.doc-head [data-count=${sev}]`).textContent()) ?? '').replace(/\D/g, ''));

async function problemsOf(bytes: Uint8Array): Promise<{ ws: ExcelJS.Worksheet; problems: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('检查表')!;
  const problems = ws
    .getColumn(4)
    .values.map((v) => String(v ?? ''))
    .flatMap((text) => text.split('\n').filter((l) => /^\d+\. /.test(l)));
  return { ws, problems };
}

describe.skipIf(!haveChromium || !existsSync(PDF) || !existsSync(NOTICE))('review workflow in a browser', () => {
  let w: Workbench;
  let folder: string;

  beforeAll(async () => {
    w = await startWorkbench();
    folder = mkdtempSync(join(tmpdir(), 'caijian-folder-'));
    for (const f of ['000_29b57f9efee068d5.txt', '003_de3984f8e5b77c90.txt'])
      copyFileSync(join(SEEDS, f), join(folder, f));
    copyFileSync(PDF, join(folder, basename(PDF)));
    copyFileSync(NOTICE, join(folder, basename(NOTICE)));
    writeFileSync(join(folder, 'Thumbs.db'), 'not a document');
  }, 120_000);

  afterAll(async () => {
    await w?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('uploads a folder, shows coverage, bulk-dismisses, filters, exports the check sheet, fits a phone and prints', async () => {
    const { page, problems } = await w.page();
    await w.signIn(page);

    // A folder: the stray file is left out, the notice refused with the CLI's words, the rest read and audited.
    await page.setInputFiles('input.folder-input', folder);
    await page.waitForSelector('.upload-note:has-text("1 个不是公开文件格式的文件未上传")');
    await expect
      .poll(() => page.locator('.upload-state.ok, .upload-state.failed').count(), { timeout: 180_000 })
      .toBe(4);
    const refused = page.locator('.upload-state.failed');
    expect(await refused.count()).toBe(1);
    expect(await refused.getAttribute('data-code')).toBe('not-a-disclosure');
    expect(await refused.textContent()).toContain('该文件不是部门预算或决算公开文件');
    expect(await refused.textContent()).toContain('is not a department budget or final-account disclosure');
    await expect.poll(() => page.locator('tr.doc-row').count()).toBe(3);

    // Coverage in the list: the budget whose tables were not found is never shown as clean.
    const budgetRow = page.locator('tr.doc-row', { hasText: '003_de3984f8e5b77c90.txt' });
    expect(await budgetRow.locator('.coverage-badge').getAttribute('data-coverage')).toBe('none');
    expect(await budgetRow.locator('.coverage-badge').textContent()).toMatch(/^未能核对 0\/\d+$/);
    const pdfRow = page.locator('tr.doc-row', { hasText: basename(PDF) });
    expect(await pdfRow.locator('.coverage-badge').getAttribute('data-coverage')).toBe('full');
    // Sorted by coverage, the unchecked budget comes first.
    await page.selectOption('select[name=sort]', 'coverage');
    await expect.poll(() => page.locator('tr.doc-row').first().textContent()).toContain('003_de3984f8e5b77c90.txt');
    await shoot(page, 'list-1440.png');

    // Open the PDF; its coverage box; tick two findings and dismiss them with one reason.
    await pdfRow.locator('a').first().click();
    await page.waitForSelector('li.finding');
    expect(await page.locator('.doc-head .coverage').getAttribute('data-coverage')).toBe('full');
    const before = {
      error: await count(page, 'error'),
      warning: await count(page, 'warning'),
      info: await count(page, 'info'),
    };
    const total = await page.locator('li.finding').count();
    expect(total).toBeGreaterThanOrEqual(3);
    const sheetUrl = await page.locator('a.check-sheet-xlsx').getAttribute('href');
    const sheetBefore = await problemsOf(
      new Uint8Array(await (await fetch(`${w.t.url}${sheetUrl}`, { headers: w.t.auth })).arrayBuffer()),
    );
    // The last finding in severity order and the last one the sheet lists (infos are not problems on it): the most
    // serious finding stays open, so the sheet still lists a problem, one fewer than before.
    const picks = page.locator('li.finding');
    const onSheet = page.locator('li.finding:not([data-severity="info"])');
    const listedCount = await onSheet.count();
    expect(listedCount).toBeGreaterThanOrEqual(2);
    const chosen = [picks.nth(total - 1), onSheet.nth(listedCount - 1)];
    if ((await chosen[0].getAttribute('data-id')) === (await chosen[1].getAttribute('data-id')))
      chosen[1] = onSheet.nth(listedCount - 2);
    const ids = [await chosen[0].getAttribute('data-id'), await chosen[1].getAttribute('data-id')];
    const sevs = [await chosen[0].getAttribute('data-severity'), await chosen[1].getAttribute('data-severity')];
    for (const id of ids) await page.check(`li.finding[data-id="${id}"] input[name=pick-finding]`);
    expect(await page.locator('.bulk-bar .pick-all').textContent()).toBe('已选 2 条');
    await page.click('button.bulk-dismiss');
    await page.waitForSelector('dialog.ask[open]');
    expect(await page.locator('dialog.ask button.primary').isDisabled()).toBe(true); // a dismissal needs its reason
    await page.fill('dialog.ask textarea', '口径差异，已与单位核实');
    await page.click('dialog.ask button.primary');
    await page.waitForSelector('.toast:has-text("已将 2 条标记为「已排除」")');
    for (const id of ids) {
      expect(await page.locator(`li.finding[data-id="${id}"] .review-tag`).textContent()).toBe('已排除');
      expect(await page.locator(`li.finding[data-id="${id}"] .finding-reason`).textContent()).toContain(
        '口径差异，已与单位核实',
      );
    }
    // The counts change at once, in the header and the chips.
    const dropped = (s: string) => sevs.filter((x) => x === s).length;
    for (const s of ['error', 'warning', 'info'] as const) expect(await count(page, s)).toBe(before[s] - dropped(s));
    expect(await page.locator('.doc-head [data-count=dismissed]').textContent()).toBe('已排除 2');

    // Filters and sorting: by status, by rule, in document order.
    await page.click('button[data-filter="status:dismissed"]');
    await expect.poll(() => page.locator('li.finding').count()).toBe(2);
    await page.click('button[data-filter="status:"]');
    const rule = await page.locator('li.finding').first().getAttribute('data-rule');
    await page.selectOption('select[name=finding-rule]', rule!);
    expect(
      await page.locator('li.finding').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-rule')))]),
    ).toEqual([rule]);
    await page.selectOption('select[name=finding-rule]', '');
    await page.selectOption('select[name=finding-sort]', 'place');
    await expect.poll(() => page.locator('li.finding').count()).toBe(total);
    await page.locator(`li.finding[data-id="${ids[0]}"]`).click();
    await page.waitForSelector('.pdf-page canvas', { timeout: 30_000 });
    await page.locator('.toast').waitFor({ state: 'detached' });
    await shoot(page, 'document-1440.png');

    // Export the check sheet: the dismissed findings are not on it; items, numbered problems and page pictures are.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a.check-sheet-xlsx')]);
    const file = join(folder, 'sheet.xlsx');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/检查表\.xlsx$/);
    const { ws, problems: listed } = await problemsOf(new Uint8Array(readFileSync(file)));
    expect(String(ws.getCell('A1').value)).toMatch(/^2026年度(部门|单位)预算公开情况检查表$/);
    const items = ws.getColumn(2).values.map(String);
    for (const item of ['封面', '目录', '名词解释']) expect(items).toContain(item);
    expect(items.some((i) => /^《.+》$/.test(i))).toBe(true);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThan(sheetBefore.problems.length);
    expect(listed.every((l) => /（第\d+页）/.test(l) || !/第\d+页/.test(l))).toBe(true);
    const images = ws.getImages();
    expect(images.length).toBeGreaterThan(0);
    expect(images.every((im) => im.range.tl.nativeCol === 4)).toBe(true);

    // Back in the list the row shows the counts after the dismissal.
    await page.goto(`${w.t.url}/#/`);
    const row = page.locator('tr.doc-row', { hasText: basename(PDF) });
    await row.waitFor();
    expect(await row.locator('.badge.dismissed-count').textContent()).toBe('已排除 2');
    expect(await row.locator('.counts-cell .badge').first().textContent()).toBe(
      `错误 ${before.error - dropped('error')}`,
    );

    // A phone: nothing wider than 390 px, on the list and the document.
    await page.setViewportSize({ width: 390, height: 844 });
    await row.waitFor();
    expect(await overflow(page)).toBe(0);
    await shoot(page, 'list-390.png');
    await row.locator('a').first().click();
    await page.waitForSelector('li.finding');
    expect(await overflow(page)).toBe(0);
    await shoot(page, 'document-390.png');

    // Printed: the findings with coverage and decisions; no top bar, no source panel, no buttons.
    await page.setViewportSize({ width: 1000, height: 1400 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.locator('.inspect').isVisible()).toBe(false);
    expect(await page.locator('.bulk-bar').isVisible()).toBe(false);
    expect(await page.locator('.doc-head .coverage').isVisible()).toBe(true);
    expect(await page.locator('li.finding').count()).toBe(total);
    expect(await page.locator('.print-head').isVisible()).toBe(true);
    expect(await overflow(page)).toBe(0);
    await shoot(page, 'document-print.png', true);
    await page.emulateMedia({ media: 'screen' });
    // The refused notice's 422 is the one expected console line.
    expect(problems.filter((p) => !p.includes('status of 422'))).toEqual([]);
  }, 300_000);
});
