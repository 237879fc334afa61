import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityIdentity } from '../../src/catalog/entity.ts';
import { hashPassword } from '../../src/store/passwords.ts';
import { newDocument } from '../store/backends.ts';
import { form, SHARED, testServer, type TestServer } from './helpers.ts';

// GET /api/documents/:id/history (issue 12): a department's documents as one history by the stored entity key, the
// spellings 江苏省委办公厅 printed in 2017, 2018 and 2019 (中国共产党江苏省委员会办公厅 / 中共… / 江苏省委办公厅), within
// what the user may see: a department user sees its own department's documents only, as everywhere else.

const keyOf = (name: string) =>
  entityIdentity({ entity: { name, names: [name] }, scope: { level: '部门', consolidation: null } })?.key ?? null;

describe('a document’s history over HTTP', () => {
  let t: TestServer;
  const as: Record<string, Record<string, string>> = {};
  const ids: Record<string, string> = {};
  const get = async (who: string, path: string) => {
    const res = await fetch(`${t.url}${path}`, { headers: as[who] });
    const text = await res.text();
    expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    return { status: res.status, body: JSON.parse(text) };
  };

  beforeAll(async () => {
    t = await testServer();
    as.admin = t.auth;
    await t.repo.createUser('office', await hashPassword('office password'), 'department', '江苏省委办公厅');
    for (const name of ['office']) {
      const r = await (
        await fetch(`${t.url}/api/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name, password: `${name} password` }),
        })
      ).json();
      as[name] = { authorization: `Bearer ${r.token}` };
    }
    const save = async (id: string, entity: string, fiscalYear: number, department: string | null = null) => {
      const saved = await t.repo.saveDocument(
        newDocument(id, {
          entity,
          entityKey: keyOf(entity),
          fiscalYear,
          kind: '预算',
          fileName: `${id}.pdf`,
          department,
        }),
      );
      ids[id] = saved.document.id;
    };
    await save('y2017', '中国共产党江苏省委员会办公厅', 2017);
    await save('y2019', '江苏省委办公厅', 2019);
    await save('y2018', '中共江苏省委办公厅', 2018, '江苏省委办公厅');
    await save('other', '江苏省人民检察院', 2018);
    await save('nameless', '统计局', 2018);
  }, 60_000);
  afterAll(async () => t?.close());

  it('lists the documents of the entity key, oldest first, whatever spelling each year prints', async () => {
    const { status, body } = await get('admin', `/api/documents/${ids.y2018}/history`);
    expect(status).toBe(200);
    expect(body.entityKey).toBe('江苏省/省委办公厅');
    expect(body.documents.map((d: { id: string; fiscalYear: number }) => [d.id, d.fiscalYear])).toEqual([
      [ids.y2017, 2017],
      [ids.y2018, 2018],
      [ids.y2019, 2019],
    ]);
  });

  it('is the document alone when its name has no place part', async () => {
    const { body } = await get('admin', `/api/documents/${ids.nameless}/history`);
    expect(body).toMatchObject({ entityKey: null, documents: [{ id: ids.nameless }] });
  });

  it('shows a department user only what it may see, and another department’s document is not found', async () => {
    // its upload (2018) and the document read as its own name (2019); the 2017 cover's long form is neither
    const { body } = await get('office', `/api/documents/${ids.y2019}/history`);
    expect(body.documents.map((d: { id: string }) => d.id)).toEqual([ids.y2018, ids.y2019]);
    const refused = await get('office', `/api/documents/${ids.other}/history`);
    expect(refused.status).toBe(404);
    expect(refused.body.error.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect((await fetch(`${t.url}/api/documents/${ids.y2018}/history`)).status).toBe(401);
  });
});

// The cross-document rules at upload (issue 12): a document is audited against the entity's stored documents of the
// year its rules compare with — 万里街道 2024 against 2023 (corpus) — within what the uploading user may see.
describe('cross-document findings at upload', () => {
  let t: TestServer;
  const CORPUS = join(SHARED, 'corpus/zxj6827111-blip__tianbaoxitong');
  const file = (n: string) => ({ name: n, bytes: new Uint8Array(readFileSync(join(CORPUS, n))) });
  const Y2023 = '1770007475548-818404804.pdf';
  const Y2024 = '1769438736627-418301796.pdf';
  let officer: Record<string, string>;
  let stored2024 = '';

  beforeAll(async () => {
    t = await testServer();
    await t.repo.createUser('other', await hashPassword('other password'), 'department', '万里街道');
    const r = await (
      await fetch(`${t.url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'other', password: 'other password' }),
      })
    ).json();
    officer = { authorization: `Bearer ${r.token}` };
  }, 60_000);
  afterAll(async () => t?.close());

  const upload = async (f: { name: string; bytes: Uint8Array }, headers: Record<string, string>) =>
    (await (await fetch(`${t.url}/api/documents`, { method: 'POST', headers, body: form([f]) })).json()).results[0];
  const crossOf = async (id: string) =>
    (await (await fetch(`${t.url}/api/documents/${id}/findings`, { headers: t.auth })).json()).findings.filter(
      (f: { finding: { counterpart?: unknown } }) => f.finding.counterpart,
    );

  it('audits the 2024 budget against the stored 2023 budget and keeps both places', async () => {
    const y2023 = await upload(file(Y2023), t.auth);
    const y2024 = await upload(file(Y2024), t.auth);
    expect(y2024.status).toBe('created');
    stored2024 = y2024.document.id;
    const cross = await crossOf(y2024.document.id);
    const byRule = (id: string) => cross.filter((f: { ruleId: string }) => f.ruleId === id);
    expect(byRule('prior-year-narrative')).toHaveLength(19);
    expect(
      byRule('prior-year-line-gone').map((f: { finding: { values: { line: string } } }) => f.finding.values.line),
    ).toEqual(['20802 民政管理事务']);
    const f = byRule('prior-year-narrative').find(
      (x: { finding: { counterpart: { place: { row: string } } } }) => x.finding.counterpart.place.row === '2013202',
    );
    expect(f.severity).toBe('info');
    expect(f.finding.location.source).toMatchObject({ kind: 'pdf', page: 6 });
    expect(f.finding.counterpart).toMatchObject({
      document: { fiscalYear: 2023, kind: '预算', sha256: y2023.document.sha256 },
      place: { source: { kind: 'pdf', page: 15 } },
    });
    // the earlier document is audited alone: its counterpart would be 2022
    expect(await crossOf(y2023.document.id)).toEqual([]);
    // read again (admin): the same cross-document findings
    expect(
      (await fetch(`${t.url}/api/documents/${y2024.document.id}/reprocess`, { method: 'POST', headers: t.auth }))
        .status,
    ).toBe(200);
    expect(await crossOf(y2024.document.id)).toHaveLength(20);
  }, 120_000);

  it('never quotes a document the uploading department user cannot see', async () => {
    // the bureau's 2024 copy goes, so that the department's upload is a new document
    const del = await fetch(`${t.url}/api/documents/${stored2024}`, {
      method: 'DELETE',
      headers: { ...t.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: '测试' }),
    });
    expect(del.status).toBe(200);
    const mine = await upload(file(Y2024), officer);
    expect(mine.status).toBe('created');
    expect(await crossOf(mine.document.id)).toEqual([]);
  }, 120_000);
});

