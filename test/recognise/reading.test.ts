import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure, Table } from '../../src/model/disclosure.ts';
import { parseBytes } from '../../src/pipeline.ts';
import { readingConfidence } from '../../src/recognise/reading.ts';
import { SEED_IDS, seedModel } from '../helpers/seeds.ts';

// Table.reading on real documents: the seeds read right and must all be sure; corpus tables whose structure was
// misread (pages checked by eye) must be unsure, and the same table with its structure intact must be sure.

const CORPUS = join(import.meta.dirname, '../../../shared/corpus/calinchow-del__renwu');
const pdf = (rel: string) =>
  parseBytes(new Uint8Array(readFileSync(join(CORPUS, rel))), { fileName: rel.split('/').pop() });
const onPage = (d: Disclosure, page: number) => d.tables.filter((t) => t.place.kind === 'pdf' && t.place.page === page);

describe('reading confidence on the seeds', () => {
  for (const id of SEED_IDS) {
    it(`seed ${id}: every table is read sure`, () => {
      const d = seedModel(id);
      // seed 003 is a budget's narrative with the table list only
      expect(d.tables.length > 0 || id === '003').toBe(true);
      const unsure = d.tables
        .filter((t) => t.reading?.level !== 'sure')
        .map((t) => `${t.title}: ${t.reading?.reasons.join('；')}`);
      expect(unsure).toEqual([]);
    });
  }
});

describe('reading confidence on corpus pages', () => {
  let shenzhen: Disclosure;
  let xian: Disclosure;
  let chongqing: Disclosure;
  beforeAll(async () => {
    [shenzhen, xian, chongqing] = await Promise.all([
      pdf('003_深圳/2026年深圳市审计局部门预算.pdf'),
      pdf('020_西安/应急管理局_2026年部门预算.pdf'),
      pdf('004_重庆/2026年重庆市人民政府办公厅部门预算.pdf'),
    ]);
  }, 120_000);

  it('深圳 审计局 2026 p29 一般公共预算支出表: sure exactly when its code/name columns are read', () => {
    // The page prints 预算单位 | 科目编码 | 科目名称 | 支出总计 | 基本支出 | 项目支出, codes 201 … 2080505 with names.
    const [t] = onPage(shenzhen, 29);
    expect(t?.key).toBe('budget.general_expenditure');
    const valued = t.rows.filter((r) => r.cells.some((c) => c.value !== null));
    const named = valued.filter((r) => r.code || r.label).length / valued.length;
    if (named < 0.75) {
      expect(t.reading?.level).toBe('unsure');
      expect(t.reading?.reasons.join()).toMatch(/既无编码也无名称/);
    } else expect(t.reading?.level).toBe('sure');
  });

  it('重庆 办公厅 2026 p12 支出总表, read right, is sure; the same table with its code and name columns lost is unsure', () => {
    // p12 prints 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出, 26 coded lines 201 … 2210201, each 类 = Σ 款 = Σ 项.
    const [t] = onPage(chongqing, 12);
    expect(t?.key).toBe('budget.expenditure');
    expect(t.rows.filter((r) => r.kind === 'code').length).toBeGreaterThanOrEqual(20);
    expect(t.reading).toMatchObject({ level: 'sure', score: 1 });
    const lost: Table = structuredClone(t);
    for (const r of lost.rows)
      if (r.kind === 'code') Object.assign(r, { kind: 'item', code: undefined, codeSystem: undefined, label: null });
    const r = readingConfidence(lost, chongqing.fiscalYear);
    expect(r.level).toBe('unsure');
    expect(r.reasons[0]).toMatch(/行既无编码也无名称/);
  });

  it('西安 科技创新局 (2022) p51–52 基本支出明细表: an amount cell with the end of a long name glued to it makes the table unsure', async () => {
    // p52 line 27 prints 2080505 | 机关事业单位基本养老保险缴费支出 | 2947399.16 | 2947399.16 | 0; the name is drawn past its
    // cell's rule, and its last glyph was read into the 合计 cell ("支2947399.16"), so 20805 looked 2,947,399.16 short.
    const d = await pdf('020_西安/科技创新局_2026年部门预算.pdf');
    const [t] = onPage(d, 51).filter((x) => x.key === 'budget.general_basic');
    const line = t.rows.find((r) => r.code === '2080505');
    const glued = line?.cells.find((c) => c.column === 'total');
    if (glued?.value === null) {
      expect(t.reading?.level).toBe('unsure');
      expect(t.reading?.reasons[0]).toMatch(/金额单元格混有文字（“支2947399\.16”）/);
    } else {
      // read right (the reader keeps an overflowing name in its cell): the table is sure
      expect(glued?.value).toBe('2947399.16');
      expect(t.reading?.level).toBe('sure');
    }
  }, 60_000);

  it('西安 应急管理局 p3 收支总表 (four side-by-side parts), read right, is sure; its parts read as one line are unsure', () => {
    // The page prints 收入 | 支出功能分类 | 部门经济分类 | 政府经济分类 side by side, the part captions overflowing their
    // cells leftwards. Read right, each print line gives one row per part; read as one, a row's label joins the
    // labels of all parts ("1、财政拨款1、一般公共服务1、人员经费和公用经费支出…").
    const [t] = onPage(xian, 3);
    expect(t?.key).toBe('budget.summary');
    expect(new Set(t.columns.map((c) => c.section)).size).toBe(4);
    expect(t.reading?.level).toBe('sure');
    const glued: Table = structuredClone(t);
    const first = glued.rows.filter((r) => r.section === 'income');
    glued.rows = first.map((r, i) => ({
      ...r,
      label:
        glued.rows
          .filter((x) => x.place.kind === 'pdf' && r.place.kind === 'pdf' && x.place.box[1] === r.place.box[1])
          .map((x) => x.label ?? '')
          .join('') || `${i}`,
    }));
    const r = readingConfidence(glued, xian.fiscalYear);
    expect(r.level).toBe('unsure');
    expect(r.reasons.join()).toMatch(/名称由几栏拼成/);
  });
});

describe('reading confidence of a list filed under function codes', () => {
  it('西安 统计局 2026 p38 政府采购预算表: the 采购项目 labels are not taken for the function codes’ names', async () => {
    // The page prints 科目编码 类|款|项 | 单位编码 | 采购项目 | 采购目录 | … | 预算金额: "2050803 | 计算机设备", not the name
    // of 2050803. The table is read right (key-columns.test.ts), so it is sure.
    const name = 'xian-procurement-code-groups-2026.p38.pdf';
    const d = await parseBytes(new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pdf', name))), {
      fileName: name,
    });
    const t = d.tables.find((x) => x.key === 'budget.procurement');
    expect(t?.rows.some((r) => r.kind === 'code' && r.label)).toBe(true);
    expect(t?.reading?.reasons.join()).not.toMatch(/科目名称与编码不符/);
    expect(t?.reading?.level).toBe('sure');
  });
});
