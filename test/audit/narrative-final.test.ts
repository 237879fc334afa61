import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDisclosure } from '../../src/audit/engine.ts';
import { narrativeFacts } from '../../src/audit/narrative/tied.ts';
import { subjectOfLabel } from '../../src/audit/narrative/subjects.ts';
import { rules } from '../../src/audit/rules/index.ts';
import { parseBytes } from '../../src/pipeline.ts';

// The narrative extractor on a final account (issue 10.1: narrative facts for every document kind). Before, its
// targets named budget tables only, so in a 决算 the figures of 收入/支出决算情况, 财政拨款收入支出 and 基本支出 were
// read but tied to no cell: on 佛山 轨道交通局 2019 (a real 决算) narrative-amount checked 8 of its 58 amounts, the 三公
// ones. Now the same vocabulary ties them to the 决算 tables, with the final account's own wording (决算 is the
// document's amount, 预算 the budget it is compared with).

const dir = join(import.meta.dirname, '../fixtures/pdf');
const tableFact = rules.filter((r) => r.meta.id === 'narrative-table-fact');

async function foshan() {
  return parseBytes(new Uint8Array(readFileSync(join(dir, 'foshan-final-2019.pdf'))), {
    fileName: 'foshan-final-2019.pdf',
  });
}

describe('narrative facts in a final account (佛山 轨道交通局 2019 决算, pp. 24–27)', () => {
  it('ties the 收入/支出决算 and 财政拨款 figures to the 决算 tables', async () => {
    const d = await foshan();
    expect(d.kind).toBe('决算');
    const tied = (label: string) =>
      narrativeFacts(d)
        .find((f) => f.label === label)
        ?.cells.map((c) => `${c.table.key}|${c.row.item ?? c.row.kind}|${c.column}`);
    // p24 “1.基本支出746.39万元”, “2.项目支出921.75万元”: the 支出决算表's 合计 line
    expect(tied('1.基本支出')).toEqual(['final.expenditure|total|basic']);
    expect(tied('2.项目支出')).toEqual(['final.expenditure|total|project']);
    // p24 “1．一般公共预算财政拨款收入1668.14万元”: the 收入支出决算总表 and the 财政拨款收入支出决算总表
    expect(tied('1．一般公共预算财政拨款收入')).toEqual([
      'final.income_expenditure_summary|income.general_budget|amount',
      'final.fiscal_summary|income.general_budget|amount',
    ]);
    // p25 “一般公共预算财政拨款支出1668.14万元”: the 一般公共预算财政拨款支出决算表's 合计
    expect(tied('一般公共预算财政拨款支出')).toEqual(['final.general_budget_expenditure|total|total']);
    // 三公 figures stay narrative-amount's (预算数 and 决算数 side by side)
    expect(
      narrativeFacts(d)
        .filter((f) => f.subject.startsWith('three_public.'))
        .every((f) => f.cells.length === 0),
    ).toBe(true);
  });

  it('passes the printed document and reports a changed 支出决算表 cell at the narrative figure', async () => {
    const d = await foshan();
    expect(
      checkDisclosure(d, {}, tableFact)
        .findings.filter((f) => f.severity !== 'info')
        .map((f) => f.message),
    ).toEqual([]);
    const t = d.tables.find((x) => x.key === 'final.expenditure')!;
    const cell = t.rows.find((r) => r.kind === 'total')!.cells.find((c) => c.column === 'basic')!;
    expect(cell.value).toBe('746.39');
    cell.value = '764.39';
    const errors = checkDisclosure(d, {}, tableFact).findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.message)).toEqual([
      '说明中“1.基本支出”为 746.39万元，而支出决算表“合计”基本支出为 764.39万元，不一致',
    ]);
    expect(errors[0].related.map((r) => JSON.stringify(r.source))).toContain(JSON.stringify(cell.place));
  });
});

describe('a final account’s wording', () => {
  it('takes 决算 as the document’s own amount and 预算 as another quantity', () => {
    expect(subjectOfLabel('基本支出决算为', [], 2019, '决算')?.subject).toBe('expenditure.basic');
    expect(subjectOfLabel('基本支出预算为', [], 2019, '决算')).toBeNull();
    // in a budget, as before
    expect(subjectOfLabel('基本支出预算为', [], 2026, '预算')?.subject).toBe('expenditure.basic');
    expect(subjectOfLabel('基本支出预算为', [], 2026)?.subject).toBe('expenditure.basic');
  });

  it('reads a bare “支出决算为” after a line’s 年初预算 as that line’s, not the 本年支出合计', () => {
    expect(subjectOfLabel('支出决算为', [], 2019, '决算')).toBeNull();
    expect(subjectOfLabel('本年支出合计', [], 2019, '决算')?.subject).toBe('expenditure.total');
  });
});
