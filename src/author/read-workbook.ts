import ExcelJS from 'exceljs';
import { isPersonnelCode, levelOf, lookup, type CatalogSystem } from '../catalog/catalog.ts';
import { add, parseDecimal, toGroupedString, ZERO, type Decimal } from '../model/decimal.ts';
import type { AmountUnit, Cell, Column, Disclosure, DocumentKind, Row, Table } from '../model/disclosure.ts';
import type { SourcePlace } from '../model/place.ts';
import { InputError } from '../read/errors.ts';
import { doubleToDecimalText } from '../read/xlsx/number-format.ts';
import type { TableTemplate } from '../templates/types.ts';
import { rowByCode, totalRow, valueOf } from '../model/query.ts';
import { NARRATIVE_FIELDS, PRIOR_FIELDS } from './fields.ts';
import { defaultGlossary } from './glossary.ts';
import { writeNarrative, writeOverview } from './narrative.ts';
import type { NarrativeInputs } from './narrative-inputs.ts';
import {
  BASIC_TOTALS_ROW,
  CODED_HEADER_ROW,
  CODED_ROWS,
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
  type SectionLine,
  type SheetPlan,
} from './plan.ts';
import { colLetter } from './template.ts';
import { basicExpenditureLines } from '../render/print-table.ts';

// Reads a filled fill-in workbook back into the model. What the department typed is taken as typed; what
// the sheet computes with formulas (totals, 类/款 lines, names) is computed here again from the typed
// figures, exactly, so the model never depends on whether Excel saved formula results. The narrative is
// written from the numbers and the narrative-input sheets.

type Value = { kind: 'typed'; value: Decimal | null; text?: string } | { kind: 'formula' };

function cellValue(cell: ExcelJS.Cell): Value {
  const v = cell.value as unknown;
  if (v === null || v === undefined || v === '') return { kind: 'typed', value: null };
  // The one double → decimal conversion of the xlsx/xls readers: 0.1+0.2 typed or computed is 0.3, not 0.30000000000000004.
  if (typeof v === 'number') return { kind: 'typed', value: parseDecimal(doubleToDecimalText(v)) };
  if (typeof v === 'string') {
    const t = v.trim().replace(/[,，\s]/g, '');
    if (t === '') return { kind: 'typed', value: null };
    if (/^[-－—–]{1,2}$/.test(t)) return { kind: 'typed', value: ZERO, text: v.trim() };
    return { kind: 'typed', value: parseDecimal(t), text: v.trim() };
  }
  if (typeof v === 'object' && v && ('formula' in v || 'sharedFormula' in v)) return { kind: 'formula' };
  if (typeof v === 'object' && v && 'richText' in v) {
    const text = (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
    return { kind: 'typed', value: parseDecimal(text.replace(/[,\s]/g, '')), text };
  }
  return { kind: 'typed', value: null };
}

function textOf(cell: ExcelJS.Cell): string {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && v && 'richText' in v)
    return (v as { richText: { text: string }[] }).richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof v === 'object' && v && 'result' in v) return String((v as { result?: unknown }).result ?? '').trim();
  if (typeof v === 'object') return '';
  return String(v).trim();
}

function sheetPlace(sheet: string, row: number, col: number): SourcePlace {
  return { kind: 'sheet', sheet, cell: `${colLetter(col)}${row}` };
}

function makeCell(column: string, value: Decimal | null, place: SourcePlace, text?: string): Cell {
  if (value === null) return { column, text: '', value: null, decimals: 0, place };
  const decimals = Math.max(2, value.scale);
  return {
    column,
    text: text && /^[-－—–]{1,2}$/.test(text) ? text : toGroupedString(value, decimals),
    value: toGroupedString(value, decimals).replace(/,/g, ''),
    decimals,
    place,
  };
}