// A folder uploaded in any order: the 2024 budget stored first gets its cross-document findings when 2023 arrives,
// and a review made on it meanwhile stays.
describe('cross-document findings when the prior year arrives later', () => {
  let t: TestServer;
  const CORPUS = join(SHARED, 'corpus/zxj6827111-blip__tianbaoxitong');
  const file = (n: string) => ({ name: n, bytes: new Uint8Array(readFileSync(join(CORPUS, n))) });
  beforeAll(async () => {
    t = await testServer();
  }, 60_000);
  afterAll(async () => t?.close());
  const upload = async (n: string) =>
    (await (await fetch(`${t.url}/api/documents`, { method: 'POST', headers: t.auth, body: form([file(n)]) })).json())
      .results[0];
  const findingsOf = async (id: string) =>
    (await (await fetch(`${t.url}/api/documents/${id}/findings`, { headers: t.auth })).json()).findings;

  it('re-audits the later document across documents and keeps its reviews', async () => {
    const y2024 = await upload('1769438736627-418301796.pdf');
    const before = await findingsOf(y2024.document.id);
    expect(before.filter((f: { finding: { counterpart?: unknown } }) => f.finding.counterpart)).toEqual([]);
    const dismissed = before.find((f: { severity: string }) => f.severity === 'error');
    const put = await fetch(`${t.url}/api/findings/${dismissed.id}/review`, {
      method: 'PUT',
      headers: { ...t.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'dismissed', reason: '已核实' }),
    });
    expect(put.status).toBe(200);
    await upload('1770007475548-818404804.pdf');
    const after = await findingsOf(y2024.document.id);
    expect(after.filter((f: { finding: { counterpart?: unknown } }) => f.finding.counterpart)).toHaveLength(20);
    expect(after.length).toBe(before.length + 20);
    const kept = after.find(
      (f: { message: string; review: { status: string } | null }) => f.message === dismissed.message,
    );
    expect(kept.review).toMatchObject({ status: 'dismissed', reason: '已核实' });
  }, 120_000);
});
