import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankPdf, zip } from './files.ts';
import { newDocument } from '../store/backends.ts';
import { form, SEEDS, testServer, type TestServer } from './helpers.ts';

// The HTTP API against a real server and the real reading pipeline and audit (worker threads included).

const seed = (n: string) => {
  const name = [
    '000_29b57f9efee068d5.txt',
    '001_55a449a7ecd7ae44.txt',
    '002_7e0f8e9b3d32ee90.txt',
    '003_de3984f8e5b77c90.txt',
    '004_8bd7ef9f9250f5a5.txt',
  ].find((f) => f.startsWith(n))!;
  return { name, bytes: new Uint8Array(readFileSync(join(SEEDS, name))) };
};

async function json(res: Response) {
  const text = await res.text();
  expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // never a stack trace
  return JSON.parse(text);
}

function expectError(body: { error?: { code?: string; messageZh?: string; messageEn?: string } }, code?: string) {
  expect(body.error?.messageZh).toMatch(/[\u4e00-\u9fff]/);
  expect(body.error?.messageEn).toMatch(/[a-z]/i);
  if (code) expect(body.error?.code).toBe(code);
}

describe('HTTP API', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await testServer({ maxFileBytes: 400_000, maxFiles: 6, maxPdfPages: 3, maxArchiveBytes: 1_000_000 });
  });
  afterAll(async () => t?.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = t.auth) =>
    fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const upload = (files: { name: string; bytes: Uint8Array | string }[], headers: Record<string, string> = t.auth) =>
    fetch(`${t.url}/api/documents`, { method: 'POST', headers, body: form(files) });

  describe('refuses without authentication', () => {
    it('reads and writes need a signed-in user', async () => {
      for (const [method, path] of [
        ['GET', '/api/documents'],
        ['GET', '/api/me'],
        ['GET', '/api/facets'],
        ['PUT', '/api/findings/x/review'],
        ['GET', '/api/users'],
      ]) {
        const res = await fetch(`${t.url}${path}`, {
          method,
          headers: { 'content-type': 'application/json' },
          body: method === 'PUT' ? '{}' : undefined,
        });
        expect(res.status, `${method} ${path}`).toBe(401);
        expectError(await json(res), 'unauthenticated');
      }
      const res = await upload([seed('000')], {});
      expect(res.status).toBe(401);
      expectError(await json(res), 'unauthenticated');
      expect((await t.repo.listDocuments()).total).toBe(0);
    });

    it('rejects a forged or expired token and wrong passwords, and throttles guessing', async () => {
      expect((await fetch(`${t.url}/api/me`, { headers: { authorization: 'Bearer forged' } })).status).toBe(401);
      const bad = await post('/api/login', { name: 'admin', password: 'wrong password' }, {});
      expect(bad.status).toBe(401);
      expectError(await json(bad), 'bad-credentials');
      for (let i = 0; i < 5; i++) await post('/api/login', { name: 'victim', password: `guess ${i}` }, {});
      const blocked = await post('/api/login', { name: 'victim', password: 'guess again' }, {});
      expect(blocked.status).toBe(429);
      expectError(await json(blocked), 'too-many-attempts');
    });

    it('lets only admins manage users; reviewers can review', async () => {
      const created = await post('/api/users', { name: 'reviewer1', password: 'reviewer password', role: 'reviewer' });
      expect(created.status).toBe(201);
      const weak = await post('/api/users', { name: 'reviewer2', password: 'short', role: 'reviewer' });
      expect(weak.status).toBe(400);
      expectError(await json(weak));
      const login = await json(await post('/api/login', { name: 'reviewer1', password: 'reviewer password' }, {}));
      const asReviewer = { authorization: `Bearer ${login.token}` };
      const denied = await post('/api/users', { name: 'x1', password: 'whatever long', role: 'admin' }, asReviewer);
      expect(denied.status).toBe(403);
      expectError(await json(denied), 'forbidden');
      expect((await fetch(`${t.url}/api/documents`, { headers: asReviewer })).status).toBe(200);
    });

    it('refuses cookie writes from another site', async () => {
      const login = await post('/api/login', { name: 'admin', password: 'correct horse battery' }, {});
      const cookie = login.headers.get('set-cookie')!.split(';')[0];
      expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/i);
      expect(login.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);
      const res = await fetch(`${t.url}/api/logout`, {
        method: 'POST',
        headers: { cookie, origin: 'https://evil.example' },
      });
      expect(res.status).toBe(403);
      expectError(await json(res), 'cross-origin');
      const me = await fetch(`${t.url}/api/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
    });
  });

  describe('upload limits', () => {
    it('refuses a file over the size limit with 413', async () => {
      const res = await upload([{ name: 'big.txt', bytes: 'x'.repeat(450_000) }]);
      expect(res.status).toBe(413);
      expectError(await json(res), 'too-large');
    });

    it('refuses too many files in one request', async () => {
      const res = await upload(Array.from({ length: 7 }, (_, i) => ({ name: `f${i}.txt`, bytes: `file ${i}` })));
      expect(res.status).toBe(413);
      expectError(await json(res), 'too-many-files');
    });

    it('refuses a request body over the request limit before reading it all', async () => {
      // Three files of 1 MB: 3 MB is over the request limit (4 × 400 kB + 1 MB) before any file is looked at.
      const res = await upload(
        Array.from({ length: 3 }, (_, i) => ({ name: `f${i}.txt`, bytes: `${i}`.repeat(1_000_000) })),
      );
      expect(res.status).toBe(413);
      expectError(await json(res), 'too-large');
    });

    it('refuses a PDF with more pages than allowed', async () => {
      const res = await upload([{ name: 'long.pdf', bytes: blankPdf(5) }]);
      expect(res.status).toBe(413);
      const body = await json(res);
      expectError(body, 'too-large');
      expect(body.error.messageZh).toContain('5 页');
    });

    it('refuses an Office archive that expands beyond the limit (zip bomb)', async () => {
      const bomb = zip([
        { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
        { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(5_000_000) },
      ]);
      expect(bomb.byteLength).toBeLessThan(400_000);
      const res = await upload([{ name: 'bomb.xlsx', bytes: bomb }]);
      expect(res.status).toBe(413);
      expectError(await json(res), 'too-large');
    });
  });

  describe('malformed files', () => {
    it('answers 422 with a clear message for empty, unknown, truncated and non-upload requests', async () => {
      const cases: [string, Uint8Array | string, string][] = [
        ['empty.txt', '', 'empty'],
        ['random.bin', new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), 'unsupported-format'],
        ['broken.pdf', '%PDF-1.7\n1 0 obj << /Type /Catalog', 'unreadable'],
        ['broken.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 120, 108, 47, 1, 2, 3]), 'unreadable'],
      ];
      for (const [name, bytes, code] of cases) {
        const res = await upload([{ name, bytes }]);
        expect(res.status, name).toBe(422);
        expectError(await json(res), code);
      }
      const notMultipart = await post('/api/documents', { file: 'x' });
      expect(notMultipart.status).toBe(415);
      expectError(await json(notMultipart), 'not-multipart');
      const noFiles = await fetch(`${t.url}/api/documents`, { method: 'POST', headers: t.auth, body: new FormData() });
      expect(noFiles.status).toBe(400);
      const badJson = await fetch(`${t.url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{nope',
      });
      expect(badJson.status).toBe(400);
      expectError(await json(badJson), 'bad-request');
      expect((await t.repo.listDocuments()).total).toBe(0);
    });

    it('stores the good files of a mixed upload and reports the bad ones', async () => {
      const res = await upload([seed('001'), { name: 'empty.txt', bytes: '' }]);
      expect(res.status).toBe(201);
      const { results } = await json(res);
      expect(results.map((r: { status: string }) => r.status)).toEqual(['created', 'failed']);
      expectError({ error: results[1].error }, 'empty');
    });
  });

  describe('concurrent uploads', () => {
    it('stores every file of parallel requests once, duplicates included', async () => {
      const files = ['000', '002', '003', '004'].map(seed);
      const responses = await Promise.all([...files, files[0], files[1]].map((f) => upload([f])));
      const bodies = await Promise.all(responses.map(json));
      const statuses = bodies.map((b) => b.results[0].status);
      expect(statuses.filter((s) => s === 'created')).toHaveLength(4);
      expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(2);
      const page = await json(await fetch(`${t.url}/api/documents?limit=50`, { headers: t.auth }));
      expect(page.total).toBe(5); // 001 from the mixed upload + these four
      const ids = new Set(bodies.map((b) => b.results[0].document.id));
      expect(ids.size).toBe(4);
    });
  });

  describe('documents, findings and reviews', () => {
    let id: string;
    beforeAll(async () => {
      const page = await json(
        await fetch(`${t.url}/api/documents?q=${encodeURIComponent('天元')}`, { headers: t.auth }),
      );
      id = page.items[0].id;
    });

    it('searches by region, year, kind and errors, and lists facets', async () => {
      const get = async (q: string) =>
        (await json(await fetch(`${t.url}/api/documents?${q}`, { headers: t.auth }))).total;
      expect(await get('kind=预算')).toBe(2);
      expect(await get('year=2021')).toBe(1);
      expect(await get(`region=${encodeURIComponent('株洲市天元区')}`)).toBe(1);
      expect(await get('hasErrors=true')).toBeGreaterThanOrEqual(0);
      const bad = await fetch(`${t.url}/api/documents?year=abc`, { headers: t.auth });
      expect(bad.status).toBe(400);
      const facets = await json(await fetch(`${t.url}/api/facets`, { headers: t.auth }));
      expect(facets.kinds.map((k: { value: string }) => k.value).sort()).toEqual(['决算', '预算']);
    });

    it('returns the model, the original bytes and the real audit findings', async () => {
      const doc = await json(await fetch(`${t.url}/api/documents/${id}`, { headers: t.auth }));
      expect(doc.model.schemaVersion).toBe(1);
      expect(doc.model.entity.name).toBe('株洲市天元区医疗保障局');
      const original = new Uint8Array(
        await (await fetch(`${t.url}/api/documents/${id}/original`, { headers: t.auth })).arrayBuffer(),
      );
      expect(Buffer.from(original).equals(Buffer.from(seed('000').bytes))).toBe(true);
      const { findings } = await json(await fetch(`${t.url}/api/documents/${id}/findings`, { headers: t.auth }));
      expect(findings.length).toBeGreaterThan(0);
      expect(findings[0]).toMatchObject({ documentId: id, review: null });
      expect(findings.some((f: { ruleId: string }) => f.ruleId === 'code-hierarchy-sum')).toBe(true);
      const missing = await fetch(`${t.url}/api/documents/nope`, { headers: t.auth });
      expect(missing.status).toBe(404);
      expectError(await json(missing), 'not-found');
    });

    it('records reviews with who and when, and validates them', async () => {
      const { findings } = await json(await fetch(`${t.url}/api/documents/${id}/findings`, { headers: t.auth }));
      const put = (fid: string, body: unknown) =>
        fetch(`${t.url}/api/findings/${fid}/review`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', ...t.auth },
          body: JSON.stringify(body),
        });
      expect((await put(findings[0].id, { status: 'maybe' })).status).toBe(400);
      const noReason = await put(findings[0].id, { status: 'dismissed' });
      expect(noReason.status).toBe(400);
      expectError(await json(noReason));
      expect((await put('nope', { status: 'confirmed' })).status).toBe(404);
      const ok = await json(await put(findings[0].id, { status: 'dismissed', reason: '尾数误差' }));
      expect(ok.review).toMatchObject({ status: 'dismissed', reason: '尾数误差', userName: 'admin' });
      const after = await json(await fetch(`${t.url}/api/documents/${id}/findings`, { headers: t.auth }));
      expect(after.findings.find((f: { id: string }) => f.id === findings[0].id).review.status).toBe('dismissed');
      expect(after.document.reviewed).toBe(1);
      const history = await json(await fetch(`${t.url}/api/findings/${findings[0].id}/reviews`, { headers: t.auth }));
      expect(history.reviews).toHaveLength(1);
    });

    it('reads a stored document again on request (admin only), keeping reviews', async () => {
      const before = await json(await fetch(`${t.url}/api/documents/${id}/findings`, { headers: t.auth }));
      const reviewedBefore = before.findings.filter((f: { review: unknown }) => f.review).length;
      expect(reviewedBefore).toBeGreaterThan(0);
      const res = await fetch(`${t.url}/api/documents/${id}/reprocess`, { method: 'POST', headers: t.auth });
      expect(res.status).toBe(200);
      const body = await json(res);
      // Same original, same readers and rules: every finding comes back and every review is carried over.
      expect(body.carriedReviews).toBe(reviewedBefore);
      const after = await json(await fetch(`${t.url}/api/documents/${id}/findings`, { headers: t.auth }));
      expect(after.findings.map((f: { message: string }) => f.message)).toEqual(
        before.findings.map((f: { message: string }) => f.message),
      );
      expect(after.findings.filter((f: { review: unknown }) => f.review).length).toBe(reviewedBefore);
      expect((await fetch(`${t.url}/api/documents/nope/reprocess`, { method: 'POST', headers: t.auth })).status).toBe(
        404,
      );
      const login = await json(await post('/api/login', { name: 'reviewer1', password: 'reviewer password' }, {}));
      expect(
        (
          await fetch(`${t.url}/api/documents/${id}/reprocess`, {
            method: 'POST',
            headers: { authorization: `Bearer ${login.token}` },
          })
        ).status,
      ).toBe(403);
    });

    it('exports findings as JSON, CSV and Excel', async () => {
      const get = (f: string) => fetch(`${t.url}/api/documents/${id}/findings/export?format=${f}`, { headers: t.auth });
      const j = await json(await get('json'));
      expect(j.findings.length).toBeGreaterThan(0);
      const csvBytes = Buffer.from(await (await get('csv')).arrayBuffer());
      // A byte-order mark first, so Excel opens the UTF-8 file with Chinese intact.
      expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = csvBytes.toString('utf8');
      expect(csv).toContain('序号,级别,规则');
      expect(csv).toContain('排除');
      const xlsx = await get('xlsx');
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
      expect(
        Buffer.from(await xlsx.arrayBuffer())
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
      expect(xlsx.headers.get('content-disposition')).toContain("filename*=UTF-8''");
      expect((await get('doc')).status).toBe(400);
    });

    it('renders the stored model back to HTML', async () => {
      const res = await fetch(`${t.url}/api/documents/${id}/render?format=html`, { headers: t.auth });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('株洲市天元区医疗保障局');
      expect((await fetch(`${t.url}/api/documents/${id}/render?format=exe`, { headers: t.auth })).status).toBe(400);
    });

    it('serves series for charts with exact amounts', async () => {
      const { points } = await json(
        await fetch(`${t.url}/api/series?entity=${encodeURIComponent('株洲市天元区医疗保障局')}`, { headers: t.auth }),
      );
      expect(points).toHaveLength(1);
      expect(points[0].figures).toMatchObject({
        unit: '万元',
        totalExpenditure: '289.70',
        basic: '185.01',
        project: '104.69',
      });
    });
  });
});