/** Row values with formula columns computed from their parts (a typed number overrides a formula). */
function rowValues(
  t: TableTemplate,
  cols: { key: string }[],
  read: (key: string) => Value,
): Map<string, Decimal | null> {
  const sums = columnSums(t);
  const out = new Map<string, Decimal | null>();
  const get = (key: string, depth = 0): Decimal | null => {
    if (out.has(key)) return out.get(key)!;
    const v = read(key);
    let result: Decimal | null = null;
    if (v.kind === 'typed' && v.value !== null) result = v.value;
    else if (sums[key] && depth < 5) {
      const parts = sums[key].map((p) => get(p, depth + 1));
      result = parts.some((p) => p !== null) ? parts.reduce<Decimal>((a, p) => add(a, p ?? ZERO), ZERO) : null;
    }
    out.set(key, result);
    return result;
  };
  for (const c of cols) get(c.key);
  return out;
}

interface Ctx {
  year: number | null;
  unit: AmountUnit;
  entity: string | null;
}

function nameFor(system: CatalogSystem, code: string, year: number | null): string {
  const l = lookup(system, code, year);
  return l.status === 'known' ? l.nameForYear : code;
}

function readCoded(ws: ExcelJS.Worksheet, plan: SheetPlan, ctx: Ctx): Row[] {
  const t = plan.template;
  const system: CatalogSystem | undefined = t.codeSystem;
  const cols = workbookColumns(t);
  const first = CODED_HEADER_ROW + 2;
  const typed = new Map<
    string,
    { values: Map<string, Decimal | null>; label: string; place: SourcePlace; places: Map<string, SourcePlace> }
  >();
  const order: string[] = [];
  for (let r = first; r < first + CODED_ROWS; r++) {
    const rawCode = textOf(ws.getCell(r, 1)).replace(/[\s|]/g, '');
    const name = textOf(ws.getCell(r, 2));
    if (!rawCode && !(name && !system)) continue;
    const code = system ? rawCode.replace(/\D/g, '') : rawCode;
    if (system && !code) continue;
    const values = rowValues(t, cols, (key) => cellValue(ws.getCell(r, cols.findIndex((c) => c.key === key) + 3)));
    const places = new Map(cols.map((c, i) => [c.key, sheetPlace(ws.name, r, i + 3)]));
    const key = code || name;
    if (!typed.has(key)) order.push(key);
    typed.set(key, { values, label: name, place: sheetPlace(ws.name, r, 1), places });
  }
  const rows: Row[] = [];
  if (!system) {
    // Lines per unit (三公 by unit): as typed, with a computed 合计.
    const total = new Map<string, Decimal | null>();
    for (const key of order)
      for (const c of cols) {
        const v = typed.get(key)!.values.get(c.key) ?? null;
        if (v !== null) total.set(c.key, add(total.get(c.key) ?? ZERO, v));
      }
    const totalPlace = sheetPlace(ws.name, CODED_HEADER_ROW + 1, 2);
    rows.push({
      kind: 'total',
      label: '合计',
      cells: cols.map((c, i) =>
        makeCell(
          c.key,
          overrideTotal(ws, i + 3) ?? total.get(c.key) ?? null,
          sheetPlace(ws.name, CODED_HEADER_ROW + 1, i + 3),
        ),
      ),
      place: totalPlace,
    });
    for (const key of order) {
      const e = typed.get(key)!;
      rows.push({
        kind: 'unit',
        code: key !== e.label ? key : undefined,
        codeSystem: 'unit',
        label: e.label || null,
        cells: cols.map((c) => makeCell(c.key, e.values.get(c.key) ?? null, e.places.get(c.key)!)),
        place: e.place,
      });
    }
    return rows;
  }
  // Parents (类, 款) of typed lines are summed from their children unless typed themselves: first every
  // 款 from its 项, then every 类 from its 款.
  const all = new Map<string, Map<string, Decimal | null>>();
  const computedFrom = new Map<string, SourcePlace>();
  for (const [code, e] of typed) all.set(code, e.values);
  const sumInto = (parent: string, childLen: number) => {
    const acc = new Map(cols.map((c) => [c.key, null as Decimal | null]));
    for (const [code, vals] of all) {
      if (code.length !== childLen || !code.startsWith(parent)) continue;
      computedFrom.set(parent, computedFrom.get(parent) ?? typed.get(code)?.place ?? computedFrom.get(code)!);
      for (const c of cols) {
        const v = vals.get(c.key) ?? null;
        if (v !== null) acc.set(c.key, add(acc.get(c.key) ?? ZERO, v));
      }
    }
    all.set(parent, acc);
  };
  for (const k of new Set([...typed.keys()].filter((c) => c.length === 7).map((c) => c.slice(0, 5))))
    if (!typed.has(k)) sumInto(k, 7);
  for (const k of new Set([...all.keys()].filter((c) => c.length >= 5).map((c) => c.slice(0, 3))))
    if (!typed.has(k)) sumInto(k, 5);
  const sorted = [...all.keys()].sort();
  const total = new Map<string, Decimal | null>();
  for (const code of sorted.filter((c) => c.length === 3))
    for (const c of cols) {
      const v = all.get(code)!.get(c.key) ?? null;
      if (v !== null) total.set(c.key, add(total.get(c.key) ?? ZERO, v));
    }
  const totalCells = cols.map((c, i) =>
    makeCell(
      c.key,
      overrideTotal(ws, i + 3) ?? total.get(c.key) ?? null,
      sheetPlace(ws.name, CODED_HEADER_ROW + 1, i + 3),
    ),
  );
  const isBasic = !!t.printGroups;
  const personnel = isPersonnelCode;
  if (!isBasic)
    rows.push({ kind: 'total', label: '合计', cells: totalCells, place: sheetPlace(ws.name, CODED_HEADER_ROW + 1, 2) });
  for (const code of sorted) {
    const e = typed.get(code);
    const place = e?.place ?? computedFrom.get(code)!;
    const row: Row = {
      kind: 'code',
      code,
      codeSystem: system,
      level: levelOf(code),
      label: nameFor(system, code, ctx.year),
      cells: cols.map((c) => makeCell(c.key, all.get(code)!.get(c.key) ?? null, e?.places.get(c.key) ?? place)),
      place,
    };
    if (isBasic) row.section = personnel(code) ? 'personnel' : 'public';
    rows.push(row);
  }
  if (isBasic) {
    // 06表 prints 人员经费合计 and 公用经费合计 under its column groups (domain.md §2).
    const sumOf = (pred: (c: string) => boolean) =>
      sorted
        .filter((c) => c.length === 3 && pred(c))
        .reduce<Decimal | null>((a, c) => {
          const v = all.get(c)!.get('amount') ?? null;
          return v === null ? a : add(a ?? ZERO, v);
        }, null);
    const typedOr = (row: number, computed: Decimal | null) => {
      const v = cellValue(ws.getCell(row, 6));
      return v.kind === 'typed' && v.value !== null ? v.value : computed;
    };
    const p1 = sheetPlace(ws.name, BASIC_TOTALS_ROW, 6);
    const p2 = sheetPlace(ws.name, BASIC_TOTALS_ROW + 1, 6);
    rows.push({
      kind: 'total',
      section: 'g1',
      label: '人员经费合计',
      item: 'personnel_total',
      cells: [makeCell('amount', typedOr(BASIC_TOTALS_ROW, sumOf(personnel)) ?? ZERO, p1)],
      place: p1,
    });
    rows.push({
      kind: 'total',
      section: 'g2',
      label: '公用经费合计',
      item: 'public_total',
      cells: [
        makeCell(
          'amount',
          typedOr(
            BASIC_TOTALS_ROW + 1,
            sumOf((c) => !personnel(c)),
          ) ?? ZERO,
          p2,
        ),
      ],
      place: p2,
    });
    // In print order: line by line across the three column groups.
    return basicExpenditureLines(rows)
      .flat()
      .filter((r): r is Row => !!r);
  }
  return rows;
}

