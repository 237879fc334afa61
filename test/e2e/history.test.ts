import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { form, SHARED } from '../server/helpers.ts';
import { haveChromium, startWorkbench, type Workbench } from './helpers.ts';

// A department's history in the workbench (issue 12), on the 万里街道 budgets of 上海市普陀区 (corpus): with 2023 and
// 2025 stored the document page lists both as one history and says 2024 is missing, and the chart leaves 2024 empty
// and says so; with 2024 stored too, 与本文件并排对比 opens 2023 beside 2024 table by table, with the 2023 and 2024
// amounts as printed (一般公共预算支出表 合计: 2023 p23, 2024 p26, both in 元).
// CAIJIAN_SCREENSHOT=1 refreshes docs/screenshots/history-missing-year.png and year-pair.png.

const FILE = (n: string) => join(SHARED, 'corpus/zxj6827111-blip__tianbaoxitong', n);
const Y2023 = FILE('1770007475548-818404804.pdf');
const Y2024 = FILE('1769438736627-418301796.pdf');
const Y2025 = FILE('1770870224634-745254255.pdf');

describe.skipIf(!haveChromium)('a department’s history in the browser', () => {
  let w: Workbench;
  const ids: Record<string, string> = {};
  const upload = async (path: string) => {
    const { readFileSync } = await import('node:fs');
    const res = await fetch(`${w.t.url}/api/documents`, {
      method: 'POST',
      headers: w.t.auth,
      body: form([{ name: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(path)) }]),
    });
    const body = await res.json();
    return body.results[0].document.id as string;
  };

  beforeAll(async () => {
    w = await startWorkbench();
    ids.y2023 = await upload(Y2023);
    ids.y2025 = await upload(Y2025);
  }, 120_000);
  afterAll(async () => w?.close());

  it('lists the history, says which year is missing, and the chart draws no zero for it', async () => {
    const { page, problems } = await w.page();
    await w.signIn(page);
    await page.goto(`${w.t.url}/#/doc/${ids.y2025}`);
    await page.waitForSelector('.doc-history li');
    expect(await page.locator('.doc-history').getAttribute('data-entity-key')).toBe('上海市普陀区/万里街道办事处');
    expect(await page.locator('.doc-history li').allTextContents()).toEqual([
      expect.stringMatching(/^2023年预算.*与本文件并排对比$/),
      expect.stringMatching(/^2025年预算（本文件）/),
    ]);
    expect(await page.locator('.doc-history .missing-year').textContent()).toBe('缺少 2024 年的文件。');
    await page.click('.tabs button:has-text("图表")');
    await page.waitForSelector('.charts-tab .missing-year');
    expect(await page.locator('.charts-tab .missing-year').textContent()).toBe(
      '缺少 2024 年的文件：图中该年留空，不是零。',
    );
    if (process.env.CAIJIAN_SCREENSHOT) {
      await page.waitForTimeout(500);
      await page.screenshot({
        path: join(import.meta.dirname, '../../docs/screenshots/history-missing-year.png'),
        fullPage: true,
      });
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('opens two years side by side, table by table, with the amounts of both documents', async () => {
    ids.y2024 = await upload(Y2024);
    // the profile is signed in since the first test
    const { page, problems } = await w.page();
    await page.goto(`${w.t.url}/#/doc/${ids.y2024}`);
    await page.waitForSelector('.doc-history li');
    await page.locator('.doc-history li', { hasText: '2023年预算' }).locator('a.pair-link').click();
    await page.waitForSelector('.pair-table');
    expect(await page.locator('.page-head .sub').textContent()).toMatch(/2023年预算\s+↔\s+.*2024年预算/);
    const general = page.locator('.pair-table[data-table="budget.general_expenditure"]');
    await general.waitFor();
    const total = general.locator('tr.row-total').first().locator('td');
    const cells = await total.allTextContents();
    // in 万元, exact: 2023 p23 合计 164,978,640元, 2024 p26 合计 156,211,123元 (the narrative: “比2023年预算减少876.75万元”)
    expect(cells.slice(2)).toEqual(['16,497.864', '15,621.1123', '-876.7517', '-5.31%']);
    if (process.env.CAIJIAN_SCREENSHOT)
      await page.screenshot({ path: join(import.meta.dirname, '../../docs/screenshots/year-pair.png') });
    // the 2024 budget was audited against the stored 2023 budget at upload: a finding names the other document and its place
    await page.goto(`${w.t.url}/#/doc/${ids.y2024}`);
    await page.locator('li.finding', { hasText: '2013202' }).first().click();
    await page.waitForSelector('.counterpart');
    expect(await page.locator('.counterpart').textContent()).toMatch(
      /^对照文件：2023年预算（1770007475548-818404804\.pdf）.*第 15 页 并排对比$/,
    );
    expect(await page.locator('.counterpart a').first().getAttribute('href')).toBe(`#/doc/${ids.y2023}`);
    // the 对比分析 page offers each year beside the one before, by entity key
    await page.goto(`${w.t.url}/#/compare`);
    await page.waitForSelector('.year-pairs li');
    expect(await page.locator('.year-pairs li').allTextContents()).toEqual([
      '2023年预算 ↔ 2024年预算',
      '2024年预算 ↔ 2025年预算',
    ]);
    await page.click('.year-pairs a:has-text("2024年预算 ↔ 2025年预算")');
    await page.waitForSelector('.pair-table');
    expect(await page.locator('.page-head .sub').textContent()).toMatch(/2024年预算\s+↔\s+.*2025年预算/);
    expect(problems).toEqual([]);
  }, 60_000);
});
