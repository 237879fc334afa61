import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/pipeline.ts';
import { levelOfFields } from '../../src/recognise/document-meta.ts';

// Document metadata from the document itself (covers and part headings as printed, checked on the page images):
// the entity from a cover title wrapped over lines or a name field, never from prose or the file name.

const CORPUS = join(import.meta.dirname, '../../../shared/corpus');
const read = (rel: string) => parseBytes(new Uint8Array(readFileSync(join(CORPUS, rel))), { fileName: 'upload.pdf' });

describe('document metadata', () => {
  it('北京 信访办 2026: "北京市信访办公室部门2026年度部门预算" names the entity', async () => {
    const d = await read('calinchow-del__renwu/002_北京/2026年北京市信访办公室部门预算.pdf');
    expect(d.entity.name).toBe('北京市信访办公室');
    expect([d.kind, d.fiscalYear, d.scope.level]).toEqual(['预算', 2026, '部门']);
  }, 60_000);

  it('西安 宣传部: "中共西安市委宣传部2021年部门综合预算" (部门综合预算 is a 部门 budget)', async () => {
    const d = await read('calinchow-del__renwu/020_西安/宣传部_2026年部门预算.pdf');
    expect(d.entity.name).toBe('中共西安市委宣传部');
    expect([d.kind, d.fiscalYear, d.scope.level]).toEqual(['预算', 2021, '部门']);
  }, 60_000);

  it('广州 生态环境局 2026 绩效目标申报表 (one form, no cover): entity from its 部门名称 field, kind and level from the form', async () => {
    // p1: "广州市生态环境局2026年部门整体预算绩效目标申报表", first row "部门名称 | 广州市生态环境局".
    const d = await read(
      'calinchow-del__renwu/_history/005_广州/生态环境局_广州市生态环境局2026年部门整体预算绩效目标申报表.pdf',
    );
    expect(d.entity.name).toBe('广州市生态环境局');
    expect([d.kind, d.fiscalYear, d.scope.level]).toEqual(['预算', 2026, '部门']);
    expect(d.performance.map((p) => p.kind)).toEqual(['overall_goals']);
  }, 60_000);

  it('广州 生态环境局 2026 项目支出绩效目标表 (forms only, their title not read): no kind guessed from untitled forms', async () => {
    // Every page prints "广州市生态环境局2026年项目支出绩效目标表（含转移支付项目）" (a 预算 form, truth d03); the reader
    // does not get that title and keys the pages by their captions, which a 决算's 项目支出绩效自评表 shares. Taking
    // 决算 from them gave nine false "缺少…决算表" errors; an honest null gives none.
    const d = await read('calinchow-del__renwu/005_广州/2026年广州市生态环境局部门预算.pdf');
    expect(d.entity.name).toBe('广州市生态环境局');
    expect(d.kind).not.toBe('决算');
    const { checkDisclosure } = await import('../../src/audit/engine.ts');
    expect(checkDisclosure(d).findings.filter((f) => f.severity === 'error')).toEqual([]);
  }, 60_000);

  it('江苏 省法院 2018: the cover title wraps ("2018年度江苏省高级" / "人民法院预算公开")', async () => {
    const d = await read('ae86jack__open-budget/省法院2018年度部门预算公开.pdf');
    expect(d.entity.name).toBe('江苏省高级人民法院');
    expect(d.fiscalYear).toBe(2018);
  }, 60_000);

  it('西安 行政审批服务局: the name ends where the next printed field begins, the consolidation mark stays', async () => {
    const d = await read('calinchow-del__renwu/020_西安/政务服务和数据管理局_2026年部门预算.pdf');
    expect(d.entity.name).toBe('西安市行政审批服务局（汇总）');
  }, 60_000);

  it('江苏 政协 2019 (no cover text, narrative only): 预算 and 部门 from its part headings; the entity from "附件：江苏省政协办公厅2019年度部门预算公开表", not from prose', async () => {
    const d = await read('ae86jack__open-budget/江苏省政协办公厅2019年度部门预算.pdf');
    expect([d.kind, d.fiscalYear, d.scope.level]).toEqual(['预算', 2019, '部门']);
    expect(d.entity.name).toBe('江苏省政协办公厅');
  }, 60_000);

  it('烟台 文旅 2026: the cover title wraps between 部门 and 预算 ("2026年烟台市文化和旅游局部门" / "预算")', async () => {
    const d = await read('calinchow-del__renwu/025_烟台/2026年烟台市文化广电旅游体育局部门预算.pdf');
    expect([d.kind, d.fiscalYear, d.scope.level]).toEqual(['预算', 2026, '部门']);
  }, 60_000);

  it('北京 发改委 附件2 (tables, then project text, no cover): the entity from the 部门名称 field, never from project text', async () => {
    const d = await read(
      'calinchow-del__renwu/_history/002_北京/发展和改革局_附件2：北京市发展和改革委员会2026年度部门预算报表.pdf',
    );
    // once: "展和改革委员会", the tail of a wrapped prose line after the tables; the 预算13表 部门整体支出绩效目标表 (p81)
    // prints "部门名称 | 北京市发展和改革委员会" as its first row
    expect(d.entity.name).toBe('北京市发展和改革委员会');
    expect(d.entity.names).not.toContain('展和改革委员会');
    expect(d.kind).toBe('预算');
  }, 60_000);
});

describe('year from table titles', () => {
  it('江苏 省委办公厅 2019 公开表格 (no cover, no part headings): the year from "2019年政府采购预算表"', async () => {
    const d = await read('ae86jack__open-budget/江苏省委办公厅2019年度部门预算公开表格.pdf');
    expect(d.fiscalYear).toBe(2019);
    expect(d.entity.name).toBe('中共江苏省委办公厅');
  }, 60_000);
});

describe("level from the tables' entity field", () => {
  it('江苏 省委办公厅 2019 公开表格 (no cover, no 部门预算 wording): 部门 from "部门：中共江苏省委办公厅" on every table', async () => {
    const d = await read('ae86jack__open-budget/江苏省委办公厅2019年度部门预算公开表格.pdf');
    expect(d.scope.level).toBe('部门');
  }, 60_000);

  it('only 部门 keys say 部门; a 单位 key, 部门（单位）, a 主管部门 or one table alone say nothing', () => {
    const dept = ['部门：中共江苏省委办公厅                单位：万元'];
    expect(levelOfFields([dept, dept])).toBe('部门');
    expect(levelOfFields([['部门名称：北京市审计局'], ['编制部门：某局  金额单位：万元']])).toBe('部门');
    expect(levelOfFields([dept])).toBeNull();
    expect(levelOfFields([dept, ['单位名称：广州市民政局 单位：万元']])).toBeNull();
    expect(
      levelOfFields([['部门（单位）：烟台市住房和城乡建设局'], ['部门（单位）：烟台市住房和城乡建设局']]),
    ).toBeNull();
    expect(levelOfFields([['预算单位：某中心 主管部门：某局'], ['预算单位：某中心 主管部门：某局']])).toBeNull();
    expect(levelOfFields([['单位：万元'], ['单位：元']])).toBeNull();
  });
});
