import { describe, expect, it } from 'vitest';
import type { Disclosure, Row, Table } from '../../src/model/disclosure.ts';
import { seedModel } from '../helpers/seeds.ts';

// Individually asserted cells, chosen by reading the seeds: each names the seed line the value is printed
// on, so a failure says exactly which printed figure Caijian misread.

function table(d: Disclosure, key: string): Table {
  const t = d.tables.find((x) => x.key === key);
  if (!t) throw new Error(`no table ${key}`);
  return t;
}
function row(
  t: Table,
  by: { code?: string; item?: string; label?: string; section?: string; kind?: Row['kind'] },
): Row {
  const r = t.rows.find(
    (x) =>
      (by.code === undefined || x.code === by.code) &&
      (by.item === undefined || x.item === by.item) &&
      (by.label === undefined || x.label === by.label) &&
      (by.section === undefined || x.section === by.section) &&
      (by.kind === undefined || x.kind === by.kind),
  );
  if (!r) throw new Error(`no row ${JSON.stringify(by)} in ${t.key}`);
  return r;
}
/** value, printed text and printed line of one cell */
function cell(d: Disclosure, key: string, by: Parameters<typeof row>[1], column: string) {
  const c = row(table(d, key), by).cells.find((x) => x.column === column);
  if (!c) throw new Error(`no column ${column}`);
  return { value: c.value, text: c.text, line: c.place.kind === 'text' ? c.place.line : -1 };
}

describe('seed 000 (株洲市天元区, 决算, 万元)', () => {
  const d = seedModel('000');
  it('reads the 01 table by line item and by functional class', () => {
    expect(cell(d, 'final.income_expenditure_summary', { item: 'income.general_budget' }, 'amount')).toEqual({
      value: '289.70',
      text: '289.70',
      line: 97,
    });
    expect(
      cell(d, 'final.income_expenditure_summary', { code: '210', section: 'expenditure' }, 'amount'),
    ).toMatchObject({ value: '260.45', line: 106 });
    expect(
      cell(d, 'final.income_expenditure_summary', { code: '221', section: 'expenditure' }, 'amount'),
    ).toMatchObject({ value: '13.07', line: 116 });
    expect(cell(d, 'final.income_expenditure_summary', { item: 'expenditure.grand_total' }, 'amount')).toMatchObject({
      value: '289.70',
      line: 128,
    });
    expect(row(table(d, 'final.income_expenditure_summary'), { item: 'income.opening_balance' }).lineNo).toBe(29);
  });
  it('joins a code wrapped over two lines (20805 / 05) and takes the values from the second line', () => {
    const r = row(table(d, 'final.income'), { code: '2080505' });
    expect(r.label).toBe('机关事业单位基本养老保险缴费支出');
    expect(r.codeText).toBe('20805⏎05');
    expect(cell(d, 'final.income', { code: '2080505' }, 'total')).toMatchObject({ value: '15.18', line: 153 });
  });
  it('joins a code whose 项 digits sit alone on the next line (21011 / 01)', () => {
    expect(cell(d, 'final.income', { code: '2101101' }, 'fiscal')).toMatchObject({ value: '5.72', line: 156 });
    expect(cell(d, 'final.income', { code: '2101103' }, 'total')).toMatchObject({ value: '5.29', line: 158 });
    expect(cell(d, 'final.income', { code: '2101501' }, 'total')).toMatchObject({ value: '145.76', line: 164 });
  });
  it('reads codes printed with an inner space (20132 99, 21015 04)', () => {
    expect(cell(d, 'final.income', { code: '2013299' }, 'total')).toMatchObject({ value: '1.00', line: 148 });
    expect(cell(d, 'final.income', { code: '2101504' }, 'fiscal')).toMatchObject({ value: '1.20', line: 167 });
  });
  it('keeps blank cells blank and values in the right column of the 03 table', () => {
    expect(cell(d, 'final.expenditure', { code: '201' }, 'basic')).toMatchObject({ value: null });
    expect(cell(d, 'final.expenditure', { code: '201' }, 'project')).toMatchObject({ value: '1.00', line: 189 });
    expect(cell(d, 'final.expenditure', { kind: 'total' }, 'project')).toMatchObject({ value: '104.69', line: 188 });
  });
  it('reads the side-by-side groups of the 06 table, the stray third decimal as printed', () => {
    expect(cell(d, 'final.general_budget_basic', { code: '301' }, 'amount')).toEqual({
      value: '151.911',
      text: '151.911',
      line: 308,
    });
    expect(cell(d, 'final.general_budget_basic', { code: '30228' }, 'amount')).toMatchObject({
      value: '5.40',
      line: 330,
    });
    expect(cell(d, 'final.general_budget_basic', { code: '30299' }, 'amount')).toMatchObject({
      value: '8.76',
      line: 336,
    });
    expect(cell(d, 'final.general_budget_basic', { item: 'public_total' }, 'amount')).toMatchObject({
      value: '33.10',
      line: 337,
    });
    expect(row(table(d, 'final.general_budget_basic'), { code: '30113' }).section).toBe('personnel');
  });
  it('reads the 04 table breakdown of the opening balance after the balance line', () => {
    expect(row(table(d, 'final.fiscal_summary'), { item: 'income.opening.general_budget' }).lineNo).toBe(29);
    expect(cell(d, 'final.fiscal_summary', { item: 'expenditure.total' }, 'general_budget')).toMatchObject({
      value: '289.70',
      line: 254,
    });
  });
  it('reports the untitled 07 table as declared empty and 09 as empty', () => {
    const t07 = table(d, 'final.gov_fund');
    expect(t07.title).toBe('');
    expect(t07.status).toBe('empty');
    expect(t07.emptyStatement).toContain('故本表无数据');
    expect(table(d, 'final.three_public').status).toBe('empty');
  });
});

