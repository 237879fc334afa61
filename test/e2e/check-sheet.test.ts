import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, type TestServer } from '../server/helpers.ts';
import { haveChromium, startWorkbench, type Workbench } from './helpers.ts';

// Issue 11 in a browser: upload two documents, open one and see what could not be checked (coverage), export its
// 公开情况检查表 and read the downloaded xlsx back; tick both in the list and export one workbook of their sheets.

async function sheetOf(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ExcelJS.Buffer);
  return wb;
}

describe.skipIf(!haveChromium)('check sheet in the workbench', () => {
  let w: Workbench;
  let t: TestServer;

  beforeAll(async () => {
    w = await startWorkbench();
    t = w.t;
  }, 120_000);

  afterAll(async () => w?.close());

  it('shows coverage, exports a document sheet and a selection workbook', async () => {
    const { page } = await w.page();
    await w.signIn(page);
    await page.setInputFiles('input.file-input', [
      join(SEEDS, '000_29b57f9efee068d5.txt'),
      join(SEEDS, '003_de3984f8e5b77c90.txt'),
    ]);
    await expect.poll(() => page.locator('tr.doc-row').count(), { timeout: 60_000 }).toBe(2);

    // The budget whose tables were not found: its coverage says so, never a clean look.
    const budgetRow = page.locator('tr.doc-row').filter({ hasNotText: '株洲市天元区医疗保障局' });
    await budgetRow.locator('a').first().click();
    await page.waitForSelector('.coverage');
    expect(await page.locator('.coverage').getAttribute('data-coverage')).toBe('none');
    expect(await page.locator('.coverage').textContent()).toContain('未能核对');

    // Back to the final account: full coverage, export its check sheet.
    await page.goto(`${t.url}/#/`);
    await page.click('tr.doc-row:has-text("株洲市天元区医疗保障局") a');
    await page.waitForSelector('.coverage');
    expect(await page.locator('.coverage').getAttribute('data-coverage')).toBe('full');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a.check-sheet-xlsx')]);
    const dir = mkdtempSync(join(tmpdir(), 'caijian-dl-'));
    const file = join(dir, 'sheet.xlsx');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/检查表\.xlsx$/);
    const ws = (await sheetOf(file)).getWorksheet('检查表')!;
    expect(ws.getCell('A1').value).toBe('2023年度部门决算公开情况检查表');
    const labels = ws.getColumn(2).values.map(String);
    expect(labels).toContain('《一般公共预算财政拨款基本支出决算明细表》');
    expect(ws.getColumn(4).values.map(String).join('\n')).toMatch(/1\. .*151\.911.*（第308行）/);

    // Tick both documents in the list and export one workbook.
    await page.goto(`${t.url}/#/`);
    await expect.poll(() => page.locator('tr.doc-row').count()).toBe(2);
    for (const box of await page.locator('tr.doc-row input[name=pick]').all()) await box.check();
    await page.waitForSelector('a.export-selection:not([hidden])');
    expect(await page.locator('a.export-selection').textContent()).toBe('导出所选 2 份检查表');
    const [both] = await Promise.all([page.waitForEvent('download'), page.click('a.export-selection')]);
    const all = join(dir, 'all.xlsx');
    await both.saveAs(all);
    const names = (await sheetOf(all)).worksheets.map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(['汇总', '按规则']);
    expect(names).toHaveLength(4);
    rmSync(dir, { recursive: true, force: true });
  }, 240_000);
});
