import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTemplateWorkbook } from '../../src/author/read-workbook.ts';
import { CODED_HEADER_ROW, sheetPlans, workbookColumns } from '../../src/author/plan.ts';
import { writeTemplate } from '../../src/author/template.ts';
import { rowByCode, tableByKey, totalRow, valueOf } from '../../src/model/query.ts';
import { toFixedString } from '../../src/model/decimal.ts';
import { parseBytes } from '../../src/pipeline.ts';
import { renderDocx } from '../../src/render/docx.ts';
import { renderHtml } from '../../src/render/html.ts';
import { chromiumPath, renderPdf } from '../../src/render/pdf.ts';
import { renderXlsx } from '../../src/render/xlsx.ts';
import { seedModel } from '../helpers/seeds.ts';
import { modelDiff } from '../render/model-diff.ts';
import { fillTemplate } from './fill.ts';

const val = (v: ReturnType<typeof valueOf>) => (v ? toFixedString(v, 2) : null);

describe('fill-in workbook', () => {
  it('audits clean apart from the seed rounding between 05表 and 06表', async () => {
    const { checkDisclosure } = await import('../../src/audit/engine.ts');
    const seed = seedModel('000');
    const { disclosure: d } = await readTemplateWorkbook(
      await fillTemplate(await writeTemplate({ kind: '决算', year: 2023 }), seed),
    );
    // (the narrative written without inputs holds 【请填写…】 markers, each an unfilled-field error by design)
    const errors = checkDisclosure(d).findings.filter((f) => f.severity === 'error' && f.ruleId !== 'unfilled-field');
    // Seed 000 prints 06表 lines (151.911, …) whose totals differ from 05表's basic by 0.02; the rest agrees
    // by construction: summary lines are formulas over the detail sheets.
    expect(errors.map((f) => f.ruleId)).toEqual(['cross-table-totals']);
    expect(errors[0].message).toContain('06表');
  });

  it('has a sheet per standard table with formulas and code validation', async () => {
    const bytes = await writeTemplate({ kind: '决算', year: 2023, entity: '测试局' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    for (const p of sheetPlans('决算')) expect(wb.getWorksheet(p.sheet), p.sheet).toBeTruthy();
    const ws = wb.getWorksheet(sheetPlans('决算')[2].sheet)!; // 支出决算表
    expect(ws.getCell('C4').formula).toMatch(/SUMPRODUCT/);
    expect(ws.getCell('B5').formula).toMatch(/VLOOKUP/);
    expect(ws.getCell('C5').formula).toBe('IF(COUNT(D5,E5,F5,G5,H5)=0,"",SUM(D5,E5,F5,G5,H5))');
    const model = (ws as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations
      .model;
    expect(Object.values(model).some((v) => v.type === 'list')).toBe(true);
    expect(wb.getWorksheet('情况说明填报')).toBeTruthy();
    expect(wb.getWorksheet('上年数')).toBeTruthy();
  });

  it('reads a filled 决算 workbook back into the model, with 类/款 and totals computed exactly', async () => {
    const seed = seedModel('000');
    const filled = await fillTemplate(await writeTemplate({ kind: '决算', year: 2023 }), seed, {
      narrative: { 'reasons.total': '机关事业单位基本养老保险缴费增加', 'threePublicCounts.vehiclesHeld': '0' },
      prior: { 'prior.total': '277.05' },
      itemBudgets: { '2101501': ['145.76'] },
    });
    const { disclosure: d } = await readTemplateWorkbook(filled, 'filled.xlsx');
    expect(d.kind).toBe('决算');
    expect(d.fiscalYear).toBe(2023);
    expect(d.entity.name).toBe(seed.entity.name);
    const t05 = tableByKey(d, 'final.general_budget_expenditure')!;
    // The seed prints 248.98 for 21015 while its 项 add up to 248.99: the workbook sums what was typed.
    expect(val(valueOf(rowByCode(t05, '21015'), 'total'))).toBe('248.99');
    expect(val(valueOf(rowByCode(t05, '2101501'), 'total'))).toBe('145.76');
    expect(val(valueOf(totalRow(t05), 'basic'))).toBe('185.02');
    // 01表 restates the detail tables through formulas: its income line is 05表's total, its classes 03表's.
    const t01 = tableByKey(d, 'final.income_expenditure_summary')!;
    expect(
      val(
        valueOf(
          t01.rows.find((r) => r.item === 'income.general_budget'),
          'amount',
        ),
      ),
    ).toBe('289.71');
    expect(
      val(
        valueOf(
          t01.rows.find((r) => r.item === 'income.grand_total'),
          'amount',
        ),
      ),
    ).toBe('289.71');
    expect(val(valueOf(rowByCode(t01, '210'), 'amount'))).toBe('260.46');
    const narrative = d.sections
      .filter((s) => s.part === 3)
      .flatMap((s) => s.paragraphs.map((p) => p.text))
      .join('\n');
    expect(narrative).toContain('主要原因是机关事业单位基本养老保险缴费增加');
    expect(narrative).toContain('完成年初预算的100%，决算数等于年初预算数');
  });

  it("reads a typed double as the decimal Excel shows (the xlsx reader's conversion): 0.1+0.2 is 0.30", async () => {
    const seed = seedModel('000');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await fillTemplate(await writeTemplate({ kind: '决算', year: 2023 }), seed)) as unknown as ArrayBuffer,
    );
    const plan = sheetPlans('决算').find((p) => p.template.key === 'final.general_budget_expenditure')!;
    const ws = wb.getWorksheet(plan.sheet)!;
    const basic = workbookColumns(plan.template).findIndex((c) => c.key === 'basic') + 3;
    const row = CODED_HEADER_ROW + 2;
    const code = String(ws.getCell(row, 1).value);
    ws.getCell(row, basic).value = 0.1 + 0.2;
    const { disclosure: d } = await readTemplateWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    const cell = rowByCode(tableByKey(d, 'final.general_budget_expenditure')!, code)!.cells.find(
      (c) => c.column === 'basic',
    )!;
    expect(cell).toMatchObject({ value: '0.30', text: '0.30', decimals: 2 });
  });

  it('refuses a workbook that is not a Caijian template, in Chinese and English', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'x';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    await expect(readTemplateWorkbook(bytes)).rejects.toMatchObject({
      name: 'InputError',
      messageZh: expect.stringContaining('财鉴填报模板'),
    });
  });

  for (const kind of ['决算', '预算'] as const) {
    describe(`authored ${kind}: template → fill → render → read back`, async () => {
      const seed = seedModel(kind === '决算' ? '000' : '004');
      const filled = await fillTemplate(await writeTemplate({ kind, year: seed.fiscalYear! }), seed);
      const { disclosure: d } = await readTemplateWorkbook(filled, 'filled.xlsx');
      const formats = {
        html: async () => new TextEncoder().encode(renderHtml(d)),
        xlsx: () => renderXlsx(d),
        docx: () => renderDocx(d),
        pdf: () => renderPdf(d),
      };
      for (const [format, render] of Object.entries(formats)) {
        it.skipIf(format === 'pdf' && !chromiumPath())(format, async () => {
          const back = await parseBytes(await render(), { fileName: `authored.${format}` });
          const known = KNOWN_AUTHORED;
          const diff = modelDiff(d, back).filter((x) => !known.some((re) => re.test(x)));
          expect(diff).toEqual([]);
        });
      }
    });
  }
});

/**
 * Known difference for authored documents: recognition maps the government economic class printed by name as
 * "十四、其他支出" in the 收支总表 to 59999 (the 款 of the same name) instead of the class 599.
 */
const KNOWN_AUTHORED = [
  /^budget\.summary row \d+: row code\|expenditure_gov_econ\|599\|\| ≠ code\|expenditure_gov_econ\|59999\|\|$/,
];
