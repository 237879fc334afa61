import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { startServer, type RunningServer } from '../../src/server/start.ts';
import type { Repository } from '../../src/store/repository.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addressKey, DEFAULT_THROTTLE, LoginThrottle } from '../../src/server/login-throttle.ts';
import { testServer, type TestServer } from './helpers.ts';
import { BODY_LIMITS } from '../../src/server/app.ts';

// Security of the HTTP server against a real server (issue 13.4). fetch() always sends the true Host,
// so forged Host headers go through node:http, as a DNS-rebinding page's browser would send them.

function raw(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
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
    raw(`${server.url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ name: 'mallory', password: 'a long enough password' }),
    });

  it('refuses to create the first admin through a rebound name, and to show the first-run screen', async () => {
    const port = server.port;
    for (const host of [
      `evil.example:${port}`,
      'evil.example',
      `127.0.0.1.evil.example:${port}`,
      `localhost:${port + 1}`,
      `[::1]:${port + 1}`,
    ]) {
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

describe('login throttling', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await testServer();
  });
  afterAll(async () => t?.close());
  const login = (name: string, password: string) =>
    fetch(`${t.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, password }),
    });

  it('lets at most the account budget of 50 parallel wrong passwords reach the password check', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => login('admin', `wrong guess ${i}`).then((r) => r.status)),
    );
    // 401 = the password was hashed and compared; 429 = refused before the hash.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(DEFAULT_THROTTLE.perAccount);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(50 - DEFAULT_THROTTLE.perAccount);
    const refused = await login('admin', 'correct horse battery');
    expect(refused.status).toBe(429); // even the right password waits: the budget is spent
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const e = (await refused.json()).error;
    expect(e.messageZh).toMatch(/登录尝试过多/);
  });

  it('throttles spraying 1000 names from one address', async () => {
    let checked = 0;
    for (let batch = 0; batch < 10; batch++) {
      const statuses = await Promise.all(
        Array.from({ length: 100 }, (_, i) => login(`user${batch * 100 + i}`, 'Password123!').then((r) => r.status)),
      );
      checked += statuses.filter((s) => s === 401).length;
    }
    // The address budget already had the 5 admin guesses above.
    expect(checked).toBeLessThanOrEqual(DEFAULT_THROTTLE.perAddress);
  }, 60_000);
});

describe('login throttle memory', () => {
  it('stays bounded under names and addresses that never repeat, and forgets after its window', () => {
    let now = 0;
    const th = new LoginThrottle({ perAccount: 5, perAddress: 20, windowMs: 60_000, maxEntries: 100 }, () => now);
    for (let i = 0; i < 20_000; i++) {
      const r = th.reserve(`name${i}`, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
      if (r.ok) r.release(false);
    }
    expect(th.size).toBeLessThanOrEqual(200);
    now += 61_000;
    const r = th.reserve('name0', '10.0.0.0');
    expect(r.ok).toBe(true);
  });

  it('counts an IPv6 /64 as one address and a success gives the attempt back', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('::ffff:127.0.0.1')).toBe('127.0.0.1');
    const th = new LoginThrottle({ perAccount: 2, perAddress: 100, windowMs: 60_000, maxEntries: 100 });
    for (let i = 0; i < 10; i++) {
      const r = th.reserve('alice', '127.0.0.1');
      expect(r.ok).toBe(true);
      if (r.ok) r.release(true);
    }
    const a = th.reserve('alice', '127.0.0.1');
    const b = th.reserve('ALICE', '127.0.0.2');
    expect(a.ok && b.ok).toBe(true);
    expect(th.reserve('alice', '127.0.0.3').ok).toBe(false);
  });
});

