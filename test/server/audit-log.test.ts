import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/store/passwords.ts';
import type { AuditLogEntry } from '../../src/store/types.ts';
import { form, SEEDS, SHARED, testServer, type TestServer } from './helpers.ts';

// The audit log (issue 13.4) over HTTP, on SQLite and on PostgreSQL: every kind of line — sign-in, its failure
// (wrong password, unknown name, throttled once per window), first admin and user creation, upload (new and
// duplicate), refusal (not a disclosure, a file over the limit, a request over the limit, a hostile file stopped by
// a reader bound), reprocessing, review, deletion — and who may read it (admins only; 401 / 403 in zh and en).
// Each action's line is written in the action's own transaction: a log that cannot be written stops the action.

const PG_URL = process.env.CAIJIAN_TEST_PG_URL;
if (!PG_URL) console.warn('[server] audit log on PostgreSQL SKIPPED: CAIJIAN_TEST_PG_URL is not set');

const seed000 = () => ({
  name: '000.txt',
  bytes: new Uint8Array(readFileSync(join(SEEDS, '000_29b57f9efee068d5.txt'))),
});
// corpus/sources.tsv: NOT A DISCLOSURE (a notice filed under a budget name), 2 pages.
const NOTICE = join(SHARED, 'corpus/calinchow-del__renwu/040_长春/交通运输局_2026年部门预算.pdf');

const backends = [
  { name: 'sqlite', enabled: true, postgres: undefined },
  {
    name: 'postgres',
    enabled: !!PG_URL,
    postgres: PG_URL ? { url: PG_URL, schema: `log_${randomBytes(5).toString('hex')}` } : undefined,
  },
];

