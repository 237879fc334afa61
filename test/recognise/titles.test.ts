import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure } from '../../src/model/disclosure.ts';
import { parseBytes } from '../../src/pipeline.ts';

// Titles wrapped over two lines and tables continued on the next page with the wrapped title repeated (西安 部门
// 综合预算, 2021–2022 layouts), read from the page images.

const CORPUS = join(import.meta.dirname, '../../../shared/corpus/calinchow-del__renwu');
const pdf = (rel: string) =>
  parseBytes(new Uint8Array(readFileSync(join(CORPUS, rel))), { fileName: rel.split('/').pop() });
const pageOf = (d: Disclosure, page: number) => d.tables.find((t) => t.place.kind === 'pdf' && t.place.page === page);
const pagesOf = (d: Disclosure, page: number) =>
  d.tables.filter((t) => t.place.kind === 'pdf' && t.place.page === page);

describe('wrapped titles and continuation pages', () => {
  let minzheng: Disclosure;
  let xuanchuan: Disclosure;
  beforeAll(async () => {
    [minzheng, xuanchuan] = await Promise.all([
      pdf('020_西安/民政局_2026年部门预算.pdf'),
      pdf('020_西安/宣传部_2026年部门预算.pdf'),
    ]);
  }, 120_000);

  it('民政局 p46: "…一般公共预算支出明细表" + "（按支出功能分类科目-不含上年结转）" is one title; p47 (title repeated) continues it', () => {
    const t = pageOf(minzheng, 46);
    expect(t?.title).toBe('2021年部门综合预算一般公共预算支出明细表（按支出功能分类科目-不含上年结转）');
    expect(t?.key).toBe('budget.general_expenditure');
    // p47 starts with 序号 29, 2089999 其他社会保障和就业支出: the same table, no table of its own
    expect(pagesOf(minzheng, 47)).toEqual([]);
    expect(t?.rows.some((r) => r.code === '2089999')).toBe(true);
  });

  it('民政局 p48: the same first title line with another second line is the next table, not a continuation', () => {
    const t = pageOf(minzheng, 48);
    expect(t?.title).toBe('2021年部门综合预算一般公共预算支出明细表（按支出经济分类科目-不含上年结转）');
    expect(t?.key).toBe('budget.general_expenditure_by_econ');
    expect(t?.rows.find((r) => r.code === '301')?.label).toBe('工资福利支出');
  });

  it('宣传部 p24: a title wrapped inside its bracket ("…（按支出功能分类科" + "目-不含上年结转）")', () => {
    const t = pageOf(xuanchuan, 24);
    expect(t?.title).toBe('2021年部门综合预算一般公共预算支出明细表（按支出功能分类科目-不含上年结转）');
    expect(t?.key).toBe('budget.general_expenditure');
    // p25 repeats the wrapped title: joined to p24
    expect(pagesOf(xuanchuan, 25)).toEqual([]);
  });

  it('no untitled table left in either document where a title was printed', () => {
    const untitled = (d: Disclosure) =>
      d.tables.filter((t) => !t.title && t.rows.some((r) => r.code)).map((t) => t.place.kind === 'pdf' && t.place.page);
    expect(untitled(minzheng)).toEqual([]);
    expect(untitled(xuanchuan)).toEqual([]);
  });
});
