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

/** Opening failed (file not writable, server unreachable, bad URL): a message for the person who ran the command. */
export class StoreOpenError extends Error {
  readonly messageZh: string;
  readonly messageEn: string;
  constructor(spec: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`Cannot open the store ${describeStore(spec)}: ${detail}`, { cause });
    this.messageZh = `无法打开数据库 ${describeStore(spec)}：${detail}`;
    this.messageEn = this.message;
  }
}

/** openStore with failures turned into StoreOpenError. */
export async function openStoreOrExplain(spec: string): Promise<Repository> {
  try {
    return await openStore(spec);
  } catch (e) {
    throw new StoreOpenError(spec, e);
  }
}

export async function openStore(
  spec: string = process.env.CAIJIAN_DB || DEFAULT_DB_PATH,
  options: { schema?: string } = {},
): Promise<Repository> {
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
