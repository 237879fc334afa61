import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageProblem } from '../../src/store/io-errors.ts';
import type { Repository } from '../../src/store/repository.ts';
import type { SqlRunner } from '../../src/store/sql.ts';
import { form, SEEDS, testServer, type TestServer } from './helpers.ts';

// Disk full and other storage failures under the server (issue 13.4): named as such in Chinese and English with the
// right status (507 for a full disk, 503 for an I/O error or no permission), the action rolled back, nothing stored
// before touched, and the server still working once the storage is back. SQLite's full disk is real (the database is
// capped with PRAGMA max_page_count, SQLite answers SQLITE_FULL as on a full disk); the others are injected as the
// drivers throw them (node:sqlite errcode, PostgreSQL SQLSTATE), on the statement that would write.

const PG_URL = process.env.CAIJIAN_TEST_PG_URL;
if (!PG_URL) console.warn('[server] storage errors on PostgreSQL SKIPPED: CAIJIAN_TEST_PG_URL is not set');

const seed = (n: '000' | '001' | '002') => {
  const name = {
    '000': '000_29b57f9efee068d5.txt',
    '001': '001_55a449a7ecd7ae44.txt',
    '002': '002_7e0f8e9b3d32ee90.txt',
  }[n];
  return { name: `${n}.txt`, bytes: new Uint8Array(readFileSync(join(SEEDS, name))) };
};

/** Errors as the drivers throw them. */
const sqliteError = (errcode: number, errstr: string) =>
  Object.assign(new Error(errstr), { code: 'ERR_SQLITE_ERROR', errcode, errstr });
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'ERROR' });

/** Makes every statement matching `match` fail with `error()` (inside transactions and out); returns the undo. */
function failWrites(repo: Repository, match: RegExp, error: () => Error): () => void {
  const db = repo.db as unknown as { transaction: Repository['db']['transaction']; run: Repository['db']['run'] };
  const tx0 = db.transaction.bind(repo.db);
  const run0 = db.run.bind(repo.db);
  const wrap = (r: SqlRunner): SqlRunner => ({
    all: (sql, p) => r.all(sql, p),
    run: async (sql, p) => {
      if (match.test(sql)) throw error();
      return r.run(sql, p);
    },
  });
  db.transaction = (fn) => tx0((tx) => fn(wrap(tx)));
  db.run = async (sql, p) => {
    if (match.test(sql)) throw error();
    return run0(sql, p);
  };
  return () => {
    db.transaction = tx0;
    db.run = run0;
  };
}

function expectStorageError(
  body: { error: { code: string; messageZh: string; messageEn: string } },
  code: string,
  zh: RegExp,
) {
  expect(body.error.code).toBe(code);
  expect(body.error.messageZh).toMatch(zh);
  expect(body.error.messageZh).toMatch(/未保存/);
  expect(body.error.messageEn).toMatch(/not saved/);
  expect(JSON.stringify(body)).not.toMatch(/\\n\s+at |ERR_SQLITE|TypeError/);
}

describe('storage problems are recognised from what each layer throws', () => {
  it('fs errno, node:sqlite result codes (extended too), PostgreSQL SQLSTATE, through a cause', () => {
    expect(storageProblem(Object.assign(new Error('x'), { code: 'ENOSPC', syscall: 'write' }))).toMatchObject({
      kind: 'disk-full',
      status: 507,
      code: 'disk-full',
    });
    expect(storageProblem(Object.assign(new Error('x'), { code: 'EIO' }))).toMatchObject({
      kind: 'io-error',
      status: 503,
      code: 'storage-io',
    });
    expect(storageProblem(Object.assign(new Error('x'), { code: 'EACCES', syscall: 'open' }))).toMatchObject({
      kind: 'permission',
      status: 503,
    });
    expect(storageProblem(Object.assign(new Error('x'), { code: 'EROFS' }))).toMatchObject({
      kind: 'read-only',
      code: 'storage-permission',
    });
    expect(storageProblem(sqliteError(13, 'database or disk is full'))).toMatchObject({
      kind: 'disk-full',
      cause: 'SQLITE_FULL',
    });
    expect(storageProblem(sqliteError(778, 'disk I/O error'))).toMatchObject({
      kind: 'io-error',
      cause: 'SQLITE_IOERR',
    }); // SQLITE_IOERR_WRITE
    expect(storageProblem(sqliteError(8, 'attempt to write a readonly database'))).toMatchObject({ kind: 'read-only' });
    expect(storageProblem(pgError('53100', 'could not extend file'))).toMatchObject({ kind: 'disk-full', status: 507 });
    expect(storageProblem(pgError('58030', 'could not write'))).toMatchObject({ kind: 'io-error' });
    expect(
      storageProblem(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: 'ENOSPC' }) }))?.kind,
    ).toBe('disk-full');
    // not storage: a port already taken or not allowed, a constraint, a bug
    expect(storageProblem(Object.assign(new Error('listen EACCES'), { code: 'EACCES', syscall: 'listen' }))).toBeNull();
    expect(storageProblem(sqliteError(19, 'UNIQUE constraint failed'))).toBeNull();
    expect(storageProblem(new TypeError('Cannot read properties of undefined'))).toBeNull();
  });
});

