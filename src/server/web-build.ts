import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT, WEB_ROOT } from './static.ts';

// The web app is built by vite into dist/web (not committed). `caijian serve` builds it when the bundle is
// missing or was built from other sources than the checkout's (after a pull), so the one README command
// always serves the current app; `--rebuild` forces a build.

const STAMP = '.source-hash';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Hash of the web sources and the vite config: what the bundle was built from. */
export function sourceHash(): string {
  const h = createHash('sha256');
  for (const f of [...files(join(PROJECT_ROOT, 'src/web')), join(PROJECT_ROOT, 'vite.config.ts')].sort()) {
    h.update(relative(PROJECT_ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  return h.digest('hex');
}

export function webBuilt(root = WEB_ROOT): boolean {
  return existsSync(join(root, 'index.html'));
}

/** True when dist/web exists and was built from the current sources. */
export function webFresh(root = WEB_ROOT): boolean {
  if (!webBuilt(root)) return false;
  try {
    return readFileSync(join(root, STAMP), 'utf8').trim() === sourceHash();
  } catch {
    return false;
  }
}

export async function buildWeb(outDir = WEB_ROOT): Promise<void> {
  const hash = sourceHash();
  const { build } = await import('vite');
  await build({
    configFile: join(PROJECT_ROOT, 'vite.config.ts'),
    root: join(PROJECT_ROOT, 'src/web'),
    build: { outDir, emptyOutDir: true },
    logLevel: 'warn',
  });
  writeFileSync(join(outDir, STAMP), hash + '\n');
}
