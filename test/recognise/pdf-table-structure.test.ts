import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lookup } from '../../src/catalog/catalog.ts';
import type { Disclosure, Row, Table } from '../../src/model/disclosure.ts';
import { parseBytes } from '../../src/pipeline.ts';

// Table structure read from real pages (test/fixtures/pdf/SOURCES.md): codes printed in parts, two classifications
// on one line, key columns the header names in ways the first reader did not know. Each expectation is a printed
// line as seen on the page image.

const dir = join(import.meta.dirname, '..', 'fixtures', 'pdf');
const read = (name: string) => parseBytes(new Uint8Array(readFileSync(join(dir, name))), { fileName: name });

function table(d: Disclosure, key: string, page?: number): Table {
  const t = d.tables.find(
    (x) => x.key === key && (page === undefined || (x.place.kind === 'pdf' && x.place.page === page)),
  );
  if (!t) throw new Error(`no ${key}${page ? ` on page ${page}` : ''}: ${d.tables.map((x) => x.key).join(', ')}`);
  return t;
}
const rowsCoded = (t: Table, code: string) => t.rows.filter((r) => r.code === code);
const value = (r: Row | undefined, column: string) => r?.cells.find((c) => c.column === column)?.text;

describe('codes printed one level per line in 类 | 款 | 项 columns (烟台 2026 支出总体情况表)', () => {
  let t: Table;
  beforeAll(async () => {
    t = table(await read('yantai-staggered-codes-2026.p12-13.pdf'), 'budget.expenditure');
  });

  it('completes a 款 or 项 printed alone from the 类 and 款 above it', () => {
    expect(rowsCoded(t, '20199')[0]?.label).toBe('其他一般公共服务支出');
    expect(rowsCoded(t, '2019999')[0]?.label).toBe('其他一般公共服务支出');
    const admin = rowsCoded(t, '2040601')[0];
    expect(admin?.label).toBe('行政运行');
    expect(admin?.codeText).toBe('||01');
    expect(value(admin, 'total')).toBe('1,072.95');
    expect(value(rowsCoded(t, '2040899')[0], 'project')).toBe('86.49');
  });

  it('keeps the 类 and 款 across the page break', () => {
    // Page 13 starts with 款 07 under 205 教育支出 printed at the foot of page 12.
    const special = rowsCoded(t, '20507')[0];
    expect(special?.place.kind === 'pdf' && special.place.page).toBe(2);
    expect(special?.label).toBe('特殊教育');
    expect(rowsCoded(t, '2050803')[0]?.label).toBe('培训支出');
  });

  it('leaves no coded line without its code and never reads a code part as an amount', () => {
    expect(t.rows.filter((r) => r.kind === 'item')).toEqual([]);
    for (const r of t.rows) for (const c of r.cells) expect(c.text).not.toMatch(/^\d{2}$/);
  });
});

describe('two classifications side by side (西安 2026 一般公共预算支出明细表（按支出经济分类科目）)', () => {
  let t: Table;
  beforeAll(async () => {
    t = table(await read('xian-two-classifications-2026.p36-37.pdf'), 'budget.general_expenditure_by_econ');
  });

  it('reads the 部门经济分类 code and name, and the 政府经济分类 pair as a second code', () => {
    const [first, second] = rowsCoded(t, '30101');
    expect(first.label).toBe('基本工资');
    expect(first.otherCodes).toEqual([{ code: '50101', codeSystem: 'gov_econ', label: '工资奖金津补贴' }]);
    expect(value(first, 'total')).toBe('22,098,333.60');
    expect(second.label).toBe('基本工资');
    expect(second.otherCodes?.[0]).toMatchObject({ code: '50501', label: '工资福利支出' });
    expect(value(second, 'total')).toBe('874,679.40');
  });

  it("glues no two names into one label: each name is its own code's catalogue name", () => {
    const paired = t.rows.filter((x) => x.otherCodes);
    expect(paired.length).toBeGreaterThan(40);
    for (const r of paired) {
      const own = lookup('dept_econ', r.code!);
      const other = lookup('gov_econ', r.otherCodes![0].code);
      // Printed names may drop a catalogue suffix ("资本性支出" for 资本性支出（一）), never add a second name.
      const agrees = (printed: string | null, name: string) =>
        !!printed && (name.startsWith(printed) || printed === name);
      if (own.status === 'known') expect(agrees(r.label, own.entry.name), `${r.code} ${r.label}`).toBe(true);
      if (other.status === 'known')
        expect(
          agrees(r.otherCodes![0].label, other.entry.name),
          `${r.otherCodes![0].code} ${r.otherCodes![0].label}`,
        ).toBe(true);
    }
    expect(rowsCoded(t, '301')[0]).toMatchObject({ label: '工资福利支出' });
    expect(rowsCoded(t, '301')[0].otherCodes).toBeUndefined();
  });
});

