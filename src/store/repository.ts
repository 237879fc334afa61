import { randomUUID } from 'node:crypto';
import type { FindingPlace } from '../model/finding.ts';
import { findingFromJson } from '../model/finding-json.ts';
import { migrate } from './migrations.ts';
import type { SqlDatabase, SqlRow, SqlRunner, SqlValue } from './sql.ts';
import type {
  AuditActor,
  AuditFinding,
  AuditLogEntry,
  AuditLogPage,
  AuditOutcome,
  CoverageSummary,
  DocumentPage,
  DocumentQuery,
  DocumentSummary,
  Facets,
  NewDocument,
  Review,
  ReviewStatus,
  Role,
  SeriesPoint,
  StoredFinding,
  User,
  UserWithHash,
  Visibility,
} from './types.ts';

// The one repository the server talks to, written once over SqlDatabase so SQLite and PostgreSQL behave the
// same. Every write that touches more than one row runs in a transaction: an import stores file, document
// and findings together or not at all, so a crash mid-import never leaves half a document, and never
// touches what was stored before.

const now = () => new Date().toISOString();

/** A finding's current review status ('open' when nobody reviewed it). */
const STATUS_OF_X = `COALESCE((SELECT r.status FROM reviews r WHERE r.finding_id = x.id ORDER BY r.seq DESC LIMIT 1), 'open')`;
/** Current findings of one severity that no reviewer dismissed: the counts the list and the document show. */
const openCount = (severity: 'error' | 'warning' | 'info') =>
  `(SELECT COUNT(*) FROM findings x WHERE x.document_id = d.id AND x.superseded_at IS NULL AND x.severity = '${severity}' AND ${STATUS_OF_X} <> 'dismissed')`;

const SUMMARY_COLUMNS = `d.id, d.sha256, d.file_name, d.format, d.media_type, f.size, d.kind, d.fiscal_year, d.entity, d.entity_key, d.region,
  d.page_count, d.table_count, d.audit_status, d.audit_message, d.uploaded_by, d.uploaded_at, d.department,
  d.coverage_level, d.standard_tables, d.checked_tables, d.unchecked_json,
  ${openCount('error')} AS open_errors, ${openCount('warning')} AS open_warnings, ${openCount('info')} AS open_infos,
  (SELECT COUNT(*) FROM findings x WHERE x.document_id = d.id AND x.superseded_at IS NULL AND ${STATUS_OF_X} = 'dismissed') AS dismissed,
  (SELECT COUNT(*) FROM findings x WHERE x.document_id = d.id AND x.superseded_at IS NULL AND ${STATUS_OF_X} IN ('confirmed', 'dismissed')) AS reviewed`;

/** The documents a user may see, as a condition on a documents row aliased `alias`. */
function visibleWhere(v: Visibility | undefined, alias: string): { sql: string; params: SqlValue[] } | null {
  if (!v || v.all) return null;
  // A department sees what its users uploaded, and documents read as its own (entity name) that bureau staff uploaded.
  return { sql: `(${alias}.department = ? OR ${alias}.entity = ?)`, params: [v.department, v.department] };
}

/** May a user with this visibility see the document? (The same rule as visibleWhere, for one summary.) */
export function isVisible(d: Pick<DocumentSummary, 'department' | 'entity'>, v: Visibility): boolean {
  return v.all || d.department === v.department || d.entity === v.department;
}

/** What a user may see (server/auth.ts passes the signed-in user). */
export function visibilityOf(u: Pick<User, 'role' | 'department'>): Visibility {
  return u.role === 'department' ? { all: false, department: u.department ?? '' } : { all: true };
}

function coverageOf(r: SqlRow): CoverageSummary | null {
  if (r.coverage_level === null || r.coverage_level === undefined) return null;
  return {
    level: r.coverage_level as CoverageSummary['level'],
    standardTables: Number(r.standard_tables ?? 0),
    checkedStandard: Number(r.checked_tables ?? 0),
    unchecked: r.unchecked_json ? (JSON.parse(String(r.unchecked_json)) as CoverageSummary['unchecked']) : [],
  };
}

function coverageValues(c: CoverageSummary | null | undefined): SqlValue[] {
  return c ? [c.level, c.standardTables, c.checkedStandard, JSON.stringify(c.unchecked)] : [null, null, null, null];
}

