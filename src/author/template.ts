import ExcelJS from 'exceljs';
import { entries, PERSONNEL_CLASSES, type CatalogSystem } from '../catalog/catalog.ts';
import type { DocumentKind } from '../model/disclosure.ts';
import {
  BASIC_TOTALS_ROW,
  CODED_HEADER_ROW,
  CODED_ROWS,
  CODES_SHEET,
  columnSums,
  derivation,
  INFO_SHEET,
  ITEM_BUDGET_SHEET,
  MARKER,
  NARRATIVE_SHEET,
  PRIOR_SHEET,
  sectionLines,
  sheetPlans,
  workbookColumns,
  type Derivation,
  type SheetPlan,
} from './plan.ts';
import { NARRATIVE_FIELDS, PRIOR_FIELDS } from './fields.ts';

// The fill-in workbook (`caijian template`): a sheet per standard table with codes and names from the
// catalogue, formulas for every total the sheet can compute, data validation on codes and amounts, and
// sheets for what only the department knows (narrative inputs, 年初预算 per 项, last year's figures).
// read-workbook.ts reads it back; both follow plan.ts.

export interface TemplateOptions {
  kind: DocumentKind;
  year: number;
  entity?: string;
  unit?: '万元' | '元';
}

export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const FORMULA_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const AMOUNT_FMT = '#,##0.00';
/** Printed on A4 landscape, all columns on one page width. */
const PRINT: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
};

type Validations = { add(range: string, v: ExcelJS.DataValidation): void };
const validations = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: Validations }).dataValidations;

const amountValidation: ExcelJS.DataValidation = {
  type: 'decimal',
  operator: 'between',
  formulae: [-1e12, 1e12],
  allowBlank: true,
  showErrorMessage: true,
  errorTitle: '金额',
  error: '请填写数字金额（可带两位小数）/ enter an amount',
};