describe('seed 001 (原州区, 决算, 元)', () => {
  const d = seedModel('001');
  it('is read in 元 with thousands separators', () => {
    expect(d.unit).toBe('元');
    expect(cell(d, 'final.income_expenditure_summary', { item: 'income.total' }, 'amount')).toEqual({
      value: '7251732.04',
      text: '7,251,732.04',
      line: 118,
    });
    expect(cell(d, 'final.income_expenditure_summary', { item: 'income.opening_balance' }, 'amount')).toMatchObject({
      value: '267308.44',
      line: 120,
    });
  });
  it('reads code-only rows of 02 whose code is printed in the 款 column', () => {
    expect(cell(d, 'final.income', { code: '2019999' }, 'total')).toMatchObject({ value: '63500.00', line: 139 });
    expect(cell(d, 'final.income', { code: '2101506' }, 'other')).toMatchObject({ value: '349.61', line: 150 });
    expect(cell(d, 'final.income', { code: '2210203' }, 'fiscal')).toMatchObject({ value: '178307', line: 155 });
  });
  it('shifts 03 values right when the name sits in the first value column position', () => {
    expect(cell(d, 'final.expenditure', { code: '201' }, 'total')).toMatchObject({ value: '63500.00', line: 172 });
    expect(cell(d, 'final.expenditure', { code: '201' }, 'basic')).toMatchObject({ value: null });
    expect(cell(d, 'final.expenditure', { code: '201' }, 'project')).toMatchObject({ value: '63500.00', line: 172 });
    expect(cell(d, 'final.expenditure', { kind: 'total' }, 'basic')).toMatchObject({ value: '4217447.45', line: 171 });
  });
  it('reads 05 rows continued after the page break without their empty code columns', () => {
    expect(cell(d, 'final.general_budget_expenditure', { code: '2101301' }, 'total')).toMatchObject({
      value: '1372600.00',
      line: 259,
    });
    expect(cell(d, 'final.general_budget_expenditure', { code: '2101301' }, 'basic')).toMatchObject({ value: null });
    expect(cell(d, 'final.general_budget_expenditure', { code: '2101301' }, 'project')).toMatchObject({
      value: '1372600.00',
      line: 259,
    });
    expect(cell(d, 'final.general_budget_expenditure', { kind: 'total' }, 'total')).toMatchObject({
      value: '7267891.06',
      line: 249,
    });
  });
  it('reads 06 groups and the 合计 line, amounts without separators too', () => {
    expect(cell(d, 'final.general_budget_basic', { code: '310' }, 'amount')).toMatchObject({
      value: '32835.00',
      line: 279,
    });
    expect(cell(d, 'final.general_budget_basic', { code: '30205' }, 'amount')).toMatchObject({
      value: '6649.10',
      line: 284,
    });
    expect(cell(d, 'final.general_budget_basic', { item: 'personnel_total' }, 'amount')).toMatchObject({
      value: '4105028.92',
      line: 312,
    });
    expect(cell(d, 'final.general_budget_basic', { item: 'total' }, 'amount')).toMatchObject({
      value: '4448400.69',
      line: 313,
    });
  });
  it('finds 三公 as its 07 table by title, not by number', () => {
    const t = table(d, 'final.three_public');
    expect(t.number).toBe('07');
    expect(table(d, 'final.gov_fund').number).toBe('08');
  });
  it('reads the 04 totals that disagree with 05 as printed', () => {
    expect(cell(d, 'final.fiscal_summary', { item: 'expenditure.total' }, 'total')).toMatchObject({
      value: '7295041.17',
      line: 229,
    });
    expect(cell(d, 'final.fiscal_summary', { item: 'income.opening_balance' }, 'amount')).toEqual({
      value: '118498.61',
      text: '118498.61',
      line: 230,
    });
  });
});

