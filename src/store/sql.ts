// The thin SQL layer both backends implement. The repository (repository.ts) is written once against this
// interface, so SQLite and PostgreSQL run the same statements and the same migrations. Statements use `?`
// placeholders; the PostgreSQL backend rewrites them to $1, $2 … Only portable SQL is used (no RETURNING
// tricks, no upserts that differ between engines), and binary data is passed as Uint8Array.

export type SqlValue = string | number | bigint | null | Uint8Array;
export type SqlRow = Record<string, unknown>;

export interface SqlRunner {
  all(sql: string, params?: SqlValue[]): Promise<SqlRow[]>;
  /** Runs a statement and reports how many rows it changed. */
  run(sql: string, params?: SqlValue[]): Promise<number>;
}

export interface SqlDatabase extends SqlRunner {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * Runs `fn` in one transaction: either everything it wrote is committed or nothing is. Statements of other
   * callers never interleave with it on the same connection.
   */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Column types that differ between the engines; migrations are written with these names. */
export function typeNames(dialect: SqlDatabase['dialect']): { blob: string; bigint: string } {
  return dialect === 'sqlite' ? { blob: 'BLOB', bigint: 'INTEGER' } : { blob: 'BYTEA', bigint: 'BIGINT' };
}