function header(ws: ExcelJS.Worksheet, row: number, labels: string[]): void {
  labels.forEach((l, i) => {
    const c = ws.getCell(row, i + 1);
    c.value = l;
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  ws.getRow(row).height = 32;
}

function titleRows(ws: ExcelJS.Worksheet, title: string, hint: string): void {
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = hint;
  ws.getCell(2, 1).font = { italic: true, color: { argb: 'FF666666' } };
}

const CODE_COLUMN: Record<CatalogSystem, string> = { function: 'A', dept_econ: 'D', gov_econ: 'G' };

function codedSheet(wb: ExcelJS.Workbook, plan: SheetPlan, unit: string): void {
  const t = plan.template;
  const ws = wb.addWorksheet(plan.sheet, {
    views: [{ state: 'frozen', ySplit: CODED_HEADER_ROW + 1, xSplit: 2 }],
    pageSetup: PRINT,
  });
  const system = t.codeSystem;
  const cols = workbookColumns(t);
  const byUnit = !system;
  titleRows(
    ws,
    `${t.title}（金额单位：${unit}）`,
    byUnit
      ? '每行填写一个单位的编码、名称和金额；合计由公式计算。'
      : `A列填写${system === 'function' ? '功能分类' : '经济分类'}科目编码（项级7位或款级5位），名称自动带出；类、款和合计由系统按编码汇总，灰色单元格为公式。`,
  );
  header(ws, CODED_HEADER_ROW, [
    byUnit ? '单位编码' : '科目编码',
    byUnit ? '单位名称' : '科目名称',
    ...cols.map((c) => c.label),
  ]);
  const first = CODED_HEADER_ROW + 2;
  const last = first + CODED_ROWS - 1;
  const totalRow = CODED_HEADER_ROW + 1;
  ws.getCell(totalRow, 2).value = '合计';
  ws.getCell(totalRow, 2).font = { bold: true };
  const sums = columnSums(t);
  cols.forEach((_, i) => {
    const L = colLetter(i + 3);
    const cell = ws.getCell(totalRow, i + 3);
    // Σ of the most detailed lines typed: 项 when any, so 类/款 typed for reference are not counted twice.
    cell.value = byUnit
      ? { formula: `SUM(${L}${first}:${L}${last})` }
      : // Arrays as separate SUMPRODUCT arguments: blank ("") results of row formulas count as 0, not #VALUE!.
        {
          formula: `IF(SUMPRODUCT(--(LEN($A$${first}:$A$${last})=7))>0,SUMPRODUCT(--(LEN($A$${first}:$A$${last})=7),${L}${first}:${L}${last}),SUMPRODUCT(--(LEN($A$${first}:$A$${last})=5),${L}${first}:${L}${last}))`,
        };
    cell.numFmt = AMOUNT_FMT;
    cell.fill = FORMULA_FILL;
    cell.font = { bold: true };
  });
  const index = new Map(cols.map((c, i) => [c.key, i + 3]));
  for (let r = first; r <= last; r++) {
    if (!byUnit) {
      const name = ws.getCell(r, 2);
      name.value = {
        formula: `IF(A${r}="","",IFERROR(VLOOKUP(A${r},'${CODES_SHEET}'!$${CODE_COLUMN[system!]}:$${String.fromCharCode(CODE_COLUMN[system!].charCodeAt(0) + 1)},2,FALSE),"（编码不在目录中）"))`,
      };
      name.fill = FORMULA_FILL;
    }
    for (const [key, parts] of Object.entries(sums)) {
      const col = index.get(key);
      const refs = parts.map((p) => index.get(p)).filter((x): x is number => !!x);
      if (!col || !refs.length) continue;
      const cell = ws.getCell(r, col);
      // SUM, not "+": a part that is itself a blank ("") formula result must count as 0.
      const list = refs.map((x) => `${colLetter(x)}${r}`).join(',');
      cell.value = { formula: `IF(COUNT(${list})=0,"",SUM(${list}))` };
      cell.fill = FORMULA_FILL;
    }
    for (let c = 3; c < 3 + cols.length; c++) ws.getCell(r, c).numFmt = AMOUNT_FMT;
  }
  if (t.printGroups) {
    // 06表 prints 人员经费合计 (classes 301 + 303) and 公用经费合计 (the rest) under its column groups.
    const A = `$A$${first}:$A$${last}`;
    const personnel = `(${PERSONNEL_CLASSES.map((c) => `(LEFT(${A},3)="${c}")`).join('+')})`;
    const sums: [string, string][] = [
      ['人员经费合计', `SUMPRODUCT(--(LEN(${A})=5),${personnel},$C$${first}:$C$${last})`],
      ['公用经费合计', `SUMPRODUCT(--(LEN(${A})=5),1-${personnel},$C$${first}:$C$${last})`],
    ];
    sums.forEach(([label, formula], i) => {
      ws.getCell(BASIC_TOTALS_ROW + i, 5).value = label;
      ws.getCell(BASIC_TOTALS_ROW + i, 5).font = { bold: true };
      const cell = ws.getCell(BASIC_TOTALS_ROW + i, 6);
      cell.value = { formula };
      cell.numFmt = AMOUNT_FMT;
      cell.fill = FORMULA_FILL;
    });
    ws.getColumn(5).width = 14;
    ws.getColumn(6).width = 14;
  }
  ws.getColumn(1).numFmt = '@';
  if (system) {
    const n = entries(system).length;
    const L = CODE_COLUMN[system];
    validations(ws).add(`A${first}:A${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${CODES_SHEET}'!$${L}$2:$${L}$${n + 1}`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '科目编码',
      error: '编码不在科目目录中，请核对（仍可保留）/ code not in the catalogue',
    });
  }
  validations(ws).add(`C${first}:${colLetter(2 + cols.length)}${last}`, amountValidation);
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 36;
  for (let c = 3; c < 3 + cols.length; c++) ws.getColumn(c).width = 16;
}

/** A formula reading a detail sheet: its 合计 cell, or the Σ of its 项 lines under one 类. */
function derivedFormula(plans: SheetPlan[], der: Derivation): string | undefined {
  const source = plans.find((p) => p.template.key === der.table);
  if (!source) return undefined;
  const col = workbookColumns(source.template).findIndex((c) => c.key === der.column);
  if (col < 0) return undefined;
  const sheet = `'${source.sheet}'`;
  const L = colLetter(col + 3);
  const first = CODED_HEADER_ROW + 2;
  const last = first + CODED_ROWS - 1;
  if (!der.code) return `${sheet}!${L}${CODED_HEADER_ROW + 1}`;
  return `SUMPRODUCT(--(LEFT(${sheet}!$A$${first}:$A$${last},3)="${der.code}"),--(LEN(${sheet}!$A$${first}:$A$${last})=7),${sheet}!$${L}$${first}:$${L}$${last})`;
}

function sectionsSheet(wb: ExcelJS.Workbook, plan: SheetPlan, unit: string, year: number, plans: SheetPlan[]): void {
  const t = plan.template;
  const ws = wb.addWorksheet(plan.sheet, { views: [{ state: 'frozen', ySplit: 2 }], pageSetup: PRINT });
  titleRows(
    ws,
    `${t.title}（金额单位：${unit}）`,
    '按行填写金额；灰色单元格为公式（合计、总计），无数据的行留空。各部分分段排列。',
  );
  let r = 4;
  let lineNo = 1;
  for (const s of t.sections ?? []) {
    const cols = workbookColumns(t, s.key);
    const banner = ws.getCell(r, 1);
    banner.value = `【${s.label}】`;
    banner.font = { bold: true, size: 12 };
    r++;
    header(ws, r, ['行次', '项目', ...cols.map((c) => c.label)]);
    r++;
    const lines = sectionLines(t, s, year);
    const rowOf = new Map<string, number>();
    lines.forEach((l, i) => {
      if (l.item) rowOf.set(l.item, r + i);
    });
    lines.forEach((l, i) => {
      const row = r + i;
      ws.getCell(row, 1).value = lineNo++;
      ws.getCell(row, 2).value = l.label;
      cols.forEach((_, k) => {
        const cell = ws.getCell(row, k + 3);
        cell.numFmt = AMOUNT_FMT;
        const L = colLetter(k + 3);
        let formula: string | undefined;
        const der = derivation(t, s.key, l, cols[k].key);
        if (der?.sumColumns) {
          const refs = der.sumColumns.map((c) => cols.findIndex((x) => x.key === c)).filter((x) => x >= 0);
          formula = `SUM(${refs.map((x) => `${colLetter(x + 3)}${row}`).join(',')})`;
        } else if (der) formula = derivedFormula(plans, der);
        if (formula) {
          // derived from a detail sheet
        } else if (l.sumOf === 'before' && i > 0) {
          // Σ of the lines above it (a leading "本年收入" line sums its own parts and is skipped).
          const from = r + (lines[0].sumOf === 'following' ? 1 : 0);
          formula = `SUM(${L}${from}:${L}${row - 1})`;
        } else if (l.sumOf === 'following') {
          let end = i + 1;
          while (
            end < lines.length &&
            (lines[end].code || /general_budget|gov_fund|state_capital/.test(lines[end].item ?? '')) &&
            !/carryover/.test(lines[end].item ?? '')
          )
            end++;
          if (end > i + 1) formula = `SUM(${L}${row + 1}:${L}${r + end - 1})`;
        } else if (Array.isArray(l.sumOf)) {
          const refs = l.sumOf.map((k2) => rowOf.get(k2)).filter((x): x is number => !!x);
          if (refs.length) formula = `SUM(${refs.map((x) => `${L}${x}`).join(',')})`;
        }
        if (formula) {
          cell.value = { formula };
          cell.fill = FORMULA_FILL;
        }
      });
    });
    validations(ws).add(`C${r}:${colLetter(2 + cols.length)}${r + lines.length - 1}`, amountValidation);
    r += lines.length + 1;
  }
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 40;
  for (let c = 3; c < 10; c++) ws.getColumn(c).width = 18;
}

function singleSheet(wb: ExcelJS.Workbook, plan: SheetPlan, unit: string): void {
  const t = plan.template;
  const ws = wb.addWorksheet(plan.sheet, { pageSetup: PRINT });
  titleRows(ws, `${t.title}（金额单位：${unit}）`, '在第4行填写预算数和决算数；合计、小计为公式。');
  const cols = workbookColumns(t);
  header(
    ws,
    3,
    cols.map((c) => c.label),
  );
  const index = new Map(cols.map((c, i) => [c.key, i + 1]));
  cols.forEach((c, i) => {
    const cell = ws.getCell(4, i + 1);
    cell.numFmt = AMOUNT_FMT;
    const parts = columnSums(t)[c.key];
    if (parts) {
      cell.value = { formula: `SUM(${parts.map((p) => `${colLetter(index.get(p)!)}4`).join(',')})` };
      cell.fill = FORMULA_FILL;
    }
    ws.getColumn(i + 1).width = 16;
  });
  validations(ws).add(`A4:${colLetter(cols.length)}4`, amountValidation);
}

function infoSheet(wb: ExcelJS.Workbook, o: TemplateOptions): void {
  const ws = wb.addWorksheet(INFO_SHEET);
  ws.getCell('A1').value = MARKER;
  ws.getCell('A1').font = { bold: true, size: 14 };
  const rows: [string, string | number][] = [
    ['文件种类', o.kind],
    ['年度', o.year],
    ['部门名称', o.entity ?? ''],
    ['金额单位', o.unit ?? '万元'],
    ['单位构成（每行一个单位）', ''],
  ];
  rows.forEach(([k, v], i) => {
    ws.getCell(i + 3, 1).value = k;
    ws.getCell(i + 3, 1).font = { bold: true };
    ws.getCell(i + 3, 2).value = v;
    ws.getCell(i + 3, 2).alignment = { wrapText: true, vertical: 'top' };
  });
  validations(ws).add('B6', { type: 'list', allowBlank: false, formulae: ['"万元,元"'] });
  validations(ws).add('B3', { type: 'list', allowBlank: false, formulae: ['"决算,预算"'] });
  const hints = [
    '填报方法：',
    '1. 在各表的白色单元格填写金额；灰色单元格为公式，自动计算合计、小计和科目名称。',
    '2. 编码表（收入、支出等）只需填写项级科目及金额，类、款和合计由财鉴汇总。',
    '3. 在“情况说明填报”“项目年初预算”“上年数”中填写无法从表中计算的内容（职责、原因、数量等）；未填写的原因会在生成的情况说明中以【请填写…】标出。',
    '4. 用 caijian render 本文件 --to pdf|docx|html|xlsx 生成公开文件。',
  ];
  hints.forEach((h, i) => {
    ws.getCell(10 + i, 1).value = h;
  });
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 60;
}

function keyValueSheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  fields: readonly { key: string; label: string; hint?: string }[],
  valueHeader: string,
): void {
  const ws = wb.addWorksheet(name);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  header(ws, 2, ['字段', '填报项目', valueHeader, '说明']);
  fields.forEach((f, i) => {
    ws.getCell(i + 3, 1).value = f.key;
    ws.getCell(i + 3, 2).value = f.label;
    ws.getCell(i + 3, 3).alignment = { wrapText: true, vertical: 'top' };
    if (f.hint) ws.getCell(i + 3, 4).value = f.hint;
  });
  ws.getColumn(1).hidden = true;
  ws.getColumn(2).width = 36;
  ws.getColumn(3).width = 70;
  ws.getColumn(4).width = 40;
}

