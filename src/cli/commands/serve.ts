import { parseCommandArgs, UsageError, type Command } from '../command.ts';
import { tr } from '../lang.ts';
import { describeStore } from '../../store/open-store.ts';
import { openCommandStore } from '../store.ts';

// `caijian serve [--port 8080] [--host 127.0.0.1] [--db FILE|postgres://…] [--rebuild]`
// Starts the web workbench and the HTTP API on the embedded SQLite store (default .caijian/caijian.sqlite)
// or on PostgreSQL. Builds the web app on first run.

const serve: Command = async (argv) => {
  const { values } = parseCommandArgs(
    argv,
    {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      db: { type: 'string' },
      rebuild: { type: 'boolean' },
    },
    false,
  );
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError('--port 应为 0–65535 的整数', '--port must be an integer 0–65535');
  const { repo, spec } = await openCommandStore(values.db);
  const host = values.host ?? '127.0.0.1';
  const users = await repo.countUsers();
  // The first-run screen creates an admin for whoever reaches it first: only offer it on this machine.
  if (users === 0 && !['127.0.0.1', 'localhost', '::1'].includes(host)) {
    await repo.close();
    throw new UsageError(
      `监听 ${host} 时必须先创建管理员：请运行 caijian create-admin --name 用户名${values.db ? ` --db ${values.db}` : ''}`,
      `Create an admin first when listening on ${host}: run caijian create-admin --name NAME${values.db ? ` --db ${values.db}` : ''}`,
    );
  }
  const { buildWeb, webBuilt, webFresh } = await import('../../server/web-build.ts');
  if (values.rebuild || !webFresh()) {
    process.stderr.write(tr('正在构建网页界面…', 'Building the web app…') + '\n');
    try {
      await buildWeb();
    } catch (e) {
      // Without vite (installed without dev dependencies) an existing bundle is still served.
      if (!webBuilt()) throw e;
      process.stderr.write(
        tr(
          `无法重新构建网页界面，继续使用已有版本：${(e as Error).message}`,
          `Could not rebuild the web app, serving the existing one: ${(e as Error).message}`,
        ) + '\n',
      );
    }
  }
  const { startServer } = await import('../../server/start.ts');
  const server = await startServer({ repo, port, host });
  process.stderr.write(
    [
      tr(`财鉴工作台已启动：${server.url}`, `Caijian workbench running: ${server.url}`),
      tr(`数据库：${describeStore(spec)}`, `Store: ${describeStore(spec)}`),
      users === 0
        ? tr(
            '尚无用户：请在浏览器中创建第一个管理员，或运行 caijian create-admin',
            'No users yet: create the first admin in the browser or with caijian create-admin',
          )
        : '',
      tr('按 Ctrl+C 停止', 'Press Ctrl+C to stop'),
      '',
    ]
      .filter(Boolean)
      .join('\n') + '\n',
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await repo.close();
  return 0;
};

export default serve;
