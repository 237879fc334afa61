import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildWeb } from '../../src/server/web-build.ts';
import type { UploadLimits } from '../../src/server/limits.ts';
import { testServer, type TestServer } from '../server/helpers.ts';

// What every browser test starts with: the web app built into a temporary directory, a real server over a fresh
// store (one admin, see ../server/helpers.ts), and Debian's Chromium driven by playwright-core (test tools cannot
// download browsers). A new, empty profile each run.

export const CHROMIUM = process.env.CAIJIAN_CHROMIUM ?? '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`[e2e] SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

export const ADMIN = { name: 'admin', password: 'correct horse battery' };

export interface Workbench {
  t: TestServer;
  browser: BrowserContext;
  /** A new tab that records page errors and console errors (Content-Security-Policy refusals are console errors). */
  page(): Promise<{ page: Page; problems: string[] }>;
  /** Signs in on the login screen and waits for the document list. */
  signIn(page: Page, who?: { name: string; password: string }): Promise<void>;
  close(): Promise<void>;
}

export async function startWorkbench(options: { limits?: Partial<UploadLimits> } = {}): Promise<Workbench> {
  const webRoot = mkdtempSync(join(tmpdir(), 'caijian-web-'));
  const profile = mkdtempSync(join(tmpdir(), 'caijian-chromium-'));
  await buildWeb(webRoot);
  const t = await testServer(options.limits ?? {}, { webRoot });
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1440, height: 1000 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    t,
    browser,
    async page() {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      // The 401 of "who am I?" before signing in is expected.
      page.on('console', (m) => m.type() === 'error' && !m.text().includes('status of 401') && problems.push(m.text()));
      return { page, problems };
    },
    async signIn(page, who = ADMIN) {
      await page.goto(t.url);
      await page.fill('input[name=name]', who.name);
      await page.fill('input[name=password]', who.password);
      await page.click('button[type=submit]');
      await page.waitForSelector('.drop-zone');
    },
    async close() {
      await browser.close();
      await t.close();
      rmSync(webRoot, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
