import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { parseBytes } from '../../src/pipeline.ts';
import { chromiumPath } from '../../src/render/pdf.ts';
import { seedModel } from '../helpers/seeds.ts';
import { fillTemplate } from '../author/fill.ts';

// The commands as a department uses them: caijian template → fill → caijian render to every format.

let dir: string;
let out: string[];
let err: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'caijian-render-'));
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err.push(String(s));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe('caijian template / render', () => {
  for (const [kind, seed] of [
    ['决算', '000'],
    ['预算', '004'],
  ] as const) {
    it(`template → fill → render html, docx, xlsx${chromiumPath() ? ', pdf' : ''} for a ${kind}`, async () => {
      const tpl = join(dir, 'tpl.xlsx');
      expect(await main(['template', '--kind', kind, '--year', '2023', '--entity', '测试局', '-o', tpl])).toBe(0);
      const filled = join(dir, 'filled.xlsx');
      writeFileSync(filled, await fillTemplate(new Uint8Array(readFileSync(tpl)), seedModel(seed)));
      for (const format of ['html', 'docx', 'xlsx', ...(chromiumPath() ? ['pdf'] : [])]) {
        const target = join(dir, `out.${format}`);
        // The seeds' own rounding differences are audit errors (e.g. 06表 151.911); authored documents are
        // rendered with --force here and the refusal is tested below.
        const code = await main(['render', filled, '--to', format, '-o', target, '--force']);
        expect(code, err.join('')).toBe(0);
        const back = await parseBytes(new Uint8Array(readFileSync(target)), { fileName: target });
        expect(back.kind).toBe(kind);
        expect(back.tables.length).toBeGreaterThan(5);
      }
    });
  }

  it('refuses to render a model with error findings unless --force, saying why (Chinese, or English with --lang en)', async () => {
    const d = seedModel('000');
    const model = join(dir, 'model.json');
    writeFileSync(model, JSON.stringify(d));
    const target = join(dir, 'out.html');
    expect(await main(['render', model, '--to', 'html', '-o', target])).toBe(1);
    expect(err.join('')).toMatch(/审核发现 \d+ 个错误，未生成/);
    expect(err.join('')).not.toMatch(/The audit found/);
    expect(await main(['--lang', 'en', 'render', model, '--to', 'html', '-o', target])).toBe(1);
    expect(err.join('')).toMatch(/The audit found \d+ error/);
    expect(await main(['render', model, '--to', 'html', '-o', target, '--force'])).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('rejects bad input with exit code 2 and a bilingual message, never a stack trace', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"schemaVersion": 2}');
    expect(await main(['render', bad, '--to', 'pdf', '-o', join(dir, 'x.pdf')])).toBe(2);
    expect(err.join('')).toMatch(/JSON 不符合财鉴模型/);
    expect(err.join('')).not.toMatch(/at .*\.ts:\d+/);
    expect(await main(['template', '--kind', '决算', '--year', '23', '-o', join(dir, 't.xlsx')])).toBe(2);
    expect(await main(['render', join(dir, 'missing.json'), '-o', join(dir, 'x.html')])).toBe(2);
  });
});

describe('caijian render --rewrite-narrative', () => {
  it('replaces a stale narrative by one written from the tables, which the audit then accepts', async () => {
    const d = seedModel('002');
    const model = join(dir, 'model.json');
    writeFileSync(model, JSON.stringify(d));
    const target = join(dir, 'out.html');
    // Seed 002's printed narrative has findings; the rewritten one has none of its own (table errors remain).
    expect(await main(['render', model, '-o', target, '--force', '--rewrite-narrative'])).toBe(0);
    expect(err.join('')).not.toMatch(/说明中|说明称/);
    expect(readFileSync(target, 'utf8')).toContain('一、收入支出决算总体情况说明');
  });
});
