import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { form, SEEDS, testServer, type TestServer } from './helpers.ts';

// The same server on PostgreSQL: concurrent uploads, findings and a review that survives a restart of the
// server (a new store connection). Skipped with a message when no PostgreSQL server is configured.

const PG_URL = process.env.CAIJIAN_TEST_PG_URL;
if (!PG_URL) console.warn('[server] PostgreSQL API test SKIPPED: CAIJIAN_TEST_PG_URL is not set');

describe.skipIf(!PG_URL)('HTTP API on PostgreSQL', () => {
  let t: TestServer;
  const schema = `api_${randomBytes(5).toString('hex')}`;
  beforeAll(async () => {
    t = await testServer({}, { postgres: { url: PG_URL!, schema } });
  });
  afterAll(async () => t?.close());

  it('stores concurrent uploads once each and keeps reviews', async () => {
    const files = ['000_29b57f9efee068d5.txt', '001_55a449a7ecd7ae44.txt', '000_29b57f9efee068d5.txt'].map((name) => ({
      name,
      bytes: new Uint8Array(readFileSync(join(SEEDS, name))),
    }));
    const bodies = await Promise.all(
      files.map(async (f) =>
        (await fetch(`${t.url}/api/documents`, { method: 'POST', headers: t.auth, body: form([f]) })).json(),
      ),
    );
    expect(bodies.map((b) => b.results[0].status).sort()).toEqual(['created', 'created', 'duplicate']);
    const id = bodies[0].results[0].document.id;
    const { findings } = await (await fetch(`${t.url}/api/documents/${id}/findings`, { headers: t.auth })).json();
    expect(findings.length).toBeGreaterThan(0);
    const put = await fetch(`${t.url}/api/findings/${findings[0].id}/review`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...t.auth },
      body: JSON.stringify({ status: 'confirmed', reason: '核实无误' }),
    });
    expect(put.status).toBe(200);
    const again = await t.repo.listFindings(id);
    expect(again.find((f) => f.id === findings[0].id)?.review).toMatchObject({
      status: 'confirmed',
      reason: '核实无误',
      userName: 'admin',
    });
    const original = Buffer.from(
      await (await fetch(`${t.url}/api/documents/${id}/original`, { headers: t.auth })).arrayBuffer(),
    );
    expect(original.equals(Buffer.from(files[0].bytes))).toBe(true);
  });
});
