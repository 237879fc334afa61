import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure, Row, Table } from '../../src/model/disclosure.ts';
import { parseBytes } from '../../src/pipeline.ts';

// 款 and 项 printed by name only under their 类 get their codes from their parent line (src/recognise/codes-by-name.ts).
// 杭州市司法局 2026 (test/fixtures/pdf/hangzhou-wrapped-numbers-2026.pdf, the whole document) prints no code in any
// table: 表1 收支预算总表 p23, 表3 支出预算总表 p26, 表5 p30. Every expectation is a line as printed on the page image.

const file = join(import.meta.dirname, '..', 'fixtures', 'pdf', 'hangzhou-wrapped-numbers-2026.pdf');
function table(d: Disclosure, key: string): Table {
  const t = d.tables.find((x) => x.key === key);
  if (!t) throw new Error(`no ${key}: ${d.tables.map((x) => x.key).join(', ')}`);
  return t;
}
const lines = (t: Table, section?: string) =>
  t.rows.filter((r) => section === undefined || r.section === section).map((r) => `${r.code ?? '-'} ${r.label}`);
const amount = (r: Row | undefined, column: string) => r?.cells.find((c) => c.column === column)?.text;

describe('款/项 by name under their 类 (杭州市司法局 2026)', () => {
  let d: Disclosure;
  beforeAll(async () => {
    d = await parseBytes(new Uint8Array(readFileSync(file)), { fileName: 'hangzhou-wrapped-numbers-2026.pdf' });
  });

  it('表1: a name means a code under its parent — 行政运行 is 2040601 under 司法, 2040801 under 强制隔离戒毒', () => {
    const got = lines(table(d, 'budget.summary'), 'expenditure_function');
    expect(got.slice(0, 8)).toEqual([
      '201 一般公共服务支出',
      '20139 社会工作事务',
      '2013999 其他社会工作事务支出',
      // the same name twice: the 款, then its 项
      '20199 其他一般公共服务支出',
      '2019999 其他一般公共服务支出',
      '204 公共安全支出',
      '20406 司法',
      '2040601 行政运行',
    ]);
    expect(got).toContain('20408 强制隔离戒毒');
    expect(got).toContain('2040801 行政运行');
    expect(got).toContain('2080505 机关事业单位基本养老保险缴费支出');
  });

  it('表1: a 项 the catalogue does not know (监狱/信息化建设) leaves that 款’s 项 uncoded, the 款 keeps its code', () => {
    const t = table(d, 'budget.summary');
    const prison = t.rows.find((r) => r.label === '监狱');
    expect(prison?.code).toBe('20407');
    const i = t.rows.indexOf(prison!);
    const under = t.rows.slice(i + 1).filter((r) => r.section === 'expenditure_function');
    const info = under.find((r) => r.label === '信息化建设');
    expect(info?.code).toBeUndefined();
    expect(info?.level).toBe('项');
    expect(amount(info, 'amount')).toBe('115.00');
    // its siblings are uncoded too: a sum over the known ones only would be short
    expect(under.find((r) => r.label === '其他监狱支出')?.code).toBeUndefined();
  });

  it('表3 支出预算总表 (names only, no code column): classes, 款 and 项 coded, amounts unchanged', () => {
    const t = table(d, 'budget.expenditure');
    const cls = t.rows.find((r) => r.code === '204');
    expect(cls?.label).toBe('公共安全支出');
    expect(amount(cls, 'total')).toBe('76,468.81');
    const run = t.rows.find((r) => r.code === '2040601');
    expect(run?.label).toBe('行政运行');
    expect(amount(run, 'basic_public')).toBe('1,553.03');
  });
});