describe('SQLite store on a full disk (SQLITE_FULL, real)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await testServer();
  }, 60_000);
  afterAll(async () => t?.close());

  it('answers 507 with zh/en, keeps what was stored, and stores again once there is room', async () => {
    const first = await (
      await fetch(`${t.url}/api/documents`, { method: 'POST', headers: t.auth, body: form([seed('000')]) })
    ).json();
    const kept = first.results[0].document;
    const findingsBefore = await t.repo.listFindings(kept.id);
    const [{ page_count: pages }] = await t.repo.db.all('PRAGMA page_count');
    await t.repo.db.all(`PRAGMA max_page_count = ${Number(pages)}`);

    const res = await fetch(`${t.url}/api/documents`, { method: 'POST', headers: t.auth, body: form([seed('001')]) });
    expect(res.status).toBe(507);
    const body = await res.json();
    expectStorageError(body, 'disk-full', /存储空间已满/);
    expect(body.results[0]).toMatchObject({ status: 'failed', error: { code: 'disk-full' } });

    // nothing of the refused upload, everything of the earlier one
    const list = await t.repo.listDocuments({});
    expect(list.items.map((d) => d.id)).toEqual([kept.id]);
    expect(await t.repo.listFindings(kept.id)).toEqual(findingsBefore);
    expect(Buffer.from((await t.repo.getFile(kept.sha256))!).equals(Buffer.from(seed('000').bytes))).toBe(true);
    expect((await t.repo.db.all('PRAGMA integrity_check'))[0]).toEqual({ integrity_check: 'ok' });
    expect((await fetch(`${t.url}/api/health`)).status).toBe(200);

    await t.repo.db.all('PRAGMA max_page_count = 1073741823');
    const again = await fetch(`${t.url}/api/documents`, { method: 'POST', headers: t.auth, body: form([seed('001')]) });
    expect(again.status).toBe(201);
    expect((await t.repo.listDocuments({})).total).toBe(2);
  }, 60_000);
});

const backends = [
  { name: 'sqlite', enabled: true, postgres: undefined },
  {
    name: 'postgres',
    enabled: !!PG_URL,
    postgres: PG_URL ? { url: PG_URL, schema: `io_${randomBytes(5).toString('hex')}` } : undefined,
  },
];

for (const backend of backends) {
  describe.skipIf(!backend.enabled)(`injected storage failures on ${backend.name}`, () => {
    let t: TestServer;
    let docId: string;
    const full = () =>
      backend.name === 'sqlite'
        ? sqliteError(13, 'database or disk is full')
        : pgError('53100', 'could not extend file "base/16384/16385": No space left on device');
    const ioError = () =>
      backend.name === 'sqlite'
        ? sqliteError(778, 'disk I/O error')
        : pgError('58030', 'could not write to file: Input/output error');
    const readOnly = () =>
      backend.name === 'sqlite'
        ? sqliteError(8, 'attempt to write a readonly database')
        : pgError('25006', 'cannot execute INSERT in a read-only transaction');

    beforeAll(async () => {
      t = await testServer({}, { postgres: backend.postgres });
      const r = await (
        await fetch(`${t.url}/api/documents`, { method: 'POST', headers: t.auth, body: form([seed('000')]) })
      ).json();
      docId = r.results[0].document.id;
    }, 60_000);
    afterAll(async () => t?.close());

    it.each([
      ['disk full', full, 507, 'disk-full', /存储空间已满/],
      ['I/O error', ioError, 503, 'storage-io', /存储读写出错/],
      ['read-only', readOnly, 503, 'storage-permission', /没有写入权限/],
    ] as const)(
      'an upload meeting %s mid-transaction: named, nothing of it stored',
      async (_what, error, status, code, zh) => {
        const undo = failWrites(t.repo, /INSERT INTO findings/, error);
        try {
          const res = await fetch(`${t.url}/api/documents`, {
            method: 'POST',
            headers: t.auth,
            body: form([seed('002')]),
          });
          expect(res.status).toBe(status);
          expectStorageError(await res.json(), code, zh);
        } finally {
          undo();
        }
        expect((await t.repo.listDocuments({})).items.map((d) => d.id)).toEqual([docId]);
      },
    );

    it('a review meeting a full disk: 507, no decision recorded, and recorded once there is room', async () => {
      const [f] = await t.repo.listFindings(docId);
      const put = () =>
        fetch(`${t.url}/api/findings/${f.id}/review`, {
          method: 'PUT',
          headers: { ...t.auth, 'content-type': 'application/json' },
          body: JSON.stringify({ status: 'confirmed', reason: '已核实' }),
        });
      const undo = failWrites(t.repo, /INSERT INTO audit_log/, full);
      try {
        const res = await put();
        expect(res.status).toBe(507);
        expectStorageError(await res.json(), 'disk-full', /存储空间已满/);
      } finally {
        undo();
      }
      expect(await t.repo.reviewHistory(f.id)).toEqual([]);
      expect((await put()).status).toBe(200);
      expect(await t.repo.reviewHistory(f.id)).toHaveLength(1);
    });
  });
}
