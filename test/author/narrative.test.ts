import { describe, expect, it } from 'vitest';
import { checkDisclosure } from '../../src/audit/engine.ts';
import { writeNarrative } from '../../src/author/narrative.ts';
import { amountText, changeText, compareWord, MISSING, percentText } from '../../src/author/numbers.ts';
import { decimal } from '../../src/model/decimal.ts';
import { SEED_IDS, seedModel } from '../helpers/seeds.ts';

const text = (sections: ReturnType<typeof writeNarrative>) =>
  sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.text)]).join('\n');

describe('narrative numbers', () => {
  it('computes shares exactly and rounds only for print', () => {
    expect(percentText(decimal('185.01'), decimal('289.70'))).toBe('63.86%');
    expect(percentText(decimal('289.70'), decimal('289.70'))).toBe('100%');
    expect(percentText(decimal('1'), decimal('0'))).toBeNull();
    // 1/8 = 12.5% exactly; half away from zero at the third decimal: 0.125 → 0.13 is not involved here.
    expect(percentText(decimal('1'), decimal('8'))).toBe('12.50%');
  });

  it('chooses direction words from the sign of the exact difference', () => {
    expect(changeText(decimal('289.70'), decimal('277.05'), '万元').sentence).toBe(
      '与上年相比，增加12.65万元，增长4.57%',
    );
    expect(changeText(decimal('277.05'), decimal('289.70'), '万元').sentence).toBe(
      '与上年相比，减少12.65万元，下降4.37%',
    );
    expect(changeText(decimal('5'), decimal('5.00'), '万元').sentence).toBe('与上年持平');
    expect(changeText(decimal('5'), decimal('0'), '万元').sentence).toBe('与上年相比，增加5.00万元');
    expect(compareWord(decimal('1.2'), decimal('1.20'))).toBe('等于');
  });

  it('never rounds an amount away', () => {
    expect(amountText(decimal('151.911'), '万元')).toBe('151.911万元');
    expect(amountText(decimal('19'), '元')).toBe('19.00元');
  });
});

describe('writeNarrative', () => {
  it('writes the 决算 情况说明 from the tables and marks what only people can say', () => {
    const d = seedModel('000');
    const out = text(
      writeNarrative(d, {
        prior: { total: '277.05' },
        reasons: { total: '人员经费增加' },
        itemBudgets: { '2101501': '140' },
      }),
    );
    expect(out).toContain(
      '2023年度收、支总计289.70万元。与上年相比，增加12.65万元，增长4.57%，主要原因是人员经费增加。',
    );
    expect(out).toContain('基本支出185.01万元，占63.86%；项目支出104.69万元，占36.14%');
    expect(out).toContain('卫生健康支出260.45万元，占89.90%');
    expect(out).toContain(
      '年初预算为140.00万元，支出决算为145.76万元，完成年初预算的104.11%，决算数大于年初预算数，主要原因是【请填写原因】。',
    );
    expect(out).toContain(MISSING('上年财政拨款收、支总计'));
    expect(out).toContain('人员经费151.91万元');
  });

  it('leaves no template residue', () => {
    for (const id of SEED_IDS) {
      const out = text(writeNarrative(seedModel(id)));
      expect(out).not.toMatch(/增加（减少）|减少（增加）|XX|0X|（增长）|\(减少\)/);
      expect(out).not.toMatch(/NaN|undefined|null/);
    }
  });

  it('writes a budget narrative for 预算 documents', () => {
    const out = text(writeNarrative(seedModel('004')));
    expect(out).toContain('2023年本部门收支预算总计1910.50万元');
    expect(out).toContain('基本支出155.22万元，占8.12%；项目支出1755.28万元，占91.88%');
  });

  it.each(SEED_IDS)('passes every narrative rule of the audit for seed %s', (id) => {
    const d = seedModel(id);
    const written = writeNarrative(d);
    const writtenPaths = new Set(written.map((s) => s.headingPath.join(' / ')));
    d.sections = [...d.sections.filter((s) => s.part !== 3), ...written];
    const findings = checkDisclosure(d).findings;
    // The parts kept as printed (部门概况, 名词解释) keep their own defects: seed 002 prints the lead-in
    // “…内设机构包括：” twice (doubled-word). Those are the department's text, found in the seed as well.
    const printed = new Set(checkDisclosure(seedModel(id)).findings.map((f) => `${f.ruleId}\u0000${f.message}`));
    // 【请填写…】 markers stand for the reasons and counts this test gives no input for: the unfilled-field rule
    // reports each (test/cli/conventions.test.ts); here the question is whether the figures agree with the tables.
    // (Seed 002's own 名词解释, kept as printed, defines classes by their former names: code-name-outdated's.)
    const narrative = findings.filter(
      (f) =>
        f.location.table === 'narrative' &&
        f.severity !== 'info' &&
        f.ruleId !== 'unfilled-field' &&
        (writtenPaths.has(f.location.tableTitle ?? '') || !printed.has(`${f.ruleId}\u0000${f.message}`)) &&
        !(f.ruleId === 'code-name-outdated' && f.location.tableTitle?.includes('名词解释')),
    );
    if (id === '001') {
      // Seed 001's 05表 basic total (4217447.45) and 06表's totals (4448400.69) disagree beyond rounding. The
      // narrative follows 06表 so its shares add up; the one amount it then differs in is the one the audit
      // already reports as a cross-table error. No narrative can agree with two tables that disagree.
      expect(
        findings.some(
          (f) => f.ruleId === 'cross-table-totals' && f.location.table === 'final.general_budget_expenditure',
        ),
      ).toBe(true);
      expect(narrative.map((f) => f.ruleId)).toEqual(['narrative-amount']);
      expect(narrative[0].message).toContain('4448400.69');
      return;
    }
    expect(narrative.map((f) => f.message)).toEqual([]);
  });
});
