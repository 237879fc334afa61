import { isInputError } from '../read/errors.ts';
import { UsageError, type Command } from './command.ts';
import { detectLang, setLang, takeLangOption, tr } from './lang.ts';

// The `caijian` program. Each command lives in its own module under commands/ and is loaded only when run.
// Exit codes: 0 ok, 1 findings of error severity (check), 2 input could not be read or bad usage.
// Output is in one language: Chinese unless `--lang en` or an English locale (src/cli/lang.ts).

interface Entry {
  summary: [zh: string, en: string];
  /** Usage and options, shown by `caijian <command> --help` without loading the command. */
  usage: [zh: string, en: string];
  load: () => Promise<{ default: Command }>;
}

const commands: Record<string, Entry> = {
  parse: {
    summary: ['读取文件并输出识别结果或模型', 'read a document and print what was recognised, or its model'],
    usage: [
      '用法：caijian parse <文件> [--format text|json]\n  text（默认）列出识别到的表格、说明与提示；json 输出完整模型。',
      'usage: caijian parse <file> [--format text|json]\n  text (default) lists the tables, narrative and warnings recognised; json prints the whole model.',
    ],
    load: () => import('./commands/parse.ts'),
  },
  check: {
    summary: ['审核文件（一个、多个或一个文件夹）', 'audit documents (one file, several, or a folder)'],
    usage: [
      [
        '用法：caijian check <文件…|文件夹> [--format text|json|sarif] [--out 报告文件] [--jobs N] [--timeout 秒] [--no-infos]',
        '  一个文件：输出审核结果；退出码 0 无错误，1 有错误，2 无法读取。',
        '  --out 检查表.xlsx|.docx|.md：一个文件的《公开情况检查表》；文件夹 --out 目录/：每个文件一张检查表加汇总.xlsx',
        '  --source-url 地址   检查表表头中的公开网址',
        '  多个文件或文件夹，或给出 --out（.xlsx/.json/.csv）：批量审核，每个文件一行汇总。',
        '  --no-infos   不列出“提示”级结果（尾数误差等）',
        '  --resume     批量审核被中断后继续：跳过报告旁 .jsonl 记录中已完成的文件',
      ].join('\n'),
      [
        'usage: caijian check <file…|folder> [--format text|json|sarif] [--out report] [--jobs N] [--timeout seconds] [--no-infos]',
        '  One file: prints the findings; exit 0 no errors, 1 errors, 2 unreadable.',
        '  --out sheet.xlsx|.docx|.md: the check sheet (公开情况检查表) of one file; a folder with --out DIR/: one sheet each + 汇总.xlsx',
        '  --source-url URL    the address where the document was published, for the sheet header',
        '  Several files, a folder, or --out (.xlsx/.json/.csv): batch audit, one summary row per file.',
        '  --no-infos   leave out info findings (rounding differences and the like)',
        '  --resume     continue a stopped batch: skip the files already done in the .jsonl journal beside the report',
      ].join('\n'),
    ],
    load: () => import('./commands/check.ts'),
  },
  rules: {
    summary: ['列出审核规则', 'list the audit rules'],
    usage: ['用法：caijian rules [--format text|json]', 'usage: caijian rules [--format text|json]'],
    load: () => import('./commands/rules.ts'),
  },
  template: {
    summary: ['生成填报模板（Excel）', 'write a fill-in Excel workbook'],
    usage: [
      [
        '用法：caijian template --kind 决算|预算 --year 年度 [--entity 部门名称] [--unit 万元|元] -o 文件.xlsx',
        '  每张标准表一个工作表（科目编码与名称取自科目目录，合计为公式，编码有数据验证），',
        '  另有情况说明填报、项目年初预算（决算）、上年数等工作表。填好后用 caijian check 自查、caijian render 生成。',
      ].join('\n'),
      [
        'usage: caijian template --kind 决算|预算 --year YEAR [--entity NAME] [--unit 万元|元] -o file.xlsx',
        '  One sheet per standard table (codes and names from the catalogue, totals as formulas, validated codes),',
        '  plus sheets for the narrative inputs. Check the filled workbook with caijian check, render it with caijian render.',
      ].join('\n'),
    ],
    load: () => import('./commands/template.ts'),
  },
  render: {
    summary: ['生成公开文件', 'render a complete document'],
    usage: [
      [
        '用法：caijian render <模型.json | 填报模板.xlsx | 公开文件> --to html|docx|pdf|xlsx -o 输出文件 [--force] [--rewrite-narrative]',
        '  先审核，有“错误”级问题（含未填写的【请填写…】）时不生成，--force 强制生成。',
        '  模型中没有情况说明时按数字自动撰写；--rewrite-narrative 用按数字撰写的情况说明替换原有的。',
      ].join('\n'),
      [
        'usage: caijian render <model.json | filled.xlsx | document> --to html|docx|pdf|xlsx -o out [--force] [--rewrite-narrative]',
        '  Audits first; error findings (unfilled 【请填写…】 fields among them) stop the render unless --force.',
        '  Writes the narrative from the numbers when the model has none; --rewrite-narrative replaces the printed one.',
      ].join('\n'),
    ],
    load: () => import('./commands/render.ts'),
  },
  serve: {
    summary: ['启动工作台', 'start the web workbench'],
    usage: [
      [
        '用法：caijian serve [--port 8080] [--host 127.0.0.1] [--db 文件路径|postgres://…] [--rebuild]',
        '  --db       数据库：SQLite 文件（默认 .caijian/caijian.sqlite）或 PostgreSQL 地址（也可用环境变量 CAIJIAN_DB）',
        '  --port     端口（默认 8080）',
        '  --host     监听地址（默认 127.0.0.1；局域网访问用 0.0.0.0，须先创建管理员）',
        '  --rebuild  重新构建网页界面',
      ].join('\n'),
      [
        'usage: caijian serve [--port 8080] [--host 127.0.0.1] [--db FILE|postgres://…] [--rebuild]',
        '  --db       store: an SQLite file (default .caijian/caijian.sqlite) or a PostgreSQL URL (or env CAIJIAN_DB)',
        '  --port     port (default 8080)',
        '  --host     address to listen on (default 127.0.0.1; 0.0.0.0 for the network, after creating an admin)',
        '  --rebuild  rebuild the web app',
      ].join('\n'),
    ],
    load: () => import('./commands/serve.ts'),
  },
  'create-admin': {
    summary: ['创建管理员或复核员账户', 'create an admin or reviewer account'],
    usage: [
      '用法：caijian create-admin --name 用户名 [--db 文件|postgres://…] [--role admin|reviewer]\n  密码从环境变量 CAIJIAN_PASSWORD 或标准输入读取（不从命令行参数读取）。',
      'usage: caijian create-admin --name NAME [--db FILE|postgres://…] [--role admin|reviewer]\n  The password is read from CAIJIAN_PASSWORD or standard input (never from an argument).',
    ],
    load: () => import('./commands/create-admin.ts'),
  },
};

