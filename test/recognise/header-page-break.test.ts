import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure, Table } from '../../src/model/disclosure.ts';
import { parseBytes } from '../../src/pipeline.ts';

// A header split by a page end: the title and the header's first line at the foot of one page, the rest of the
// header and the body on the next (江苏 narratives print their tables one after another). The header continues on
// the next page, re-cut to that page's columns by position. Values read by eye from the page images (truth record d12).

const CORPUS = join(import.meta.dirname, '../../../shared/corpus/ae86jack__open-budget');
/** A row's cells as [printed column label, text]; column keys repeat across the two parts, the row's section picks. */
const cellOf = (t: Table, label: string) => {
  const r = t.rows.find((x) => x.label === label);
  return r?.cells.map((c) => {
    const cols = t.columns.filter((k) => k.key === c.column);
    return [(cols.find((k) => k.section === r.section) ?? cols[0])?.label, c.text];
  });
};

describe('header continued across a page end', () => {
  let court: Disclosure;
  beforeAll(async () => {
    const rel = '省法院2018年度部门预算公开.pdf';
    court = await parseBytes(new Uint8Array(readFileSync(join(CORPUS, rel))), { fileName: rel });
  }, 120_000);

  it('江苏 高院 2018 四、财政拨款收支预算总表 (title and 收入 | 支出 at the foot of p.10, the rest on p.11)', () => {
    const t = court.tables.find((x) => x.key === 'budget.fiscal_summary');
    expect(t?.place.kind === 'pdf' && t.place.page).toBe(10);
    // p.11: 一、一般公共预算 33,172.15 | 一、基本支出 18,570.82; 二、项目支出 11,343.27; 收入合计 33,172.15 | 支出合计 33,172.15
    expect(cellOf(t!, '一、一般公共预算')).toEqual([['收入/金额', '33,172.15']]);
    expect(cellOf(t!, '一、基本支出')).toEqual([['支出/支出用途/金额', '18,570.82']]);
    expect(cellOf(t!, '二、项目支出')).toEqual([['支出/支出用途/金额', '11,343.27']]);
    // The page's header lines are header, not a body row.
    expect(t!.rows.some((r) => r.label === '项目名称')).toBe(false);
  });
});
