import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, WEB_ROOT } from './static.ts';

// The web app is built by vite into dist/web (not committed). `caijian serve` builds it on first run when
// the bundle is missing, so the one README command works on a fresh checkout; later runs start at once.
// `--rebuild` forces a new build after the web sources changed.

export function webBuilt(root = WEB_ROOT): boolean {
  return existsSync(join(root, 'index.html'));
}

export async function buildWeb(outDir = WEB_ROOT): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(PROJECT_ROOT, 'vite.config.ts'), root: join(PROJECT_ROOT, 'src/web'), build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
}
