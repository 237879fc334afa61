import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baselineOf, compare, HELD_OUT, missClass, type Run } from '../../scripts/score-truth.ts';
import { drawHeldOut, family } from '../../scripts/truth/pick-held-out.ts';
import { corpusDir, loadRecords, readPick, truthDir, type TruthCell } from '../../scripts/truth/record.ts';
import {
  emptyTallies,
  normLabel,
  scoreCell,
  scoreDoc,
  scoreTables,
  type Miss,
  type ModelDoc,
} from '../../scripts/truth/score.ts';

// The labelled truth set (test/truth/docs) and its scorer. Scoring the whole set reads every PDF (minutes on the
// shared machine), so it runs as `npm run test:corpus`, which exits 1 when a figure falls below
// test/truth/baseline.json; here: every record is valid, and the scoring rules hold on small models.

describe('truth set records', () => {
  it('every record is valid, belongs to the pick list and matches its PDF', () => {
    const { records, errors } = loadRecords({ checkFiles: true });
    expect(errors).toEqual([]);
    expect(records.length).toBeGreaterThan(0);
    for (const { record } of records.filter((r) => r.record.disclosure && (r.record.cells ?? []).length > 0)) {
      // The schema checks that cells sit in listed tables and number >= 10; the draw must include a total row.
      expect(
        record.cells!.some((c) => /合计|总计/.test(c.rowLabel ?? '') || (c.rowCode === null && c.rowLabel === null)),
        record.file,
      ).toBe(true);
    }
  });

  it('the baseline names every figure the scorer computes, for all lists and for the held-out list', () => {
    const baseline = JSON.parse(readFileSync(join(truthDir, 'baseline.json'), 'utf8')) as {
      figures: Record<string, number>;
      heldOut?: { list: string; figures: Record<string, number> };
    };
    expect(Object.keys(baseline.figures).sort()).toEqual(Object.keys(emptyTallies()).sort());
    expect(baseline.heldOut?.list).toBe(HELD_OUT);
    expect(Object.keys(baseline.heldOut?.figures ?? {}).sort()).toEqual(Object.keys(emptyTallies()).sort());
  });

  it('the held-out list c is disjoint from a and b and is what its seed draws from sources.tsv', () => {
    const pick = readPick();
    const earlier = new Set([...pick.a, ...pick.b]);
    expect(pick.c?.length).toBeGreaterThan(0);
    expect(pick.c!.filter((f) => earlier.has(f))).toEqual([]);
    const tsv = readFileSync(join(corpusDir, 'sources.tsv'), 'utf8');
    expect(drawHeldOut(pick.cSeed!, pick.c!.length, 'c', pick as unknown as Record<string, unknown>, tsv)).toEqual(
      pick.c,
    );
  });

  it('the held-out list d is disjoint from a, b and c and is what its seed draws by layout family', () => {
    const pick = readPick();
    const earlier = new Set([...pick.a, ...pick.b, ...(pick.c ?? [])]);
    expect(pick.d?.length).toBeGreaterThanOrEqual(12);
    expect(pick.d!.filter((f) => earlier.has(f))).toEqual([]);
    const tsv = readFileSync(join(corpusDir, 'sources.tsv'), 'utf8');
    const asRecord = pick as unknown as Record<string, unknown>;
    expect(drawHeldOut(pick.dSeed!, pick.d!.length, 'd', asRecord, tsv, pick.dStrata)).toEqual(pick.d);
    // The family strata put the layouts a, b and c never held first: the first round takes one of each.
    expect(new Set(pick.d!.map((f) => f.split('/').slice(0, -1).join('/'))).size).toBeGreaterThan(5);
  });

  it('the held-out list e is disjoint from a, b, c and d and is what its seed draws by layout family', () => {
    const pick = readPick();
    const earlier = new Set([...pick.a, ...pick.b, ...(pick.c ?? []), ...(pick.d ?? [])]);
    expect(pick.e?.length).toBe(14);
    expect(pick.e!.filter((f) => earlier.has(f))).toEqual([]);
    const tsv = readFileSync(join(corpusDir, 'sources.tsv'), 'utf8');
    const asRecord = pick as unknown as Record<string, unknown>;
    expect(pick.eSeed).toBe(20261206);
    expect(pick.eStrata).toBe('family');
    expect(drawHeldOut(pick.eSeed!, pick.e!.length, 'e', asRecord, tsv, pick.eStrata)).toEqual(pick.e);
  });

  it('the held-out list f is disjoint from a–e, only disclosures by kind, and is what its seed draws', () => {
    const pick = readPick();
    const earlier = new Set([...pick.a, ...pick.b, ...(pick.c ?? []), ...(pick.d ?? []), ...(pick.e ?? [])]);
    expect(pick.f?.length).toBe(11);
    expect(pick.f!.filter((f) => earlier.has(f))).toEqual([]);
    const tsv = readFileSync(join(corpusDir, 'sources.tsv'), 'utf8');
    const kinds = new Map(
      tsv
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((line) => [line.split('\t')[0], line.split('\t')[6] ?? ''] as const),
    );
    expect(pick.f!.filter((f) => /^(NOT A DISCLOSURE|IMAGE-ONLY)/.test(kinds.get(f) ?? ''))).toEqual([]);
    const asRecord = pick as unknown as Record<string, unknown>;
    expect(pick.fSeed).toBe(20261207);
    expect(pick.fStrata).toBe('family');
    expect(drawHeldOut(pick.fSeed!, pick.f!.length, 'f', asRecord, tsv, pick.fStrata, pick.fDisclosuresOnly)).toEqual(
      pick.f,
    );
  });

  it('layout families come from sources.tsv kind: district, year, attachment kind; non-disclosures one stratum', () => {
    expect(family('budget (部门预算) 2023, 上海市普陀区, 万里街道办事处, PDF 35pp')).toBe('上海市普陀区·2023');
    expect(family('budget (预算) 2021年, 西安, PDF 84pp; title-text: 西安市民政局')).toBe('西安·2021');
    expect(family('budget (预算) 2026年, 北京, PDF 32pp [tables-only attachment 附件2 部门预算报表]')).toBe(
      '北京·2026·表格附件',
    );
    expect(family('budget (预算) year?, 北京, PDF 6pp')).toBe('北京·year?');
    expect(family('NOT A DISCLOSURE, 长春, PDF 2pp: a different government document')).toBe('非公开');
    expect(family('IMAGE-ONLY scan, 长沙, PDF 7pp: no text layer')).toBe('非公开');
    expect(family('TEMPLATE (not real data): 上海市 2024 年度部门决算')).toBeNull();
    expect(family('final account (决算) 2019年, 佛山')).toBe('决算');
  });
});

