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
    // Version 5 (3 and 4 are the review workflow's): the entity key (src/catalog/entity.ts) a department's
    // documents share across years and printed name variants, so the workbench shows them as one history.
    // Null for documents stored before it; the server fills it in from the stored model at start.
    version: 5,
    name: 'entity-key',
    statements: () => [`ALTER TABLE documents ADD COLUMN entity_key TEXT`, `CREATE INDEX documents_entity_key ON documents(entity_key)`],
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export async function migrate(db: SqlDatabase): Promise<number> {
  await db.run(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const done = new Set((await db.all('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
  let applied = 0;
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      for (const s of m.statements(typeNames(db.dialect))) await tx.run(s);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
    });
    applied++;
  }
  return applied;
}
