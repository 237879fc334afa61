import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A CLI command: receives its own arguments, writes to stdout/stderr, returns the exit code. */
export type Command = (argv: string[]) => Promise<number>;

export class UsageError extends Error {
  readonly messageZh: string;
  readonly messageEn: string;
  constructor(messageZh: string, messageEn: string) {
    super(messageEn);
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }
}

/** node:util parseArgs with one-line bilingual usage errors instead of exceptions with stack traces. */
export function parseCommandArgs<T extends ParseArgsConfig['options']>(
  argv: string[],
  options: T,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const msg = e instanceof Error ? e.message : String(e);
    // node's texts are long and English only; the option they name is quoted in them
    const quoted = msg.match(/'([^']+)'/)?.[1] ?? '';
    const named = quoted.match(/--[\w-]+/)?.[0] ?? quoted.split(/\s/)[0];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`未知选项 ${named}`, `Unknown option ${named}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(
        /missing/.test(msg) ? `选项 ${named} 缺少值` : `选项 ${named} 不需要值`,
        /missing/.test(msg) ? `Option ${named} needs a value` : `Option ${named} takes no value`,
      );
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new UsageError(`多余的参数 ${named}`, `Unexpected argument ${named}`);
    throw new UsageError(`参数无法识别：${msg}`, `Bad arguments: ${msg}`);
  }
}

export function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
  flag: string,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} 只能是 ${allowed.join('、')}`, `${flag} must be one of ${allowed.join(', ')}`);
}
