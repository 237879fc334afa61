import { describe, expect, it } from 'vitest';
import { coverageLine } from '../../src/audit/coverage.ts';
import { checkDisclosure } from '../../src/audit/engine.ts';
import { seedModel } from '../helpers/seeds.ts';

// Coverage on real documents: which standard tables the audit checked, which it could not, and why.

describe('coverage', () => {
  it('a complete final account: every standard table checked, in document order', () => {
    const res = checkDisclosure(seedModel('000'));
    const c = res.coverage!;
    expect(c.level).toBe('full');
    expect(c.standardTables).toBe(9);
    expect(c.checkedStandard).toBe(9);
    expect(c.tables[0]).toMatchObject({ key: 'final.income_expenditure_summary', state: 'checked', standard: true });
    // The three empty tables are checked as empty (their statement is checked), not "not checked".
    expect(c.tables.filter((t) => t.state === 'empty').map((t) => t.key)).toEqual([
      'final.gov_fund',
      'final.state_capital',
      'final.three_public',
    ]);
    expect(coverageLine(c)).toBe('标准表 9 张，已核对 9 张');
  });

  it('a budget whose tables were not found: absent, listed in the contents, the rules that could not run', () => {
    const res = checkDisclosure(seedModel('003'));
    const c = res.coverage!;
    expect(c.level).not.toBe('full');
    expect(c.uncheckedStandard).toBeGreaterThan(0);
    const income = c.tables.find((t) => t.key === 'budget.income')!;
    expect(income).toMatchObject({ standard: true, state: 'absent', checked: false });
    // Seed 003 holds none of the 32 tables its 目录 lists, and no table at all: its tables part is not in the file.
    expect(income.reason).toBe('本文件不含目录所列的报表部分，可能另行公开');
    // The engine's skipped rules are attached to the table they missed.
    expect(c.skippedRules.length).toBeGreaterThan(0);
    expect(c.tables.some((t) => t.skippedRules.includes('cross-table-totals'))).toBe(true);
    expect(coverageLine(c)).toMatch(/^标准表 \d+ 张，已核对 \d+ 张；未能核对：/);
  });

  it('a table read with low confidence (Table.reading unsure) is not checked, and says why', () => {
    const d = seedModel('001');
    const t = d.tables.find((x) => x.key === 'final.expenditure')!;
    t.reading = { score: 0.3, level: 'unsure', reasons: ['12 行编码不在目录中'] };
    const c = checkDisclosure(d).coverage!;
    const e = c.tables.find((x) => x.key === 'final.expenditure')!;
    expect(e).toMatchObject({ state: 'unsure', checked: false });
    expect(e.reason).toBe('表格结构读取不确定，数字未能可靠核对（12 行编码不在目录中）');
    expect(c.level).toBe('partial');
    expect(coverageLine(c, 'en')).toContain('not checked: ');
  });

  it('an illegible table (listed, printed as an image) is not checked', () => {
    const c = checkDisclosure(seedModel('004')).coverage!;
    const income = c.tables.find((t) => t.key === 'budget.income');
    expect(income).toMatchObject({ state: 'illegible', checked: false, standard: true });
    // Seed 004 prints the 基本支出表 as six parts: the standard table is covered by them, not reported absent.
    expect(c.tables.find((t) => t.key === 'budget.general_basic')).toBeUndefined();
    expect(c.tables.filter((t) => t.key.startsWith('budget.general_basic_')).length).toBeGreaterThanOrEqual(5);
  });
});

describe('coverage in batch rows', () => {
  it('a budget with missing standard tables is a row that says which were not checked', async () => {
    const { runBatch } = await import('../../src/batch/index.ts');
    const { seedPath } = await import('../helpers/seeds.ts');
    const { summaryText } = await import('../../src/batch/check-many.ts');
    const res = await runBatch([seedPath('003'), seedPath('000')], { jobs: 1 });
    const budget = res.rows.find((r) => r.file.includes('003_'))!;
    // Seed 003 prints no standard table Caijian can find: nothing of it was checked.
    expect(budget.coverage).toBe('none');
    expect(budget.checkedTables!).toBeLessThan(budget.standardTables!);
    expect(budget.unchecked).toContain('本文件不含目录所列的报表部分，可能另行公开');
    const full = res.rows.find((r) => r.file.includes('000_'))!;
    expect(full).toMatchObject({ coverage: 'full', standardTables: 9, checkedTables: 9, unchecked: null });
    const text = summaryText({ ...res, written: [] });
    expect(text).toMatch(/未全部核对/);
    expect(text).toMatch(/\t未能核对：“/);
  }, 60_000);
});
