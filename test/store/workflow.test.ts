import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrations.ts';
import { hashPassword } from '../../src/store/passwords.ts';
import { Repository, visibilityOf } from '../../src/store/repository.ts';
import { SqliteDatabase } from '../../src/store/sqlite.ts';
import type { CoverageSummary, User } from '../../src/store/types.ts';
import { backends, finding, newDocument } from './backends.ts';

// The review workflow in the store (issue 11.4): bulk decisions and the counts they move, sorting and filtering on
// those counts and on coverage, department users and what they see, deleting one document and nothing else, and
// the audit log that records each of these. Same cases on SQLite and PostgreSQL.

const full: CoverageSummary = { level: 'full', standardTables: 9, checkedStandard: 9, unchecked: [] };
const partial: CoverageSummary = {
  level: 'partial',
  standardTables: 9,
  checkedStandard: 7,
  unchecked: [{ title: '《部门收入总表》', reason: '文件中未找到此表' }],
};

for (const backend of backends) {
  describe.skipIf(!backend.enabled)(`review workflow on ${backend.name}`, () => {
    let repo: Repository;
    let cleanup: () => Promise<void>;
    let admin: User;

    beforeEach(async () => {
      ({ repo, cleanup } = await backend.open());
      admin = await repo.createUser('admin', await hashPassword('long enough'), 'admin');
    });
    afterEach(async () => cleanup());

    it('dismisses several findings with one reason; counts drop at once and the log records it', async () => {
      const two = [
        finding('error', 'a', 1),
        finding('error', 'a', 2),
        finding('warning', 'b', 3),
        finding('info', 'c', 4),
      ];
      const { document } = await repo.saveDocument(newDocument('bulk', { audit: { status: 'done', findings: two } }));
      const other = (await repo.saveDocument(newDocument('other'))).document;
      const fs = await repo.listFindings(document.id);
      const done = await repo.setReviews([fs[0].id, fs[2].id], 'dismissed', '口径差异，已与单位核实', admin);
      expect(done?.documents).toEqual([document.id]);
      const after = (await repo.getDocument(document.id))!.summary;
      expect(after).toMatchObject({ errors: 1, warnings: 0, infos: 1, dismissed: 2, reviewed: 2 });
      const reviews = (await repo.listFindings(document.id)).map((f) => f.review?.reason ?? null);
      expect(reviews).toEqual(['口径差异，已与单位核实', null, '口径差异，已与单位核实', null]);
      // The list sorts and filters on what is left: the other document (1 error) ties, a fully dismissed one drops out.
      await repo.setReviews([fs[1].id], 'dismissed', '误报', admin);
      const withErrors = await repo.listDocuments({ hasErrors: true });
      expect(withErrors.items.map((d) => d.id)).toEqual([other.id]);
      // Confirming is a decision too, and does not lower the counts.
      await repo.setReviews([fs[3].id], 'confirmed', '', admin);
      expect((await repo.getDocument(document.id))!.summary).toMatchObject({
        errors: 0,
        infos: 1,
        dismissed: 3,
        reviewed: 4,
      });
      const log = await repo.auditLog({ action: 'review.bulk' });
      expect(log).toHaveLength(3);
      expect(log.at(-1)).toMatchObject({
        userName: 'admin',
        target: document.id,
        detail: { status: 'dismissed', reason: '口径差异，已与单位核实', findingIds: [fs[0].id, fs[2].id] },
      });
    });

    it('applies a bulk decision to all findings or to none', async () => {
      const { document } = await repo.saveDocument(newDocument('all or none'));
      const fs = await repo.listFindings(document.id);
      expect(await repo.setReviews([fs[0].id, 'no-such-finding'], 'dismissed', '误报', admin)).toBeNull();
      expect((await repo.listFindings(document.id)).every((f) => f.review === null)).toBe(true);
      expect(await repo.auditLog()).toEqual([]);
    });

    it('sorts by errors, coverage, department and year, and filters by coverage', async () => {
      const a = (
        await repo.saveDocument(
          newDocument('a', {
            entity: '乙局',
            fiscalYear: 2024,
            coverage: full,
            audit: { status: 'done', findings: [] },
          }),
        )
      ).document;
      const b = (await repo.saveDocument(newDocument('b', { entity: '甲局', fiscalYear: 2026, coverage: partial })))
        .document;
      const c = (
        await repo.saveDocument(
          newDocument('c', {
            entity: null,
            fiscalYear: 2025,
            coverage: null,
            audit: { status: 'done', findings: [finding('error', 'a', 1), finding('error', 'a', 2)] },
          }),
        )
      ).document;
      const ids = async (sort: string, dir?: 'asc' | 'desc') =>
        (await repo.listDocuments({ sort: sort as never, dir })).items.map((d) => d.id);
      expect(await ids('errors')).toEqual([c.id, b.id, a.id]);
      expect(await ids('errors', 'asc')).toEqual([a.id, b.id, c.id]);
      // Worst first: not known yet, then partly checked, then fully checked.
      expect(await ids('coverage')).toEqual([c.id, b.id, a.id]);
      expect(await ids('year')).toEqual([b.id, c.id, a.id]);
      // Unnamed last, whatever the engine does with NULLs.
      expect((await ids('entity')).at(-1)).toBe(c.id);
      expect((await ids('entity', 'desc')).at(-1)).toBe(c.id);
      expect((await repo.listDocuments({ coverage: 'partial' })).items.map((d) => d.id)).toEqual([b.id]);
      expect((await repo.listDocuments({ coverage: 'unknown' })).items.map((d) => d.id)).toEqual([c.id]);
      expect((await repo.getDocument(b.id))!.summary.coverage).toEqual(partial);
      // Coverage filled in later (documents stored before it was kept).
      expect((await repo.documentsWithoutCoverage()).map((d) => d.id)).toEqual([c.id]);
      await repo.setCoverage(c.id, full);
      expect((await repo.getDocument(c.id))!.summary.coverage).toEqual(full);
    });

    it('keeps department users apart: each sees its own department only', async () => {
      const officer = await repo.createUser(
        'officer',
        await hashPassword('long enough'),
        'department',
        '株洲市天元区医疗保障局',
      );
      expect(officer).toMatchObject({ role: 'department', department: '株洲市天元区医疗保障局' });
      expect((await repo.findUserByName('officer'))?.role).toBe('department');
      // Stored as a reviewer with a department (the old CHECK on users.role), read back as a department user.
      const [row] = await repo.db.all('SELECT role, department FROM users WHERE name = ?', ['officer']);
      expect(row).toMatchObject({ role: 'reviewer', department: '株洲市天元区医疗保障局' });
      await expect(repo.createUser('nobody', 'h', 'department', '  ')).rejects.toThrow();
      const reviewer = await repo.createUser('reviewer', 'h', 'reviewer', '某局');
      expect(reviewer.department).toBeNull();

      const own = (
        await repo.saveDocument(
          newDocument('own upload', { entity: '未识别', department: '株洲市天元区医疗保障局', uploadedBy: officer.id }),
        )
      ).document;
      const named = (await repo.saveDocument(newDocument('bureau upload of it'))).document; // entity 株洲市天元区医疗保障局
      const foreign = (
        await repo.saveDocument(
          newDocument('another', { entity: '株洲市天元区财政局', department: '株洲市天元区财政局' }),
        )
      ).document;
      const seen = await repo.listDocuments({}, visibilityOf(officer));
      expect(seen.items.map((d) => d.id).sort()).toEqual([own.id, named.id].sort());
      expect((await repo.listDocuments({}, visibilityOf(reviewer))).total).toBe(3);
      expect((await repo.facets(visibilityOf(officer))).entities.map((e) => e.value).sort()).toEqual([
        '未识别',
        '株洲市天元区医疗保障局',
      ]);
      expect((await repo.series({}, visibilityOf(officer))).map((p) => p.id)).not.toContain(foreign.id);
    });

    it('deletes one document with its findings, reviews and file, and nothing else; the log keeps its facts', async () => {
      const gone = (await repo.saveDocument(newDocument('to delete', { uploadedBy: admin.id }))).document;
      const kept = (await repo.saveDocument(newDocument('to keep'))).document;
      const [g] = await repo.listFindings(gone.id);
      const [k] = await repo.listFindings(kept.id);
      await repo.setReview(g.id, 'dismissed', '误报', admin);
      await repo.setReview(k.id, 'confirmed', '确有错误', admin);
      const deleted = await repo.deleteDocument(gone.id, admin, '重复上传');
      expect(deleted?.fileName).toBe('doc.txt');
      expect(await repo.getDocument(gone.id)).toBeNull();
      expect(await repo.getFile(gone.sha256)).toBeNull();
      expect(await repo.findingDocument(g.id)).toBeNull();
      const [orphans] = await repo.db.all('SELECT COUNT(*) AS n FROM reviews WHERE finding_id = ?', [g.id]);
      expect(Number(orphans.n)).toBe(0);
      // The other document, its findings, its review and its file, and the users are untouched.
      expect((await repo.listFindings(kept.id)).map((f) => f.review?.reason ?? null)).toEqual(['确有错误', null, null]);
      expect(await repo.getFile(kept.sha256)).not.toBeNull();
      expect(await repo.countUsers()).toBe(1);
      const [entry] = await repo.auditLog({ action: 'document.delete' });
      expect(entry).toMatchObject({
        userName: 'admin',
        target: gone.id,
        detail: { reason: '重复上传', fileName: 'doc.txt', sha256: gone.sha256, entity: gone.entity, dismissed: 1 },
      });
      expect(await repo.deleteDocument(gone.id, admin, '')).toBeNull();
      // The same bytes can be uploaded again afterwards.
      expect((await repo.saveDocument(newDocument('to delete'))).duplicate).toBe(false);
    });
  });
}