function itemBudgetSheet(wb: ExcelJS.Workbook, unit: string): void {
  const ws = wb.addWorksheet(ITEM_BUDGET_SHEET);
  titleRows(
    ws,
    `一般公共预算财政拨款支出项目年初预算（金额单位：${unit}）`,
    '按项级科目填写年初预算数；决算数与年初预算数不同时填写原因，将写入情况说明。',
  );
  header(ws, 3, ['科目编码', '科目名称', '年初预算数', '决算数与年初预算数差异的原因']);
  const n = entries('function').length;
  for (let r = 4; r < 4 + 150; r++) {
    ws.getCell(r, 2).value = { formula: `IF(A${r}="","",IFERROR(VLOOKUP(A${r},'${CODES_SHEET}'!$A:$B,2,FALSE),""))` };
    ws.getCell(r, 2).fill = FORMULA_FILL;
    ws.getCell(r, 3).numFmt = AMOUNT_FMT;
  }
  validations(ws).add(`A4:A153`, {
    type: 'list',
    allowBlank: true,
    formulae: [`'${CODES_SHEET}'!$A$2:$A$${n + 1}`],
    errorStyle: 'warning',
    showErrorMessage: true,
    error: '编码不在科目目录中',
  });
  validations(ws).add(`C4:C153`, amountValidation);
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 36;
  ws.getColumn(3).width = 16;
  ws.getColumn(4).width = 60;
}

