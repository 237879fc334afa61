// The server of the memory benchmark (bench/server-memory.ts), in a process of its own so that its memory is the
// server's alone: a fresh SQLite store in a temporary folder, one admin, the default limits (two reading processes,
// recycled after 20 files, stopped after CAIJIAN_JOB_IDLE_SECONDS without one). Prints one JSON line
// { url, token, pid } when it listens; stops on SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../src/server/start.ts';
import { openStore } from '../src/store/open-store.ts';
import { hashPassword } from '../src/store/passwords.ts';

const dir = mkdtempSync(join(tmpdir(), 'caijian-bench-server-'));
const repo = await openStore(join(dir, 'bench.sqlite'));
await repo.createUser('bench', await hashPassword('bench password 1'), 'admin');
const server = await startServer({ repo });
const res = await fetch(`${server.url}/api/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ name: 'bench', password: 'bench password 1' }),
});
const { token } = (await res.json()) as { token: string };
process.stdout.write(`${JSON.stringify({ url: server.url, token, pid: process.pid })}\n`);
process.on('SIGTERM', async () => {
  await server.close();
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
