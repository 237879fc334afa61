import { beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure, Table } from '../src/model/disclosure.ts';
import { parseBytes } from '../src/pipeline.ts';
import { seedTable, seedText, tablesToDocx, tablesToXlsx } from './fixtures/office/seed-tables.ts';

// End to end: seed 000's 收入决算表 and 支出决算表, written to a workbook and to a Word document by the test,
// parsed with parseBytes, must give the same table rows (codes, labels, values) as parsing the text seed.

const TITLES = ['收入决算表', '支出决算表'];

function tables(d: Disclosure): Table[] {
  return TITLES.map((title) => {
    const t = d.tables.find((x) => x.title === title);
    if (!t) throw new Error(`${title} not recognised`);
    return t;
  });
}

function rowsOf(t: Table) {
  return t.rows.map((r) => ({
    kind: r.kind,
    code: r.code,
    label: r.label,
    cells: r.cells.map((c) => [c.column, c.value, c.decimals]),
  }));
}

describe('seed 000 tables read from xlsx and docx equal the text seed', () => {
  let fromText: Disclosure;
  let fromXlsx: Disclosure;
  let fromDocx: Disclosure;
  beforeAll(async () => {
    const text = seedText('000');
    const income = seedTable(text, '收入决算表');
    const expenditure = seedTable(text, '支出决算表');
    fromText = await parseBytes(new TextEncoder().encode(text), { fileName: 'seed000.txt' });
    fromXlsx = await parseBytes(
      await tablesToXlsx([
        { sheet: '收入决算表', table: income },
        { sheet: '支出决算表', table: expenditure },
      ]),
      { fileName: 'seed000.xlsx' },
    );
    fromDocx = await parseBytes(await tablesToDocx([income, expenditure]), { fileName: 'seed000.docx' });
  });

  it('recognises the same table kinds and units', () => {
    const keys = (d: Disclosure) => tables(d).map((t) => [t.key, t.unit, t.rows.length]);
    expect(keys(fromText)).toEqual([
      ['final.income', '万元', 22],
      ['final.expenditure', '万元', 22],
    ]);
    expect(keys(fromXlsx)).toEqual(keys(fromText));
    expect(keys(fromDocx)).toEqual(keys(fromText));
  });

  it('gives the same rows: codes joined from wrapped lines, labels and exact values', () => {
    const text = tables(fromText).map(rowsOf);
    expect(tables(fromXlsx).map(rowsOf)).toEqual(text);
    expect(tables(fromDocx).map(rowsOf)).toEqual(text);
    // The wrapped 20805 / 05 line is one coded row in every form.
    const [income] = tables(fromXlsx);
    const pension = income.rows.find((r) => r.code === '2080505');
    expect(pension?.cells.find((c) => c.column === 'total')?.value).toBe('15.18');
  });

  it('points each value back to its sheet cell or Word table cell', () => {
    const [xIncome] = tables(fromXlsx);
    const xTotal = xIncome.rows.find((r) => r.kind === 'total')!.cells.find((c) => c.column === 'total')!;
    expect(xTotal.place).toEqual({ kind: 'sheet', sheet: '收入决算表', cell: 'C9' });
    const [dIncome] = tables(fromDocx);
    const dTotal = dIncome.rows.find((r) => r.kind === 'total')!.cells.find((c) => c.column === 'total')!;
    expect(dTotal.place).toEqual({ kind: 'docx', block: 5, row: 3, cell: 2 });
  });
});