const SORTS: Record<string, (dir: 'ASC' | 'DESC') => string> = {
  uploaded: (d) => `s.uploaded_at ${d}`,
  errors: (d) => `s.open_errors ${d}, s.open_warnings ${d}`,
  warnings: (d) => `s.open_warnings ${d}, s.open_errors ${d}`,
  // Worst first: not known yet, nothing checked, partly checked, fully checked.
  coverage: (d) =>
    `CASE s.coverage_level WHEN 'none' THEN 1 WHEN 'partial' THEN 2 WHEN 'full' THEN 3 ELSE 0 END ${d}, s.open_errors ${d === 'ASC' ? 'DESC' : 'ASC'}`,
  // Unnamed documents last in both engines (SQLite and PostgreSQL order NULLs differently).
  entity: (d) => `(s.entity IS NULL) ASC, s.entity ${d}, s.fiscal_year DESC`,
  year: (d) => `(s.fiscal_year IS NULL) ASC, s.fiscal_year ${d}, s.entity ASC`,
};
const DEFAULT_DIR: Record<string, 'ASC' | 'DESC'> = {
  uploaded: 'DESC',
  errors: 'DESC',
  warnings: 'DESC',
  coverage: 'ASC',
  entity: 'ASC',
  year: 'DESC',
};

function num(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

function toSummary(r: SqlRow): DocumentSummary {
  return {
    id: String(r.id),
    sha256: String(r.sha256),
    fileName: String(r.file_name),
    format: String(r.format),
    mediaType: String(r.media_type),
    size: Number(r.size),
    kind: str(r.kind),
    fiscalYear: num(r.fiscal_year),
    entity: str(r.entity),
    entityKey: str(r.entity_key),
    region: str(r.region),
    pageCount: num(r.page_count),
    tableCount: Number(r.table_count),
    auditStatus: r.audit_status as DocumentSummary['auditStatus'],
    auditMessage: str(r.audit_message),
    errors: Number(r.open_errors ?? 0),
    warnings: Number(r.open_warnings ?? 0),
    infos: Number(r.open_infos ?? 0),
    dismissed: Number(r.dismissed ?? 0),
    reviewed: Number(r.reviewed ?? 0),
    coverage: coverageOf(r),
    department: str(r.department),
    uploadedBy: str(r.uploaded_by),
    uploadedAt: String(r.uploaded_at),
  };
}

function toUser(r: SqlRow): UserWithHash {
  // A department user is stored as role 'reviewer' with a department (migration 3 explains why); read back as 'department'.
  const department = str(r.department);
  const role: Role = r.role === 'admin' ? 'admin' : department ? 'department' : 'reviewer';
  return {
    id: String(r.id),
    name: String(r.name),
    role,
    department: role === 'department' ? department : null,
    createdAt: String(r.created_at),
    passwordHash: String(r.password_hash),
  };
}

function publicUser(u: UserWithHash): User {
  return { id: u.id, name: u.name, role: u.role, department: u.department ?? null, createdAt: u.createdAt };
}

function counts(findings: AuditFinding[]) {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
  };
}

/** What makes two findings (of two runs) the same: rule, place by meaning, and the message with its numbers. */
function findingKey(f: AuditFinding): string {
  const l: Partial<FindingPlace> = f.location ?? {};
  return JSON.stringify([f.ruleId, f.messageId ?? null, l.table ?? null, l.row ?? null, l.column ?? null, f.message]);
}

async function insertFindings(tx: SqlRunner, documentId: string, findings: AuditFinding[]): Promise<string[]> {
  let seq = 0;
  const ids: string[] = [];
  for (const f of findings) {
    const id = randomUUID();
    ids.push(id);
    await tx.run(
      'INSERT INTO findings (id, document_id, seq, rule_id, severity, message, message_en, finding_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [
        id,
        documentId,
        seq++,
        String(f.ruleId),
        String(f.severity),
        String(f.message ?? ''),
        f.messageEn == null ? null : String(f.messageEn),
        JSON.stringify(f),
      ],
    );
  }
  return ids;
}

class UnknownFinding extends Error {}

/** Adds one review row for a current finding; null when there is no such finding (or it was superseded). */
async function addReview(
  tx: SqlRunner,
  findingId: string,
  status: ReviewStatus,
  reason: string,
  user: User,
): Promise<{ review: Review; documentId: string } | null> {
  const [f] = await tx.all('SELECT id, document_id FROM findings WHERE id = ? AND superseded_at IS NULL', [findingId]);
  if (!f) return null;
  const [m] = await tx.all('SELECT COALESCE(MAX(seq), 0) AS s FROM reviews WHERE finding_id = ?', [findingId]);
  const at = now();
  await tx.run('INSERT INTO reviews (id, finding_id, status, reason, user_id, at, seq) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    randomUUID(),
    findingId,
    status,
    reason,
    user.id,
    at,
    Number(m.s) + 1,
  ]);
  return { review: { status, reason, userId: user.id, userName: user.name, at }, documentId: String(f.document_id) };
}