function codesSheet(wb: ExcelJS.Workbook, year: number): void {
  const ws = wb.addWorksheet(CODES_SHEET, { state: 'hidden' });
  (['function', 'dept_econ', 'gov_econ'] as const).forEach((system) => {
    const col = CODE_COLUMN[system].charCodeAt(0) - 64;
    ws.getCell(1, col).value =
      system === 'function' ? '功能分类编码' : system === 'dept_econ' ? '部门经济分类编码' : '政府经济分类编码';
    ws.getCell(1, col + 1).value = '名称';
    entries(system).forEach((e, i) => {
      ws.getCell(i + 2, col).value = e.code;
      const renamed = (e.renamed ?? []).find((r) => year <= r.until);
      ws.getCell(i + 2, col + 1).value = renamed?.name ?? e.name;
    });
  });
}

export async function writeTemplate(o: TemplateOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Caijian 财鉴';
  const unit = o.unit ?? '万元';
  infoSheet(wb, o);
  for (const plan of sheetPlans(o.kind)) {
    const layout = plan.template.printGroups ? 'coded' : plan.template.layout;
    if (layout === 'sections') sectionsSheet(wb, plan, unit, o.year, sheetPlans(o.kind));
    else if (layout === 'single') singleSheet(wb, plan, unit);
    else codedSheet(wb, plan, unit);
  }
  keyValueSheet(
    wb,
    NARRATIVE_SHEET,
    '情况说明填报（无法从表中计算的内容）',
    NARRATIVE_FIELDS.filter((f) => !f.kind || f.kind === o.kind),
    '内容',
  );
  if (o.kind === '决算') itemBudgetSheet(wb, unit);
  keyValueSheet(wb, PRIOR_SHEET, `上年数（可选，金额单位：${unit}）`, PRIOR_FIELDS, '上年数');
  codesSheet(wb, o.year);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
