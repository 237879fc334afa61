import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as opened from '../../src/read/pdf/open-document.ts';
import { defaultLimits } from '../../src/server/limits.ts';
import { ParsePool } from '../../src/server/read-pool.ts';
import { parseAndAudit } from '../../src/server/read-upload.ts';
import { form, SEEDS, testServer } from './helpers.ts';

// The server's time limit for one file (UploadLimits.parseSeconds, CAIJIAN_PARSE_SECONDS) is the reader's too: the
// job carries the limits to the reading process, whose structure check and read give the PDF reader that many seconds
// (not the reader's own default of 120), and the job pool's deadline is the same. Without it a longer server limit
// would still end every large PDF at 120 s, and a shorter one would leave the reader running until the pool kills it.

// openDocument as it is, watched: every PDF opening says the deadline and the seconds it was given.
vi.mock('../../src/read/pdf/open-document.ts', async (original) => {
  const real = await original<typeof import('../../src/read/pdf/open-document.ts')>();
  return { ...real, openDocument: vi.fn(real.openDocument) };
});

const PDF = readFileSync(join(import.meta.dirname, '../fixtures/pdf/xian-procurement-code-groups-2026.p38.pdf'));

describe('parseSeconds reaches the reader', () => {
  it('every PDF opening of an upload (the structure check and the read) gets the server’s seconds', async () => {
    const openDocument = vi.mocked(opened.openDocument);
    openDocument.mockClear();
    const limits = { ...defaultLimits(), parseSeconds: 37 };
    const before = Date.now();
    await parseAndAudit({ bytes: new Uint8Array(PDF), fileName: 'a.pdf', limits });
    const after = Date.now();
    expect(openDocument.mock.calls.length).toBeGreaterThanOrEqual(2);
    for (const [, deadline, seconds] of openDocument.mock.calls) {
      expect(seconds).toBe(37);
      expect(deadline).toBeGreaterThanOrEqual(before + 37_000);
      expect(deadline).toBeLessThanOrEqual(after + 37_000);
    }
  }, 60_000);

  it('a limit the reader cannot meet ends in the reader’s own timeout, naming the server’s seconds', async () => {
    const limits = { ...defaultLimits(), parseSeconds: 0.001 };
    const reply = await parseAndAudit({ bytes: new Uint8Array(PDF), fileName: 'a.pdf', limits });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.messageZh).toContain('读取 PDF 超时（超过 0.001 秒）');
    expect(reply.messageEn).toContain('longer than 0.001 s');
  }, 60_000);

  it('the server hands its parseSeconds to the reading process and to the pool’s deadline', async () => {
    const parse = vi.spyOn(ParsePool.prototype, 'parse');
    const t = await testServer({ parseSeconds: 43 });
    try {
      const seed = readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith('000'))!));
      const res = await fetch(`${t.url}/api/documents`, {
        method: 'POST',
        headers: t.auth,
        body: form([{ name: 'seed.txt', bytes: new Uint8Array(seed) }]),
      });
      expect(res.status).toBeLessThan(300);
      expect(parse).toHaveBeenCalledTimes(1);
      const [job, seconds] = parse.mock.calls[0];
      expect(job.limits.parseSeconds).toBe(43); // what parseAndAudit gives the reader (above)
      expect(seconds).toBe(43); // the job pool's deadline for this file
    } finally {
      parse.mockRestore();
      await t.close();
    }
  }, 60_000);
});