export interface SaveResult {
  document: DocumentSummary;
  /** True when the same bytes were already stored: the existing document is returned, nothing changes. */
  duplicate: boolean;
}

/** What an upload's audit line says about the file. */
function uploadFacts(doc: NewDocument): Record<string, unknown> {
  return {
    fileName: doc.fileName,
    sha256: doc.sha256,
    size: doc.bytes.byteLength,
    format: doc.format,
    entity: doc.entity,
    fiscalYear: doc.fiscalYear,
    kind: doc.kind,
  };
}

export class Repository {
  readonly db: SqlDatabase;
  /** Test hook: called inside the import transaction after the file row is written (to simulate a crash). */
  afterFileWritten: (() => void | Promise<void>) | undefined;

  constructor(db: SqlDatabase) {
    this.db = db;
  }

  migrate(): Promise<number> {
    return migrate(this.db);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  // ---- users and sessions ------------------------------------------------------------------------------

  async countUsers(): Promise<number> {
    const [r] = await this.db.all('SELECT COUNT(*) AS n FROM users');
    return Number(r.n);
  }

  /** `department` is required for role 'department' and ignored for the others. */
  async createUser(
    name: string,
    passwordHash: string,
    role: Role,
    department: string | null = null,
    by?: AuditActor,
  ): Promise<User> {
    if (role === 'department' && !department?.trim()) throw new Error('a department user needs a department');
    const dept = role === 'department' ? department!.trim() : null;
    const user: UserWithHash = { id: randomUUID(), name, role, department: dept, passwordHash, createdAt: now() };
    await this.db.transaction(async (tx) => {
      await tx.run(
        'INSERT INTO users (id, name, password_hash, role, department, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [user.id, name, passwordHash, role === 'admin' ? 'admin' : 'reviewer', dept, user.createdAt],
      );
      if (by)
        await this.logAction(tx, {
          ...by,
          action: 'user.create',
          target: user.id,
          detail: { name, role, department: dept },
        });
    });
    return publicUser(user);
  }

  /** Creates the first admin only while there are no users at all (first-run screen); null otherwise. */
  async createFirstAdmin(name: string, passwordHash: string, address: string | null = null): Promise<User | null> {
    return this.db.transaction(async (tx) => {
      // SQLite transactions are already serialised; PostgreSQL needs the table locked so that two first-run
      // requests at once cannot both see "no users".
      if (this.db.dialect === 'postgres') await tx.run('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
      const [r] = await tx.all('SELECT COUNT(*) AS n FROM users');
      if (Number(r.n) > 0) return null;
      const user: UserWithHash = { id: randomUUID(), name, role: 'admin', passwordHash, createdAt: now() };
      await tx.run('INSERT INTO users (id, name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)', [
        user.id,
        name,
        passwordHash,
        'admin',
        user.createdAt,
      ]);
      await this.logAction(tx, {
        user: null,
        address,
        action: 'user.create',
        target: user.id,
        detail: { name, role: 'admin', firstRun: true },
      });
      return publicUser(user);
    });
  }

  async findUserByName(name: string): Promise<UserWithHash | null> {
    const [r] = await this.db.all('SELECT * FROM users WHERE name = ?', [name]);
    return r ? toUser(r) : null;
  }

  async listUsers(): Promise<User[]> {
    return (await this.db.all('SELECT * FROM users ORDER BY created_at, name')).map((r) => publicUser(toUser(r)));
  }

  async setPassword(userId: string, passwordHash: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run('UPDATE users SET password_hash = ? WHERE id = ?', [passwordHash, userId]);
      // A new password ends every existing session of that user.
      await tx.run('DELETE FROM sessions WHERE user_id = ?', [userId]);
    });
  }

