import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/server/static.ts';
import { form, SEEDS, SHARED, type TestServer } from '../server/helpers.ts';
import { haveChromium, startWorkbench, type Workbench } from './helpers.ts';

// The acceptance test: a reviewer signs in, uploads a seed, sees its findings (from the real audit),
// clicks one and sees the cell highlighted, marks it reviewed, reloads and finds the review kept.
// Set CAIJIAN_SCREENSHOT=1 to refresh docs/workbench.png (PDF document) and docs/workbench-text.png (text seed).

// A real published PDF from the shared corpus (24 pages, tables recognised, findings on table cells).
const PDF = join(SHARED, 'corpus/calinchow-del__renwu/004_重庆/2026年重庆市人民政府办公厅部门预算.pdf');
if (!existsSync(PDF)) console.warn(`[e2e] PDF case SKIPPED: ${PDF} not found`);

describe.skipIf(!haveChromium)('workbench in a browser', () => {
  let w: Workbench;
  let t: TestServer;

  beforeAll(async () => {
    w = await startWorkbench();
    t = w.t;
  }, 60_000);

  afterAll(async () => w?.close());

  it('signs in, uploads, inspects a finding, reviews it and keeps the review after reload', async () => {
    // Console errors include Content-Security-Policy refusals: the app must work under its own policy.
    const { page, problems } = await w.page();
    await w.signIn(page);

    await page.setInputFiles('input.file-input', join(SEEDS, '000_29b57f9efee068d5.txt'));
    await page.waitForSelector('.upload-state.ok', { timeout: 30_000 });
    // Drag and drop: a second seed dropped on the zone is uploaded too and listed with its counts.
    const dropped = readFileSync(join(SEEDS, '001_55a449a7ecd7ae44.txt'), 'utf8');
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], '001_55a449a7ecd7ae44.txt', { type: 'text/plain' }));
      document
        .querySelector('.drop-zone')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, dropped);
    await expect.poll(() => page.locator('.upload-state.ok').count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => page.locator('tr.doc-row').count()).toBe(2);
    expect(
      await page
        .locator('tr.doc-row', { hasText: '原州区医疗保障局' })
        .locator('.counts-cell .badge')
        .first()
        .textContent(),
    ).toMatch(/^错误 \d+$/);
    await page.click('tr.doc-row:has-text("株洲市天元区医疗保障局")');

    await page.waitForSelector('li.finding');
    const count = await page.locator('li.finding').count();
    expect(count).toBeGreaterThan(0);
    // Findings about one table cell. Take the first whose cell prints a number (some point at a blank total).
    const cellFindings = page.locator('li.finding[data-cell]');
    expect(await cellFindings.count()).toBeGreaterThan(0);
    const digits = (s: string | null) => (s ?? '').replace(/[^\d.-]/g, '');
    const hit = page.locator('table.model td.hit');
    let id: string | null = null;
    for (let i = 0; i < (await cellFindings.count()) && !id; i++) {
      await cellFindings.nth(i).click();
      // Every cell finding highlights exactly one cell and marks its place in the original.
      await expect.poll(() => hit.count()).toBe(1);
      await page.waitForSelector('.src-line.hit mark');
      if (digits(await hit.textContent()) !== '') id = await cellFindings.nth(i).getAttribute('data-id');
    }
    expect(id).not.toBeNull();
    expect(await hit.isVisible()).toBe(true);
    // The marked place in the original is the same number as the highlighted cell.
    expect(digits(await page.locator('.src-line.hit mark').textContent())).toBe(digits(await hit.textContent()));

    if (process.env.CAIJIAN_SCREENSHOT) await page.screenshot({ path: join(PROJECT_ROOT, 'docs/workbench-text.png') });

    // Keyboard: ↓ selects the next finding, ↑ comes back.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('li.finding.selected').getAttribute('data-id')).not.toBe(id);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.locator('li.finding.selected').getAttribute('data-id')).toBe(id);

    await page.fill('.review-box textarea', '尾数误差，已核对');
    await page.click('.review-actions button.primary');
    await page.waitForSelector(`li.finding[data-id="${id}"] .review-tag`);

    await page.reload();
    await page.waitForSelector('li.finding');
    const tag = page.locator(`li.finding[data-id="${id}"] .review-tag`);
    expect(await tag.textContent()).toBe('已确认问题');
    await page.click(`li.finding[data-id="${id}"]`);
    expect(await page.locator('.review-status strong').textContent()).toBe('已确认问题');
    expect(await page.locator('.review-box textarea').inputValue()).toBe('尾数误差，已核对');

    // An admin re-reads the document; the review is carried over to the same finding of the new run.
    await page.click('button:has-text("重新识别与审核")');
    await page.waitForSelector('.toast:has-text("沿用复核意见 1 条")');
    await page.waitForSelector('li.finding .review-tag');
    expect(await page.locator('li.finding .review-tag').allTextContents()).toEqual(['已确认问题']);
    expect(problems).toEqual([]);
  }, 60_000);

  it.skipIf(!existsSync(PDF))(
    'shows a PDF finding on the page image drawn by pdf.js, boxed',
    async () => {
      const bytes = readFileSync(PDF);
      const res = await fetch(`${t.url}/api/documents`, {
        method: 'POST',
        headers: t.auth,
        body: form([{ name: basename(PDF), bytes }]),
      });
      expect(res.status).toBe(201);
      const { results } = await res.json();
      const { page, problems } = await w.page();
      await page.goto(`${t.url}/#/doc/${results[0].document.id}`);
      await page.waitForSelector('li.finding');
      // The first finding that points at a table cell on a page.
      const ids = await page.locator('li.finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
      const { findings } = await (
        await fetch(`${t.url}/api/documents/${results[0].document.id}/findings`, { headers: t.auth })
      ).json();
      const target = findings.find(
        (f: { id: string; finding: { location?: { column?: string; source?: { kind: string } } } }) =>
          ids.includes(f.id) && f.finding.location?.column && f.finding.location.source?.kind === 'pdf',
      );
      expect(target).toBeTruthy();
      await page.click(`li.finding[data-id="${target.id}"]`);
      await page.waitForSelector('.pdf-page canvas');
      await page.waitForSelector('.pdf-box:not(.related)');
      const box = await page.locator('.pdf-box:not(.related)').boundingBox();
      expect(box!.width).toBeGreaterThan(5);
      expect(await page.locator('.source-caption').textContent()).toContain(
        `第 ${target.finding.location.source.page} 页`,
      );
      // The page really was drawn: the canvas is not blank.
      const inked = await page.locator('.pdf-page canvas').evaluate((c: HTMLCanvasElement) => {
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] < 128) dark++;
        return dark;
      });
      expect(inked).toBeGreaterThan(1000);
      expect(await page.locator('table.model td.hit').count()).toBe(1);
      if (process.env.CAIJIAN_SCREENSHOT) await page.screenshot({ path: join(PROJECT_ROOT, 'docs/workbench.png') });
      expect(problems).toEqual([]);
    },
    60_000,
  );
});
