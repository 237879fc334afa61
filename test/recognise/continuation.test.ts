import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure } from '../../src/model/disclosure.ts';
import { parseBytes } from '../../src/pipeline.ts';

// Continuation pages of a table joined to it, on real documents of ../shared/corpus (each expectation checked on the
// page images): a standard table whose continuation pages were cut off by a misprinted unit line, and
// performance-target forms whose goal text or 资金主管部门 line stood between the title and the grid.

const corpus = join(import.meta.dirname, '../../../shared/corpus/calinchow-del__renwu');
const read = (path: string) => parseBytes(new Uint8Array(readFileSync(join(corpus, path))), { fileName: path });
const page = (p: { kind: string; page?: number }) => (p.kind === 'pdf' ? p.page : undefined);

describe('西安 生态环境局 2022 表12 政府采购预算表, pp. 54–57 (unit printed “金位：元” on every page)', () => {
  let d: Disclosure;
  beforeAll(async () => {
    d = await read('020_西安/生态环境局_2026年部门预算.pdf');
  }, 60_000);

  it('reads the four pages as one table, no untitled table in between', () => {
    const procurement = d.tables.filter((t) => t.key === 'budget.procurement');
    expect(procurement).toHaveLength(1);
    const pages = new Set(procurement[0].rows.map((r) => page(r.place)));
    expect([...pages].sort()).toEqual([54, 55, 56, 57]);
    expect(d.tables.filter((t) => t.key === 'unknown').map((t) => page(t.place))).toEqual([8]);
  });

  it('keeps the lines of a continuation page under their columns (p55: 租赁重点区县实验室用房 1,350,000.00)', () => {
    const t = d.tables.find((x) => x.key === 'budget.procurement')!;
    const rent = t.rows.find((r) => r.label === '租赁重点区县实验室用房');
    expect(rent && page(rent.place)).toBe(55);
    expect(rent?.cells.find((c) => c.value === '1350000.00')).toBeDefined();
  });
});

describe('重庆 商务委员会 2026 绩效目标表, pp. 25–28', () => {
  let d: Disclosure;
  beforeAll(async () => {
    d = await read('004_重庆/2026年重庆市商务委员会部门预算.pdf');
  }, 60_000);

  it('keys 表十 部门整体绩效目标表 although its goal text stands between the title and the grid (p25)', () => {
    const overall = d.performance.filter((t) => t.kind === 'overall_goals');
    expect(overall.map((t) => [page(t.place), t.title])).toEqual([[25, '2026年部门整体绩效目标表']]);
    expect(overall[0].rows.some((r) => r.includes('建成15分钟商业服务圈'))).toBe(true);
  });

  it('joins the untitled p27 to 表十一, and keeps 表十二 (资金主管部门 line) its own table', () => {
    const project = d.performance.filter((t) => t.kind === 'project_goals');
    expect(project.map((t) => [page(t.place), t.title])).toEqual([
      [26, '2026年市级重点专项资金绩效目标表(一级项目)'],
      [28, '2026年市级一般性项目绩效目标表(一级项目)'],
    ]);
    expect(project[0].rows.some((r) => r.includes('新增限额以上商贸市场主体数量'))).toBe(true);
    expect(d.tables.filter((t) => t.key === 'unknown')).toEqual([]);
  });
});
