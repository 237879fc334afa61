import { typeNames, type SqlDatabase } from './sql.ts';

// Schema migrations, one list for both engines (engine-specific column types come from typeNames). Each
// migration runs in a transaction together with its row in schema_migrations, so a migration either
// applied completely or not at all. Never edit a released migration: append a new one.

type Migration = { version: number; name: string; statements: (t: ReturnType<typeof typeNames>) => string[] };

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'initial',
    statements: (t) => [
      `CREATE TABLE users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'reviewer')),
        created_at TEXT NOT NULL
      )`,
      `CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      )`,
      // Original files, content-addressed: the same bytes uploaded twice are stored once.
      `CREATE TABLE files (
        sha256 TEXT PRIMARY KEY,
        size ${t.bigint} NOT NULL,
        content ${t.blob} NOT NULL,
        created_at TEXT NOT NULL
      )`,
      `CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE REFERENCES files(sha256),
        file_name TEXT NOT NULL,
        format TEXT NOT NULL,
        media_type TEXT NOT NULL,
        kind TEXT,
        fiscal_year INTEGER,
        entity TEXT,
        region TEXT,
        page_count INTEGER,
        table_count INTEGER NOT NULL,
        model_json TEXT NOT NULL,
        figures_json TEXT NOT NULL,
        audit_status TEXT NOT NULL CHECK (audit_status IN ('done', 'unavailable', 'failed')),
        audit_message TEXT,
        errors INTEGER NOT NULL DEFAULT 0,
        warnings INTEGER NOT NULL DEFAULT 0,
        infos INTEGER NOT NULL DEFAULT 0,
        uploaded_by TEXT REFERENCES users(id),
        uploaded_at TEXT NOT NULL
      )`,
      `CREATE INDEX documents_entity ON documents(entity)`,
      `CREATE INDEX documents_year ON documents(fiscal_year)`,
      `CREATE TABLE findings (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        rule_id TEXT NOT NULL,
        severity TEXT NOT NULL,
        message TEXT NOT NULL,
        message_en TEXT,
        finding_json TEXT NOT NULL
      )`,
      `CREATE INDEX findings_document ON findings(document_id, seq)`,
      // Reviews are kept as history: a new decision is a new row, the latest one is the current status.
      `CREATE TABLE reviews (
        id TEXT PRIMARY KEY,
        finding_id TEXT NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'dismissed')),
        reason TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id),
        at TEXT NOT NULL,
        seq ${t.bigint} NOT NULL
      )`,
      `CREATE INDEX reviews_finding ON reviews(finding_id, seq)`,
    ],
  },
  {
    version: 2,
    name: 'reprocessing',
    // Documents can be read and audited again (improved readers or rules). Earlier findings are kept,
    // marked superseded, so their reviews stay on record.
    statements: () => [
      `ALTER TABLE findings ADD COLUMN superseded_at TEXT`,
      `ALTER TABLE documents ADD COLUMN processed_at TEXT`,
    ],
  },
  {
    version: 3,
    name: 'review-workflow',
    // Department users and the list's coverage column (issue 11). Additive only: new nullable columns.
    // users.role keeps its original CHECK (admin, reviewer): changing a CHECK in SQLite means rebuilding a table that
    // sessions, documents and reviews point at. A department user is therefore stored as role 'reviewer' with a
    // department named; the repository reads that back as role 'department' (store/repository.ts toUser), so
    // the server never sees such a user as a reviewer.
    // documents.department is the department of the user who uploaded it (null: bureau staff).
    // Coverage is computed from the model at import (audit/coverage.ts); null for documents stored before it,
    // filled in by the server at start (importer.ts coveragePending).
    statements: () => [
      `ALTER TABLE users ADD COLUMN department TEXT`,
      `ALTER TABLE documents ADD COLUMN department TEXT`,
      `ALTER TABLE documents ADD COLUMN coverage_level TEXT`,
      `ALTER TABLE documents ADD COLUMN standard_tables INTEGER`,
      `ALTER TABLE documents ADD COLUMN checked_tables INTEGER`,
      `ALTER TABLE documents ADD COLUMN unchecked_json TEXT`,
      `CREATE INDEX documents_department ON documents(department)`,
    ],
  },
  {
    version: 4,
    name: 'audit-log',
    // Who did what and when: review decisions, deletions (written in the same transaction as the action, so an
    // action is never without its record). user_name is copied: the record outlives a renamed or removed user.
    statements: () => [
      `CREATE TABLE audit_log (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        user_id TEXT,
        user_name TEXT,
        action TEXT NOT NULL,
        target TEXT,
        detail_json TEXT NOT NULL
      )`,
      `CREATE INDEX audit_log_at ON audit_log(at)`,
    ],
  },
  {
    // Version 5 (3 and 4 are the review workflow's): the entity key (src/catalog/entity.ts) a department's
    // documents share across years and printed name variants, so the workbench shows them as one history.
    // Null for documents stored before it; the server fills it in from the stored model at start.
    version: 5,
    name: 'entity-key',
    statements: () => [
      `ALTER TABLE documents ADD COLUMN entity_key TEXT`,
      `CREATE INDEX documents_entity_key ON documents(entity_key)`,
    ],
  },
  {
    // Version 6 (issue 13.4): the audit log records sign-ins, failures, uploads and refusals too, so lines written
    // within one millisecond must still list newest first: a sequence number (max + 1, written in the line's own
    // statement), and the client address. Lines written before get numbers in their time order.
    version: 6,
    name: 'audit-log-seq',
    statements: ({ bigint }) => [
      `ALTER TABLE audit_log ADD COLUMN seq ${bigint}`,
      `ALTER TABLE audit_log ADD COLUMN address TEXT`,
      `UPDATE audit_log SET seq = (SELECT COUNT(*) FROM audit_log b WHERE b.at < audit_log.at OR (b.at = audit_log.at AND b.id <= audit_log.id))`,
      `CREATE INDEX audit_log_seq ON audit_log(seq)`,
      `CREATE INDEX audit_log_action ON audit_log(action, seq)`,
    ],
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Applies the migrations not applied yet (up to `upTo`, for tests of an upgrade from an older schema). */
export async function migrate(db: SqlDatabase, upTo = LATEST_VERSION): Promise<number> {
  await db.run(
    `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  );
  const done = new Set((await db.all('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
  let applied = 0;
  for (const m of MIGRATIONS) {
    if (done.has(m.version) || m.version > upTo) continue;
    await db.transaction(async (tx) => {
      for (const s of m.statements(typeNames(db.dialect))) await tx.run(s);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
    });
    applied++;
  }
  return applied;
}
