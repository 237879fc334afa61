import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, GridBlock, Layout } from '../src/model/layout.ts';
import { readLayout } from '../src/read/read-layout.ts';
import { seedTable, seedText } from './fixtures/office/seed-tables.ts';

// The same content written by another producer (LibreOffice) must read the same: the corpus .xls (read by
// SheetJS) and LibreOffice's .xlsx conversion of it (read by exceljs) give identical blocks, and seed 000's
// tables re-saved by LibreOffice as .xlsx and .docx still give the seed's rows cell for cell.

const FIXTURES = join(import.meta.dirname, 'fixtures/office');
const XLS = join(import.meta.dirname, '../../shared/corpus/zxj6827111-blip__tianbaoxitong/budget_template.xls');

const read = (path: string) => readLayout(new Uint8Array(readFileSync(path)), path);
const grids = (layout: Layout) => layout.blocks.filter((b): b is GridBlock => b.type === 'grid');

/** Everything a block says, without the library-specific detail of how it was built. */
function describeBlock(b: Block): unknown {
  if (b.type === 'grid')
    return {
      place: b.place,
      rows: b.rows.map((r) => r.cells.map((c) => [c.text, c.raw ?? null, c.colSpan ?? 1, c.rowSpan ?? 1, c.place])),
    };
  if (b.type === 'line') return { line: b.text, place: b.place };
  return b.type === 'break' ? { break: b.kind } : { illegible: b.reason };
}

describe('one workbook, two producers, two libraries', () => {
  it('budget_template.xls (SheetJS) and its LibreOffice .xlsx conversion (exceljs) read the same', async () => {
    const xls = await read(XLS);
    const xlsx = await read(join(FIXTURES, 'budget_template.libreoffice.xlsx'));
    expect(xlsx.pageCount).toBe(xls.pageCount);
    expect(xlsx.warnings).toEqual([]);
    expect(xlsx.blocks.map(describeBlock)).toEqual(xls.blocks.map(describeBlock));
    expect(grids(xlsx).length).toBeGreaterThanOrEqual(8);
  });
});

describe('seed 000 tables re-saved by LibreOffice', () => {
  const text = seedText('000');
  const expected = [seedTable(text, '收入决算表').rows, seedTable(text, '支出决算表').rows];

  it('as .xlsx: both sheets give the seed rows', async () => {
    const layout = await read(join(FIXTURES, 'seed000-tables.libreoffice.xlsx'));
    expect(layout.pageCount).toBe(2);
    expect(grids(layout).map((g) => g.rows.map((r) => r.cells.map((c) => c.text)))).toEqual(expected);
    const total = grids(layout)[0].rows[3].cells[2];
    expect(total).toMatchObject({
      text: '289.70',
      raw: '289.70',
      place: { kind: 'sheet', sheet: '收入决算表', cell: 'C9' },
    });
  });

  it('as legacy .xls: both sheets give the seed rows with merges and exact values', async () => {
    const layout = await read(join(FIXTURES, 'seed000-tables.libreoffice.xls'));
    expect(layout.format).toBe('xls');
    expect(grids(layout).map((g) => g.rows.map((r) => r.cells.map((c) => c.text)))).toEqual(expected);
    const [income] = grids(layout);
    expect(income.rows[0].cells[2]).toMatchObject({ text: '本年收入合计', rowSpan: 2 });
    expect(income.rows[3].cells[2]).toMatchObject({
      text: '289.70',
      raw: '289.70',
      place: { kind: 'sheet', sheet: '收入决算表', cell: 'C9' },
    });
  });

  it('as .docx: both tables give the seed rows with their merges', async () => {
    const layout = await read(join(FIXTURES, 'seed000-tables.libreoffice.docx'));
    const [income, spending] = grids(layout);
    expect([income, spending].map((g) => g.rows.map((r) => r.cells.map((c) => c.text)))).toEqual(expected);
    expect(income.rows[0].cells[0]).toMatchObject({ text: '项 目', colSpan: 2 });
    expect(spending.rows[0].cells[2]).toMatchObject({ text: '本年支出合计', rowSpan: 2 });
  });
});
