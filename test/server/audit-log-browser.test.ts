import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/store/passwords.ts';
import { haveChromium, startWorkbench, type Workbench } from '../e2e/helpers.ts';
import { form, SEEDS } from './helpers.ts';

// The admin's 操作日志 in a browser (issue 13.4): sign-in, a failed sign-in, an upload and a refusal appear newest
// first in Chinese; the filter narrows to one kind; a reviewer has no such page.

describe.skipIf(!haveChromium)('audit log in the workbench', () => {
  let w: Workbench;
  beforeAll(async () => {
    w = await startWorkbench();
    await w.t.repo.createUser('reviewer', await hashPassword('reviewer password'), 'reviewer');
    const up = (name: string, bytes: Uint8Array) =>
      fetch(`${w.t.url}/api/documents`, { method: 'POST', headers: w.t.auth, body: form([{ name, bytes }]) });
    await up('000.txt', new Uint8Array(readFileSync(join(SEEDS, '000_29b57f9efee068d5.txt'))));
    await up('随笔.txt', new TextEncoder().encode('今天天气很好，我们去公园散步。'));
    await fetch(`${w.t.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'reviewer', password: 'wrong password' }),
    });
  }, 120_000);
  afterAll(async () => w?.close());

  it('shows the admin who did what, newest first, and filters by kind', async () => {
    const { page, problems } = await w.page();
    await w.signIn(page);
    await page.click('nav a[href="#/audit"]');
    await page.waitForSelector('table.audit-log tbody tr');
    const rows = await page.locator('table.audit-log tbody tr').allTextContents();
    // newest first: this browser sign-in, then the failed one, the refusal, the upload, the helper's sign-in
    expect(rows[0]).toMatch(/admin.*登录.*登录成功/);
    expect(rows[1]).toMatch(/reviewer.*登录失败.*用户名或密码不正确/);
    expect(rows[2]).toMatch(/拒收文件.*随笔\.txt：.*[\u4e00-\u9fff]/);
    expect(rows[3]).toMatch(/上传.*000\.txt：株洲市天元区医疗保障局 2023年 决算，错误 \d+/);
    expect(await page.locator('.page-head').textContent()).toMatch(/共 \d+ 条/);
    await page.selectOption('select[name=action]', 'document.refuse');
    await expect.poll(() => page.locator('table.audit-log tbody tr').count()).toBe(1);
    expect(await page.locator('table.audit-log tbody tr').textContent()).toContain('随笔.txt');
    await page.screenshot({ path: '/tmp/caijian-audit-log.png', fullPage: true });
    expect(problems).toEqual([]);
  }, 60_000);

  it('is not offered to a reviewer', async () => {
    await w.browser.clearCookies(); // the admin's session from the test above
    const { page } = await w.page();
    await w.signIn(page, { name: 'reviewer', password: 'reviewer password' });
    expect(await page.locator('nav a[href="#/audit"]').count()).toBe(0);
    await page.goto(`${w.t.url}/#/audit`);
    await page.waitForSelector('.drop-zone'); // the document list instead
    expect(await page.locator('table.audit-log').count()).toBe(0);
  }, 60_000);
});
