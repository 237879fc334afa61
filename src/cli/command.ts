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

/** node:util parseArgs with bilingual usage errors instead of exceptions with stack traces. */
export function parseCommandArgs<T extends ParseArgsConfig['options']>(argv: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new UsageError(`参数无法识别：${msg}`, `Bad arguments: ${msg}`);
  }
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, flag: string): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} 只能是 ${allowed.join('、')}`, `${flag} must be one of ${allowed.join(', ')}`);
}