describe('held-out figures', () => {
  const tallies = (hit: number, total: number) => {
    const t = emptyTallies();
    for (const f of Object.keys(t) as (keyof typeof t)[]) t[f] = { hit, total };
    return t;
  };
  const run = (all: [number, number], held: [number, number] | null): Run => ({
    scores: [],
    totals: tallies(...all),
    inSample: tallies(...all),
    heldOut: held ? { documents: 2, totals: tallies(...held) } : null,
    seconds: 0,
  });

  it('records and checks the held-out list apart from all lists', () => {
    const base = baselineOf(run([9, 10], [3, 4]), '2026-12-03');
    expect(base.figures.cellsExact).toBe(90);
    expect(base.heldOut).toEqual({
      list: HELD_OUT,
      documents: 2,
      figures: expect.objectContaining({ cellsExact: 75 }),
    });
    // All lists hold, the held-out list drops: a failure named as held-out.
    const { dropped } = compare(run([9, 10], [2, 4]), base);
    expect(dropped.length).toBe(9);
    expect(dropped[0]).toMatch(new RegExp(`^held-out \\(${HELD_OUT}\\) `));
    expect(compare(run([9, 10], [3, 4]), base)).toEqual({ dropped: [], rose: [] });
    // A run without the held-out records (e.g. --only a03) is compared on all lists only.
    expect(compare(run([9, 10], null), base).dropped).toEqual([]);
  });

  it('names the class of each miss from what the scorer found', () => {
    const miss = (figure: Miss['figure'], found: string): Miss => ({
      doc: 'c05 x.pdf',
      figure,
      page: 36,
      expected: '',
      found,
    });
    expect(missClass(miss('entity', 'null'))).toBe('metadata (entity)');
    expect(missClass(miss('tablesKeyed', 'no table starting on pages ±1'))).toBe('table not keyed');
    expect(missClass(miss('cellsExact', 'no table keyed budget.gov_fund'))).toBe('cell in a table not keyed');
    expect(missClass(miss('cellsExact', 'value in no cell of the table; row: [2149801|公路水路运输] 合计=1'))).toBe(
      'digits not read',
    );
    expect(missClass(miss('cellsExact', 'row not found; value in: [-|-] 合计=64463.40'))).toBe(
      'row code/label missing or wrong',
    );
    expect(missClass(miss('cellsExact', 'row: [2149801|公路水路运输] 合计=64463.40'))).toMatch(/^column shifted/);
  });
});