  /** Starts a session; with `signIn`, the sign-in's audit line is written in the same transaction. */
  async createSession(tokenHash: string, userId: string, expiresAt: string, signIn?: AuditActor): Promise<void> {
    await this.db.transaction(async (tx) => {
      // Expired sessions are useless; clearing them at each sign-in keeps the table small without a timer.
      await tx.run('DELETE FROM sessions WHERE expires_at <= ?', [now()]);
      await tx.run('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
        tokenHash,
        userId,
        now(),
        expiresAt,
      ]);
      if (signIn) await this.logAction(tx, { ...signIn, action: 'auth.login', target: userId, detail: { expiresAt } });
    });
  }

  async sessionUser(tokenHash: string): Promise<User | null> {
    const [r] = await this.db.all(
      'SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?',
      [tokenHash, now()],
    );
    return r ? publicUser(toUser(r)) : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]);
  }

  // ---- documents ---------------------------------------------------------------------------------------

  async findBySha(sha256: string): Promise<DocumentSummary | null> {
    const [r] = await this.db.all(
      `SELECT ${SUMMARY_COLUMNS} FROM documents d JOIN files f ON f.sha256 = d.sha256 WHERE d.sha256 = ?`,
      [sha256],
    );
    return r ? toSummary(r) : null;
  }

  /**
   * Stores the original file (once per content), the model and its findings, in one transaction; with `by`, the
   * upload's audit line too (a duplicate is recorded after, as an upload that stored nothing).
   */
  async saveDocument(doc: NewDocument, by?: AuditActor): Promise<SaveResult> {
    const id = randomUUID();
    const duplicate = await this.db.transaction(async (tx) => {
      const [existing] = await tx.all('SELECT id FROM documents WHERE sha256 = ?', [doc.sha256]);
      if (existing) return true;
      await tx.run(
        'INSERT INTO files (sha256, size, content, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
        [doc.sha256, doc.bytes.byteLength, doc.bytes, now()],
      );
      await this.afterFileWritten?.();
      const c = counts(doc.audit.findings);
      // Two uploads of the same bytes at once both pass the check above; the unique sha256 decides which one
      // stores the document, and the other becomes a duplicate instead of an error.
      const inserted = await tx.run(
        `INSERT INTO documents (id, sha256, file_name, format, media_type, kind, fiscal_year, entity, region, page_count, table_count,
           model_json, figures_json, audit_status, audit_message, errors, warnings, infos, uploaded_by, uploaded_at,
           department, coverage_level, standard_tables, checked_tables, unchecked_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (sha256) DO NOTHING`,
        [
          id,
          doc.sha256,
          doc.fileName,
          doc.format,
          doc.mediaType,
          doc.kind,
          doc.fiscalYear,
          doc.entity,
          doc.region,
          doc.pageCount,
          doc.tableCount,
          doc.modelJson,
          JSON.stringify(doc.figures),
          doc.audit.status,
          doc.audit.message ?? null,
          c.errors,
          c.warnings,
          c.infos,
          doc.uploadedBy,
          now(),
          doc.department ?? null,
          ...coverageValues(doc.coverage),
        ] as SqlValue[],
      );
      if (inserted === 0) return true;
      if (doc.entityKey) await tx.run('UPDATE documents SET entity_key = ? WHERE id = ?', [doc.entityKey, id]);
      await insertFindings(tx, id, doc.audit.findings);
      if (by)
        await this.logAction(tx, {
          ...by,
          action: 'document.upload',
          target: id,
          detail: { ...uploadFacts(doc), errors: c.errors, warnings: c.warnings, duplicate: false },
        });
      return false;
    });
    const document = await this.findBySha(doc.sha256);
    if (!document) throw new Error('document vanished after commit');
    if (duplicate && by) await this.logUpload(by, doc.fileName, document);
    return { document, duplicate };
  }

  /** An upload of bytes already stored: recorded, nothing else changes. */
  async logUpload(by: AuditActor, fileName: string, existing: DocumentSummary): Promise<void> {
    await this.logAction(this.db, {
      ...by,
      action: 'document.upload',
      target: existing.id,
      detail: {
        fileName,
        sha256: existing.sha256,
        size: existing.size,
        format: existing.format,
        entity: existing.entity,
        fiscalYear: existing.fiscalYear,
        kind: existing.kind,
        duplicate: true,
      },
    });
  }

  /**
   * Stores an audit run for a document that has none yet (the audit was unavailable at import). Documents
   * with findings are never re-audited here: that would drop their reviews.
   */
  async attachAudit(documentId: string, audit: AuditOutcome): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [d] = await tx.all('SELECT audit_status FROM documents WHERE id = ?', [documentId]);
      if (!d || d.audit_status === 'done') return false;
      const c = counts(audit.findings);
      await tx.run(
        'UPDATE documents SET audit_status = ?, audit_message = ?, errors = ?, warnings = ?, infos = ? WHERE id = ?',
        [audit.status, audit.message ?? null, c.errors, c.warnings, c.infos, documentId],
      );
      await insertFindings(tx, documentId, audit.findings);
      return true;
    });
  }

  /**
   * Replaces a document's model and findings with a fresh reading and audit of its stored original. The
   * earlier findings stay in the database marked superseded; a review of an earlier finding is carried over
   * (same status, reason, reviewer and time) to the new finding that says the same thing, so re-running
   * never loses a reviewer's work. Returns how many reviews were carried over, or null for an unknown id.
   */
  async reprocessDocument(
    documentId: string,
    update: Pick<
      NewDocument,
      | 'kind'
      | 'fiscalYear'
      | 'entity'
      | 'entityKey'
      | 'region'
      | 'pageCount'
      | 'tableCount'
      | 'modelJson'
      | 'figures'
      | 'audit'
      | 'coverage'
    >,
    by?: AuditActor,
  ): Promise<{ carried: number } | null> {
    return this.db.transaction(async (tx) => {
      const [d] = await tx.all('SELECT id FROM documents WHERE id = ?', [documentId]);
      if (!d) return null;
      const at = now();
      const old = await tx.all(
        `SELECT x.finding_json, r.status, r.reason, r.user_id, r.at FROM findings x
         JOIN reviews r ON r.id = (SELECT r2.id FROM reviews r2 WHERE r2.finding_id = x.id ORDER BY r2.seq DESC LIMIT 1)
         WHERE x.document_id = ? AND x.superseded_at IS NULL`,
        [documentId],
      );
      const reviewed = new Map<string, SqlRow>();
      for (const r of old) reviewed.set(findingKey(JSON.parse(String(r.finding_json))), r);
      await tx.run('UPDATE findings SET superseded_at = ? WHERE document_id = ? AND superseded_at IS NULL', [
        at,
        documentId,
      ]);
      const c = counts(update.audit.findings);
      await tx.run(
        `UPDATE documents SET kind = ?, fiscal_year = ?, entity = ?, region = ?, page_count = ?, table_count = ?, model_json = ?,
           figures_json = ?, audit_status = ?, audit_message = ?, errors = ?, warnings = ?, infos = ?, processed_at = ?,
           coverage_level = ?, standard_tables = ?, checked_tables = ?, unchecked_json = ? WHERE id = ?`,
        [
          update.kind,
          update.fiscalYear,
          update.entity,
          update.region,
          update.pageCount,
          update.tableCount,
          update.modelJson,
          JSON.stringify(update.figures),
          update.audit.status,
          update.audit.message ?? null,
          c.errors,
          c.warnings,
          c.infos,
          at,
          ...coverageValues(update.coverage),
          documentId,
        ] as SqlValue[],
      );
      await tx.run('UPDATE documents SET entity_key = ? WHERE id = ?', [update.entityKey ?? null, documentId]);
      const ids = await insertFindings(tx, documentId, update.audit.findings);
      let carried = 0;
      for (let i = 0; i < ids.length; i++) {
        const r = reviewed.get(findingKey(update.audit.findings[i]));
        if (!r) continue;
        await tx.run(
          'INSERT INTO reviews (id, finding_id, status, reason, user_id, at, seq) VALUES (?, ?, ?, ?, ?, ?, 1)',
          [randomUUID(), ids[i], String(r.status), String(r.reason), String(r.user_id), String(r.at)],
        );
        carried++;
      }
      if (by)
        await this.logAction(tx, {
          ...by,
          action: 'document.reprocess',
          target: documentId,
          detail: { entity: update.entity, errors: c.errors, warnings: c.warnings, carriedReviews: carried },
        });
      return { carried };
    });
  }

  async documentsWithoutAudit(): Promise<{ id: string; modelJson: string }[]> {
    const rows = await this.db.all(`SELECT id, model_json FROM documents WHERE audit_status <> 'done'`);
    return rows.map((r) => ({ id: String(r.id), modelJson: String(r.model_json) }));
  }

  /** Documents stored without coverage (before it was kept, or while the audit was unavailable). */
  async documentsWithoutCoverage(): Promise<{ id: string; modelJson: string }[]> {
    const rows = await this.db.all(
      `SELECT id, model_json FROM documents WHERE coverage_level IS NULL AND audit_status = 'done'`,
    );
    return rows.map((r) => ({ id: String(r.id), modelJson: String(r.model_json) }));
  }

  async setCoverage(documentId: string, coverage: CoverageSummary): Promise<void> {
    await this.db.run(
      'UPDATE documents SET coverage_level = ?, standard_tables = ?, checked_tables = ?, unchecked_json = ? WHERE id = ?',
      [...coverageValues(coverage), documentId],
    );
  }

  /** Documents stored before the entity key existed (migration 5): their id and stored model. */
  async documentsWithoutEntityKey(): Promise<{ id: string; modelJson: string }[]> {
    const rows = await this.db.all(`SELECT id, model_json FROM documents WHERE entity_key IS NULL`);
    return rows.map((r) => ({ id: String(r.id), modelJson: String(r.model_json) }));
  }

  async setEntityKey(documentId: string, key: string): Promise<void> {
    await this.db.run('UPDATE documents SET entity_key = ? WHERE id = ?', [key, documentId]);
  }

  /** A department's documents as one history: every document with this entity key, oldest year first. */
  async documentsOfEntity(entityKey: string, visible?: Visibility): Promise<DocumentSummary[]> {
    const scope = visibleWhere(visible, 'd');
    const rows = await this.db.all(
      `SELECT ${SUMMARY_COLUMNS} FROM documents d JOIN files f ON f.sha256 = d.sha256 WHERE d.entity_key = ?${scope ? ` AND ${scope.sql}` : ''}
       ORDER BY (d.fiscal_year IS NULL) ASC, d.fiscal_year ASC, d.kind ASC, d.file_name ASC`,
      [entityKey, ...(scope?.params ?? [])],
    );
    return rows.map(toSummary);
  }

  async listDocuments(q: DocumentQuery = {}, visible?: Visibility): Promise<DocumentPage> {
    // Filters and sorting work on the computed summary (open counts after dismissals), hence the subquery.
    const where: string[] = [];
    const params: SqlValue[] = [];
    const scope = visibleWhere(visible, 's');
    if (scope) {
      where.push(scope.sql);
      params.push(...scope.params);
    }
    if (q.q) {
      where.push(
        "(LOWER(COALESCE(s.entity, '')) LIKE ? OR LOWER(s.file_name) LIKE ? OR LOWER(COALESCE(s.region, '')) LIKE ?)",
      );
      const like = `%${q.q.toLowerCase().replace(/[%_]/g, '')}%`;
      params.push(like, like, like);
    }
    if (q.entity) {
      where.push('s.entity = ?');
      params.push(q.entity);
    }
    if (q.region) {
      where.push('s.region = ?');
      params.push(q.region);
    }
    if (q.year !== undefined) {
      where.push('s.fiscal_year = ?');
      params.push(q.year);
    }
    if (q.kind) {
      where.push('s.kind = ?');
      params.push(q.kind);
    }
    if (q.hasErrors === true) where.push('s.open_errors > 0');
    if (q.hasErrors === false) where.push('s.open_errors = 0');
    if (q.coverage === 'unknown') where.push('s.coverage_level IS NULL');
    else if (q.coverage) {
      where.push('s.coverage_level = ?');
      params.push(q.coverage);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const from = `(SELECT ${SUMMARY_COLUMNS} FROM documents d JOIN files f ON f.sha256 = d.sha256) s`;
    const [c] = await this.db.all(`SELECT COUNT(*) AS n FROM ${from} ${w}`, params);
    const limit = Math.min(Math.max(q.limit ?? 50, 1), 500);
    const offset = Math.max(q.offset ?? 0, 0);
    const sort = q.sort && SORTS[q.sort] ? q.sort : 'uploaded';
    const dir = q.dir ? (q.dir === 'asc' ? 'ASC' : 'DESC') : DEFAULT_DIR[sort];
    const rows = await this.db.all(
      `SELECT s.* FROM ${from} ${w} ORDER BY ${SORTS[sort](dir)}, s.uploaded_at DESC, s.id LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return { total: Number(c.n), items: rows.map(toSummary) };
  }

  async facets(visible?: Visibility): Promise<Facets> {
    const scope = visibleWhere(visible, 'documents');
    const group = async (col: string) =>
      (
        await this.db.all(
          `SELECT ${col} AS v, COUNT(*) AS n FROM documents WHERE ${col} IS NOT NULL ${scope ? `AND ${scope.sql}` : ''} GROUP BY ${col} ORDER BY ${col}`,
          scope?.params ?? [],
        )
      ).map((r) => ({
        value: r.v,
        count: Number(r.n),
      }));
    return {
      entities: (await group('entity')) as Facets['entities'],
      regions: (await group('region')) as Facets['regions'],
      years: ((await group('fiscal_year')) as { value: unknown; count: number }[]).map((x) => ({
        value: Number(x.value),
        count: x.count,
      })),
      kinds: (await group('kind')) as Facets['kinds'],
    };
  }

  async getDocument(id: string): Promise<{ summary: DocumentSummary; modelJson: string } | null> {
    const [r] = await this.db.all(
      `SELECT ${SUMMARY_COLUMNS}, d.model_json FROM documents d JOIN files f ON f.sha256 = d.sha256 WHERE d.id = ?`,
      [id],
    );
    return r ? { summary: toSummary(r), modelJson: String(r.model_json) } : null;
  }

  async getFile(sha256: string): Promise<Uint8Array | null> {
    const [r] = await this.db.all('SELECT content FROM files WHERE sha256 = ?', [sha256]);
    return r ? (r.content as Uint8Array) : null;
  }

  async series(filter: { entity?: string; kind?: string } = {}, visible?: Visibility): Promise<SeriesPoint[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    const scope = visibleWhere(visible, 'documents');
    if (scope) {
      where.push(scope.sql);
      params.push(...scope.params);
    }
    if (filter.entity) {
      where.push('entity = ?');
      params.push(filter.entity);
    }
    if (filter.kind) {
      where.push('kind = ?');
      params.push(filter.kind);
    }
    const rows = await this.db.all(
      `SELECT id, entity, fiscal_year, kind, figures_json FROM documents ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY entity, fiscal_year, kind`,
      params,
    );
    return rows.map((r) => ({
      id: String(r.id),
      entity: str(r.entity),
      fiscalYear: num(r.fiscal_year),
      kind: str(r.kind),
      figures: JSON.parse(String(r.figures_json)),
    }));
  }

  // ---- findings and reviews ----------------------------------------------------------------------------

  async listFindings(documentId: string): Promise<StoredFinding[]> {
    const rows = await this.db.all(
      `SELECT x.*, r.status AS r_status, r.reason AS r_reason, r.user_id AS r_user, r.at AS r_at, u.name AS r_user_name
       FROM findings x
       LEFT JOIN reviews r ON r.id = (SELECT r2.id FROM reviews r2 WHERE r2.finding_id = x.id ORDER BY r2.seq DESC LIMIT 1)
       LEFT JOIN users u ON u.id = r.user_id
       WHERE x.document_id = ? AND x.superseded_at IS NULL ORDER BY x.seq`,
      [documentId],
    );
    return rows.map((r) => ({
      id: String(r.id),
      documentId: String(r.document_id),
      seq: Number(r.seq),
      ruleId: String(r.rule_id),
      severity: String(r.severity),
      message: String(r.message),
      messageEn: str(r.message_en),
      finding: findingFromJson(JSON.parse(String(r.finding_json))),
      review: r.r_status
        ? {
            status: r.r_status as ReviewStatus,
            reason: String(r.r_reason),
            userId: String(r.r_user),
            userName: String(r.r_user_name),
            at: String(r.r_at),
          }
        : null,
    }));
  }

  async findingDocument(findingId: string): Promise<string | null> {
    const [r] = await this.db.all('SELECT document_id FROM findings WHERE id = ?', [findingId]);
    return r ? String(r.document_id) : null;
  }

  /** Records a review decision (and its line in the audit log); earlier decisions stay in the history. */
  async setReview(
    findingId: string,
    status: ReviewStatus,
    reason: string,
    user: User,
    address: string | null = null,
  ): Promise<Review | null> {
    return this.db.transaction(async (tx) => {
      const review = await addReview(tx, findingId, status, reason, user);
      if (review)
        await this.logAction(tx, {
          user,
          address,
          action: 'review.set',
          target: findingId,
          detail: { status, reason, documentId: review.documentId },
        });
      return review?.review ?? null;
    });
  }

  /**
   * One decision with one reason for several findings, all or none (an unknown id refuses the whole set: the
   * reviewer's selection is never half applied). One audit line per document touched. Null when an id is unknown.
   */
  async setReviews(
    findingIds: readonly string[],
    status: ReviewStatus,
    reason: string,
    user: User,
    address: string | null = null,
  ): Promise<{ reviews: Map<string, Review>; documents: string[] } | null> {
    return this.db
      .transaction(async (tx) => {
        const reviews = new Map<string, Review>();
        const byDocument = new Map<string, string[]>();
        for (const id of new Set(findingIds)) {
          const r = await addReview(tx, id, status, reason, user);
          if (!r) throw new UnknownFinding(id);
          reviews.set(id, r.review);
          byDocument.set(r.documentId, [...(byDocument.get(r.documentId) ?? []), id]);
        }
        for (const [documentId, ids] of byDocument) {
          await this.logAction(tx, {
            user,
            address,
            action: 'review.bulk',
            target: documentId,
            detail: { status, reason, findingIds: ids },
          });
        }
        return { reviews, documents: [...byDocument.keys()] };
      })
      .catch((e) => {
        if (e instanceof UnknownFinding) return null;
        throw e;
      });
  }

  /**
   * Deletes one document: its findings, their reviews and its original file (no other document shares the bytes:
   * sha256 is unique). Nothing else is touched. The audit log keeps who deleted what, with the document's facts.
   */
  async deleteDocument(
    documentId: string,
    user: User,
    reason: string,
    address: string | null = null,
  ): Promise<DocumentSummary | null> {
    return this.db.transaction(async (tx) => {
      const [r] = await tx.all(
        `SELECT ${SUMMARY_COLUMNS} FROM documents d JOIN files f ON f.sha256 = d.sha256 WHERE d.id = ?`,
        [documentId],
      );
      if (!r) return null;
      const summary = toSummary(r);
      await tx.run('DELETE FROM reviews WHERE finding_id IN (SELECT id FROM findings WHERE document_id = ?)', [
        documentId,
      ]);
      await tx.run('DELETE FROM findings WHERE document_id = ?', [documentId]);
      await tx.run('DELETE FROM documents WHERE id = ?', [documentId]);
      await tx.run('DELETE FROM files WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM documents WHERE sha256 = ?)', [
        summary.sha256,
        summary.sha256,
      ]);
      await this.logAction(tx, {
        user,
        address,
        action: 'document.delete',
        target: documentId,
        detail: {
          reason,
          fileName: summary.fileName,
          sha256: summary.sha256,
          entity: summary.entity,
          fiscalYear: summary.fiscalYear,
          kind: summary.kind,
          errors: summary.errors,
          warnings: summary.warnings,
          dismissed: summary.dismissed,
          reviewed: summary.reviewed,
          uploadedBy: summary.uploadedBy,
          uploadedAt: summary.uploadedAt,
        },
      });
      return summary;
    });
  }

  // ---- audit log ---------------------------------------------------------------------------------------

  /**
   * Writes one audit line with the runner of the action's own transaction (so the two commit together), or with
   * the database itself for an action that stores nothing else (a failed sign-in, a refused upload).
   */
  async logAction(
    runner: SqlRunner,
    e: AuditActor & { action: string; target: string | null; detail: Record<string, unknown>; triedName?: string },
  ): Promise<void> {
    await runner.run(
      `INSERT INTO audit_log (id, at, seq, user_id, user_name, address, action, target, detail_json)
       VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_log), ?, ?, ?, ?, ?, ?)`,
      [
        randomUUID(),
        now(),
        e.user?.id ?? null,
        e.user?.name ?? e.triedName ?? null,
        e.address ?? null,
        e.action,
        e.target,
        JSON.stringify(e.detail),
      ],
    );
  }

  /** An attempt that signed nobody in: the name tried is the line's user name (it may be no account at all). */
  async logSignInFailure(
    name: string,
    address: string | null,
    reason: 'bad-credentials' | 'throttled',
    accountId: string | null,
  ): Promise<void> {
    await this.logAction(this.db, {
      user: null,
      triedName: name,
      address,
      action: 'auth.login-failed',
      target: accountId,
      detail: { reason },
    });
  }

  /** An upload refused (not a disclosure, over a limit, a hostile file stopped by a bound, the deadline or the memory cap). */
  async logRefusal(
    by: AuditActor,
    detail: {
      fileName: string;
      size: number | null;
      code: string;
      messageZh: string;
      messageEn: string;
      sha256?: string;
      detail?: string;
    },
  ): Promise<void> {
    await this.logAction(this.db, { ...by, action: 'document.refuse', target: null, detail });
  }

  /** Newest first, paged. */
  async auditLog(q: { limit?: number; offset?: number; action?: string } = {}): Promise<AuditLogEntry[]> {
    return (await this.auditLogPage(q)).entries;
  }

  async auditLogPage(q: { limit?: number; offset?: number; action?: string } = {}): Promise<AuditLogPage> {
    const limit = Math.min(Math.max(q.limit ?? 100, 1), 1000);
    const where = q.action ? 'WHERE action = ?' : '';
    const params: SqlValue[] = q.action ? [q.action] : [];
    const [n] = await this.db.all(`SELECT COUNT(*) AS n FROM audit_log ${where}`, params);
    const rows = await this.db.all(`SELECT * FROM audit_log ${where} ORDER BY seq DESC, at DESC, id LIMIT ? OFFSET ?`, [
      ...params,
      limit,
      Math.max(q.offset ?? 0, 0),
    ]);
    return {
      total: Number(n.n),
      entries: rows.map((r) => ({
        id: String(r.id),
        seq: Number(r.seq),
        at: String(r.at),
        userId: str(r.user_id),
        userName: str(r.user_name),
        address: str(r.address),
        action: String(r.action),
        target: str(r.target),
        detail: JSON.parse(String(r.detail_json)),
      })),
    };
  }

  async reviewHistory(findingId: string): Promise<Review[]> {
    const rows = await this.db.all(
      'SELECT r.*, u.name AS user_name FROM reviews r JOIN users u ON u.id = r.user_id WHERE r.finding_id = ? ORDER BY r.seq',
      [findingId],
    );
    return rows.map((r) => ({
      status: r.status as ReviewStatus,
      reason: String(r.reason),
      userId: String(r.user_id),
      userName: String(r.user_name),
      at: String(r.at),
    }));
  }
}
