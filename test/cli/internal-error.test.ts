import { describe, expect, it, vi } from 'vitest';
import { runMain } from '../helpers/run-main.ts';

// A bug in a command (anything that is not an input, usage or storage problem): the person at the terminal is told
// plainly that the command did not finish, then — on a line of its own, labelled — the error's own text, one line,
// which is theirs to report (they run Caijian on their own machine); a stack trace only with CAIJIAN_DEBUG.

vi.mock('../../src/cli/commands/rules.ts', () => ({
  default: async () => {
    throw new TypeError("Cannot set properties of undefined (setting 'ruleId')");
  },
}));

const run = runMain;

describe('an internal error in a command', () => {
  it('says the command did not finish, then the error text on a labelled line of its own, no stack trace', async () => {
    const saved = process.env.CAIJIAN_DEBUG;
    delete process.env.CAIJIAN_DEBUG;
    try {
      for (const [lang, plain, label] of [
        ['zh', '内部错误，命令未完成。请将此情况报告给维护者。', '详情'],
        ['en', 'Internal error; the command did not finish. Please report this to the maintainers.', 'Detail'],
      ] as const) {
        const { code, err } = await run(['rules', '--lang', lang]);
        expect(code).toBe(2);
        const lines = err.trimEnd().split('\n');
        expect(lines[0]).toBe(plain);
        expect(lines[1]).toBe(`${label}: TypeError: Cannot set properties of undefined (setting 'ruleId')`);
        expect(lines).toHaveLength(3); // and the hint for the stack trace
        expect(err).not.toMatch(/\n\s+at /);
      }
    } finally {
      if (saved !== undefined) process.env.CAIJIAN_DEBUG = saved;
    }
  });

  it('prints the stack trace with CAIJIAN_DEBUG', async () => {
    process.env.CAIJIAN_DEBUG = '1';
    try {
      const { err } = await run(['rules', '--lang', 'en']);
      expect(err).toMatch(/\n\s+at /);
    } finally {
      delete process.env.CAIJIAN_DEBUG;
    }
  });
});