/** A number typed over the 合计 formula wins (the department may print its own total). */
function overrideTotal(ws: ExcelJS.Worksheet, col: number): Decimal | null {
  const v = cellValue(ws.getCell(CODED_HEADER_ROW + 1, col));
  return v.kind === 'typed' ? v.value : null;
}

function readSections(ws: ExcelJS.Worksheet, plan: SheetPlan, ctx: Ctx, built: Map<string, Table>): Row[] {
  const t = plan.template;
  const parts: Row[][] = [];
  let r = 1;
  const max = ws.rowCount + 1;
  for (const s of t.sections ?? []) {
    while (r <= max && textOf(ws.getCell(r, 1)) !== `【${s.label}】`) r++;
    if (r > max) break;
    const cols = workbookColumns(t, s.key);
    const lines = sectionLines(t, s, ctx.year);
    const start = r + 2;
    const values: Map<string, Decimal | null>[] = [];
    const typedAt = (i: number, k: number) => cellValue(ws.getCell(start + i, k + 3));
    // Typed figures first, then every formula line from the lines it sums, in dependency order.
    const resolveColumn = (i: number, column: string, depth: number): Decimal | null => {
      const k = cols.findIndex((c) => c.key === column);
      const v = typedAt(i, k);
      if (v.kind === 'typed' && v.value !== null) return v.value;
      const der = derivation(t, s.key, lines[i], column);
      if (!der || der.sumColumns || depth > 6) return null;
      const source = built.get(der.table);
      const row = source ? (der.code ? rowByCode(source, der.code) : totalRow(source)) : undefined;
      return source?.status === 'data' ? valueOf(row, der.column) : null;
    };
    const resolve = (i: number, depth = 0): Map<string, Decimal | null> => {
      if (values[i]) return values[i];
      const l: SectionLine = lines[i];
      const m = new Map<string, Decimal | null>();
      cols.forEach((c, k) => {
        const v = typedAt(i, k);
        if (v.kind === 'typed' && (v.value !== null || !l.sumOf)) {
          m.set(c.key, v.value);
          return;
        }
        const der = derivation(t, s.key, l, c.key);
        if (der?.sumColumns) {
          const parts = der.sumColumns.map((col) => (col === c.key ? null : resolveColumn(i, col, depth)));
          m.set(c.key, parts.some((p) => p !== null) ? parts.reduce<Decimal>((a, p) => add(a, p ?? ZERO), ZERO) : null);
          return;
        }
        if (der) {
          const source = built.get(der.table);
          const row = source ? (der.code ? rowByCode(source, der.code) : totalRow(source)) : undefined;
          m.set(c.key, source?.status === 'data' ? valueOf(row, der.column) : null);
          return;
        }
        let refs: number[] = [];
        if (l.sumOf === 'before')
          refs = lines.map((_, j) => j).filter((j) => j < i && !(j === 0 && lines[0].sumOf === 'following'));
        else if (l.sumOf === 'following') {
          let end = i + 1;
          while (
            end < lines.length &&
            (lines[end].code || /general_budget|gov_fund|state_capital/.test(lines[end].item ?? '')) &&
            !/carryover/.test(lines[end].item ?? '')
          )
            end++;
          refs = lines.map((_, j) => j).filter((j) => j > i && j < end);
        } else if (Array.isArray(l.sumOf))
          refs = l.sumOf.map((key) => lines.findIndex((x) => x.item === key)).filter((j) => j >= 0);
        const parts = depth < 6 ? refs.map((j) => resolve(j, depth + 1).get(c.key) ?? null) : [];
        m.set(c.key, parts.some((p) => p !== null) ? parts.reduce<Decimal>((a, p) => add(a, p ?? ZERO), ZERO) : null);
      });
      values[i] = m;
      return m;
    };
    const rows: Row[] = lines.map((l, i) => {
      const vals = resolve(i);
      const place = sheetPlace(ws.name, start + i, 2);
      const lineNo = Number(textOf(ws.getCell(start + i, 1))) || undefined;
      const cells = cols.map((c, k) => makeCell(c.key, vals.get(c.key) ?? null, sheetPlace(ws.name, start + i, k + 3)));
      const isTotal = !!l.item && /(total|grand_total)$/.test(l.item);
      const row: Row = l.code
        ? {
            kind: 'code',
            section: s.key,
            code: l.code,
            codeSystem: l.codeSystem,
            level: '类',
            label: l.label,
            cells,
            place,
          }
        : { kind: isTotal ? 'total' : 'item', section: s.key, label: l.label, item: l.item, cells, place };
      if (lineNo !== undefined && t.key.startsWith('final.')) row.lineNo = lineNo;
      return row;
    });
    parts.push(rows);
    r = start + lines.length;
  }
  // Rows in print order: line i of every part, left to right (the order recognition reads them back in).
  const out: Row[] = [];
  const height = Math.max(0, ...parts.map((p) => p.length));
  for (let i = 0; i < height; i++) for (const p of parts) if (p[i]) out.push(p[i]);
  return out;
}