const model = (): ModelDoc => ({
  kind: '预算',
  fiscalYear: 2026,
  level: '部门',
  entity: '上海市数据局',
  tables: [
    {
      key: 'budget.expenditure',
      title: '支出预算总表',
      page: 12,
      rows: [
        {
          code: '22102',
          label: '住房改革支出',
          page: 13,
          cells: [
            { column: '支出预算/合计', value: '4232500', page: 13 },
            { column: '支出预算/基本支出', value: '4232500', page: 13 },
          ],
        },
        { code: null, label: '合计', page: 13, cells: [{ column: '支出预算/合计', value: '471452100.00', page: 13 }] },
      ],
    },
  ],
});

describe('scoring rules', () => {
  const cell: TruthCell = {
    table: 'budget.expenditure',
    page: 13,
    rowCode: '22102',
    rowLabel: '住房改革支出',
    column: '支出/合计',
    value: '4232500',
  };

  function score(c: TruthCell, m = model()) {
    const t = emptyTallies();
    const misses: Miss[] = [];
    scoreCell('doc', c, m, t, misses);
    return { t, misses };
  }

  it('a cell is exact when code, label, column (last header segment) and value agree', () => {
    expect(score(cell).t.cellsExact.hit).toBe(1);
    // Values compare as decimals: 471452100 = 471452100.00.
    expect(score({ ...cell, rowCode: null, rowLabel: '合计', value: '471452100' }).t.cellsExact.hit).toBe(1);
  });

  it('a wrong value, a wrong code, a wrong label or the wrong column is a miss, and the partial figures say which', () => {
    const wrongValue = score({ ...cell, value: '4232501' });
    expect([wrongValue.t.cellsExact.hit, wrongValue.t.cellValueInTable.hit, wrongValue.t.cellRowRight.hit]).toEqual([
      0, 0, 1,
    ]);
    expect(wrongValue.misses[0].found).toContain('住房改革支出');
    const wrongCode = score({ ...cell, rowCode: '2210201' });
    expect([wrongCode.t.cellsExact.hit, wrongCode.t.cellValueInTable.hit, wrongCode.t.cellRowRight.hit]).toEqual([
      0, 1, 0,
    ]);
    expect(score({ ...cell, rowLabel: '住房公积金' }).t.cellsExact.hit).toBe(0);
    const wrongColumn = score({ ...cell, column: '支出预算/项目支出' });
    expect([wrongColumn.t.cellsExact.hit, wrongColumn.t.cellColumnRight.hit, wrongColumn.t.cellRowRight.hit]).toEqual([
      0, 0, 1,
    ]);
  });

  it('a cell in a table the reader did not key is a miss even when the digits were read', () => {
    const m = model();
    m.tables[0].key = 'unknown';
    const r = score(cell, m);
    expect([r.t.cellsExact.hit, r.t.cellValueInTable.hit]).toEqual([0, 1]);
  });

  it('tables count when the key starts on the printed page ± 1, once each; new: keys are misses', () => {
    const t = emptyTallies();
    const misses: Miss[] = [];
    scoreTables(
      'doc',
      [
        { key: 'budget.expenditure', title: '支出预算总表', page: 11, empty: false },
        { key: 'budget.expenditure', title: '支出预算总表', page: 12, empty: false },
        { key: 'new:x', title: 'x', page: 12, empty: false },
      ],
      model(),
      t,
      misses,
    );
    expect(t.tablesKeyed).toEqual({ hit: 1, total: 3 });
    expect(misses.map((m) => m.page)).toEqual([12, 12]);
  });

  it('a document whose read failed scores 0 on everything it labels', () => {
    const { records } = loadRecords();
    const r = records.find((x) => x.record.disclosure)!;
    const s = scoreDoc(r, null, 'exit 1');
    expect(s.readError).toBe('exit 1');
    expect(s.tallies.cellsExact).toEqual({ hit: 0, total: r.record.cells!.length });
    expect(s.tallies.tablesKeyed).toEqual({ hit: 0, total: r.record.tables!.length });
    expect(s.tallies.entity).toEqual({ hit: 0, total: 1 });
  });

  it('row labels compare without their printed ordinal, never cutting a word', () => {
    expect(normLabel('一、一般公共服务支出')).toBe('一般公共服务支出');
    expect(normLabel('1、一般公共预算')).toBe('一般公共预算');
    expect(normLabel('（二）事业收入')).toBe('事业收入');
    expect(normLabel('一般公共服务支出')).toBe('一般公共服务支出');
    expect(normLabel('其中：（一）因公出国（境）支出')).toBe('因公出国(境)支出');
  });
});
