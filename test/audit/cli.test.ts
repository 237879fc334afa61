import { seedPath } from '../helpers/seeds.ts';
import { describe, expect, it, vi } from 'vitest';
import check from '../../src/cli/commands/check.ts';
import rulesCommand from '../../src/cli/commands/rules.ts';
import { rules } from '../../src/audit/rules/index.ts';

// `caijian check` and `caijian rules`: formats, the JSON shape helpers B and E rely on, exit codes.

const SEED = seedPath('001');
// seed 002 has one real error since a rate against a zero base is one (issue 10.1); 004 has none
const CLEAN = seedPath('004');

async function run(cmd: (argv: string[]) => Promise<number>, argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  try {
    const code = await cmd(argv);
    return { code, out };
  } finally {
    spy.mockRestore();
  }
}

describe('caijian check', () => {
  it('json: document, findings with places and values, summary; exit 1 on errors', async () => {
    const { code, out } = await run(check, [SEED, '--format', 'json']);
    expect(code).toBe(1);
    const j = JSON.parse(out);
    expect(j.document).toBe(SEED);
    expect(j.summary.errors).toBeGreaterThan(0);
    const f = j.findings.find((x: { ruleId: string }) => x.ruleId === 'cross-table-classes');
    expect(f).toMatchObject({
      severity: 'error',
      location: { table: 'final.fiscal_summary', row: '210', column: 'general_budget', source: { kind: 'text' } },
    });
    expect(f.related[0]).toMatchObject({ table: 'final.general_budget_expenditure', row: '210' });
    expect(f.values).toMatchObject({ actual: '6106079.83', expected: '6078929.72', difference: '27150.11' });
    expect(f.message).toMatch(/卫生健康支出/);
    expect(f.messageEn).toMatch(/either side may be wrong/);
  });
  it('text groups by severity; exit 0 without errors', async () => {
    const { code, out } = await run(check, [CLEAN]);
    expect(code).toBe(0);
    expect(out).toMatch(/^警告 \(\d+\)$/m);
    expect(out).toMatch(/合计：0 个错误/);
    // one language per line: no English message lines, no internal table or column keys
    expect(out).not.toMatch(/[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}/);
    expect(out).not.toMatch(/col:|final\.|budget\./);
  });
  it('sarif 2.1.0 with the catalogue as rules', async () => {
    const { out } = await run(check, [SEED, '--format', 'sarif']);
    const s = JSON.parse(out);
    expect(s.version).toBe('2.1.0');
    expect(s.runs[0].tool.driver.rules).toHaveLength(rules.length);
    expect(s.runs[0].results.some((r: { level: string }) => r.level === 'error')).toBe(true);
  });
  it('an unreadable input is an input error (exit 2 in main)', async () => {
    await expect(check(['/nonexistent/file.pdf'])).rejects.toMatchObject({
      messageEn: expect.stringMatching(/not found/i),
    });
  });
});

describe('caijian rules', () => {
  it('lists every rule', async () => {
    const { code, out } = await run(rulesCommand, []);
    expect(code).toBe(0);
    for (const r of rules) expect(out).toContain(r.meta.id);
  });
});
