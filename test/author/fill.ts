import ExcelJS from 'exceljs';
import type { Disclosure } from '../../src/model/disclosure.ts';
import {
  CODED_HEADER_ROW,
  INFO_SHEET,
  ITEM_BUDGET_SHEET,
  NARRATIVE_SHEET,
  PRIOR_SHEET,
  sectionLines,
  sheetPlans,
  workbookColumns,
} from '../../src/author/plan.ts';

// Fills a template workbook the way a department would, from a model (a seed's): the 项 lines of coded
// tables, the figures of multi-part tables by line label, the 三公 row, and some narrative inputs. Only
// input cells are written; formula cells are left for the reader to compute.

export interface FillExtras {
  narrative?: Record<string, string>;
  prior?: Record<string, string>;
  itemBudgets?: Record<string, [string, string?]>;
}

const num = (v: string | null | undefined) => (v == null ? null : Number(v));

export async function fillTemplate(bytes: Uint8Array, d: Disclosure, extras: FillExtras = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const info = wb.getWorksheet(INFO_SHEET)!;
  info.getCell('B5').value = d.entity.name ?? '';
  info.getCell('B7').value = d.entity.units.join('\n');
  for (const plan of sheetPlans(d.kind!)) {
    const t = d.tables.find((x) => x.key === plan.template.key);
    const ws = wb.getWorksheet(plan.sheet)!;
    if (!t) continue;
    const layout = plan.template.printGroups ? 'coded' : plan.template.layout;
    if (layout === 'coded') {
      const cols = workbookColumns(plan.template);
      const leaves = t.rows.filter(
        (r) =>
          r.kind === 'code' &&
          r.code &&
          !t.rows.some((o) => o !== r && o.code && o.code.length > r.code!.length && o.code.startsWith(r.code!)),
      );
      const unitRows = t.rows.filter((r) => r.kind === 'unit' && r.code && r.code.length > 3);
      let row = CODED_HEADER_ROW + 2;
      for (const r of plan.template.codeSystem || (layout === 'coded' && plan.template.printGroups)
        ? leaves
        : unitRows) {
        ws.getCell(row, 1).value = r.code!;
        if (!plan.template.codeSystem && !plan.template.printGroups) ws.getCell(row, 2).value = r.label ?? '';
        cols.forEach((c, i) => {
          const v = r.cells.find((x) => x.column === c.key)?.value;
          const cell = ws.getCell(row, i + 3);
          if (v != null && !cell.formula) cell.value = num(v);
        });
        row++;
      }
    } else if (layout === 'single') {
      const r = t.rows[0];
      if (!r) continue;
      workbookColumns(plan.template).forEach((c, i) => {
        const v = r.cells.find((x) => x.column === c.key)?.value;
        const cell = ws.getCell(4, i + 1);
        if (v != null && !cell.formula) cell.value = num(v);
      });
    } else {
      for (let r = 1; r <= ws.rowCount; r++) {
        const label = String(ws.getCell(r, 2).value ?? '');
        const banner = String(ws.getCell(r, 1).value ?? '');
        void banner;
        if (!label) continue;
        // Find the section by walking up to the banner.
        let b = r;
        while (b > 0 && !/^【/.test(String(ws.getCell(b, 1).value ?? ''))) b--;
        const section = plan.template.sections!.find((s) => `【${s.label}】` === String(ws.getCell(b, 1).value));
        if (!section) continue;
        const lines = sectionLines(plan.template, section, d.fiscalYear);
        // Lines start two rows under the banner (banner, header); several lines share a label.
        const line = lines[r - b - 2];
        if (!line) continue;
        const src = t.rows.find(
          (x) =>
            x.section === section.key && ((line.item && x.item === line.item) || (line.code && x.code === line.code)),
        );
        if (!src) continue;
        workbookColumns(plan.template, section.key).forEach((c, i) => {
          const v = src.cells.find((x) => x.column === c.key)?.value;
          const cell = ws.getCell(r, i + 3);
          if (v != null && !cell.formula) cell.value = num(v);
        });
      }
    }
  }
  const kv = (name: string, values: Record<string, string> | undefined) => {
    const ws = wb.getWorksheet(name);
    if (!ws || !values) return;
    for (let r = 3; r <= ws.rowCount; r++) {
      const key = String(ws.getCell(r, 1).value ?? '');
      if (key in values) ws.getCell(r, 3).value = values[key];
    }
  };
  kv(NARRATIVE_SHEET, extras.narrative);
  kv(PRIOR_SHEET, extras.prior);
  const ib = wb.getWorksheet(ITEM_BUDGET_SHEET);
  if (ib && extras.itemBudgets) {
    let r = 4;
    for (const [code, [budget, reason]] of Object.entries(extras.itemBudgets)) {
      ib.getCell(r, 1).value = code;
      ib.getCell(r, 3).value = Number(budget);
      if (reason) ib.getCell(r, 4).value = reason;
      r++;
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
