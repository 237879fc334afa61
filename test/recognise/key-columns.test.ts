import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure, Row, Table } from '../../src/model/disclosure.ts';
import { parseBytes } from '../../src/pipeline.ts';

// The key block of a line beyond code | name, read from real pages (test/fixtures/pdf/SOURCES.md): a unit's code
// under 单位编码 / 部门代码, two text columns (单位名称 | 项目名称, 预算单位 | 年度) of which one names the line, and a
// 三公 决算表 printed with 预算数 / 决算数 as lines. Every expectation is a printed line as seen on the page image.

const dir = join(import.meta.dirname, '..', 'fixtures', 'pdf');
const read = (name: string) => parseBytes(new Uint8Array(readFileSync(join(dir, name))), { fileName: name });
function table(d: Disclosure, key: string): Table {
  const t = d.tables.find((x) => x.key === key);
  if (!t) throw new Error(`no ${key}: ${d.tables.map((x) => x.key).join(', ')}`);
  return t;
}
const text = (r: Row | undefined, column: string) => r?.cells.find((c) => c.column === column)?.text;

describe('unit codes under 部门代码 (苏州 交通运输局 2026 收入总表 p9)', () => {
  let t: Table;
  beforeAll(async () => {
    t = table(await read('suzhou-unit-codes-2026.p9.pdf'), 'budget.income');
  });

  it('reads the department (123) and its units (123001…) as unit lines with their codes, not as a class 123', () => {
    const units = t.rows.filter((r) => r.kind === 'unit');
    expect(units.map((r) => r.code)).toEqual([
      '123',
      '123001',
      '123002',
      '123003',
      '123004',
      '123005',
      '123006',
      '123007',
      '123008',
    ]);
    expect(t.rows.some((r) => r.kind === 'code')).toBe(false);
    const station = units.find((r) => r.code === '123006');
    expect(station?.label).toBe('苏州市交通工程质量监督站');
    expect(text(station, 'total')).toBe('1,043.86');
  });
});

describe('单位名称 | 项目名称 (杭州 交通运输局 2026 项目支出预算表 pp. 37–38)', () => {
  let t: Table;
  beforeAll(async () => {
    t = table(await read('hangzhou-unit-and-project-2026.p37-38.pdf'), 'budget.project_expenditure');
  });

  it('names each line by its project and keeps the unit beside it, not glued into the label', () => {
    const teaching = t.rows.filter((r) => r.label === '教学及学生管理经费');
    expect(teaching.map((r) => r.keyTexts?.[0]?.text)).toEqual([
      '杭州技师学院（杭州交通高级技工学校）',
      '杭州汽车高级技工学校',
    ]);
    expect(teaching.map((r) => text(r, 'total'))).toEqual(['842.00', '300.18']);
    expect(teaching[0].keyTexts?.[0]?.column).toBe('单位名称');
    expect(t.rows.some((r) => /学校\)?日常保障运行|交通运输局日常/.test(r.label ?? ''))).toBe(false);
  });

  it('keeps the 合计 line a total', () => {
    expect(t.rows[0].kind).toBe('total');
    expect(text(t.rows[0], 'total')).toBe('576,171.11');
  });
});

describe('预算单位 | 年度 (深圳 国资委 2026 财政拨款“三公”经费支出表 p34)', () => {
  it('labels the lines by year; the unit printed on the first line stays beside it', async () => {
    const t = table(await read('shenzhen-three-public-years-2026.p34.pdf'), 'budget.three_public');
    expect(t.rows.map((r) => r.label)).toEqual(['2025年', '2026年', '增减变化金额']);
    expect(t.rows[0].keyTexts).toEqual([{ column: '预算单位', text: '深圳市人民政府国有资产监督管理委员会' }]);
    expect(t.rows[0].cells[0].text).toBe('26.13');
    expect(t.rows[1].cells[0].text).toBe('120.80');
  });
});

describe('三公 决算表 with 预算数 / 决算数 as lines (西安 卫健委 2022 公开09表 p161)', () => {
  let t: Table;
  beforeAll(async () => {
    t = table(await read('xian-final-three-public-lines-2022.p161.pdf'), 'final.three_public');
  });

  it('is the 决算 三公 table, although its title adds 会议费、培训费', () => {
    expect(t.title).toBe('财政拨款“三公”经费及会议费、培训费支出决算表');
  });

  it('reads each line as its side: 预算数 → budget.*, 决算数 → final.*', () => {
    const [budget, final] = t.rows;
    expect([budget.label, final.label]).toEqual(['预算数', '决算数']);
    expect(text(budget, 'budget.total')).toBe('593.46');
    expect(text(budget, 'budget.vehicle_total')).toBe('591.60');
    expect(text(budget, 'budget.reception')).toBe('1.86');
    expect(text(final, 'final.total')).toBe('587.55');
    expect(text(final, 'final.vehicle_operation')).toBe('450.96');
    expect(text(final, 'final.reception')).toBe('0.11');
    expect(text(final, 'col:决算数/培训费')).toBe('2,795.78');
  });
});

