import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { seedPath } from '../helpers/seeds.ts';

// Start-up (issue 13.5, "lazy-load what a command does not need"): `caijian check` of a text document runs the
// reader, recognition and the audit, nothing else. It must not load the model's zod schemas (zod alone is ≈ 95
// modules and ≈ 0.1 s), nor the Office, PDF, server or rendering packages. The CLI runs as a user starts it
// (bin/caijian.js in a child process) with a hook that records every module loaded; the same hook on `render` of a
// model JSON file, which does validate with zod, shows that the recording sees a package when one is loaded.

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'caijian.js');
const HOOK = pathToFileURL(join(ROOT, 'test', 'helpers', 'record-loads.ts')).href;
const dir = mkdtempSync(join(tmpdir(), 'caijian-loads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Packages no text `check` or `parse` may load. */
const HEAVY = [
  'zod',
  'exceljs',
  'pdfjs-dist',
  'mammoth',
  'docx',
  '@e965/xlsx',
  '@xmldom/xmldom',
  'hono',
  '@hono/node-server',
  'pg',
  'echarts',
  'playwright-core',
];
/** The modules that build zod schemas (src/model/*.ts but the zod-free ones). */
const SCHEMA_MODULES = ['disclosure.ts', 'finding.ts', 'layout.ts', 'warning.ts', 'place.ts', 'json-schema.ts'];

let n = 0;
/** Runs the CLI in a child; returns its exit code, stdout, and the packages and src/model modules it loaded. */
function run(args: string[]): { status: number | null; stdout: string; packages: string[]; models: string[] } {
  const record = join(dir, `loads-${n++}.txt`);
  const r = spawnSync(process.execPath, ['--import', HOOK, BIN, ...args], {
    env: { ...process.env, CAIJIAN_RECORD_LOADS: record },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const urls = readFileSync(record, 'utf8').split('\n').filter(Boolean);
  const packages = new Set<string>();
  for (const u of urls) {
    const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u);
    if (m) packages.add(m[1]);
  }
  const models = urls.filter((u) => u.includes('/src/model/')).map((u) => u.slice(u.lastIndexOf('/') + 1));
  return { status: r.status, stdout: r.stdout, packages: [...packages].sort(), models };
}

describe('a command loads what it needs', () => {
  for (const format of ['text', 'json', 'sarif']) {
    it(`check of a text seed (--format ${format}) loads no zod, Office, PDF or server package`, () => {
      const r = run(['check', seedPath('000'), '--format', format]);
      expect(r.status).toBe(1); // seed 000 has errors: the command ran to the end
      expect(r.stdout.length).toBeGreaterThan(100);
      expect(r.packages.filter((p) => HEAVY.includes(p))).toEqual([]);
      expect(r.models.filter((m) => SCHEMA_MODULES.includes(m))).toEqual([]);
    });
  }

  it('parse of a text seed loads no package either', () => {
    const r = run(['parse', seedPath('000')]);
    expect(r.status).toBe(0);
    expect(r.packages.filter((p) => HEAVY.includes(p))).toEqual([]);
    expect(r.models.filter((m) => SCHEMA_MODULES.includes(m))).toEqual([]);
  });

  it('render of a model JSON file validates it with the zod schemas (the recording sees zod when it loads)', () => {
    const model = join(dir, 'model.json');
    const parsed = spawnSync(process.execPath, [BIN, 'parse', seedPath('002'), '--format', 'json'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(parsed.status).toBe(0);
    writeFileSync(model, parsed.stdout);
    const r = run(['render', model, '--to', 'html', '-o', join(dir, 'out.html'), '--force']);
    expect(r.status).toBe(0);
    expect(r.packages).toContain('zod');
    expect(r.models).toContain('disclosure.ts');
  });
});
