import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/model/disclosure.ts';
import { buildReport } from '../../src/recognise/report.ts';
import type { TocEntry } from '../../src/recognise/segment.ts';

// The recognition report matches each 目录 line to a table found. 西安 卫健委 2022 部门决算 (167 pages) lists its nine
// tables twice: in the document's 目录 (p2–3) and in the 目录 that opens 第三部分 部门决算表 (p145, with 是否空表). The
// second list's eight lines were “absent” (each table already claimed by the first list), and the check sheet said
// 否 for eight tables that are printed on pp146–161.

const pdf = (page: number) => ({
  kind: 'pdf' as const,
  page,
  box: [0, 0, 100, 10] as [number, number, number, number],
});
const entry = (text: string, page: number, declaredEmpty?: string): TocEntry => ({
  text,
  place: pdf(page),
  ...(declaredEmpty ? { declaredEmpty } : {}),
});
const table = (id: string, key: string, status: Table['status'] = 'data') => ({ id, key, status }) as Table;

describe('buildReport', () => {
  const tables = [table('t1', 'final.income'), table('t2', 'final.state_capital', 'empty')];

  it('links a second contents list further on to the tables the first list matched', () => {
    const r = buildReport(
      [
        entry('二、收入决算表', 3),
        entry('八、国有资本经营预算财政拨款支出决算表', 3),
        entry('收入决算表', 145),
        entry('国有资本经营预算财政拨款支出决算表', 145, '本部门不涉及故公开空表'),
      ],
      tables,
      new Set(),
      '决算',
    );
    expect(r.listed.map((l) => [l.status, l.tableId])).toEqual([
      ['found', 't1'],
      ['empty', 't2'],
      ['found', 't1'],
      ['empty', 't2'],
    ]);
    expect(r.listed[3].declaredEmpty).toBe('本部门不涉及故公开空表');
  });

  it('keeps a title listed twice in one list (two tables of that title expected) absent when only one is printed', () => {
    const r = buildReport([entry('收入决算表', 3), entry('收入决算表', 4)], tables, new Set(), '决算');
    expect(r.listed.map((l) => l.status)).toEqual(['found', 'absent']);
  });
});
