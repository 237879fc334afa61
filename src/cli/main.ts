import { isInputError } from '../read/errors.ts';
import { UsageError, type Command } from './command.ts';

// The `caijian` program. Each command lives in its own module under commands/ and is loaded only when run.
// Exit codes: 0 ok, 1 findings of error severity (check), 2 input could not be read or bad usage.

const commands: Record<string, { summary: string; load: () => Promise<{ default: Command }> }> = {
  parse: { summary: '读取文件并输出模型 / read a document and print its model', load: () => import('./commands/parse.ts') },
  check: { summary: '审核文件 / audit documents (one file, several, or a folder)', load: () => import('./commands/check.ts') },
  rules: { summary: '列出审核规则 / list the audit rules', load: () => import('./commands/rules.ts') },
  template: { summary: '生成填报模板 / write a fill-in Excel workbook', load: () => import('./commands/template.ts') },
  render: { summary: '生成公开文件 / render a complete document', load: () => import('./commands/render.ts') },
  serve: { summary: '启动工作台 / start the web workbench', load: () => import('./commands/serve.ts') },
  'create-admin': { summary: '创建管理员账户 / create an admin account', load: () => import('./commands/create-admin.ts') },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  caijian ${name.padEnd(13)} ${c.summary}`);
  return ['财鉴 Caijian — 部门预决算公开文件的读取、审核与生成', '', '用法 / usage:', ...lines, ''].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  // Output piped into `head` closes early: that is not an error worth a trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
    });
  }
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const entry = commands[name];
  if (!entry) {
    process.stderr.write(`未知命令：${name}\nUnknown command: ${name}\n\n${usage()}`);
    return 2;
  }
  try {
    const { default: command } = await entry.load();
    return await command(rest);
  } catch (e) {
    if (isInputError(e)) {
      process.stderr.write(`错误：${e.messageZh}\nError: ${e.messageEn}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`用法错误：${e.messageZh}\nUsage error: ${e.messageEn}\n`);
      return 2;
    }
    // Anything else is a bug in Caijian: say so plainly, keep the detail for reports, never a bare trace.
    const detail = e instanceof Error ? e.message : String(e);
    process.stderr.write(
      `内部错误，未能完成：${detail}\nInternal error, the command did not finish: ${detail}\n` +
        (process.env.CAIJIAN_DEBUG ? `${(e as Error)?.stack ?? ''}\n` : '设置 CAIJIAN_DEBUG=1 可查看详情 / set CAIJIAN_DEBUG=1 for details\n'),
    );
    return 2;
  }
}
