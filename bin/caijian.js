#!/bin/sh
':' /*
# Run as a program (`./bin/caijian.js`, the npm/npx link `caijian`): the shell starts the project's own Node 24 at
# once, so that no older system Node starts first only to start it (Node 20 with NODE_EXTRA_CA_CERTS set costs
# ≈ 0.08 s before it runs a line; docs/benchmarks.md). Without it (caijian installed as another project's
# dependency, no devDependencies) it is the `node` on PATH, and the JavaScript below checks the version. (biome.json
# leaves this file unformatted: a formatter would put a ';' after the string, and the shell would run '/*'.)
f=$(readlink -f "$0" 2>/dev/null) || f=$0
n="${f%/*}/../node_modules/node/bin/node"
[ -x "$n" ] || n=node
exec "$n" "$f" "$@"
*/
// Launcher for the `caijian` command. Caijian runs on Node >= 24 (TypeScript type stripping, node:sqlite,
// pdf.js 6). The project ships that runtime as the devDependency `node` (see docs/decisions/0001-runtime.md).
// The lines above are a shell script to the shell and a string and a comment to JavaScript. When this file is
// started by an older Node (`node bin/caijian.js`), it runs itself again with the project's own binary: that Node
// has started already and cannot be replaced (Node 20 has no exec), so it only waits for the child.
// This file stays plain JavaScript that Node 20 can parse, and loads nothing before that decision.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  const { spawn } = await import('node:child_process');
  const { existsSync } = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  const self = fileURLToPath(import.meta.url);
  const local = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(local)) {
    process.stderr.write(
      '财鉴需要 Node.js 24 或更高版本，请先在项目目录运行 npm install。\n' +
        'Caijian needs Node.js >= 24; run `npm install` in the project folder first.\n',
    );
    process.exit(2);
  }
  const child = spawn(local, [self, ...process.argv.slice(2)], { stdio: 'inherit' });
  // SIGTERM and SIGHUP sent to this process (kill, `timeout`, a process manager) are passed on, so the child does not
  // outlive it. Ctrl-C reaches both processes already (one process group): this one waits for the child to end rather
  // than send it a second SIGINT (serve stops gracefully on the first and dies on the second).
  for (const sig of ['SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  process.on('SIGINT', () => {});
  child.on('error', (e) => {
    process.stderr.write(`无法启动 ${local}：${e.message}\nCould not start ${local}: ${e.message}\n`);
    process.exit(2);
  });
  child.on('exit', (code, signal) => {
    // a child ended by a signal ends this process the same way, so the shell sees what happened
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 2);
  });
} else {
  // Compiled and type-stripped modules are kept on disk (Node's compile cache, in the system temporary folder, keyed
  // by content): a command then starts without stripping and compiling its few hundred modules again (`check` of one
  // seed: ≈ 2 s → 0.3–0.6 s of module loading on the loaded 2-core machine; docs/benchmarks.md). NODE_DISABLE_COMPILE_CACHE=1
  // turns it off.
  const { enableCompileCache } = await import('node:module');
  enableCompileCache?.();
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
}