describe('seed 002 (邵阳市, 决算, 万元)', () => {
  const d = seedModel('002');
  it('reads 0 as zero, not blank', () => {
    expect(cell(d, 'final.income_expenditure_summary', { item: 'income.gov_fund' }, 'amount')).toMatchObject({
      value: '0',
      line: 101,
    });
    expect(cell(d, 'final.expenditure', { code: '2101502' }, 'basic')).toMatchObject({ value: '0', line: 205 });
  });
  it('reads the 三公 line under a three-row header with a mistyped column number row', () => {
    expect(cell(d, 'final.three_public', { item: 'three_public' }, 'budget.total')).toMatchObject({
      value: '11.00',
      line: 389,
    });
    expect(cell(d, 'final.three_public', { item: 'three_public' }, 'final.vehicle_operation')).toMatchObject({
      value: '5.99',
      line: 389,
    });
    expect(cell(d, 'final.three_public', { item: 'three_public' }, 'final.reception')).toMatchObject({
      value: '2.22',
      line: 389,
    });
  });
  it('reads 06 summary lines whose amount drifted right', () => {
    expect(cell(d, 'final.general_budget_basic', { item: 'personnel_total' }, 'amount')).toMatchObject({
      value: '380.47',
      line: 339,
    });
    expect(cell(d, 'final.general_budget_basic', { item: 'public_total' }, 'amount')).toMatchObject({
      value: '256.00',
      line: 339,
    });
    expect(cell(d, 'final.general_budget_basic', { code: '31002' }, 'amount')).toMatchObject({
      value: '13.08',
      line: 315,
    });
  });
  it('reads 05 values', () => {
    expect(cell(d, 'final.general_budget_expenditure', { code: '2101501' }, 'project')).toMatchObject({
      value: '7.79',
      line: 290,
    });
  });
});

describe('seed 003 (株洲市, 预算 2021): a list of 32 tables and no bodies', () => {
  const d = seedModel('003');
  it('reports every listed table as absent', () => {
    expect(d.kind).toBe('预算');
    expect(d.fiscalYear).toBe(2021);
    expect(d.recognition.listed).toHaveLength(32);
    expect(d.recognition.listed.every((l) => l.status === 'absent')).toBe(true);
    expect(d.tables).toHaveLength(0);
  });
});

describe('seed 004 (荷塘区, 预算 2023)', () => {
  const d = seedModel('004');
  it('combines three code columns 类 | 款 | 项', () => {
    const r = row(table(d, 'budget.expenditure'), { code: '2101202' });
    expect(r.codeText).toBe('210|12|02|2101202');
    expect(cell(d, 'budget.expenditure', { code: '2101202' }, 'project')).toMatchObject({
      value: '1505.28',
      line: 104,
    });
  });
  it('keeps unit lines apart from classification lines', () => {
    expect(row(table(d, 'budget.expenditure'), { code: '038001' }).kind).toBe('unit');
  });
  it('reads the four parts of 收支总表 side by side', () => {
    expect(cell(d, 'budget.summary', { item: 'income.general_budget' }, 'amount')).toMatchObject({
      value: '1910.50',
      line: 47,
    });
    expect(cell(d, 'budget.summary', { code: '210', section: 'expenditure_function' }, 'amount')).toMatchObject({
      value: '1880.19',
      line: 56,
    });
    expect(cell(d, 'budget.summary', { item: 'expenditure_dept_econ.project' }, 'amount')).toMatchObject({
      value: '1755.28',
      line: 51,
    });
    expect(cell(d, 'budget.summary', { code: '509', section: 'expenditure_gov_econ' }, 'amount')).toMatchObject({
      value: '1745.28',
      line: 55,
    });
  });
  it('gives economic-class columns their catalogue codes', () => {
    expect(cell(d, 'budget.expenditure_by_gov_econ', { code: '2101299' }, 'gov_econ:502')).toMatchObject({
      value: '10.00',
      line: 131,
    });
    expect(cell(d, 'budget.general_basic_wages_dept', { code: '2101101' }, 'dept_econ:30110')).toMatchObject({
      value: '5.63',
      line: 214,
    });
  });
  it('reads the budget 三公 table and reports the illegible ones', () => {
    expect(cell(d, 'budget.three_public', { kind: 'total' }, 'reception')).toMatchObject({ value: '0.90', line: 306 });
    expect(table(d, 'budget.income').status).toBe('illegible');
    expect(d.recognition.listed.find((l) => l.key === 'budget.special_funds')?.status).toBe('illegible');
    expect(d.recognition.listed.find((l) => l.key === 'budget.nontax_plan')?.status).toBe('absent');
  });
  it('keeps performance goal tables as text grids', () => {
    expect(d.performance.filter((p) => p.kind === 'project_goals')).toHaveLength(5);
    expect(d.performance.find((p) => p.kind === 'project_goals')?.project).toBe('城镇居民医疗保险区级配套');
  });
});

describe('narrative paragraphs', () => {
  it('a line opening with a decimal carries on the paragraph above (seed 002 line 497: "110.68万元，增长76.17%")', () => {
    const d = seedModel('002');
    const paragraphs = d.sections.flatMap((s) => s.paragraphs.map((p) => p.text));
    expect(
      paragraphs.some((t) =>
        /^本部门2023年度机关运行经费支出256\.00万元，与上年数增加110\.68万元，增长76\.17%。/.test(t),
      ),
    ).toBe(true);
    expect(paragraphs.some((t) => t.startsWith('110.68万元'))).toBe(false);
  });
});
