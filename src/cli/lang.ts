import { UsageError } from './command.ts';

// The CLI speaks one language per line: Chinese by default (the users read Chinese), English when asked with
// `--lang en` or by the locale (CAIJIAN_LANG, LC_ALL, LC_MESSAGES, LANG starting with "en"). Printing both
// languages on every line doubled every report and made it hard to read.

export type Lang = 'zh' | 'en';

let current: Lang = 'zh';

export function detectLang(env: NodeJS.ProcessEnv = process.env): Lang {
  for (const name of ['CAIJIAN_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const v = env[name];
    if (!v) continue;
    if (/^en/i.test(v)) return 'en';
    if (/^zh/i.test(v)) return 'zh';
    // C, POSIX, C.UTF-8 … say nothing about the reader's language: keep looking, then default to Chinese.
  }
  return 'zh';
}

export function setLang(lang: Lang): void {
  current = lang;
}

export function lang(): Lang {
  return current;
}

/** The text in the chosen language. */
export function tr(zh: string, en: string): string {
  return current === 'en' ? en : zh;
}

/**
 * Takes the global `--lang zh|en` (or `--lang=en`) out of the arguments, wherever it stands, so that each command
 * sees only its own options.
 */
export function takeLangOption(argv: readonly string[]): { argv: string[]; lang?: Lang } {
  const rest: string[] = [];
  let chosen: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--lang') {
      chosen = argv[++i];
      if (chosen === undefined) throw new UsageError('--lang 需要一个值：zh 或 en', '--lang needs a value: zh or en');
    } else if (a.startsWith('--lang=')) chosen = a.slice('--lang='.length);
    else rest.push(a);
  }
  if (chosen === undefined) return { argv: rest };
  if (chosen !== 'zh' && chosen !== 'en')
    throw new UsageError(`--lang 只能是 zh 或 en（收到 ${chosen}）`, `--lang must be zh or en (got ${chosen})`);
  return { argv: rest, lang: chosen };
}
