import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { startServer, type RunningServer } from '../../src/server/start.ts';
import type { Repository } from '../../src/store/repository.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Security of the HTTP server against a real server (issue 13.4). fetch() always sends the true Host,
// so forged Host headers go through node:http, as a DNS-rebinding page's browser would send them.

function raw(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end(opts.body);
  });
}

function expectZhEn(body: string, code: string) {
  const e = JSON.parse(body).error;
  expect(e.code).toBe(code);
  expect(e.messageZh).toMatch(/[\u4e00-\u9fff]/);
  expect(e.messageEn).toMatch(/[a-z]/i);
}

describe('Host and Origin (DNS rebinding)', () => {
  let dir: string;
  let repo: Repository;
  let server: RunningServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caijian-sec-'));
    repo = await openStore(join(dir, 'test.sqlite'));
    server = await startServer({ repo, limits: { concurrency: 1 } });
  });
  afterAll(async () => {
    await server?.close();
    await repo?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const setup = (headers: Record<string, string>) =>
    raw(`${server.url}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ name: 'mallory', password: 'a long enough password' }) });

  it('refuses to create the first admin through a rebound name, and to show the first-run screen', async () => {
    const port = server.port;
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1.evil.example:${port}`, `localhost:${port + 1}`, `[::1]:${port + 1}`]) {
      const res = await setup({ host });
      expect(res.status, host).toBe(403);
      expectZhEn(res.body, 'bad-host');
    }
    const screen = await raw(`${server.url}/api/setup`, { headers: { host: `evil.example:${port}` } });
    expect(screen.status).toBe(403);
    const page = await raw(`${server.url}/`, { headers: { host: `evil.example:${port}` } });
    expect(page.status).toBe(403);
    expect(await repo.countUsers()).toBe(0);
  });

  it('refuses a write whose Origin is not the Host', async () => {
    const port = server.port;
    for (const origin of ['https://evil.example', `http://evil.example:${port}`, 'null', `http://localhost:${port}`]) {
      const res = await setup({ host: `127.0.0.1:${port}`, origin });
      expect(res.status, origin).toBe(403);
      expectZhEn(res.body, 'cross-origin');
    }
    expect(await repo.countUsers()).toBe(0);
  });

  it('accepts the server under its own names (and then only once)', async () => {
    const port = server.port;
    expect((await raw(`${server.url}/api/setup`, { headers: { host: `localhost:${port}` } })).status).toBe(200);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const ok = await setup({ host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` });
    expect(ok.status).toBe(201);
    expect(await repo.countUsers()).toBe(1);
  });
});

describe('allowed host list', async () => {
  const { AllowedHosts } = await import('../../src/server/host-check.ts');
  it('takes loopback, the bound host, local addresses on 0.0.0.0 and CAIJIAN_ALLOWED_HOSTS entries', () => {
    const h = new AllowedHosts('127.0.0.1', 'caijian.example.gov.cn, lan-box:8080');
    h.port = 8080;
    expect(h.allows('127.0.0.1:8080')).toBe(true);
    expect(h.allows('[::1]:8080')).toBe(true);
    expect(h.allows('LOCALHOST:8080')).toBe(true);
    expect(h.allows('localhost:9090')).toBe(false);
    expect(h.allows('caijian.example.gov.cn')).toBe(true);
    expect(h.allows('lan-box:8080')).toBe(true);
    expect(h.allows('lan-box:80')).toBe(false);
    expect(h.allows('10.1.2.3:8080')).toBe(false);
    expect(h.allows('evil.example:8080')).toBe(false);
    expect(h.allows('localhost@evil.example')).toBe(false);
    const all = new AllowedHosts('0.0.0.0', '');
    all.port = 8080;
    expect(all.allows('127.0.0.1:8080')).toBe(true);
    expect(all.allows('203.0.113.77:8080')).toBe(false); // an IP that is not this machine's
    expect(all.allows('evil.example:8080')).toBe(false);
  });
});
