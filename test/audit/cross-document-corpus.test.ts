import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDisclosure } from '../../src/audit/engine.ts';
import { rules } from '../../src/audit/rules/index.ts';
import { entityIdentity, sameEntity } from '../../src/catalog/entity.ts';
import { add, parseDecimal, toFixedString } from '../../src/model/decimal.ts';
import type { Disclosure, Table } from '../../src/model/disclosure.ts';
import { tableByKey, totalRow } from '../../src/model/query.ts';
import { parseBytes } from '../../src/pipeline.ts';

// Cross-document rules on real pairs of the corpus (issue 12): the same entity's budgets of consecutive years, in two
// regions (上海市普陀区 万里街道 2023/2024; 江苏省 人大常委会办公厅 2018/2019 and 省委办公厅 2017/2018). Each finding was
// read on both pages (docs/cross-document.md). Where the pair agrees, last year's cell is changed by more than
// rounding explains and the rule must point at the sentence and at that cell.

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const read = async (path: string) =>
  parseBytes(new Uint8Array(readFileSync(join(CORPUS, path))), { fileName: path.split('/').pop() });
const cross = rules.filter((r) => r.meta.counterpart);
const page = (p: { source: { kind: string; page?: number } | null } | undefined) =>
  p?.source?.kind === 'pdf' ? p.source.page : undefined;

/** Last year's document with one cell raised by `by` (in the table's unit). */
function bump(d: Disclosure, key: string, column: string, by: string): Disclosure {
  const copy = structuredClone(d);
  const t = tableByKey(copy, key) as Table;
  const cell = totalRow(t)!.cells.find((c) => c.column === column)!;
  cell.value = toFixedString(add(parseDecimal(cell.value!)!, parseDecimal(by)!));
  return copy;
}

describe('万里街道 2024 budget against its 2023 budget (上海市普陀区)', async () => {
  const y2024 = await read('zxj6827111-blip__tianbaoxitong/1769438736627-418301796.pdf');
  const y2023 = await read('zxj6827111-blip__tianbaoxitong/1770007475548-818404804.pdf');

  it('is one entity by key, whatever the scope each year reads', () => {
    expect(sameEntity(entityIdentity(y2024), entityIdentity(y2023))).toBe(true);
  });

  it('shows the 2023 executed amounts that differ from the 2023 budget, as infos with both places', () => {
    const res = checkDisclosure(
      y2024,
      { prior: y2023 },
      cross.filter((r) => r.meta.id === 'prior-year-narrative'),
    );
    expect(res.findings.filter((f) => f.severity !== 'info').map((f) => f.message)).toEqual([]);
    expect(res.findings).toHaveLength(19);
    // p6 item 3: “2023年当年预算执行数为60.79万元”; the 2023 budget p15 prints 2013202 656,900元
    const f = res.findings.find((x) => x.messageId === 'actualVsBudget' && x.counterpart?.place.row === '2013202');
    expect(f?.values.stated).toBe('60.79万元');
    expect(f?.expected).toBe('656900');
    expect(page(f?.location)).toBe(6);
    expect(page(f?.counterpart?.place)).toBe(15);
    expect(f?.counterpart?.document).toMatchObject({
      fiscalYear: 2023,
      kind: '预算',
      fileName: '1770007475548-818404804.pdf',
    });
    // the executed amounts equal to the 2023 budget (60.13 / 601,300元, 45.41 / 454,100元) are no finding
    expect(
      res.findings.some((x) => x.counterpart?.place.row === '2010507' || x.counterpart?.place.row === '2012902'),
    ).toBe(false);
  });

  it('shows the one 2023 class/item gone in 2024 without a word: 20802 民政管理事务 (2023 p12/p16, 215,000元)', () => {
    const gone = checkDisclosure(y2024, { prior: y2023 }, cross).findings.filter(
      (f) => f.ruleId === 'prior-year-line-gone',
    );
    expect(
      gone.map((f) => [f.severity, f.values.line, f.values.priorValue, f.location.table, f.counterpart?.place.row]),
    ).toEqual([['info', '20802 民政管理事务', '215000元', 'budget.income', '20802']]);
    expect(page(gone[0].location)).toBe(11);
    expect(page(gone[0].counterpart?.place)).toBe(12);
  });

  it('catches a 2023 total printed 1,000元 off: “比2023年预算减少876.75万元” (p6) against the 2023 table', () => {
    const res = checkDisclosure(y2024, { prior: bump(y2023, 'budget.general_expenditure', 'total', '1000') }, cross);
    const hits = res.findings.filter((f) => f.severity === 'error');
    expect(hits.length).toBeGreaterThan(0);
    for (const f of hits) {
      expect(f.messageId).toBe('change');
      expect(f.values.change).toBe('876.75万元');
      expect(page(f.location)).toBe(6);
      expect(f.counterpart?.place.table).toBe('budget.general_expenditure');
    }
  });
});

