import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStoreOrExplain, StoreOpenError } from '../../src/store/open-store.ts';
import { ensureDir } from '../../src/store/ensure-dir.ts';

// The folders Caijian writes into (the store's, `check DIR --out DIR/`) are made one level at a time: Node's
// recursive mkdir never returns for a path under /proc, and `create-admin --db /proc/nope/x.sqlite` hung at 100 % CPU.

describe('ensureDir', () => {
  it('makes every missing level, and leaves an existing folder alone', () => {
    const root = mkdtempSync(join(tmpdir(), 'caijian-dir-'));
    const deep = join(root, 'a', 'b', 'c');
    ensureDir(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    ensureDir(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
  });

  it('fails at once with the reason where a level cannot be made', () => {
    const root = mkdtempSync(join(tmpdir(), 'caijian-dir-'));
    writeFileSync(join(root, 'file'), 'x');
    expect(() => ensureDir(join(root, 'file', 'sub'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    if (existsSync('/proc/self'))
      expect(() => ensureDir('/proc/caijian-nope/sub')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });

  it.skipIf(!existsSync('/proc/self'))('a store under /proc is refused with a message, not a hang', async () => {
    const started = Date.now();
    const e = await openStoreOrExplain('/proc/caijian-nope/x.sqlite').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StoreOpenError);
    expect((e as StoreOpenError).messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