describe('first run and time limits', () => {
  it('creates the first admin once from the setup screen, never with a default password', async () => {
    const t = await testServer();
    try {
      await t.repo.db.run('DELETE FROM sessions');
      await t.repo.db.run('DELETE FROM users');
      const status = await json(await fetch(`${t.url}/api/setup`));
      expect(status.needsSetup).toBe(true);
      const setup = (body: unknown) =>
        fetch(`${t.url}/api/setup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      expect((await setup({ name: 'boss', password: '' })).status).toBe(400);
      expect((await setup({ name: 'boss', password: 'short' })).status).toBe(400);
      const ok = await setup({ name: 'boss', password: 'a long password' });
      expect(ok.status).toBe(201);
      expect(ok.headers.get('set-cookie')).toContain('caijian_session=');
      const again = await setup({ name: 'other', password: 'a long password' });
      expect(again.status).toBe(409);
      expectError(await json(again), 'already-set-up');
    } finally {
      await t.close();
    }
  });

  it('abandons a file that takes longer than the time limit instead of hanging', async () => {
    const t = await testServer({ parseSeconds: 0.001 });
    try {
      const started = Date.now();
      const res = await fetch(`${t.url}/api/documents`, { method: 'POST', headers: t.auth, body: form([seed('002')]) });
      expect(res.status).toBe(422);
      expectError(await json(res), 'timeout');
      // Far below a hang (the reader's own child is killed at its deadline), with room for a loaded machine where
      // starting the child alone took over 5 s (load 31); the suite's test timeout is 60 s.
      expect(Date.now() - started).toBeLessThan(30_000);
      expect((await t.repo.listDocuments()).total).toBe(0);
    } finally {
      await t.close();
    }
  });
});

describe('API description', () => {
  it('describes every /api route the server answers', async () => {
    const { createApp } = await import('../../src/server/app.ts');
    const app = createApp({ repo: null as never, pool: null as never, limits: {} as never });
    const yaml = readFileSync(join(import.meta.dirname, '../../docs/api/openapi.yaml'), 'utf8');
    const paths = new Set(
      app.routes
        .map((r) => r.path)
        .filter((p) => p.startsWith('/api/') && !p.includes('*') && p !== '/api/openapi.yaml'),
    );
    expect(paths.size).toBeGreaterThan(15);
    for (const p of paths) expect(yaml, p).toContain(`  ${p.replace(/:(\w+)/g, '{$1}')}:`);
  });
});

describe.skipIf(!existsSync('/usr/bin/chromium'))('page images', () => {
  it('draws a PDF page as PNG with a box, and refuses bad pages and non-PDF documents', async () => {
    const t = await testServer();
    try {
      // Two blank pages are no disclosure: the upload refuses them as `check` does (exit 2 there) …
      const refused = await fetch(`${t.url}/api/documents`, {
        method: 'POST',
        headers: t.auth,
        body: form([{ name: 'two.pdf', bytes: blankPdf(2) }]),
      });
      expect(refused.status).toBe(422);
      expect(['image-only', 'not-a-disclosure']).toContain((await json(refused)).error.code);
      // … so the page images are drawn from such a file stored directly.
      const { document } = await t.repo.saveDocument(
        newDocument(blankPdf(2), { fileName: 'two.pdf', format: 'pdf', mediaType: 'application/pdf' }),
      );
      const id = document.id;
      const res = await fetch(`${t.url}/api/documents/${id}/pages/2.png?scale=1&box=100,100,200,150`, {
        headers: t.auth,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      const png = Buffer.from(await res.arrayBuffer());
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // IHDR width and height: an A4 page at scale 1 is 595 × 842.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([595, 842]);
      const missing = await fetch(`${t.url}/api/documents/${id}/pages/3.png`, { headers: t.auth });
      expect(missing.status).toBe(404);
      expectError(await json(missing));
      expect((await fetch(`${t.url}/api/documents/${id}/pages/0.png`, { headers: t.auth })).status).toBe(400);
      expect((await fetch(`${t.url}/api/documents/${id}/pages/1.png?box=1,2`, { headers: t.auth })).status).toBe(400);
      const text = await (
        await fetch(`${t.url}/api/documents`, {
          method: 'POST',
          headers: t.auth,
          body: form([{ name: 's.txt', bytes: new Uint8Array(readFileSync(join(SEEDS, '001_55a449a7ecd7ae44.txt'))) }]),
        })
      ).json();
      expect(
        (await fetch(`${t.url}/api/documents/${text.results[0].document.id}/pages/1.png`, { headers: t.auth })).status,
      ).toBe(400);
    } finally {
      await t.close();
    }
  }, 60_000);
});
