import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedPath } from '../helpers/seeds.ts';

// bin/caijian.js, the `caijian` program (issue 13.5 start-up; docs/decisions/0001-runtime.md): run as a program it is a
// shell script that starts the project's Node 24 directly, whatever `node` is first on PATH; started by an older
// Node (`node bin/caijian.js`) it runs itself again with the project's Node and passes on what ends it.

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'caijian.js');
const dir = mkdtempSync(join(tmpdir(), 'caijian-launcher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A folder with a `node` that only says it was started (exit 7), first on PATH. */
function fakeNodePath(): string {
  const fake = join(dir, 'fake-bin');
  mkdirSync(fake, { recursive: true });
  writeFileSync(join(fake, 'node'), '#!/bin/sh\necho "fake node: $*"\nexit 7\n');
  chmodSync(join(fake, 'node'), 0o755);
  return [fake, process.env.PATH].join(delimiter);
}

/** The system's own Node when it is older than 24 (the re-exec case), else null. */
function olderNode(): string | null {
  for (const p of ['/usr/bin/node', '/usr/local/bin/node']) {
    try {
      const v = execFileSync(p, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
      if (Number(v.split('.')[0]) < 24) return p;
    } catch {}
  }
  return null;
}

const seed = seedPath('000');
const reference = spawnSync(process.execPath, [BIN, 'check', seed], { encoding: 'utf8' });

describe('bin/caijian.js', () => {
  it('run as a program, starts the project Node itself, not the node on PATH', () => {
    const r = spawnSync(BIN, ['check', seed], { encoding: 'utf8', env: { ...process.env, PATH: fakeNodePath() } });
    expect(r.stdout).not.toContain('fake node');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(reference.stdout);
  });

  it('run through a link (as npm links it), finds the project beside the real file', () => {
    const link = join(dir, 'caijian');
    spawnSync('ln', ['-sf', BIN, link]);
    const r = spawnSync(link, ['check', seed], { encoding: 'utf8', env: { ...process.env, PATH: fakeNodePath() } });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(reference.stdout);
  });

  it('without the project Node beside it, hands over to the node on PATH', () => {
    const lone = join(dir, 'lone', 'bin');
    mkdirSync(lone, { recursive: true });
    copyFileSync(BIN, join(lone, 'caijian.js'));
    chmodSync(join(lone, 'caijian.js'), 0o755);
    const r = spawnSync(join(lone, 'caijian.js'), ['check', 'x.pdf'], {
      encoding: 'utf8',
      env: { ...process.env, PATH: fakeNodePath() },
    });
    expect(r.status).toBe(7);
    expect(r.stdout).toBe(`fake node: ${join(lone, 'caijian.js')} check x.pdf\n`);
  });

  const old = olderNode();
  it.skipIf(!old)(`started by an older Node (${old ?? 'none here'}), runs the command on the project Node`, () => {
    const r = spawnSync(old!, [BIN, 'check', seed], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(reference.stdout);
  });

  it.skipIf(!old)('started by an older Node, passes SIGTERM on: the command stops with it', async () => {
    const db = join(dir, 'store.sqlite');
    const parent = spawn(old!, [BIN, 'serve', '--port', '0', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    parent.stderr.on('data', (b) => (out += b));
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => {
        parent.kill('SIGTERM');
        reject(new Error(`serve did not start: ${out}`));
      }, 30_000);
      parent.stderr.on('data', () => {
        if (out.includes('Ctrl+C')) {
          clearTimeout(t);
          resolve();
        }
      });
    });
    const children = () =>
      spawnSync('pgrep', ['-P', String(parent.pid)], { encoding: 'utf8' })
        .stdout.split('\n')
        .filter(Boolean);
    const [child] = children();
    expect(child).toBeTruthy();
    const exited = new Promise<number | null>((resolve) => parent.on('exit', (code) => resolve(code)));
    parent.kill('SIGTERM');
    expect(await exited).toBe(0); // serve stops gracefully on SIGTERM and exits 0; the launcher exits with it
    expect(spawnSync('kill', ['-0', child]).status).not.toBe(0); // the Node 24 child is gone
  });
});