function pick([zh, en]: [string, string]): string {
  return tr(zh, en);
}

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  caijian ${name.padEnd(13)} ${pick(c.summary)}`);
  return [
    tr(
      '财鉴 Caijian — 部门预决算公开文件的读取、审核与生成',
      'Caijian — reads, audits and writes budget and final-account disclosures',
    ),
    '',
    tr('用法：', 'usage:'),
    ...lines,
    '',
    tr(
      '每个命令都可加 --help 查看说明；--lang en 输出英文。',
      'Add --help to any command for its options; --lang zh for Chinese.',
    ),
    '',
  ].join('\n');
}

const isHelp = (a: string) => a === '--help' || a === '-h';

let pipesGuarded = false;
/** Output piped into `head` closes early: that is not an error worth a trace. Once per process (tests call main often). */
function guardPipes(): void {
  if (pipesGuarded) return;
  pipesGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
    });
  }
}

export async function main(argv: string[]): Promise<number> {
  guardPipes();
  setLang(detectLang());
  let args: string[];
  try {
    const taken = takeLangOption(argv);
    if (taken.lang) setLang(taken.lang);
    args = taken.argv;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${tr(`用法错误：${e.messageZh}`, `Usage error: ${e.messageEn}`)}\n`);
      return 2;
    }
    throw e;
  }
  const [name, ...rest] = args;
  if (!name || isHelp(name) || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic && commands[topic]) {
      process.stdout.write(pick(commands[topic].usage) + '\n');
      return 0;
    }
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const entry = commands[name];
  if (!entry) {
    process.stderr.write(`${tr(`未知命令：${name}`, `Unknown command: ${name}`)}\n\n${usage()}`);
    return 2;
  }
  // --help before `--` on any command: its usage, exit 0, without loading or running it.
  const end = rest.indexOf('--');
  if ((end < 0 ? rest : rest.slice(0, end)).some(isHelp)) {
    process.stdout.write(pick(entry.usage) + '\n');
    return 0;
  }
  try {
    const { default: command } = await entry.load();
    return await command(rest);
  } catch (e) {
    // Disk full, I/O error, no permission on a file or the store: named as such, not as a bug nor as a bare
    // "cannot write" (issue 13.4) — also when a command wrapped the fs error in its own InputError.
    const { storageMessage } = await import('../store/io-errors.ts');
    const direct = isInputError(e) ? null : storageMessage(e);
    const wrapped = !direct && isInputError(e) ? storageMessage(e.cause) : null;
    if (direct || wrapped) {
      const m = (direct ?? wrapped)!;
      // a wrapping InputError says what was being written; the storage message says why it failed
      const zh = wrapped && isInputError(e) ? `${e.messageZh}。${m.messageZh}` : m.messageZh;
      const en = wrapped && isInputError(e) ? `${e.messageEn}. ${m.messageEn}` : m.messageEn;
      process.stderr.write(`${tr(`错误：${zh}`, `Error: ${en}`)}\n`);
      return 2;
    }
    if (isInputError(e)) {
      process.stderr.write(`${tr(`错误：${e.messageZh}`, `Error: ${e.messageEn}`)}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(
        `${tr(`用法错误：${e.messageZh}`, `Usage error: ${e.messageEn}`)}\n${tr(`查看说明：caijian ${name} --help`, `See: caijian ${name} --help`)}\n`,
      );
      return 2;
    }
    const sys = e as NodeJS.ErrnoException;
    if (sys?.code === 'EADDRINUSE' || (sys?.code === 'EACCES' && sys.syscall === 'listen')) {
      const port = (sys as { port?: number }).port;
      process.stderr.write(
        `${
          sys.code === 'EADDRINUSE'
            ? tr(
                `端口${port ? ` ${port} ` : ''}已被占用，请用 --port 换一个端口`,
                `Port${port ? ` ${port}` : ''} is already in use; choose another with --port`,
              )
            : tr(
                `没有权限监听端口${port ? ` ${port}` : ''}，请用 --port 换一个大于 1024 的端口`,
                `Not allowed to listen on port${port ? ` ${port}` : ''}; choose one above 1024 with --port`,
              )
        }\n`,
      );
      return 2;
    }
    // Anything else is a bug in Caijian. The person at the terminal runs the command on their own machine and is the
    // one to report it, so after the plain message comes the error's own text on a line of its own, labelled, one
    // line (name: message); the stack trace only with CAIJIAN_DEBUG. The batch does the same with the errors that stop
    // one file (src/batch/check-many.ts: a detail line on stderr, never in the report or on stdout); the server never
    // shows it (its log and audit log keep it).
    const detail = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).replace(/\s*\n\s*/g, ' ').slice(0, 500);
    process.stderr.write(
      `${tr('内部错误，命令未完成。请将此情况报告给维护者。', 'Internal error; the command did not finish. Please report this to the maintainers.')}\n` +
        `${tr('详情', 'Detail')}: ${detail}\n` +
        (process.env.CAIJIAN_DEBUG
          ? `${(e as Error)?.stack ?? ''}\n`
          : `${tr('设置 CAIJIAN_DEBUG=1 可查看调用栈', 'set CAIJIAN_DEBUG=1 for the stack trace')}\n`),
    );
    return 2;
  }
}
