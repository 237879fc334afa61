import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure, Row, Table } from '../../src/model/disclosure.ts';
import { parseBytes } from '../../src/pipeline.ts';

// Tables of side-by-side parts whose header does not name every part the usual way, and a first 合计 line
// without decimals, read from real pages (test/fixtures/pdf/SOURCES.md). Every expectation is a printed line
// as seen on the page image.

const dir = join(import.meta.dirname, '..', 'fixtures', 'pdf');
const read = (name: string) => parseBytes(new Uint8Array(readFileSync(join(dir, name))), { fileName: name });
function table(d: Disclosure, key: string): Table {
  const t = d.tables.find((x) => x.key === key);
  if (!t) throw new Error(`no ${key}: ${d.tables.map((x) => x.key).join(', ')}`);
  return t;
}
const amount = (r: Row | undefined) => r?.cells.find((c) => c.column === 'amount')?.text;
const line = (t: Table, section: string, label: string) =>
  t.rows.find((r) => r.section === section && r.label === label);

describe('三 parts, the expenditure parts headed a line lower (江苏 省委办公厅 2017 预算公开表格 pp. 1–4)', () => {
  let d: Disclosure;
  beforeAll(async () => {
    d = await read('jiangsu-three-part-summary-2017.p1-4.pdf');
  });

  it('收支预算总表: each part is read on its own, no label glued from the three', () => {
    const t = table(d, 'budget.summary');
    expect(t.reading?.level).toBe('sure');
    expect(t.rows.some((r) => /支出.*支出|拨款.*支出/.test(r.label ?? ''))).toBe(false);
    expect(amount(line(t, 'income', '一、财政拨款'))).toBe('20,702.25');
    const general = t.rows.find((r) => r.section === 'expenditure_function' && r.code === '201');
    expect(general?.label).toBe('一、一般公共服务支出');
    expect(amount(general)).toBe('16,992.37');
    expect(amount(line(t, 'expenditure_dept_econ', '三、单位预留机动经费'))).toBe('196.72');
  });

  it('收支预算总表: 当年收入小计 is this year’s total, 收入合计 (after 上年结转资金) the grand total; 支出合计 spans two parts', () => {
    const t = table(d, 'budget.summary');
    expect(t.rows.find((r) => r.item === 'income.total')?.label).toBe('当年收入小计');
    expect(amount(t.rows.find((r) => r.item === 'income.grand_total'))).toBe('20,849.45');
    expect(amount(t.rows.find((r) => r.item === 'expenditure_function.total'))).toBe('20,849.45');
    expect(amount(t.rows.find((r) => r.item === 'expenditure_function.grand_total'))).toBe('20,849.45');
  });

  it('财政拨款收支预算总表: two parts', () => {
    const t = table(d, 'budget.fiscal_summary');
    expect(t.rows.map((r) => `${r.section}:${r.label}`)).toEqual([
      'income:一、一般公共预算',
      'expenditure:一、基本支出',
      'income:二、政府性基金预算',
      'expenditure:二、项目支出',
      'expenditure:三、单位预留机动经费',
      'income:收入合计',
      'expenditure:支出合计',
    ]);
  });

  it('支出预算总表: 单位预留机动经费 is a column of the template (合计 = 基本 + 项目 + 预留)', () => {
    const t = table(d, 'budget.expenditure');
    const total = t.rows[0];
    expect(total.cells.find((c) => c.column === 'reserve')?.text).toBe('196.72');
  });
});

describe('parts headed without 科目, a listed line above the amounts (西安 人社局 2020 收支总表 p29)', () => {
  it('reads four parts; "一、部门预算" is a body line, not a header caption', async () => {
    const t = table(await read('xian-listed-parts-summary-2020.p29.pdf'), 'budget.summary');
    expect(t.columns.map((c) => c.section)).toEqual([
      'income',
      'expenditure_function',
      'expenditure_dept_econ',
      'expenditure_gov_econ',
    ]);
    expect(t.reading?.level).toBe('sure');
    expect(amount(line(t, 'income', '(1)一般公共预算拨款收入'))).toBe('181716.56');
    expect(amount(line(t, 'expenditure_dept_econ', '2、专项业务经费支出'))).toBe('173502.61');
    expect(amount(line(t, 'expenditure_gov_econ', '1、机关工资福利支出'))).toBe('5900.98');
    expect(amount(t.rows.find((r) => r.section === 'expenditure_function' && r.code === '208'))).toBe('136400.21');
    expect(t.rows.filter((r) => r.label === '一、部门预算')).toHaveLength(4);
    expect(amount(t.rows.find((r) => r.item === 'expenditure_gov_econ.grand_total'))).toBe('182157.13');
  });
});

describe('a first 合计 line with integer amounts after 序号 and blank code columns (西安 科技局 2022 政府采购 p60)', () => {
  it('is the table’s total line, not a header line; 预算金额 is the total column', async () => {
    const t = table(await read('xian-procurement-integer-total-2022.p60.pdf'), 'budget.procurement');
    expect(t.columns.map((c) => c.label)).not.toContain('预算金额/7998080');
    expect(t.rows[0].kind).toBe('total');
    expect(t.rows[0].cells.find((c) => c.column === 'total')?.text).toBe('7998080');
    const unit = t.rows.find((r) => r.label === '西安市科学技术局');
    expect(unit?.code).toBe('2060302');
    expect(unit?.cells.find((c) => c.column === 'total')?.text).toBe('700000');
    expect(t.reading?.level).toBe('sure');
  });
});

describe('政府性基金收支表 printed in the 收支总表’s four parts (西安 住房和建设局 2022 表9 p50, from ../shared/corpus)', () => {
  let t: Table;
  beforeAll(async () => {
    const file = join(
      import.meta.dirname,
      '../../../shared/corpus/calinchow-del__renwu/020_西安/住房和建设局_2026年部门预算.pdf',
    );
    t = table(await parseBytes(new Uint8Array(readFileSync(file)), { fileName: 'upload.pdf' }), 'budget.gov_fund');
  }, 60_000);

  it('reads 收入 | 支出功能分类科目 | 部门预算支出经济分类科目 | 政府预算支出经济分类科目 as parts, one 预算数 each', () => {
    expect(t.columns.map((c) => `${c.section}:${c.key}`)).toEqual([
      'income:amount',
      'expenditure_function:amount',
      'expenditure_dept_econ:amount',
      'expenditure_gov_econ:amount',
    ]);
    expect(amount(line(t, 'income', '一、政府性基金拨款'))).toBe('0.00');
    expect(line(t, 'expenditure_function', '九、金融支出')?.code).toBe('217');
    expect(line(t, 'expenditure_gov_econ', '十四、预备费及预留')).toBeDefined();
    expect(line(t, 'expenditure_dept_econ', '五、对附属单位补助支出')).toBeDefined();
  });

  it('keeps every label out of the amount columns, so the table is read as sure', () => {
    for (const r of t.rows) for (const c of r.cells) expect(c.text).not.toMatch(/[\u4e00-\u9fa5]/);
    expect(t.reading?.level).toBe('sure');
  });
});
