#!/usr/bin/env node
// Launcher for the `caijian` command. Caijian runs on Node >= 24 (TypeScript type stripping, node:sqlite,
// pdf.js 6). The project ships that runtime as the devDependency `node` (see docs/decisions/0001-runtime.md);
// when this file is started by an older system Node, it re-executes itself with the project's own binary.
// This file stays plain JavaScript that Node 20 can parse.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  const local = join(here, '..', 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(local)) {
    process.stderr.write(
      '财鉴需要 Node.js 24 或更高版本，请先在项目目录运行 npm install。\n' +
        'Caijian needs Node.js >= 24; run `npm install` in the project folder first.\n',
    );
    process.exit(2);
  }
  const r = spawnSync(local, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 2);
}
// Compiled and type-stripped modules are kept on disk (Node's compile cache, in the system temporary folder, keyed
// by content): a command then starts without stripping and compiling its few hundred modules again (`check` of one
// seed: ≈ 2 s → 0.3–0.6 s of module loading on the loaded 2-core machine; docs/benchmarks.md). NODE_DISABLE_COMPILE_CACHE=1
// turns it off.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
