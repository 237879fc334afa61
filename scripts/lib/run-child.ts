import { spawn } from 'node:child_process';

// The whole-corpus scripts read each PDF in a child process of their own (a pdf.js crash or a runaway document
// takes only its child down, and the child's time limit is enforced by a kill). One place for that plumbing.

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
  ms: number;
}

/** Runs `node script ...args`, collecting stdout and stderr; killed after timeoutMs. */
export function runChild(script: string, args: string[], timeoutMs: number): Promise<ChildResult> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    // Decoded as a stream: a chunk boundary falls inside a multi-byte character now and then, and decoding each
    // chunk alone turned it into U+FFFD (a label of the truth set's d08 read “全市���力资源…” when a model's JSON
    // happened to be cut there, and the cell was scored a miss).
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out, err, ms: Math.round(performance.now() - t0) });
    });
  });
}
