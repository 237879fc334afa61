import { chmodSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import type { SqlDatabase, SqlRow, SqlRunner, SqlValue } from './sql.ts';
import { ensureDir } from './ensure-dir.ts';

// SQLite through Node's built-in node:sqlite (no native addon to build; see docs/decisions/0010-store.md).
// The database is one file. WAL journaling keeps readers going while an import commits, and makes a commit
// durable and atomic: a process killed mid-import leaves the file as of the last commit.
//
// DatabaseSync is synchronous, but the repository's transactions are async functions (they await parsing
// results, other queries). Two HTTP requests could otherwise interleave statements on the one connection
// inside each other's BEGIN … COMMIT, so every access goes through a queue: a transaction holds it until
// it commits or rolls back, plain statements wait their turn.

export class SqliteDatabase implements SqlDatabase {
  readonly dialect = 'sqlite' as const;
  private readonly db: DatabaseSync;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(path: string) {
    const fresh = path !== ':memory:' && !existsSync(path);
    if (path !== ':memory:') ensureDir(dirname(path));
    this.db = new DatabaseSync(path);
    // The file holds password hashes and every uploaded document: readable by its owner only.
    if (fresh) chmodSync(path, 0o600);
    this.db.exec('PRAGMA journal_mode = WAL');
    this.db.exec('PRAGMA synchronous = NORMAL');
    this.db.exec('PRAGMA foreign_keys = ON');
    this.db.exec('PRAGMA busy_timeout = 5000');
  }

  private runner(): SqlRunner {
    const db = this.db;
    return {
      async all(sql: string, params: SqlValue[] = []) {
        return db.prepare(sql).all(...(params as SQLInputValue[])) as SqlRow[];
      },
      async run(sql: string, params: SqlValue[] = []) {
        return Number(db.prepare(sql).run(...(params as SQLInputValue[])).changes);
      },
    };
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    // The queue only orders work; a failure belongs to its caller, not to whoever comes next.
    this.queue = next.catch(() => undefined);
    return next;
  }

  all(sql: string, params?: SqlValue[]): Promise<SqlRow[]> {
    return this.exclusive(() => this.runner().all(sql, params));
  }

  run(sql: string, params?: SqlValue[]): Promise<number> {
    return this.exclusive(() => this.runner().run(sql, params));
  }

  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.runner());
        this.db.exec('COMMIT');
        return result;
      } catch (e) {
        // SQLite has already rolled back after some failures (SQLITE_FULL, SQLITE_IOERR): a second ROLLBACK would
        // throw "no transaction is active" and hide the error that says what happened.
        if (this.db.isTransaction) {
          try {
            this.db.exec('ROLLBACK');
          } catch {
            // the original error is the one to report
          }
        }
        throw e;
      }
    });
  }

  async close(): Promise<void> {
    await this.queue;
    this.db.close();
  }
}
