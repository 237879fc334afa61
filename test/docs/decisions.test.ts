import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// docs/decisions/ (ADRs): one number per decision, the heading says the file's number, and every reference to an
// ADR anywhere in the sources and docs names a file that exists (references dangled after renumbering before).

const ROOT = join(import.meta.dirname, '..', '..');
const DIR = join(ROOT, 'docs', 'decisions');

function textFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'fixtures' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) textFiles(p, out);
    else if (/\.(ts|md|sh|js)$/.test(name)) out.push(p);
  }
  return out;
}

describe('decision records', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.md'));

  it('are numbered once each, and each heading carries its file number', () => {
    const numbers = files.map((f) => /^(\d{4})-[a-z0-9-]+\.md$/.exec(f)?.[1]);
    expect(numbers.every(Boolean), files.join(', ')).toBe(true);
    expect(new Set(numbers).size).toBe(files.length);
    for (const f of files)
      expect(readFileSync(join(DIR, f), 'utf8').split('\n')[0], f).toMatch(new RegExp(`^# ${f.slice(0, 4)} — `));
  });

  it('are referenced only by names that exist', () => {
    const dangling: string[] = [];
    for (const p of [
      ...textFiles(join(ROOT, 'src')),
      ...textFiles(join(ROOT, 'docs')),
      ...textFiles(join(ROOT, 'scripts')),
      join(ROOT, 'README.md'),
    ]) {
      for (const m of readFileSync(p, 'utf8').matchAll(/\b(\d{4}-[a-z0-9-]+)\.md\b/g)) {
        if (!files.includes(`${m[1]}.md`)) dangling.push(`${p.slice(ROOT.length + 1)}: ${m[0]}`);
      }
    }
    expect(dangling).toEqual([]);
  });
});