describe('upgrading a store from before the review workflow', () => {
  it('keeps every user, document, finding and review; coverage becomes unknown until filled in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caijian-upgrade-'));
    try {
      const db = new SqliteDatabase(join(dir, 'old.sqlite'));
      await migrate(db, 2);
      const at = new Date().toISOString();
      await db.run(
        `INSERT INTO users (id, name, password_hash, role, created_at) VALUES ('u1', 'old-reviewer', 'h', 'reviewer', ?)`,
        [at],
      );
      await db.run(`INSERT INTO files (sha256, size, content, created_at) VALUES ('s1', 1, ?, ?)`, [
        new Uint8Array([1]),
        at,
      ]);
      await db.run(
        `INSERT INTO documents (id, sha256, file_name, format, media_type, table_count, model_json, figures_json, audit_status, errors, uploaded_at)
         VALUES ('d1', 's1', 'old.txt', 'text', 'text/plain', 0, '{}', '{}', 'done', 1, ?)`,
        [at],
      );
      await db.run(
        `INSERT INTO findings (id, document_id, seq, rule_id, severity, message, finding_json) VALUES ('f1', 'd1', 0, 'a', 'error', 'm', '{}')`,
      );
      await db.run(
        `INSERT INTO reviews (id, finding_id, status, reason, user_id, at, seq) VALUES ('r1', 'f1', 'confirmed', '是', 'u1', ?, 1)`,
        [at],
      );
      const repo = new Repository(db);
      expect(await repo.migrate()).toBeGreaterThanOrEqual(2);
      expect((await repo.findUserByName('old-reviewer'))?.role).toBe('reviewer');
      const d = (await repo.getDocument('d1'))!.summary;
      expect(d).toMatchObject({ errors: 1, reviewed: 1, coverage: null, department: null });
      expect((await repo.listFindings('d1'))[0].review?.reason).toBe('是');
      await repo.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
