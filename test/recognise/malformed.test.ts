import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/pipeline.ts';
import { readText } from '../../src/read/text/read-text.ts';
import { recognise } from '../../src/recognise/recognise.ts';
import { inputError } from '../helpers/input-error.ts';
import { seedText } from '../helpers/seeds.ts';

// Bad input never crashes: it is refused with a bilingual message, or read into a partial model with warnings.

const enc = (s: string) => new TextEncoder().encode(s);

const refusal = (bytes: Uint8Array) => inputError(parseBytes(bytes, { fileName: 'x' }));

describe('malformed input', () => {
  it('refuses an empty file in Chinese and English', async () => {
    const e = await refusal(new Uint8Array());
    expect(e.code).toBe('empty');
    expect(e.messageZh).toMatch(/空/);
    expect(e.messageEn).toMatch(/empty/i);
  });

  it('refuses binary garbage as an unsupported format', async () => {
    // Deterministic pseudo-random bytes (a fixed LCG), so the test is the same on every run.
    const bytes = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      bytes[i] = x & 0xff;
    }
    const e = await refusal(bytes);
    expect(e.code).toBe('unsupported-format');
    expect(e.messageZh).toMatch(/PDF/);
  });

  it('reads a text file with no disclosure content into an empty model with a warning', async () => {
    const d = await parseBytes(enc('hello\nworld\n'));
    expect(d.tables).toHaveLength(0);
    expect(d.kind).toBeNull();
    expect(d.warnings.map((w) => w.code)).toContain('nothing-recognised');
  });

  it('reads a table with a missing column and says which column is missing', () => {
    // Seed 000's 支出决算表 with the 项目支出 column cut out of the header and every row.
    const lines = seedText('000').split('\n');
    const start = lines.indexOf('支出决算表');
    const cut = lines.slice(start, start + 36).map((l) =>
      l.includes('\t')
        ? l
            .split('\t')
            .filter((_, i) => i !== 4)
            .join('\t')
        : l,
    );
    const d = recognise(readText(cut.join('\n')));
    const t = d.tables[0];
    expect(t.key).toBe('final.expenditure');
    expect(t.columns.map((c) => c.key)).not.toContain('project');
    expect(t.rows.find((r) => r.code === '2101501')?.cells.find((c) => c.column === 'basic')?.value).toBe('145.76');
    expect(d.warnings.find((w) => w.code === 'columns-missing')?.message).toContain('项目支出');
  });

  it('reads a truncated file (cut in the middle of a table) into a partial model', () => {
    const text = seedText('002');
    // Cut in the middle of the 收入决算表 line after 2101103 (seed line 164: "21015 医疗保障管理事务 …").
    const cutAt = text.indexOf('21015\t医疗保障管理事务\t468.38');
    expect(cutAt).toBeGreaterThan(0);
    const d = recognise(readText(text.slice(0, cutAt + 9)));
    expect(d.kind).toBe('决算');
    const income = d.tables.find((t) => t.key === 'final.income');
    expect(income?.rows.find((r) => r.code === '2101103')).toBeDefined();
    // The tables the 目录 lists but the truncated file never reached are reported absent, not silently dropped.
    const absent = d.recognition.listed.filter((l) => l.status === 'absent').map((l) => l.key);
    expect(absent).toContain('final.three_public');
    expect(absent).toContain('final.expenditure');
  });

  it('survives a cut inside a multi-byte character and a file of only tabs and blank lines', async () => {
    const bytes = enc(seedText('000').slice(0, 2000));
    const d = await parseBytes(bytes.subarray(0, bytes.length - 1));
    expect(d.kind).toBe('决算');
    const blank = await parseBytes(enc('\t\t\n\n\t\n'));
    expect(blank.tables).toHaveLength(0);
  });

  it('keeps an unknown table instead of dropping it', () => {
    const d = recognise(
      readText('2023年度部门决算\n\n某某明细表\n\n单位：万元\n\n项目\t金额\n合计\t12.50\n其他\t12.50\n'),
    );
    expect(d.tables[0].key).toBe('unknown');
    expect(d.recognition.unknownTables).toEqual(['某某明细表']);
    expect(d.tables[0].rows.find((r) => r.kind === 'total')?.cells[0].value).toBe('12.50');
  });
});