for (const backend of backends) {
  describe.skipIf(!backend.enabled)(`audit log on ${backend.name}`, () => {
    let t: TestServer;
    const as: Record<string, Record<string, string>> = {};
    const login = (name: string, password: string) =>
      fetch(`${t.url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, password }),
      });
    const upload = (files: { name: string; bytes: Uint8Array }[], who = 'admin') =>
      fetch(`${t.url}/api/documents`, { method: 'POST', headers: as[who], body: form(files) });
    const log = async (action?: string): Promise<AuditLogEntry[]> => t.repo.auditLog({ action, limit: 1000 });

    beforeAll(async () => {
      t = await testServer({ maxFileBytes: 4 << 20, maxFiles: 2 }, { postgres: backend.postgres });
      as.admin = t.auth;
      await t.repo.createUser('reviewer', await hashPassword('reviewer password'), 'reviewer');
      await t.repo.createUser(
        'officer',
        await hashPassword('officer password'),
        'department',
        '株洲市天元区医疗保障局',
      );
      for (const name of ['reviewer', 'officer']) {
        const r = await (await login(name, `${name} password`)).json();
        as[name] = { authorization: `Bearer ${r.token}` };
      }
    }, 60_000);
    afterAll(async () => t?.close());

    it('records each sign-in with its session, and each failure with the name tried and the address', async () => {
      const ins = await log('auth.login');
      // admin (helpers), reviewer, officer: newest first
      expect(ins.map((e) => e.userName)).toEqual(['officer', 'reviewer', 'admin']);
      for (const e of ins) {
        expect(e.address).toMatch(/127\.0\.0\.1|::1/);
        expect(e.target).toBe(e.userId);
      }
      expect((await login('reviewer', 'not the password')).status).toBe(401);
      expect((await login('nobody-here', 'whatever it is')).status).toBe(401);
      const [unknown, wrong] = await log('auth.login-failed');
      expect(wrong).toMatchObject({ userName: 'reviewer', userId: null, detail: { reason: 'bad-credentials' } });
      expect(wrong.target).toBe(ins[1].userId); // the account that was tried
      expect(unknown).toMatchObject({ userName: 'nobody-here', target: null, detail: { reason: 'bad-credentials' } });
      expect(unknown.address).toMatch(/127\.0\.0\.1|::1/);
    });

    it('records one throttled line per account and window, however many guesses are refused', async () => {
      await t.repo.createUser('victim', await hashPassword('victim password'), 'reviewer');
      const statuses = await Promise.all(
        Array.from({ length: 12 }, (_, i) => login('victim', `guess ${i}`).then((r) => r.status)),
      );
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
      const lines = (await log('auth.login-failed')).filter((e) => e.userName === 'victim');
      expect(lines.filter((e) => e.detail.reason === 'bad-credentials')).toHaveLength(
        statuses.filter((s) => s === 401).length,
      );
      expect(lines.filter((e) => e.detail.reason === 'throttled')).toHaveLength(1);
    });

    it('records uploads (new and duplicate) with the document, and every kind of refusal with its message', async () => {
      const created = await (await upload([seed000()])).json();
      expect(created.results[0].status).toBe('created');
      const id = created.results[0].document.id;
      const again = await (await upload([{ name: 'copy.txt', bytes: seed000().bytes }])).json();
      expect(again.results[0].status).toBe('duplicate');
      const [dup, first] = await log('document.upload');
      expect(first).toMatchObject({
        userName: 'admin',
        target: id,
        detail: { fileName: '000.txt', duplicate: false, sha256: created.results[0].document.sha256 },
      });
      expect(first.detail.errors).toBe(created.results[0].document.errors);
      expect(dup).toMatchObject({ target: id, detail: { fileName: 'copy.txt', duplicate: true } });

      // not a disclosure (a real notice from the corpus), a file over the 4 MB limit, a hostile file the reader bounds (one line of 1.1 M characters)
      const notice = await upload([{ name: 'notice.pdf', bytes: new Uint8Array(readFileSync(NOTICE)) }], 'officer');
      expect(notice.status).toBe(422);
      const big = await upload([{ name: 'big.txt', bytes: new Uint8Array((4 << 20) + 1).fill(0x41) }]);
      expect(big.status).toBe(413);
      const line = `${Array.from({ length: 20 }, () => '1.00').join('\t')}\n`;
      const wide = await upload([
        { name: 'wide.txt', bytes: new TextEncoder().encode(`部门收支总表\n${'一'.repeat(1_100_000)}\n${line}`) },
      ]);
      expect(wide.status).toBe(413);
      // a request refused as a whole: more files than allowed
      const many = await upload([seed000(), seed000(), seed000()]);
      expect(many.status).toBe(413);
      const refusals = await log('document.refuse');
      const byName = new Map(refusals.map((e) => [e.detail.fileName as string, e]));
      expect(byName.get('notice.pdf')).toMatchObject({ userName: 'officer', detail: { code: 'not-a-disclosure' } });
      expect(byName.get('big.txt')).toMatchObject({
        userName: 'admin',
        detail: { code: 'too-large', size: (4 << 20) + 1 },
      });
      expect(byName.get('wide.txt')?.detail.code).toBe('too-large');
      expect(String(byName.get('wide.txt')?.detail.messageEn)).toMatch(/line/i);
      expect(byName.get('')).toMatchObject({ detail: { code: 'too-many-files' } });
      for (const e of refusals) {
        expect(e.detail.messageZh).toMatch(/[\u4e00-\u9fff]/);
        expect(e.detail.messageEn).toMatch(/[a-z]{3}/i);
        expect(e.address).toMatch(/127\.0\.0\.1|::1/);
      }
      // nothing refused was stored
      expect((await t.repo.listDocuments({})).items.map((d) => d.id)).toEqual([id]);
    }, 60_000);

    it('records a request over the body limit before its body is read', async () => {
      const before = (await log('document.refuse')).length;
      const huge = new Uint8Array(5 << 20); // two of them pass the request bound of 2 × 4 MB + 1 MB
      // On a connection of its own (the server answers 413, stops reading and closes it, so it must not be a
      // keep-alive connection the next request would reuse); the client may see the close before it sent all.
      const body = new Uint8Array(
        await new Response(
          form([
            { name: 'a.txt', bytes: huge },
            { name: 'b.txt', bytes: huge },
          ]),
        ).arrayBuffer(),
      );
      const type = 'multipart/form-data; boundary=' + new TextDecoder().decode(body.subarray(2, body.indexOf(13)));
      const status = await new Promise<number | null>((ok) => {
        const req = request(
          `${t.url}/api/documents`,
          {
            method: 'POST',
            agent: false,
            headers: { ...as.admin, 'content-type': type, 'content-length': String(body.length), connection: 'close' },
          },
          (res) => {
            res.resume();
            ok(res.statusCode ?? null);
          },
        );
        req.on('error', () => ok(null));
        req.end(body);
      });
      if (status !== null) expect(status).toBe(413);
      for (let i = 0; i < 50 && (await log('document.refuse')).length === before; i++)
        await new Promise((r) => setTimeout(r, 100));
      const [latest] = await log('document.refuse');
      expect((await log('document.refuse')).length).toBe(before + 1);
      expect(latest).toMatchObject({ userName: 'admin', detail: { code: 'too-large', fileName: '' } });
      expect(latest.detail.size).toBeGreaterThan(2 * huge.length);
    });

    it('records reviews, reprocessing, user creation and deletion', async () => {
      const [doc] = (await t.repo.listDocuments({})).items;
      const [f] = await t.repo.listFindings(doc.id);
      const put = await fetch(`${t.url}/api/findings/${f.id}/review`, {
        method: 'PUT',
        headers: { ...as.reviewer, 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'confirmed', reason: '已核实' }),
      });
      expect(put.status).toBe(200);
      expect((await log('review.set'))[0]).toMatchObject({
        userName: 'reviewer',
        target: f.id,
        detail: { status: 'confirmed', reason: '已核实', documentId: doc.id },
      });
      expect(
        (await fetch(`${t.url}/api/documents/${doc.id}/reprocess`, { method: 'POST', headers: as.admin })).status,
      ).toBe(200);
      expect((await log('document.reprocess'))[0]).toMatchObject({
        userName: 'admin',
        target: doc.id,
        detail: { carriedReviews: 1 },
      });
      const made = await fetch(`${t.url}/api/users`, {
        method: 'POST',
        headers: { ...as.admin, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'newcomer', password: 'newcomer password', role: 'reviewer' }),
      });
      expect(made.status).toBe(201);
      expect((await log('user.create'))[0]).toMatchObject({
        userName: 'admin',
        detail: { name: 'newcomer', role: 'reviewer' },
      });
      const del = await fetch(`${t.url}/api/documents/${doc.id}`, {
        method: 'DELETE',
        headers: { ...as.admin, 'content-type': 'application/json' },
        body: JSON.stringify({ reason: '重复上传' }),
      });
      expect(del.status).toBe(200);
      expect((await log('document.delete'))[0]).toMatchObject({
        userName: 'admin',
        target: doc.id,
        detail: { reason: '重复上传', fileName: '000.txt' },
      });
    }, 60_000);

    it('is shown to admins only, newest first and paged; others get 401 / 403 in Chinese and English', async () => {
      const anon = await fetch(`${t.url}/api/audit-log`);
      expect(anon.status).toBe(401);
      for (const who of ['reviewer', 'officer']) {
        const res = await fetch(`${t.url}/api/audit-log`, { headers: as[who] });
        expect(res.status, who).toBe(403);
        const e = (await res.json()).error;
        expect(e.code).toBe('forbidden');
        expect(e.messageZh).toMatch(/管理员/);
        expect(e.messageEn).toMatch(/administrators/i);
      }
      const all = await (await fetch(`${t.url}/api/audit-log?limit=500`, { headers: as.admin })).json();
      expect(all.total).toBe(all.entries.length);
      const seqs = all.entries.map((e: AuditLogEntry) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
      expect(new Set(all.entries.map((e: AuditLogEntry) => e.action))).toEqual(
        new Set([
          'auth.login',
          'auth.login-failed',
          'user.create',
          'document.upload',
          'document.refuse',
          'document.reprocess',
          'document.delete',
          'review.set',
        ]),
      );
      const page2 = await (await fetch(`${t.url}/api/audit-log?limit=3&offset=3`, { headers: as.admin })).json();
      expect(page2).toMatchObject({ total: all.total, limit: 3, offset: 3 });
      expect(page2.entries.map((e: AuditLogEntry) => e.id)).toEqual(
        all.entries.slice(3, 6).map((e: AuditLogEntry) => e.id),
      );
      const logins = await (await fetch(`${t.url}/api/audit-log?action=auth.login`, { headers: as.admin })).json();
      expect(logins.entries.every((e: AuditLogEntry) => e.action === 'auth.login')).toBe(true);
      const bad = await fetch(`${t.url}/api/audit-log?action=drop-table`, { headers: as.admin });
      expect(bad.status).toBe(400);
      expect((await fetch(`${t.url}/api/audit-log?limit=100000`, { headers: as.admin })).status).toBe(400);
    });

    it('an action whose log line cannot be written does not happen (one transaction)', async () => {
      // Make every insert into the log fail, as a broken or full log table would.
      if (backend.name === 'sqlite') {
        await t.repo.db.run(
          `CREATE TRIGGER refuse_log BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log refused'); END`,
        );
      } else {
        await t.repo.db.run(
          `CREATE FUNCTION refuse_log() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit log refused'; END $$ LANGUAGE plpgsql`,
        );
        await t.repo.db.run(
          `CREATE TRIGGER refuse_log BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_log()`,
        );
      }
      try {
        const sessions = async () => Number((await t.repo.db.all('SELECT COUNT(*) AS n FROM sessions'))[0].n);
        const before = await sessions();
        const signIn = await login('reviewer', 'reviewer password');
        expect(signIn.status).toBe(500);
        expect(await sessions()).toBe(before);
        const up = await upload([
          { name: '001.txt', bytes: new Uint8Array(readFileSync(join(SEEDS, '001_55a449a7ecd7ae44.txt'))) },
        ]);
        expect(up.status).toBeGreaterThanOrEqual(500);
        expect((await t.repo.listDocuments({})).total).toBe(0);
        const body = await up.text();
        expect(body).not.toMatch(/\n\s+at /);
      } finally {
        await t.repo.db.run('DROP TRIGGER refuse_log' + (backend.name === 'postgres' ? ' ON audit_log' : ''));
      }
    }, 60_000);
  });
}
