import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure, Table } from '../../src/model/disclosure.ts';
import { parseBytes } from '../../src/pipeline.ts';

// Header lines mapped to columns by position: a header cell that names the classification over its code and name
// columns ("部门预算支出经济分类科目" spanning 科目编码 | 科目名称) or the line-category column ("支出项目类别") is a key
// column, not a value column; otherwise every amount of the table lands one column to the left. Values read by eye
// from the page images.

const CORPUS = join(import.meta.dirname, '../../../shared/corpus/calinchow-del__renwu');
const pdf = (rel: string) =>
  parseBytes(new Uint8Array(readFileSync(join(CORPUS, rel))), { fileName: rel.split('/').pop() });
const onPage = (d: Disclosure, page: number): Table => {
  const t = d.tables.find((x) => x.place.kind === 'pdf' && x.place.page === page);
  if (!t) throw new Error(`no table on p${page}`);
  return t;
};
const cell = (t: Table, rowName: string, column: string) => {
  const r = t.rows.find((x) => x.code === rowName || x.label === rowName);
  return r?.cells.find((c) => c.column === column)?.text;
};
const columnOf = (t: Table, label: RegExp) => t.columns.find((c) => label.test(c.label))?.key ?? '?';

describe('header → columns', () => {
  let wuxi: Disclosure;
  let shenzhen: Disclosure;
  beforeAll(async () => {
    [wuxi, shenzhen] = await Promise.all([
      pdf('014_无锡/2026年无锡市住房和建设局部门预算.pdf'),
      pdf('003_深圳/2026年深圳市审计局部门预算.pdf'),
    ]);
  }, 120_000);

  it('无锡 住建局 2026 p17 财政拨款基本支出表（经济科目）: codes and names under 部门预算支出经济分类科目, amounts under their columns', () => {
    const t = onPage(wuxi, 17);
    expect(t.key).toBe('budget.fiscal_basic');
    expect(t.columns.map((c) => c.key)).toEqual(['total', 'personnel', 'public']);
    const r301 = t.rows.find((r) => r.code === '301');
    expect(r301?.label).toBe('工资福利支出');
    expect(cell(t, '301', 'personnel')).toBe('3,335.42');
    expect(cell(t, '30101', 'total')).toBe('521.19');
    expect(t.reading?.level).toBe('sure');
  });

  it('深圳 审计局 2026 p24 基本支出总表: 支出项目类别 is the label column', () => {
    const t = onPage(shenzhen, 24);
    expect(t.key).toBe('budget.basic_expenditure');
    expect(t.columns.some((c) => /支出项目类别/.test(c.label))).toBe(false);
    // 工资福利支出: 总计 7,168.15, 财政拨款/一般公共预算拨款 7,168.15, 政府性基金预算拨款 0.00
    expect(cell(t, '工资福利支出', 'total')).toBe('7,168.15');
    expect(cell(t, '工资福利支出', columnOf(t, /一般公共预算拨款/))).toBe('7,168.15');
    expect(cell(t, '工资福利支出', columnOf(t, /政府性基金预算拨款/))).toBe('0.00');
    expect(t.reading?.level).toBe('sure');
  });

  it('深圳 审计局 2026 p34 三公 表: 预算单位 and 年度 are label columns, 2025年 总计/一般公共预算 is 40.31', () => {
    const t = onPage(shenzhen, 34);
    expect(t.key).toBe('budget.three_public');
    expect(t.columns.some((c) => /^(年度|预算单位)$/.test(c.label))).toBe(false);
    const y2025 = t.rows.find((r) => /2025年/.test(r.label ?? ''));
    // printed: 2025年 | 40.31 | 0.00 | 0.00 | 0.80 (因公出国(境)费/一般公共预算) …
    expect(y2025?.cells[0]?.text).toBe('40.31');
    expect(y2025?.cells.find((c) => c.column === columnOf(t, /^因公出国\(境\)费\/一般公共预算$/))?.text).toBe('0.80');
  });
});
