import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';

// A process killed mid-import (SIGKILL: no cleanup code runs) must leave the SQLite file as of the last
// commit: the earlier document intact, nothing of the interrupted one.

const dir = mkdtempSync(join(tmpdir(), 'caijian-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('keeps everything committed before a process is killed mid-import', async () => {
  const db = join(dir, 'crash.sqlite');
  const child = spawnSync(process.execPath, [join(import.meta.dirname, 'fixtures/crash-import.ts'), db], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(child.stdout).toContain('first stored');
  expect(child.signal).toBe('SIGKILL');

  const repo = await openStore(db);
  try {
    const [check] = await repo.db.all('PRAGMA integrity_check');
    expect(Object.values(check)[0]).toBe('ok');
    const page = await repo.listDocuments();
    expect(page.total).toBe(1);
    expect(await repo.listFindings(page.items[0].id)).toHaveLength(3);
    const [files] = await repo.db.all('SELECT COUNT(*) AS n FROM files');
    expect(Number(files.n)).toBe(1);
  } finally {
    await repo.close();
  }
});
