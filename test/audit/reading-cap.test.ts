import { describe, expect, it } from 'vitest';
import { checkDisclosure } from '../../src/audit/engine.ts';
import { cleanFinal } from '../../src/audit/testing/clean-final.ts';
import { readingConfidence } from '../../src/recognise/reading.ts';

// The engine's cap: no finding whose place names a table read unreliably is an error (issue 9 item 2).

function brokenIncome() {
  const d = cleanFinal();
  const t = d.tables.find((x) => x.key === 'final.income')!;
  // 2101501 行政运行 printed 10.00 too high: 21015 ≠ Σ its 项 (CJ101), and the 合计 no longer matches either
  const r = t.rows.find((x) => x.code === '2101501')!;
  const c = r.cells.find((x) => x.column === 'total')!;
  c.value = '155.76';
  c.text = '155.76';
  return { d, t };
}

describe('errors about an unsure table are warnings', () => {
  it('a hierarchy error in a sure table stays an error', () => {
    const { d, t } = brokenIncome();
    t.reading = readingConfidence(t, d.fiscalYear);
    expect(t.reading.level).toBe('sure');
    const errors = checkDisclosure(d).findings.filter(
      (f) => f.ruleId === 'code-hierarchy-sum' && f.location.table === 'final.income' && f.severity !== 'info',
    );
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((f) => f.severity === 'error')).toBe(true);
  });

  it('the same error in a table read unsure is a warning that says why, and the table gets one CJ409 warning', () => {
    const { d, t } = brokenIncome();
    t.reading = { score: 0.3, level: 'unsure', reasons: ['12/20 行既无编码也无名称'] };
    const res = checkDisclosure(d);
    const hier = res.findings.filter(
      (f) => f.ruleId === 'code-hierarchy-sum' && f.location.table === 'final.income' && f.severity !== 'info',
    );
    expect(hier.length).toBeGreaterThan(0);
    for (const f of hier) {
      expect(f.severity).toBe('warning');
      expect(f.message).toContain('未能可靠读取');
      expect(f.values.reading).toBe('unsure');
    }
    // a cross-table error naming the unsure table as its related place is capped too
    for (const f of res.findings.filter((x) => x.related.some((p) => p.table === 'final.income')))
      expect(f.severity).not.toBe('error');
    const own = res.findings.filter((f) => f.ruleId === 'reading-confidence');
    expect(own).toHaveLength(1);
    expect(own[0].message).toMatch(/^“收入决算表”表格未能可靠读取，请人工核对：12\/20 行既无编码也无名称/);
  });
});
