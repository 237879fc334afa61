import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/pipeline.ts';

// A sheet printed with its head inside the lattice (test/fixtures/pdf/SOURCES.md): the number, the title and the
// unit are the grid's first rows, one cell each, and the only line above the grid is the page's running header.

const dir = join(import.meta.dirname, '..', 'fixtures', 'pdf');

describe('西安 2019 应急管理局 p29: 表11 财政拨款结转资金支出表, its head inside the grid', () => {
  it('takes the unit (单位：万元) and the full title from the grid’s head rows', async () => {
    const name = 'xian-carryover-head-in-grid-2019.p29.pdf';
    const d = await parseBytes(new Uint8Array(readFileSync(join(dir, name))), { fileName: name });
    const t = d.tables.find((x) => x.key === 'budget.carryover_expenditure');
    expect(t?.title).toBe('2019年部门综合预算财政拨款结转资金支出表');
    expect(t?.unit).toBe('万元');
  });
});