describe('key columns named by a budget-unit header or a spanning 分类科目 header', () => {
  let shenzhen: Disclosure;
  beforeAll(async () => {
    shenzhen = await read('shenzhen-wide-2026.pdf');
  });

  it('深圳 支出总表: 预算单位 | 科目编码 | 科目名称 | 支出总计 … keeps codes and names', () => {
    const t = table(shenzhen, 'budget.expenditure');
    expect(t.columns[0]).toMatchObject({ key: 'total', label: '支出总计' });
    const retired = rowsCoded(t, '2080501')[0];
    expect(retired?.label).toBe('行政单位离退休');
    expect(value(retired, 'total')).toBe('149.61');
    expect(value(retired, 'basic')).toBe('149.61');
    // The unit line is a named line, and every other line has its code.
    expect(t.rows.filter((r) => !r.code).map((r) => r.label)).toEqual(['深圳市医疗保障局（本级）']);
  });

  it('深圳 一般公共预算支出表（按功能分类） the same', () => {
    const t = table(shenzhen, 'budget.general_expenditure');
    const admin = rowsCoded(t, '2101501')[0];
    expect(admin?.label).toBe('行政运行');
    expect([value(admin, 'total'), value(admin, 'basic'), value(admin, 'project')]).toEqual([
      '7,517.14',
      '7,092.18',
      '424.96',
    ]);
  });

  it('无锡 一般公共预算基本支出表: 部门预算支出经济分类科目 over 科目编码 | 科目名称', async () => {
    const t = table(await read('wuxi-running-head-2026.pdf'), 'budget.general_basic');
    expect(t.columns.map((c) => c.key)).toEqual(['total', 'personnel', 'public']);
    const wages = rowsCoded(t, '30101')[0];
    expect(wages?.label).toBe('基本工资');
    expect(value(wages, 'total')).toBe('476.03');
    expect(t.rows.filter((r) => r.kind === 'item')).toEqual([]);
  });

  it('广州: a lone "部门预算支出经济科目" column is the code and name, "预算" the amount', async () => {
    const d = await read('guangzhou-name-columns-2026.p15-21.pdf');
    const t = table(d, 'budget.general_basic');
    expect(t.columns.map((c) => c.key)).toEqual(['total']);
    const wages = rowsCoded(t, '301')[0];
    expect(wages?.label).toBe('工资福利支出');
    expect(value(wages, 'total')).toBe('11,495.70');
    // 支出项目类别（资金使用单位） holds names only: it is no value column, and 总计 keeps its amounts.
    const basic = table(d, 'budget.basic_expenditure');
    expect(basic.columns[0]).toMatchObject({ key: 'total', label: '总计' });
    const unit = basic.rows.find((r) => r.label === '广州市工业和信息化局（本级）');
    expect(value(unit, 'total')).toBe('11,605.03');
  });
});

describe('text columns and side-by-side parts (西安 2026 会议费明细表, 培训费明细表, 部门综合预算收支总表)', () => {
  let d: Disclosure;
  beforeAll(async () => {
    d = await read('xian-text-columns-summary-2026.p25-30.pdf');
  });

  it("takes the 培训名称 as the line's name and keeps 时间 and 备注 as text, never 序号 as an amount", () => {
    const t = table(d, 'budget.training_fees');
    expect(t.columns.map((c) => c.label)).toEqual(['时间', '人数', '金额', '备注']);
    expect(t.rows).toHaveLength(17);
    expect(t.rows.every((r) => r.kind === 'item' && r.label)).toBe(true);
    const third = t.rows[2];
    expect(third.label).toBe('人民调解、安置帮教培训');
    expect(third.cells.map((c) => c.text)).toEqual(['2026年5月15日至2026年5月16日', '4', '0.80', '师资费']);
    expect(third.cells.find((c) => c.column === 'col:时间')?.value).toBeNull();
  });

  it('reads the first line as a line, not as a total', () => {
    const t = table(d, 'budget.meeting_fees');
    expect(t.rows.map((r) => r.kind)).toEqual(['item', 'item', 'item', 'item', 'item']);
    expect(t.rows[0].label).toBe('司法行政工作综合会议');
    expect(t.rows[0].cells.find((c) => c.column === 'col:金额')?.text).toBe('3.00');
  });

  it('收支总表: each of the three expenditure parts keeps its lines and its 支出总计', () => {
    const t = table(d, 'budget.summary');
    for (const part of ['expenditure_function', 'expenditure_dept_econ', 'expenditure_gov_econ']) {
      const grand = t.rows.find((r) => r.item === `${part}.grand_total`);
      expect(grand?.label, part).toBe('支出总计');
      expect(grand?.cells[0]?.text, part).toBe('136,507,899.71');
    }
    const safety = t.rows.find((r) => r.section === 'expenditure_function' && r.code === '204');
    expect(safety).toMatchObject({ label: '4、公共安全支出' });
    expect(safety?.cells[0]?.text).toBe('102,399,692.55');
    expect(t.rows.find((r) => r.section === 'expenditure_gov_econ' && r.code === '502')?.cells[0]?.text).toBe(
      '27,928,942.04',
    );
  });
});
