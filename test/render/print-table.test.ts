import { describe, expect, it } from 'vitest';
import { buildHeader, printTable } from '../../src/render/print-table.ts';
import { seedModel } from '../helpers/seeds.ts';

describe('buildHeader', () => {
  it('merges equal parents across and short labels down', () => {
    const h = buildHeader([['合计'], ['本年支出', '基本支出'], ['本年支出', '项目支出']]);
    expect(h).toEqual([
      [
        { text: '合计', rowSpan: 2 },
        { text: '本年支出', colSpan: 2 },
      ],
      [{ text: '基本支出' }, { text: '项目支出' }],
    ]);
  });

  it('puts bottom-aligned key labels on the last header row under a merged 项目', () => {
    const h = buildHeader([['^', '项目', '科目编码'], ['^', '项目', '科目名称'], ['合计'], ['工资', '基本工资']]);
    expect(h[0][0]).toEqual({ text: '项目', colSpan: 2 });
    expect(h[1].slice(0, 2)).toEqual([{ text: '科目编码' }, { text: '科目名称' }]);
  });
});

describe('printTable', () => {
  it('prints 01表 income and expenditure side by side on the lines they shared', () => {
    const d = seedModel('000');
    const t = printTable(d.tables.find((x) => x.key === 'final.income_expenditure_summary')!, d.entity.name);
    expect(t.header[0].map((c) => c.text)).toEqual(['收入', '支出']);
    const total = t.body.find((r) => r[0].text === '本年收入合计')!;
    expect(total.map((c) => c.text)).toEqual(['本年收入合计', '27', '289.70', '本年支出合计', '57', '289.70']);
    expect(t.unitLine ?? '').toMatch(/万元|^$/);
  });

  it('keeps amounts as printed, including a stray third decimal', () => {
    const d = seedModel('000');
    const t = printTable(d.tables.find((x) => x.key === 'final.general_budget_basic')!, d.entity.name);
    expect(t.body[0].map((c) => c.text)).toContain('151.911');
    expect(t.columnCount).toBe(9);
  });
});
