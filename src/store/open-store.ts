import { resolve } from 'node:path';
import { PostgresDatabase } from './postgres.ts';
import { Repository } from './repository.ts';
import { SqliteDatabase } from './sqlite.ts';

// Opens the store named on the command line or in CAIJIAN_DB: a postgres:// URL selects PostgreSQL, anything
// else is the path of an SQLite file (the default needs no server at all). Migrations run on open.

export const DEFAULT_DB_PATH = '.caijian/caijian.sqlite';

export function isPostgresUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

export async function openStore(spec: string = process.env.CAIJIAN_DB || DEFAULT_DB_PATH, options: { schema?: string } = {}): Promise<Repository> {
  if (isPostgresUrl(spec)) {
    const db = new PostgresDatabase(spec, options);
    await db.prepare();
    const repo = new Repository(db);
    await repo.migrate();
    return repo;
  }
  const repo = new Repository(new SqliteDatabase(spec === ':memory:' ? spec : resolve(spec)));
  await repo.migrate();
  return repo;
}

/** Where a store lives, for messages: the file path, or the server without its password. */
export function describeStore(spec: string): string {
  if (!isPostgresUrl(spec)) return spec === ':memory:' ? spec : resolve(spec);
  try {
    const u = new URL(spec);
    u.password = u.password ? '***' : '';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
