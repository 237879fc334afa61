import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/store/passwords.ts';
import type { Repository } from '../../src/store/repository.ts';
import type { User } from '../../src/store/types.ts';
import { backends, newDocument } from './backends.ts';

for (const backend of backends) {
  describe.skipIf(!backend.enabled)(`store on ${backend.name}`, () => {
    let repo: Repository;
    let cleanup: () => Promise<void>;
    let admin: User;

    beforeEach(async () => {
      ({ repo, cleanup } = await backend.open());
      admin = await repo.createUser('admin', await hashPassword('long enough'), 'admin');
    });
    afterEach(async () => cleanup());

    it('migrates once; opening again applies nothing', async () => {
      expect(await repo.migrate()).toBe(0);
    });

    it('keeps users with hashed passwords and refuses a second user of the same name', async () => {
      const u = await repo.findUserByName('admin');
      expect(u?.role).toBe('admin');
      expect(u?.passwordHash).toMatch(/^scrypt\$/);
      expect(u?.passwordHash).not.toContain('long enough');
      expect(await verifyPassword('long enough', u!.passwordHash)).toBe(true);
      expect(await verifyPassword('wrong', u!.passwordHash)).toBe(false);
      await expect(repo.createUser('admin', 'x', 'reviewer')).rejects.toThrow();
    });

    it('creates the first admin only while there are no users, even when asked twice at once', async () => {
      expect(await repo.createFirstAdmin('second', 'h')).toBeNull();
      const fresh = await backend.open();
      try {
        const results = await Promise.all([1, 2, 3, 4].map((i) => fresh.repo.createFirstAdmin(`a${i}`, 'h')));
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await fresh.repo.countUsers()).toBe(1);
      } finally {
        await fresh.cleanup();
      }
    });

    it('finds a session only until it expires or is deleted', async () => {
      await repo.createSession('live', admin.id, new Date(Date.now() + 60_000).toISOString());
      await repo.createSession('old', admin.id, new Date(Date.now() - 1000).toISOString());
      expect((await repo.sessionUser('live'))?.name).toBe('admin');
      expect(await repo.sessionUser('old')).toBeNull();
      await repo.deleteSession('live');
      expect(await repo.sessionUser('live')).toBeNull();
    });

    it('stores original bytes content-addressed: the same file twice is one document and one file', async () => {
      const bytes = new Uint8Array([0, 1, 2, 255, 0, 37, 80, 68, 70]);
      const first = await repo.saveDocument(newDocument(bytes, { uploadedBy: admin.id }));
      const again = await repo.saveDocument(newDocument(bytes, { fileName: 'renamed.txt' }));
      expect(first.duplicate).toBe(false);
      expect(again.duplicate).toBe(true);
      expect(again.document.id).toBe(first.document.id);
      expect(again.document.fileName).toBe('doc.txt');
      expect(Array.from((await repo.getFile(first.document.sha256))!)).toEqual(Array.from(bytes));
      const [files] = await repo.db.all('SELECT COUNT(*) AS n FROM files');
      expect(Number(files.n)).toBe(1);
      expect(first.document).toMatchObject({
        errors: 1,
        warnings: 1,
        infos: 1,
        size: bytes.length,
        uploadedBy: admin.id,
        auditStatus: 'done',
      });
    });

    it('rolls back a failed import completely and keeps what was stored before', async () => {
      const kept = await repo.saveDocument(newDocument('earlier document'));
      repo.afterFileWritten = () => {
        throw new Error('simulated crash after the file row');
      };
      await expect(repo.saveDocument(newDocument('doomed document'))).rejects.toThrow('simulated crash');
      repo.afterFileWritten = undefined;
      const [files] = await repo.db.all('SELECT COUNT(*) AS n FROM files');
      expect(Number(files.n)).toBe(1);
      const page = await repo.listDocuments();
      expect(page.items.map((d) => d.id)).toEqual([kept.document.id]);
      expect(await repo.listFindings(kept.document.id)).toHaveLength(3);
    });

    it('keeps review history; the latest decision is the status shown', async () => {
      const { document } = await repo.saveDocument(newDocument('reviewed document'));
      const [f] = await repo.listFindings(document.id);
      expect(f.review).toBeNull();
      await repo.setReview(f.id, 'dismissed', '尾数误差', admin);
      const reviewer = await repo.createUser('li', await hashPassword('long enough'), 'reviewer');
      await repo.setReview(f.id, 'confirmed', '确有错误', reviewer);
      const [again] = await repo.listFindings(document.id);
      expect(again.review).toMatchObject({ status: 'confirmed', reason: '确有错误', userName: 'li' });
      expect((await repo.reviewHistory(f.id)).map((r) => r.status)).toEqual(['dismissed', 'confirmed']);
      expect((await repo.getDocument(document.id))?.summary.reviewed).toBe(1);
      expect(await repo.setReview('no-such-finding', 'confirmed', '', admin)).toBeNull();
    });

    it('lists documents by entity, region, year, kind, errors and free text, with facets and series', async () => {
      await repo.saveDocument(newDocument('a'));
      await repo.saveDocument(newDocument('b', { fiscalYear: 2022, audit: { status: 'done', findings: [] } }));
      await repo.saveDocument(
        newDocument('c', { entity: '邵阳市医疗保障局', region: '邵阳市', kind: '预算', fileName: 'shaoyang.pdf' }),
      );
      expect((await repo.listDocuments()).total).toBe(3);
      expect((await repo.listDocuments({ region: '邵阳市' })).items.map((d) => d.entity)).toEqual(['邵阳市医疗保障局']);
      expect((await repo.listDocuments({ year: 2022 })).total).toBe(1);
      expect((await repo.listDocuments({ kind: '预算' })).total).toBe(1);
      expect((await repo.listDocuments({ hasErrors: true })).total).toBe(2);
      expect((await repo.listDocuments({ hasErrors: false })).total).toBe(1);
      expect((await repo.listDocuments({ q: 'SHAOYANG' })).total).toBe(1);
      expect((await repo.listDocuments({ q: '天元' })).total).toBe(2);
      expect((await repo.listDocuments({ limit: 1 })).items).toHaveLength(1);
      const facets = await repo.facets();
      expect(facets.years).toEqual([
        { value: 2022, count: 1 },
        { value: 2023, count: 2 },
      ]);
      expect(facets.regions.map((r) => r.value).sort()).toEqual(['株洲市天元区', '邵阳市'].sort());
      const series = await repo.series({ entity: '株洲市天元区医疗保障局' });
      expect(series.map((p) => p.fiscalYear)).toEqual([2022, 2023]);
      expect(series[0].figures.totalExpenditure).toBe('289.70');
    });

    it('attaches a late audit only to documents stored without one', async () => {
      const { document } = await repo.saveDocument(
        newDocument('no audit yet', { audit: { status: 'unavailable', findings: [] } }),
      );
      expect((await repo.documentsWithoutAudit()).map((d) => d.id)).toEqual([document.id]);
      const audit = newDocument('x').audit;
      expect(await repo.attachAudit(document.id, audit)).toBe(true);
      expect(await repo.attachAudit(document.id, audit)).toBe(false);
      expect((await repo.getDocument(document.id))?.summary).toMatchObject({ auditStatus: 'done', errors: 1 });
      expect(await repo.listFindings(document.id)).toHaveLength(3);
    });

    it('reprocesses a document: findings replaced, old ones kept superseded, reviews carried over', async () => {
      const { document } = await repo.saveDocument(newDocument('to be read again'));
      const before = await repo.listFindings(document.id);
      await repo.setReview(before[0].id, 'dismissed', '尾数误差', admin);
      await repo.setReview(before[1].id, 'confirmed', '确有错误', admin);
      const audit = newDocument('x').audit;
      // The rerun no longer reports finding 2 (rule b) and reports a new one.
      const findings = [audit.findings[0], audit.findings[2], { ...audit.findings[2], ruleId: 'd', message: '新问题' }];
      const { modelJson, figures, kind, fiscalYear, entity, region, pageCount, tableCount } = newDocument('x');
      const r = await repo.reprocessDocument(document.id, {
        modelJson,
        figures,
        kind,
        fiscalYear,
        entity,
        region,
        pageCount,
        tableCount: tableCount + 1,
        audit: { status: 'done', findings },
      });
      expect(r).toEqual({ carried: 1 });
      const after = await repo.listFindings(document.id);
      expect(after.map((f) => f.ruleId)).toEqual(['a', 'c', 'd']);
      expect(after[0].review).toMatchObject({
        status: 'dismissed',
        reason: '尾数误差',
        userName: 'admin',
        at: (await repo.reviewHistory(before[0].id))[0].at,
      });
      expect(after[1].review).toBeNull();
      const summary = (await repo.getDocument(document.id))!.summary;
      // The carried dismissal of the error keeps it out of the counts.
      expect(summary).toMatchObject({ errors: 0, dismissed: 1, warnings: 0, infos: 2, reviewed: 1, tableCount: 10 });
      // Nothing is deleted: the earlier findings and the review of the dropped one are still stored.
      const [all] = await repo.db.all('SELECT COUNT(*) AS n FROM findings WHERE document_id = ?', [document.id]);
      expect(Number(all.n)).toBe(6);
      expect((await repo.reviewHistory(before[1].id)).map((x) => x.reason)).toEqual(['确有错误']);
      expect(
        await repo.reprocessDocument('nope', {
          modelJson,
          figures,
          kind,
          fiscalYear,
          entity,
          region,
          pageCount,
          tableCount,
          audit,
        }),
      ).toBeNull();
    });

    it('stores concurrent imports completely and once each', async () => {
      const docs = Array.from({ length: 12 }, (_, i) => newDocument(`document ${i % 6}`));
      const results = await Promise.all(docs.map((d) => repo.saveDocument(d)));
      expect(results.filter((r) => !r.duplicate).length).toBeGreaterThanOrEqual(6);
      expect((await repo.listDocuments()).total).toBe(6);
      const [f] = await repo.db.all('SELECT COUNT(*) AS n FROM findings');
      expect(Number(f.n)).toBe(18);
    });
  });
}
