import { main } from '../../src/cli/main.ts';

/** Runs the CLI's main() in this process with its stderr captured: the exit code and what it wrote there. */
export async function runMain(args: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const orig = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((s: string) => {
    err.push(String(s));
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: await main(args), err: err.join('') };
  } finally {
    process.stderr.write = orig;
  }
}
