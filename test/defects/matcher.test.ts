import { describe, expect, it } from 'vitest';
import {
  falseKey,
  findingKey,
  ratchet,
  reports,
  type Defect,
  type DocumentScore,
} from '../../src/audit/testing/defect-set.ts';
import type { Finding } from '../../src/audit/types.ts';

// How a finding is matched to a labelled defect and to a recorded false finding (docs/audit-accuracy.md).

const place = (table: string | null, row: string | null, column: string | null, page: number) => ({
  table,
  tableTitle: null,
  row,
  column,
  source: { kind: 'pdf' as const, page, box: [0, 0, 1, 1] as [number, number, number, number] },
});

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: 'narrative-change',
    severity: 'error',
    messageId: 'level',
    values: { current: '29956.27万元' },
    message: '说明称本年为 29956.27万元，比上年 28479.84万元 增加1476.73万元',
    messageEn: '',
    location: place('narrative', '2026年支出预算', null, 7),
    related: [],
    expected: null,
    actual: null,
    difference: null,
    ...over,
  };
}

const defect = (over: Partial<Defect>): Defect => ({
  id: 'd1',
  kind: 'narrative-table',
  must: true,
  page: 7,
  quote: '1476.73',
  note: '',
  ...over,
});

describe('defect matching', () => {
  it('matches a narrative defect by page and quoted figure, whitespace aside', () => {
    expect(reports(finding({}), defect({ match: ['1476.73 万元'] }))).toBe(true);
    expect(reports(finding({}), defect({ page: 8 }))).toBe(false);
    expect(reports(finding({}), defect({ match: ['1476.43'] }))).toBe(false);
  });

  it('matches a table defect by table, row and column, on the location or a related place', () => {
    const f = finding({
      ruleId: 'row-sum',
      location: place('budget.expenditure', '合计', 'total', 3),
      related: [place('budget.expenditure', '合计', 'basic', 3)],
    });
    expect(reports(f, defect({ table: 'budget.expenditure', row: '合计', column: 'basic' }))).toBe(true);
    expect(reports(f, defect({ table: 'budget.expenditure', row: '201' }))).toBe(false);
    expect(reports(f, defect({ table: 'budget.expenditure', expectRule: 'cross-table-totals' }))).toBe(false);
  });

  it('does not count an info as finding a defect', () => {
    expect(reports(finding({ severity: 'info' }), defect({}))).toBe(false);
  });

  it('keys a false finding by rule, message and place', () => {
    const f = finding({});
    expect(findingKey(f)).toBe(
      falseKey({
        ruleId: 'narrative-change',
        messageId: 'level',
        location: { table: 'narrative', row: '2026年支出预算', column: null, page: 7 },
      }),
    );
  });

  it('ratchets: a lost defect and a returned false finding both fail', () => {
    const s = {
      name: 'doc',
      foundMust: ['d2'],
      foundOther: [],
      falseOccurring: ['k1', 'k2'],
    } as unknown as DocumentScore;
    expect(
      ratchet(s, { documents: ['doc', 'other'], found: ['doc#d1', 'doc#d2', 'other#d1'], falseOccurring: ['doc#k1'] }),
    ).toEqual({ lost: ['doc#d1'], returned: ['doc#k2'] });
    expect(ratchet(s, { documents: ['other'], found: [], falseOccurring: [] }).returned).toHaveLength(1);
  });
});

describe('recorded false findings', () => {
  it('match by rule, message, table, row, column and page; a row "*" stands for every row', async () => {
    const { isRecordedFalse } = await import('../../src/audit/testing/defect-set.ts');
    const f = finding({
      ruleId: 'table-layout',
      messageId: 'row',
      severity: 'warning',
      location: place('budget.basic_expenditure', '30101', null, 24),
    });
    const x = {
      ruleId: 'table-layout',
      messageId: 'row',
      severity: 'warning' as const,
      why: '',
      location: { table: 'budget.basic_expenditure', row: '*', column: null, page: 24 },
    };
    expect(isRecordedFalse(f, x)).toBe(true);
    expect(isRecordedFalse(f, { ...x, location: { ...x.location, page: 25 } })).toBe(false);
    expect(isRecordedFalse(f, { ...x, location: { ...x.location, row: '30102' } })).toBe(false);
    expect(isRecordedFalse(f, { ...x, location: { ...x.location, page: undefined } })).toBe(true);
  });
});
