import { describe, expect, it } from 'vitest';
import { readText } from '../../src/read/text/read-text.ts';
import { parseAmount } from '../../src/model/amount.ts';
import { toString } from '../../src/model/decimal.ts';
import { recognise } from '../../src/recognise/recognise.ts';

describe('text reader', () => {
  it('reads tab rows as one grid with a place per cell, blank lines as breaks, [illegible] as unreadable', () => {
    const l = readText('收入决算表\n\n项目\t金额\n合计\t1,070.62\n\n[illegible]\n');
    expect(l.blocks.map((b) => b.type)).toEqual(['line', 'break', 'grid', 'break', 'illegible', 'break']);
    const grid = l.blocks[2];
    if (grid.type !== 'grid') throw new Error('grid expected');
    expect(grid.rows[1].cells[1]).toEqual({
      text: '1,070.62',
      place: { kind: 'text', line: 4, column: 4, endColumn: 12 },
    });
  });

  it('reads Markdown tables the same way as tab-separated ones', () => {
    const md = [
      '# 2023年度某局部门决算',
      '',
      '## 一般公共预算财政拨款支出决算表',
      '',
      '单位：万元',
      '',
      '| 科目编码 | 科目名称 | 小计 | 基本支出 | 项目支出 |',
      '|---|---|---:|---:|---:|',
      '| | 合计 | 100.00 | 60.00 | 40.00 |',
      '| 201 | 一般公共服务支出 | 100.00 | 60.00 | 40.00 |',
      '| 20101 | 人大事务 | 100.00 | 60.00 | 40.00 |',
      '| 2010101 | 行政运行 | 60.00 | 60.00 | |',
      '| 2010102 | 一般行政管理事务 | 40.00 | | 40.00 |',
    ].join('\n');
    const d = recognise(readText(md, { format: 'markdown' }));
    expect(d.kind).toBe('决算');
    const t = d.tables[0];
    expect(t.key).toBe('final.general_budget_expenditure');
    expect(t.unit).toBe('万元');
    const r = t.rows.find((x) => x.code === '2010102');
    expect(r?.cells.map((c) => c.value)).toEqual(['40.00', null, '40.00']);
    expect(r?.place).toMatchObject({ kind: 'text', line: 13 });
  });

  it('reads full-width digits, thousands separators and dashes as amounts', () => {
    const d = recognise(
      readText(
        '支出决算表\n单位：元\n项目\t\t本年支出合计\t基本支出\t项目支出\n合计\t\t１,２００.５０\t--\t1 200.50\n',
      ),
    );
    const total = d.tables[0].rows[0];
    expect(total.cells.map((c) => c.value)).toEqual(['1200.50', '0', '1200.50']);
  });
});

describe('printed amounts', () => {
  const v = (t: string) => {
    const p = parseAmount(t);
    return p === undefined ? 'not an amount' : p.value === null ? null : toString(p.value);
  };
  it('reads separators, dashes and blanks, and refuses codes and labels', () => {
    expect(v('7,250,557.36')).toBe('7250557.36');
    expect(v('125360,898')).toBe('125360898'); // 上海 2026 prints only the last separator
    expect(v('1 070.62')).toBe('1070.62');
    expect(v('--')).toBe('0');
    expect(v('')).toBeNull();
    expect(v('20132 99')).toBe('not an amount');
    expect(v('12,50')).toBe('not an amount');
    expect(v('合计')).toBe('not an amount');
  });
});
