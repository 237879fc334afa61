import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UploadLimits } from '../../src/server/limits.ts';
import { startServer, type RunningServer } from '../../src/server/start.ts';
import { openStore } from '../../src/store/open-store.ts';
import { hashPassword } from '../../src/store/passwords.ts';
import type { PostgresDatabase } from '../../src/store/postgres.ts';
import type { Repository } from '../../src/store/repository.ts';

// A real server on a random port over a fresh SQLite file, with one admin signed in (token in `auth`).

// ../shared sits beside the project checkout (docs: ../shared/seeds), wherever that checkout is.
export const SHARED = join(import.meta.dirname, '../../../shared');
export const SEEDS = join(SHARED, 'seeds');

export interface TestServer {
  url: string;
  repo: Repository;
  server: RunningServer;
  auth: Record<string, string>;
  dir: string;
  close(): Promise<void>;
}

export async function testServer(
  limits: Partial<UploadLimits> = {},
  options: { webRoot?: string; postgres?: { url: string; schema: string } } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'caijian-server-'));
  const repo = options.postgres
    ? await openStore(options.postgres.url, { schema: options.postgres.schema })
    : await openStore(join(dir, 'test.sqlite'));
  await repo.createUser('admin', await hashPassword('correct horse battery'), 'admin');
  const server = await startServer({ repo, limits: { concurrency: 2, ...limits }, webRoot: options.webRoot });
  const res = await fetch(`${server.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'admin', password: 'correct horse battery' }),
  });
  const { token } = (await res.json()) as { token: string };
  return {
    url: server.url,
    repo,
    server,
    dir,
    auth: { authorization: `Bearer ${token}` },
    async close() {
      await server.close();
      if (options.postgres) await (repo.db as PostgresDatabase).dropSchema();
      await repo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function form(files: { name: string; bytes: Uint8Array | string }[]): FormData {
  const fd = new FormData();
  for (const f of files)
    fd.append('files', new Blob([typeof f.bytes === 'string' ? f.bytes : new Uint8Array(f.bytes)]), f.name);
  return fd;
}
