import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeText } from '../../src/audit/report/text.ts';
import { parseBytes } from '../../src/pipeline.ts';

// The terminal report names a finding's column by its printed header. A two-sided table (收支总表: 收入 | 支出) has
// the same column key on both sides; before, every place got the 收入 side's header, so a finding on an expenditure
// row (深圳 规划和自然资源局 2026 p17, “21302 林业和草原”) read “收入/2026年预算数”列 while its message said 支出.

const fixture = join(import.meta.dirname, '../fixtures/pdf/shenzhen-wide-2026.pdf');

describe('placeText on a two-sided table', () => {
  it('names the column of the side the row is on (深圳 医疗保障局 2026 收支总表)', async () => {
    const d = await parseBytes(new Uint8Array(readFileSync(fixture)), { fileName: 'shenzhen-wide-2026.pdf' });
    const t = d.tables.find((x) => x.key === 'budget.summary');
    expect(t?.columns.map((c) => c.section)).toEqual(['income', 'expenditure_function']);
    const at = (row: string) =>
      placeText({ table: 'budget.summary', tableTitle: '收支总表', row, column: 'amount', source: null }, 'zh', d);
    expect(at('2101501')).toBe('收支总表 “2101501” “支出/2026年预算数”列');
    expect(at('本年支出合计')).toBe('收支总表 “本年支出合计” “支出/2026年预算数”列');
    expect(at('本年收入合计')).toBe('收支总表 “本年收入合计” “收入/2026年预算数”列');
    // A row the table does not have keeps the first side's header, as before.
    expect(at('9999999')).toBe('收支总表 “9999999” “收入/2026年预算数”列');
  });
});