function readSingle(ws: ExcelJS.Worksheet, plan: SheetPlan): Row[] {
  const t = plan.template;
  const cols = workbookColumns(t);
  const vals = rowValues(t, cols, (key) => cellValue(ws.getCell(4, cols.findIndex((c) => c.key === key) + 1)));
  if ([...vals.values()].every((v) => v === null)) return [];
  return [
    {
      kind: 'item',
      label: null,
      item: 'three_public',
      cells: cols.map((c, i) => makeCell(c.key, vals.get(c.key) ?? null, sheetPlace(ws.name, 4, i + 1))),
      place: sheetPlace(ws.name, 4, 1),
    },
  ];
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = target;
  for (const k of keys.slice(0, -1)) {
    o[k] ??= {};
    o = o[k] as Record<string, unknown>;
  }
  o[keys[keys.length - 1]] = value;
}

function readKeyValues(ws: ExcelJS.Worksheet | undefined, inputs: NarrativeInputs, allowed: Set<string>): void {
  if (!ws) return;
  for (let r = 3; r <= ws.rowCount; r++) {
    const key = textOf(ws.getCell(r, 1));
    if (!allowed.has(key)) continue;
    const cell = ws.getCell(r, 3);
    const v = cell.value;
    const text =
      typeof v === 'number' ? (parseDecimal(doubleToDecimalText(v)) ? doubleToDecimalText(v) : '') : textOf(cell);
    if (!text) continue;
    setPath(
      inputs as Record<string, unknown>,
      key,
      key === 'duties' || key === 'structure'
        ? text
            .split(/\r?\n/)
            .map((s) => s.trim())
            .filter(Boolean)
        : text,
    );
  }
}