describe('江苏省人大常委会办公厅 2019 budget against its 2018 budget', async () => {
  const y2019 = await read('ae86jack__open-budget/江苏省人大常委会2019年度部门预算公开.pdf');
  const y2018 = await read('ae86jack__open-budget/省人大办公厅2018预算公开.pdf');

  it('agrees with last year (the 2019 narrative is printed without its tables)', () => {
    expect(sameEntity(entityIdentity(y2019), entityIdentity(y2018))).toBe(true);
    expect(checkDisclosure(y2019, { prior: y2018 }, cross).findings).toEqual([]);
  });

  it('catches last year’s 公务接待费 printed 10万元 higher, against the 2019 narrative’s 比上年预算 change', () => {
    const res = checkDisclosure(
      y2019,
      { prior: bump(y2018, 'budget.three_public_and_other', 'reception', '10') },
      cross,
    );
    const [f, ...rest] = res.findings;
    expect(rest).toEqual([]);
    expect(f.severity).toBe('error');
    expect(f.counterpart?.place).toMatchObject({ table: 'budget.three_public_and_other', column: 'reception' });
    expect(f.location.table).toBe('narrative');
  });
});

describe('江苏省委办公厅 2018 narrative (文件) against the 2017 tables (表格)', async () => {
  const y2018 = await read('ae86jack__open-budget/江苏省委办公厅2018年度部门预算公开文件.pdf');
  const y2017 = await read('ae86jack__open-budget/江苏省委办公厅2017年预算公开表格.pdf');

  it('is one entity: 江苏省委办公厅 / 中国共产党江苏省委员会办公厅', () => {
    expect(entityIdentity(y2018)?.key).toBe('江苏省/省委办公厅');
    expect(sameEntity(entityIdentity(y2018), entityIdentity(y2017))).toBe(true);
  });

  it('agrees, and catches a 2017 机关运行经费 changed by 1万元', () => {
    expect(checkDisclosure(y2018, { prior: y2017 }, cross).findings).toEqual([]);
    const res = checkDisclosure(
      y2018,
      { prior: bump(y2017, 'budget.operating_costs', 'col:机关运行经费支出', '1') },
      cross,
    );
    expect(res.findings.map((f) => [f.severity, f.counterpart?.place.table])).toEqual([
      ['warning', 'budget.operating_costs'],
    ]);
  });
});

describe('江苏省人民检察院 2018 budget against its 2017 budget', async () => {
  const y2018 = await read('ae86jack__open-budget/2018年省检察院部门预算公开.pdf');
  const y2017 = await read('ae86jack__open-budget/2017年省检察院部门预算.pdf');

  it('finds the 财政拨款 change that last year’s tables contradict, wherever the narrative restates it', () => {
    // p25 “省检察院2018年度财政拨款收、支总预算21,940.96万元。与上年相比，财政拨款收、支总计各增加3,958.98万元” (p26
    // 财政拨款预算支出, p28 一般公共预算财政拨款支出预算 likewise), where the 2017 tables print 17,981.68 (p12 财政拨款收支
    // 预算总表 收入合计, 一般公共预算支出预算表 合计): 21,940.96 − 3,958.98 = 17,981.98. The subjects are tied through the
    // entity's short name 省检察院 and 江苏's 收入合计 / 金额 headings.
    const res = checkDisclosure(
      y2018,
      { prior: y2017 },
      cross.filter((r) => r.meta.id === 'prior-year-narrative'),
    );
    const found = res.findings.filter((f) => f.severity !== 'info');
    expect(found.map((f) => [f.severity, page(f.location), f.counterpart?.place.table])).toEqual([
      ['warning', 25, 'budget.fiscal_summary'],
      ['warning', 26, 'budget.fiscal_summary'],
      ['warning', 28, 'budget.general_expenditure'],
    ]);
    for (const f of found) {
      expect(f.message).toContain('3958.98');
      expect(f.message).toContain('17981.68');
    }
  });
});