describe('body size limits on every route but the upload', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await testServer();
  });
  afterAll(async () => t?.close());

  it('refuses a sign-in or first-run body past 8 KB with 413 and zh/en, whether declared or streamed', async () => {
    const big = JSON.stringify({ name: 'admin', password: 'x'.repeat(BODY_LIMITS.signIn) });
    for (const path of ['/api/login', '/api/setup']) {
      const res = await raw(`${t.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', host: new URL(t.url).host },
        body: big,
      });
      expect(res.status, path).toBe(413);
      expectZhEn(res.body, 'too-large');
      expect(JSON.parse(res.body).error.messageZh).toMatch(/8 KB/);
    }
    // without a Content-Length (chunked), the body is counted as it arrives
    const chunked = await new Promise<number>((ok, fail) => {
      const req = request(
        `${t.url}/api/login`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (res) => {
          res.resume();
          ok(res.statusCode ?? 0);
        },
      );
      req.on('error', fail);
      for (let i = 0; i < 20; i++) req.write('x'.repeat(1024));
      req.end();
    });
    expect(chunked).toBe(413);
  });

  it('refuses other JSON bodies past their limit, signed in or not, and still takes ordinary ones', async () => {
    // one connection per request: the server closes a connection whose body it refused
    const send = (method: string, path: string, body: string, auth: Record<string, string>) =>
      new Promise<{ status: number; body: string }>((ok, fail) => {
        const req = request(
          `${t.url}${path}`,
          {
            method,
            agent: false,
            headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...auth },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (d) => (text += d));
            res.on('end', () => ok({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', fail);
        req.end(body);
      });
    const huge = JSON.stringify({ status: 'dismissed', reason: 'x'.repeat(BODY_LIMITS.json + 1024) });
    for (const auth of [{}, t.auth]) {
      const res = await send('PUT', '/api/findings/nope/review', huge, auth);
      expect(res.status).toBe(413);
      expectZhEn(res.body, 'too-large');
    }
    const users = await send(
      'POST',
      '/api/users',
      JSON.stringify({ name: 'x'.repeat(BODY_LIMITS.json + 1024), password: 'p' }),
      t.auth,
    );
    expect(users.status).toBe(413);
    const ok = await send('PUT', '/api/findings/nope/review', JSON.stringify({ status: 'confirmed' }), t.auth);
    expect(ok.status).toBe(404);
  });

  it('does not remember names no account can have, nor spend the address budget on them', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        fetch(`${t.url}/api/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: `${'n'.repeat(70)}${i}`, password: 'guess' }),
        }).then((r) => r.status),
      ),
    );
    expect(statuses.every((s) => s === 401)).toBe(true);
    // the address budget (20) is untouched: a real name still reaches the password check
    const real = await fetch(`${t.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'admin', password: 'wrong' }),
    });
    expect(real.status).toBe(401);
  });
});

/** Every state-changing route of the app, with its parameters filled in (the app's own route table, so a new route is covered). */
async function writeRoutes(): Promise<{ method: string; path: string }[]> {
  const { createApp } = await import('../../src/server/app.ts');
  const app = createApp({
    repo: null as never,
    pool: null as never,
    limits: { maxFileBytes: 1, maxFiles: 1 } as never,
  }); // routes only
  const seen = new Set<string>();
  const out: { method: string; path: string }[] = [];
  for (const r of app.routes) {
    if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) || !r.path.startsWith('/api/') || r.path.includes('*'))
      continue;
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ method: r.method, path: r.path.replace(/:[a-z]+/gi, 'x') });
  }
  return out;
}

describe('every state-changing route', () => {
  let t: TestServer;
  let routes: { method: string; path: string }[];
  beforeAll(async () => {
    // one file of 64 KB per upload: the upload's own body limit is then 64 KB + 1 MB
    t = await testServer({ maxFileBytes: 64 * 1024, maxFiles: 1 });
    routes = await writeRoutes();
  });
  afterAll(async () => t?.close());

  it('is listed: setup, login, logout, users, upload, delete, reprocess, review, bulk review', () => {
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      [
        'DELETE /api/documents/x',
        'POST /api/documents',
        'POST /api/documents/x/reprocess',
        'POST /api/login',
        'POST /api/logout',
        'POST /api/reviews',
        'POST /api/setup',
        'POST /api/users',
        'PUT /api/findings/x/review',
      ].sort(),
    );
  });

  it('refuses a rebound Host and a foreign Origin even with a valid admin session, and nothing changes', async () => {
    const port = new URL(t.url).port;
    const sessions = async () => Number((await t.repo.db.all('SELECT COUNT(*) AS n FROM sessions'))[0].n);
    const before = {
      users: await t.repo.countUsers(),
      sessions: await sessions(),
      log: (await t.repo.auditLog({ limit: 1000 })).length,
    };
    for (const { method, path } of routes) {
      const forged: Record<string, string>[] = [
        { host: `evil.example:${port}` },
        { host: `127.0.0.1:${port}`, origin: 'https://evil.example' },
        { host: `127.0.0.1:${port}`, origin: 'null' },
      ];
      for (const headers of forged) {
        const body = JSON.stringify({
          name: 'mallory',
          password: 'a long enough password',
          status: 'dismissed',
          reason: 'x',
          findingIds: ['x'],
        });
        // (a DELETE body needs its length declared: node:http sends it unframed otherwise)
        const res = await raw(`${t.url}${path}`, {
          method,
          headers: {
            ...t.auth,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            ...headers,
          },
          body,
        });
        expect(res.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(403);
        expectZhEn(res.body, headers.origin ? 'cross-origin' : 'bad-host');
      }
    }
    expect({
      users: await t.repo.countUsers(),
      sessions: await sessions(),
      log: (await t.repo.auditLog({ limit: 1000 })).length,
    }).toEqual(before);
    // the same session still works from the server's own origin
    expect((await raw(`${t.url}/api/me`, { headers: { ...t.auth, host: `127.0.0.1:${port}` } })).status).toBe(200);
  });

  it('refuses a body past its limit on each of them, signed in (the upload past its own, larger one)', async () => {
    const send = (method: string, path: string, body: Buffer, headers: Record<string, string>) =>
      new Promise<{ status: number; body: string }>((ok, fail) => {
        const req = request(
          `${t.url}${path}`,
          { method, agent: false, headers: { 'content-length': String(body.length), ...headers } },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (d) => (text += d));
            res.on('end', () => ok({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', (e: NodeJS.ErrnoException) =>
          e.code === 'EPIPE' || e.code === 'ECONNRESET' ? ok({ status: -1, body: '' }) : fail(e),
        );
        req.end(body);
      });
    let answered = 0;
    for (const { method, path } of routes) {
      const upload = path === '/api/documents' && method === 'POST';
      // the upload's limit here: 64 KB per file × 1 file + 1 MB (see createApp's requestLimit)
      const size = upload
        ? 1024 * 1024 + 64 * 1024 + 1
        : path === '/api/login' || path === '/api/setup'
          ? BODY_LIMITS.signIn + 1
          : BODY_LIMITS.json + 1;
      const body = Buffer.from(`{"reason":"${'x'.repeat(size)}"}`);
      const type = upload ? 'multipart/form-data; boundary=b' : 'application/json';
      const res = await send(method, path, body, { ...t.auth, 'content-type': type });
      if (res.status === -1) continue; // the server closed the connection before reading it all: refused too
      answered++;
      expect(res.status, `${method} ${path}`).toBe(413);
      expectZhEn(res.body, 'too-large');
    }
    expect(answered).toBeGreaterThanOrEqual(routes.length - 1);
  });

  it('exports a finding whose text is a formula as text, through the API', async () => {
    const { newDocument, finding } = await import('../store/backends.ts');
    const evil = { ...finding('error', 'row-sum', 1), message: '=HYPERLINK("http://evil.example","点我")' };
    const { document } = await t.repo.saveDocument(
      newDocument('formula', { audit: { status: 'done', findings: [evil] } }),
    );
    const res = await fetch(`${t.url}/api/documents/${document.id}/findings/export?format=csv`, { headers: t.auth });
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});
