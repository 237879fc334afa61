import pg from 'pg';
import type { SqlDatabase, SqlRow, SqlRunner, SqlValue } from './sql.ts';

// PostgreSQL through node-postgres. Chosen by a postgres:// URL (caijian serve --db postgres://…). Each
// transaction takes its own pooled connection, so concurrent imports run in parallel on the server.

// BIGINT (int8) comes back as text by default to avoid precision loss; our bigints are byte sizes and
// counts far below 2^53, so numbers are safe and match what SQLite returns.
pg.types.setTypeParser(20, (v: string) => Number(v));

function numbered(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

function normalise(rows: SqlRow[]): SqlRow[] {
  // pg returns BYTEA as Buffer; the repository expects plain Uint8Array like node:sqlite gives.
  for (const row of rows) {
    for (const k of Object.keys(row)) {
      const v = row[k];
      if (Buffer.isBuffer(v)) row[k] = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    }
  }
  return rows;
}

function params(values: SqlValue[] = []): unknown[] {
  return values.map((v) =>
    v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v,
  );
}

function runnerOf(client: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    async all(sql, values) {
      const r = await client.query(numbered(sql), params(values));
      return normalise(r.rows as SqlRow[]);
    },
    async run(sql, values) {
      const r = await client.query(numbered(sql), params(values));
      return r.rowCount ?? 0;
    },
  };
}

export interface PostgresOptions {
  /** Schema to work in (created if missing); tests use a fresh one each so runs never see each other. */
  schema?: string;
}

export class PostgresDatabase implements SqlDatabase {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly pooled: SqlRunner;
  private readonly schema: string | undefined;

  constructor(url: string, options: PostgresOptions = {}) {
    const schema = options.schema;
    if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name: ${schema}`);
    this.pool = new pg.Pool({
      connectionString: url,
      max: 8,
      connectionTimeoutMillis: 10_000,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // An idle client losing its connection must not crash the server; the next query reconnects.
    this.pool.on('error', () => undefined);
    this.pooled = runnerOf(this.pool);
    this.schema = schema;
  }

  /** Creates the working schema when one was named (before migrations run). */
  async prepare(): Promise<void> {
    if (this.schema) await this.pool.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
  }

  /** Drops the working schema: for tests cleaning up after themselves. */
  async dropSchema(): Promise<void> {
    if (this.schema) await this.pool.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
  }

  all(sql: string, values?: SqlValue[]): Promise<SqlRow[]> {
    return this.pooled.all(sql, values);
  }

  run(sql: string, values?: SqlValue[]): Promise<number> {
    return this.pooled.run(sql, values);
  }

  async transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(runnerOf(client));
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
