import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { PROJECT_ROOT } from '../../src/server/static.ts';
import { openStore } from '../../src/store/open-store.ts';
import { verifyPassword } from '../../src/store/passwords.ts';

const dir = mkdtempSync(join(tmpdir(), 'caijian-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('caijian create-admin', () => {
  const db = join(dir, 'admin.sqlite');
  async function run(args: string[], password?: string) {
    const before = process.env.CAIJIAN_PASSWORD;
    if (password === undefined) delete process.env.CAIJIAN_PASSWORD;
    else process.env.CAIJIAN_PASSWORD = password;
    try {
      return await main(['create-admin', ...args]);
    } finally {
      if (before === undefined) delete process.env.CAIJIAN_PASSWORD;
      else process.env.CAIJIAN_PASSWORD = before;
    }
  }

  it('creates an admin with a hashed password taken from the environment, never an argument', async () => {
    expect(await run(['--name', 'chief', '--db', db], 'a good long password')).toBe(0);
    const repo = await openStore(db);
    try {
      const u = await repo.findUserByName('chief');
      expect(u?.role).toBe('admin');
      expect(await verifyPassword('a good long password', u!.passwordHash)).toBe(true);
    } finally {
      await repo.close();
    }
    expect(await run(['--name', 'chief', '--db', db], 'another long password')).toBe(2);
  });

  it('refuses short passwords, missing names and password arguments', async () => {
    expect(await run(['--name', 'weak', '--db', db], 'short')).toBe(2);
    expect(await run(['--db', db], 'a good long password')).toBe(2);
    expect(await run(['--name', 'x2', '--password', 'on the command line', '--db', db], 'a good long password')).toBe(
      2,
    );
  });
});

describe('caijian serve', () => {
  it('starts on the embedded SQLite store, serves the app and the API, and stops on SIGTERM', async () => {
    const db = join(dir, 'serve.sqlite');
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/caijian.js'), 'serve', '--port', '0', '--db', db], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 60_000);
      child.stderr.on('data', (d) => {
        stderr += d;
        const m = /已启动：(http:\/\/[\d.]+:\d+)/.exec(stderr);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
    expect(stderr).toContain('caijian create-admin');
    const page = await (await fetch(url)).text();
    expect(page).toContain('财鉴');
    expect(await (await fetch(`${url}/api/setup`)).json()).toEqual({ needsSetup: true });
    const pdfjs = await fetch(`${url}/vendor/pdfjs/build/pdf.worker.min.mjs`);
    expect(pdfjs.status).toBe(200);
    expect((await fetch(`${url}/vendor/pdfjs/..%2f..%2fpackage.json`)).status).toBe(404);
    const exited = new Promise<number | null>((ok) => child.on('exit', ok));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 90_000);
});

describe('caijian serve on the network', () => {
  it('refuses to offer the first-run screen beyond this machine', async () => {
    const db = join(dir, 'lan.sqlite');
    const code = await main(['serve', '--host', '0.0.0.0', '--port', '0', '--db', db]);
    expect(code).toBe(2);
  });
});
