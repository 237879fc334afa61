import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { detectLang, takeLangOption } from '../../src/cli/lang.ts';
import { main } from '../../src/cli/main.ts';
import { parseBytes } from '../../src/pipeline.ts';
import { fillTemplate } from '../author/fill.ts';
import { seedModel, seedPath } from '../helpers/seeds.ts';

// CLI conventions (issue 11.5) and the officer's loop (11.3): --help everywhere, one language per line, no
// internal keys, one-line usage errors; Caijian's own fill-in workbook is read as the disclosure it describes.

const SEED = seedPath('001');
let out: string[];
let err: string[];
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'caijian-cli-'));
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

describe('caijian conventions', () => {
  for (const command of ['parse', 'check', 'rules', 'template', 'render', 'serve', 'create-admin']) {
    it(`${command} --help prints its usage and exits 0`, async () => {
      expect(await main([command, '--help'])).toBe(0);
      expect(out.join('')).toMatch(new RegExp(`^用法：caijian ${command}`));
      expect(await main([command, '-h', '--lang', 'en'])).toBe(0);
      expect(out.join('')).toMatch(new RegExp(`usage: caijian ${command}`));
    });
  }

  it('a bad option is one line naming it and where to look, in the chosen language', async () => {
    expect(await main(['check', '--bogus', SEED])).toBe(2);
    expect(err.join('')).toBe('用法错误：未知选项 --bogus\n查看说明：caijian check --help\n');
    err.length = 0;
    expect(await main(['--lang=en', 'check', '--format'])).toBe(2);
    expect(err.join('')).toBe('Usage error: Option --format needs a value\nSee: caijian check --help\n');
    err.length = 0;
    expect(await main(['check', '--lang', 'fr', SEED])).toBe(2);
    expect(err.join('')).toMatch(/^用法错误：--lang 只能是 zh 或 en/);
  });

  it('check prints each finding once, in one language, with rule codes and printed column headers', async () => {
    expect(await main(['check', SEED])).toBe(1);
    const zh = out.join('');
    expect(zh).toMatch(/^\s+\[CJ\d{3}\] /m);
    expect(zh).not.toMatch(/\[[a-z]+(-[a-z]+)+\]/); // no rule slugs
    expect(zh).not.toMatch(/col:|\bfinal\.[a-z_]+|\bbudget\.[a-z_]+/);
    expect(zh).not.toMatch(/^\s+The /m);
    out.length = 0;
    expect(await main(['check', SEED, '--lang', 'en'])).toBe(1);
    const en = out.join('');
    expect(en).toMatch(/^Summary: \d+ errors/m);
    expect(en).not.toMatch(/合计：/);
  });

  it('the locale chooses the language; C or unset means Chinese', () => {
    expect(detectLang({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(detectLang({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(detectLang({ LANG: 'C.UTF-8' })).toBe('zh');
    expect(detectLang({})).toBe('zh');
    expect(detectLang({ CAIJIAN_LANG: 'zh', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(takeLangOption(['check', '--lang', 'en', 'x', '--', '--lang'])).toEqual({
      argv: ['check', 'x', '--', '--lang'],
      lang: 'en',
    });
  });
});

describe("the officer's loop: Caijian's own workbook", () => {
  it('an unfilled template is read as the disclosure it describes, and its open fields are errors', async () => {
    const tpl = join(dir, 'tpl.xlsx');
    expect(await main(['template', '--kind', '预算', '--year', '2026', '--entity', '测试局', '-o', tpl])).toBe(0);
    const d = await parseBytes(new Uint8Array(readFileSync(tpl)), { fileName: 'tpl.xlsx' });
    expect(d.kind).toBe('预算');
    expect(d.fiscalYear).toBe(2026);
    expect(d.entity.name).toBe('测试局');
    expect(d.tables.every((t) => t.key !== 'unknown')).toBe(true);
    out.length = 0;
    expect(await main(['check', tpl, '--format', 'json'])).toBe(1);
    const report = JSON.parse(out.join(''));
    const unfilled = report.findings.filter((f: { ruleId: string }) => f.ruleId === 'unfilled-field');
    expect(unfilled.length).toBeGreaterThan(3);
    expect(
      unfilled.every(
        (f: { severity: string; values: { text: string } }) =>
          f.severity === 'error' && /^【请填写.+】$/.test(f.values.text),
      ),
    ).toBe(true);
  });

  it('render refuses a workbook with open fields unless --force', async () => {
    const tpl = join(dir, 'tpl.xlsx');
    expect(await main(['template', '--kind', '决算', '--year', '2023', '-o', tpl])).toBe(0);
    const filled = join(dir, 'filled.xlsx');
    writeFileSync(filled, await fillTemplate(new Uint8Array(readFileSync(tpl)), seedModel('000')));
    const target = join(dir, 'out.html');
    err.length = 0;
    expect(await main(['render', filled, '-o', target])).toBe(1);
    expect(err.join('')).toMatch(/未填写的内容“【请填写/);
    expect(await main(['render', filled, '-o', target, '--force'])).toBe(0);
  });
});
