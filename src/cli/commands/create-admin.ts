import { parseCommandArgs, UsageError, type Command } from '../command.ts';
import { tr } from '../lang.ts';
import { describeStore } from '../../store/open-store.ts';
import { openCommandStore } from '../store.ts';
import { hashPassword, passwordProblem, userNameProblem } from '../../store/passwords.ts';
import type { Role } from '../../store/types.ts';

// `caijian create-admin --name NAME [--db …] [--role reviewer]`: creates an account. The password is read
// from the environment variable CAIJIAN_PASSWORD or from standard input (one line), never from an argument
// (arguments show up in process lists and shell history). There is no default password.

async function readStdinLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write(tr('请输入密码：', 'Password: '));
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

const createAdmin: Command = async (argv) => {
  const { values } = parseCommandArgs(
    argv,
    { name: { type: 'string' }, db: { type: 'string' }, role: { type: 'string' } },
    false,
  );
  const name = values.name?.trim();
  if (!name) throw new UsageError('请用 --name 指定用户名', 'Give the user name with --name');
  const role = (values.role ?? 'admin') as Role;
  if (role !== 'admin' && role !== 'reviewer')
    throw new UsageError('--role 只能是 admin 或 reviewer', '--role must be admin or reviewer');
  const password = process.env.CAIJIAN_PASSWORD ?? (await readStdinLine());
  const problem = userNameProblem(name) ?? passwordProblem(password ?? '');
  if (problem) throw new UsageError(problem.zh, problem.en);
  const { repo, spec } = await openCommandStore(values.db);
  try {
    if (await repo.findUserByName(name)) {
      process.stderr.write(tr(`用户 ${name} 已存在。`, `User ${name} already exists.`) + '\n');
      return 2;
    }
    await repo.createUser(name, await hashPassword(password), role);
    process.stdout.write(
      tr(
        `已创建${role === 'admin' ? '管理员' : '复核员'} ${name}（${describeStore(spec)}）`,
        `Created ${role} ${name} (${describeStore(spec)})`,
      ) + '\n',
    );
    return 0;
  } finally {
    await repo.close();
  }
};

export default createAdmin;