describe('政府采购 tables with text columns before the amounts', () => {
  it('苏州 交通运输局 2026 p26 (采购品目大类 | 专项名称 | 经济科目 | 采购品目名称 | 采购组织形式): amounts under their columns, the 专项名称 names the line', async () => {
    const t = table(await read('suzhou-procurement-2026.p26.pdf'), 'budget.procurement');
    const total = t.rows[0];
    expect([total.kind, total.label]).toEqual(['total', '合计']);
    // before: 3,668.17 read under 采购组织形式 and 上年结转和结余资金, 总计 blank
    expect(text(total, 'general_budget')).toBe('3,668.17'); // 资金来源/一般公共预算资金 (a template column since the 采购 row sum)
    expect(text(total, 'total')).toBe('3,668.17');
    expect(text(total, 'col:采购组织形式')).toBe('');
    const car = t.rows.find((r) => r.label === '车辆更新购置');
    expect(car?.keyTexts).toEqual([
      { column: '经济科目', text: '公务用车购置' },
      { column: '采购品目名称', text: '轿车' },
    ]);
    expect(text(car, 'col:采购组织形式')).toBe('集中采购');
    expect(text(car, 'total')).toBe('130.24');
    expect(t.rows.map((r) => r.label).slice(1, 3)).toEqual(['货物', '苏州市交通运输局']);
  });

  it('重庆 规划和自然资源局 2026 p27 (项目编号 | 项目 | 总计 …): the 编号 is no amount column and no part of the label', async () => {
    const t = table(await read('chongqing-procurement-2026.p27.pdf'), 'budget.procurement');
    expect(t.columns.some((c) => /项目编号/.test(c.label))).toBe(false);
    const services = t.rows.find((r) => r.label === '服务');
    expect(services?.keyTexts).toEqual([{ column: '项目编号', text: 'C' }]);
    expect(services?.cells.map((c) => c.text).slice(0, 3)).toEqual(['97,785.73', '49,442.05', '14,970.35']);
    const total = t.rows.find((r) => r.kind === 'total');
    expect(total?.cells.map((c) => c.text).slice(0, 3)).toEqual(['110,390.99', '50,106.43', '15,057.75']);
  });
});

describe('titles wrapped after a closed bracket or a list comma (西安 交通运输局 2022, pp. 66 and 78)', () => {
  it('joins "…政府采购（资产配置、购买服务）" + "预算表（不含上年结转）" and "…“三公”经费、" + "会议费、培训费表…"', async () => {
    const d = await read('xian-wrapped-titles-2022.p66-78.pdf');
    expect(d.tables.map((t) => [t.key, t.title])).toEqual([
      ['budget.procurement', '2022年部门综合预算政府采购（资产配置、购买服务）预算表（不含上年结转）'],
      [
        'budget.three_public_and_other',
        '2022年部门综合预算一般公共预算拨款“三公”经费、会议费、培训费表（不含上年结转）',
      ],
    ]);
    const unit = d.tables[1].rows.find((r) => r.code === '222002');
    expect([unit?.kind, unit?.label]).toEqual(['unit', '西安市出租汽车管理处']);
  });
});

describe('further codes printed in parts after the amounts (西安 统计局 2026 政府采购 p38)', () => {
  it('reads 部门/政府预算支出经济科目编码 类 | 款 as the line’s further codes, not as amount columns', async () => {
    const t = table(await read('xian-procurement-code-groups-2026.p38.pdf'), 'budget.procurement');
    expect(t.columns.map((c) => c.label)).toEqual([
      '购买服务内容',
      '规格型号',
      '数量',
      '实施采购时间',
      '预算金额',
      '说明',
    ]);
    const census = t.rows.filter((r) => r.label === '1%人口普查（2026）');
    expect(census.map((r) => r.code)).toEqual(['2010507', '2010507']);
    expect(census[0].otherCodes?.map((o) => [o.code, o.codeSystem])).toEqual([
      ['30227', 'dept_econ'],
      ['50205', 'gov_econ'],
    ]);
    // 预算金额, the one amount of each purchase, is the template's total column
    expect(text(census[0], 'total')).toBe('280,000.00');
    const clothes = t.rows.find((r) => r.keyTexts?.[0]?.text === 'A05030303普通服装');
    expect(clothes?.otherCodes?.map((o) => o.code)).toEqual(['30299', '50299']);
    expect(text(clothes, 'col:数量')).toBe('20,400');
  });
});