export interface ReadWorkbookResult {
  disclosure: Disclosure;
  inputs: NarrativeInputs;
}

export async function readTemplateWorkbook(bytes: Uint8Array, fileName?: string): Promise<ReadWorkbookResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new InputError(
      'unreadable',
      '无法读取该 Excel 文件，文件可能已损坏。',
      'Cannot read this Excel file; it may be damaged.',
      { cause: e },
    );
  }
  const info = wb.getWorksheet(INFO_SHEET);
  if (!info || textOf(info.getCell('A1')) !== MARKER) {
    throw new InputError(
      'unreadable',
      `这不是财鉴填报模板（缺少“${INFO_SHEET}”工作表）。请用 caijian template 生成模板后填写。`,
      `This is not a Caijian fill-in workbook (no "${INFO_SHEET}" sheet). Create one with caijian template.`,
    );
  }
  const infoValue = (label: string) => {
    for (let r = 3; r <= 12; r++) if (textOf(info.getCell(r, 1)).startsWith(label)) return textOf(info.getCell(r, 2));
    return '';
  };
  const kindText = infoValue('文件种类');
  if (kindText !== '决算' && kindText !== '预算')
    throw new InputError(
      'unreadable',
      `“${INFO_SHEET}”中的文件种类应为“决算”或“预算”，现为“${kindText}”。`,
      `The document kind must be 决算 or 预算, found "${kindText}".`,
    );
  const kind: DocumentKind = kindText;
  const yearText = infoValue('年度');
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  const unitText = infoValue('金额单位');
  const unit: AmountUnit = unitText === '元' ? '元' : '万元';
  const entity = infoValue('部门名称') || null;
  const units = infoValue('单位构成')
    .split(/\r?\n|[；;]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const ctx: Ctx = { year, unit, entity };

  // Detail tables first: the summary tables' derived lines are read from them.
  const built = new Map<string, Table>();
  const plans = sheetPlans(kind);
  const layoutOf = (plan: SheetPlan) => (plan.template.printGroups ? 'coded' : plan.template.layout);
  const order = [
    ...plans.filter((p) => layoutOf(p) !== 'sections'),
    ...plans.filter((p) => layoutOf(p) === 'sections'),
  ];
  order.forEach((plan) => {
    const i = plans.indexOf(plan);
    const ws = wb.getWorksheet(plan.sheet);
    if (!ws) return;
    const t = plan.template;
    const layout = layoutOf(plan);
    const rows =
      layout === 'sections'
        ? readSections(ws, plan, ctx, built)
        : layout === 'single'
          ? readSingle(ws, plan)
          : readCoded(ws, plan, ctx);
    const columns: Column[] = (
      layout === 'sections' ? (t.sections ?? []).flatMap((s) => workbookColumns(t, s.key)) : workbookColumns(t)
    ).map((c) => ({ key: c.key, label: c.label, ...(c.section ? { section: c.section } : {}) }));
    const hasData = rows.some((r) => r.cells.some((c) => c.value !== null && parseDecimal(c.value)?.units !== 0n));
    built.set(t.key, {
      id: `t${i + 1}`,
      key: t.key,
      template: t.key,
      title: t.title,
      number: kind === '决算' ? t.usualNumber : undefined,
      entity: entity ?? undefined,
      unit,
      status: hasData ? 'data' : 'empty',
      emptyStatement: hasData
        ? undefined
        : `说明：本部门${year ?? ''}年度没有${t.title.replace(/(决算|预算)?(明细)?表$/, '')}相关收支，故本表无数据。`,
      notes: [],
      columns,
      rows: hasData
        ? rows
        : layout === 'single'
          ? []
          : rows.filter((r) => r.kind === 'total' && !r.item?.startsWith('personnel')),
      place: sheetPlace(ws.name, 1, 1),
    });
  });
  const tables = plans.map((p) => built.get(p.template.key)).filter((t): t is Table => !!t);

  const inputs: NarrativeInputs = {};
  readKeyValues(wb.getWorksheet(NARRATIVE_SHEET), inputs, new Set(NARRATIVE_FIELDS.map((f) => f.key)));
  readKeyValues(wb.getWorksheet(PRIOR_SHEET), inputs, new Set(PRIOR_FIELDS.map((f) => f.key)));
  const ib = wb.getWorksheet(ITEM_BUDGET_SHEET);
  if (ib) {
    for (let r = 4; r <= ib.rowCount; r++) {
      const code = textOf(ib.getCell(r, 1)).replace(/\D/g, '');
      if (!code) continue;
      const v = cellValue(ib.getCell(r, 3));
      if (v.kind === 'typed' && v.value) {
        inputs.itemBudgets ??= {};
        inputs.itemBudgets[code] = toGroupedString(v.value).replace(/,/g, '');
      }
      const reason = textOf(ib.getCell(r, 4));
      if (reason) {
        inputs.reasons ??= {};
        inputs.reasons.items ??= {};
        inputs.reasons.items[code] = reason;
      }
    }
  }

  const d: Disclosure = {
    schemaVersion: 1,
    kind,
    scope: { level: '部门', consolidation: units.length > 1 ? '汇总' : null },
    fiscalYear: year,
    entity: { name: entity, names: entity ? [entity] : [], units },
    unit,
    precision: 2,
    source: { format: 'xlsx', fileName, imageOnlyPages: [] },
    tables,
    sections: [],
    glossary: defaultGlossary(kind),
    performance: [],
    recognition: { listed: [], unknownTables: [], missingStandard: [] },
    warnings: [],
  };
  d.sections = [...writeOverview(d, inputs), ...writeNarrative(d, inputs)];
  return { disclosure: d, inputs };
}
