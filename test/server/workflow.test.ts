import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/pipeline.ts';
import { disclosureVerdict } from '../../src/recognise/is-disclosure.ts';
import { hashPassword } from '../../src/store/passwords.ts';
import { form, SEEDS, SHARED, testServer, type TestServer } from './helpers.ts';

// The review workflow over HTTP (issue 11.4): coverage in the list, sorting, bulk decisions whose counts come back at
// once, roles (a department user sees and checks only its own documents and cannot review), deleting a document
// (admin only, logged), and uploads that are not disclosures refused with the CLI's message.

const seed = (n: string) => {
  const name = ['000_29b57f9efee068d5.txt', '001_55a449a7ecd7ae44.txt', '003_de3984f8e5b77c90.txt'].find((f) =>
    f.startsWith(n),
  )!;
  return { name, bytes: new Uint8Array(readFileSync(join(SEEDS, name))) };
};
// corpus/sources.tsv: NOT A DISCLOSURE (a notice filed under a budget name), 2 pages.
const NOTICE = join(SHARED, 'corpus/calinchow-del__renwu/040_长春/交通运输局_2026年部门预算.pdf');

describe('review workflow over HTTP', () => {
  let t: TestServer;
  const as: Record<string, Record<string, string>> = {};
  let finalId: string; // seed 000, 株洲市天元区医疗保障局 2023 决算: every standard table checked
  let budgetId: string; // seed 003, 株洲市医疗保障局 budget: its tables are listed in the contents but not found

  const call = (who: string, method: string, path: string, body?: unknown) =>
    fetch(`${t.url}${path}`, {
      method,
      headers: { ...as[who], ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const json = async (res: Response) => {
    const text = await res.text();
    expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    return JSON.parse(text);
  };
  const upload = async (who: string, files: { name: string; bytes: Uint8Array }[]) =>
    fetch(`${t.url}/api/documents`, { method: 'POST', headers: as[who], body: form(files) });

  beforeAll(async () => {
    t = await testServer();
    as.admin = t.auth;
    await t.repo.createUser('reviewer', await hashPassword('reviewer password'), 'reviewer');
    await t.repo.createUser('officer', await hashPassword('officer password'), 'department', '株洲市天元区医疗保障局');
    await t.repo.createUser('stranger', await hashPassword('stranger password'), 'department', '某市某区某局');
    for (const name of ['reviewer', 'officer', 'stranger']) {
      const r = await json(
        await fetch(`${t.url}/api/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name, password: `${name} password` }),
        }),
      );
      as[name] = { authorization: `Bearer ${r.token}` };
    }
    const { results } = await json(await upload('admin', [seed('003'), seed('000')]));
    const idOf = (n: string) => results.find((r: { fileName: string }) => r.fileName.startsWith(n)).document.id;
    [finalId, budgetId] = [idOf('000'), idOf('003')];
  }, 120_000);
  afterAll(async () => t?.close());

  it('lists coverage with each document and sorts and filters by it', async () => {
    const list = await json(await call('admin', 'GET', '/api/documents?sort=coverage'));
    expect(list.items.map((d: { id: string }) => d.id)).toEqual([budgetId, finalId]);
    const [budget, final] = list.items;
    expect(final.coverage).toMatchObject({ level: 'full', unchecked: [] });
    expect(final.coverage.checkedStandard).toBe(final.coverage.standardTables);
    // Never a clean look for the budget whose standard tables were not found: the list says which and why.
    expect(budget.coverage.level).not.toBe('full');
    expect(budget.coverage.unchecked.length).toBeGreaterThan(0);
    expect(budget.coverage.unchecked[0].reason).toMatch(/[\u4e00-\u9fff]/);
    expect(
      (await json(await call('admin', 'GET', '/api/documents?coverage=full'))).items.map((d: { id: string }) => d.id),
    ).toEqual([finalId]);
    expect((await call('admin', 'GET', '/api/documents?sort=bogus')).status).toBe(400);
  });

  it('dismisses several findings with one reason and answers the counts after it', async () => {
    const { findings, document: before } = await json(
      await call('reviewer', 'GET', `/api/documents/${finalId}/findings`),
    );
    const errors = findings
      .filter((f: { severity: string }) => f.severity === 'error')
      .map((f: { id: string }) => f.id);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    const pick = errors.slice(0, 2);
    expect((await call('reviewer', 'POST', '/api/reviews', { findingIds: pick, status: 'dismissed' })).status).toBe(
      400,
    );
    expect(
      (await call('officer', 'POST', '/api/reviews', { findingIds: pick, status: 'dismissed', reason: '自查' })).status,
    ).toBe(403);
    expect(
      (
        await call('reviewer', 'POST', '/api/reviews', {
          findingIds: [pick[0], 'nope'],
          status: 'dismissed',
          reason: 'x',
        })
      ).status,
    ).toBe(404);
    const res = await json(
      await call('reviewer', 'POST', '/api/reviews', {
        findingIds: pick,
        status: 'dismissed',
        reason: '已与单位核实，口径一致',
      }),
    );
    expect(res.documents).toHaveLength(1);
    expect(res.documents[0]).toMatchObject({ id: finalId, errors: before.errors - 2, dismissed: 2 });
    expect(res.reviews[pick[0]]).toMatchObject({
      status: 'dismissed',
      reason: '已与单位核实，口径一致',
      userName: 'reviewer',
    });
    // The list and the document say the same, and the reason is stored with each finding.
    const listed = (await json(await call('admin', 'GET', '/api/documents'))).items.find(
      (d: { id: string }) => d.id === finalId,
    );
    expect(listed.errors).toBe(before.errors - 2);
    const after = await json(await call('admin', 'GET', `/api/documents/${finalId}/findings`));
    expect(
      after.findings.filter(
        (f: { review: { reason: string } | null }) => f.review?.reason === '已与单位核实，口径一致',
      ),
    ).toHaveLength(2);
    const log = await t.repo.auditLog({ action: 'review.bulk' });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      userName: 'reviewer',
      target: finalId,
      detail: { findingIds: pick, status: 'dismissed' },
    });
    // A single decision is logged too.
    expect(
      (
        await call('reviewer', 'PUT', `/api/findings/${errors[2] ?? errors[0]}/review`, {
          status: 'confirmed',
          reason: '',
        })
      ).status,
    ).toBe(200);
    expect(await t.repo.auditLog({ action: 'review.set' })).toHaveLength(1);
  });

  it('shows a department user only its own documents and lets it check new ones, not review', async () => {
    // The bureau uploaded its final account (entity 株洲市天元区医疗保障局): the officer sees that one only.
    const mine = await json(await call('officer', 'GET', '/api/documents'));
    expect(mine.items.map((d: { id: string }) => d.id)).toEqual([finalId]);
    expect(
      (await json(await call('officer', 'GET', '/api/facets'))).entities.map((e: { value: string }) => e.value),
    ).toEqual(['株洲市天元区医疗保障局']);
    for (const path of [
      `/api/documents/${budgetId}`,
      `/api/documents/${budgetId}/findings`,
      `/api/documents/${budgetId}/check-sheet`,
      `/api/documents/${budgetId}/original`,
      `/api/check-sheets?ids=${budgetId}`,
    ]) {
      expect((await call('officer', 'GET', path)).status, path).toBe(404);
    }
    expect((await call('officer', 'GET', `/api/documents/${finalId}/findings`)).status).toBe(200);
    const { findings } = await json(await call('officer', 'GET', `/api/documents/${finalId}/findings`));
    expect(
      (
        await call('officer', 'PUT', `/api/findings/${findings[0].id}/review`, {
          status: 'dismissed',
          reason: '自己说没问题',
        })
      ).status,
    ).toBe(403);
    expect((await call('stranger', 'GET', `/api/findings/${findings[0].id}/reviews`)).status).toBe(404);
    // It checks a document of its own: stored under its department, seen by it and by the bureau, not by another department.
    const up = await json(await upload('officer', [seed('001')]));
    expect(up.results[0]).toMatchObject({ status: 'created', document: { department: '株洲市天元区医疗保障局' } });
    expect((await json(await call('officer', 'GET', '/api/documents'))).total).toBe(2);
    expect((await json(await call('stranger', 'GET', '/api/documents'))).total).toBe(0);
    expect((await json(await call('reviewer', 'GET', '/api/documents'))).total).toBe(3);
    // Uploading another department's file again does not reveal it.
    const dup = await json(await upload('stranger', [seed('003')]));
    expect(dup.results[0]).toMatchObject({ status: 'failed', error: { code: 'duplicate-elsewhere' } });
    expect(dup.results[0].document).toBeUndefined();
    // Creating department users: the department is required.
    expect(
      (await call('admin', 'POST', '/api/users', { name: 'nodept', password: 'long enough pw', role: 'department' }))
        .status,
    ).toBe(400);
    const made = await json(
      await call('admin', 'POST', '/api/users', {
        name: 'dept2',
        password: 'long enough pw',
        role: 'department',
        department: '某局',
      }),
    );
    expect(made.user).toMatchObject({ role: 'department', department: '某局' });
  });

  it('deletes a document for an admin only, logs it, and keeps everything else', async () => {
    const before = await json(await call('admin', 'GET', '/api/documents'));
    for (const who of ['reviewer', 'officer'])
      expect((await call(who, 'DELETE', `/api/documents/${budgetId}`)).status).toBe(403);
    const res = await call('admin', 'DELETE', `/api/documents/${budgetId}`, { reason: '上传错误' });
    expect(res.status).toBe(200);
    expect((await json(res)).deleted.id).toBe(budgetId);
    expect((await call('admin', 'GET', `/api/documents/${budgetId}`)).status).toBe(404);
    expect((await call('admin', 'DELETE', `/api/documents/${budgetId}`)).status).toBe(404);
    const after = await json(await call('admin', 'GET', '/api/documents'));
    expect(after.total).toBe(before.total - 1);
    // The reviewed document keeps its reviews.
    const kept = await json(await call('admin', 'GET', `/api/documents/${finalId}/findings`));
    expect(kept.findings.filter((f: { review: unknown }) => f.review).length).toBe(3);
    const [entry] = await t.repo.auditLog({ action: 'document.delete' });
    expect(entry).toMatchObject({
      userName: 'admin',
      target: budgetId,
      detail: { reason: '上传错误', fileName: '003_de3984f8e5b77c90.txt' },
    });
  });

  it.skipIf(!existsSync(NOTICE))(
    'refuses an upload that is not a disclosure with the message `check` gives',
    async () => {
      const bytes = new Uint8Array(readFileSync(NOTICE));
      const res = await upload('admin', [{ name: '交通运输局_2026年部门预算.pdf', bytes }]);
      expect(res.status).toBe(422);
      const body = await json(res);
      const cli = disclosureVerdict(await parseBytes(bytes, { fileName: '交通运输局_2026年部门预算.pdf' })).error!;
      expect(body.error).toMatchObject({
        code: 'not-a-disclosure',
        messageZh: cli.messageZh,
        messageEn: cli.messageEn,
      });
      expect((await json(await call('admin', 'GET', '/api/documents?q=交通运输局'))).total).toBe(0);
    },
    60_000,
  );
});
