import type { Disclosure, Row, Table } from '../model/disclosure.ts';
import { cellOf, codedRows, tableByKey, totalRow } from '../model/query.ts';
import type { DocumentFigures } from '../store/types.ts';

// Facts the workbench lists, filters and charts documents by, derived once at import from the model and
// stored beside it: the region (from the department's name) and the headline amounts. Amounts stay exact
// decimal strings; only the chart turns them into numbers for drawing.

const REGION = /^(.*?(?:省|自治区|特别行政区))?(.*?(?:自治州|地区|盟|市|州))?(.*?(?:自治县|县|区|旗|市))?/u;

/** "株洲市天元区医疗保障局" → "株洲市天元区"; "原州区医疗保障局" → "原州区"; null when no place name leads. */
export function regionOf(entity: string | null | undefined): string | null {
  if (!entity) return null;
  const name = entity.replace(/\s+/g, '');
  // Department words end the place part: cut there first so "医疗保障局" never counts as a place.
  const cut = name.search(/(医疗保障|财政|人民政府|教育|卫生|民政|公安|发展|局|委员会|办公室|中心)/u);
  const head = cut > 0 ? name.slice(0, cut) : name;
  const m = REGION.exec(head);
  const region = m ? [m[1], m[2], m[3]].filter(Boolean).join('') : '';
  return region.length >= 2 ? region : null;
}

function value(row: Row | undefined, column: string): string | null {
  if (!row) return null;
  return cellOf(row, column)?.value ?? null;
}

function expenditureTable(d: Disclosure): Table | undefined {
  return (
    tableByKey(d, 'final.expenditure') ??
    tableByKey(d, 'budget.expenditure') ??
    tableByKey(d, 'budget.general_expenditure')
  );
}

function threePublic(d: Disclosure): DocumentFigures['threePublic'] {
  const final = tableByKey(d, 'final.three_public');
  if (final) {
    const row = final.rows.find((r) => r.cells.some((c) => c.value !== null));
    if (!row) return null;
    return {
      total: value(row, 'final.total'),
      abroad: value(row, 'final.abroad'),
      vehicle: value(row, 'final.vehicle_total'),
      reception: value(row, 'final.reception'),
    };
  }
  const budget = tableByKey(d, 'budget.three_public');
  if (budget && !budget.columns.some((c) => c.key === 'abroad')) {
    // Some regions print 三公 vertically: one row per item, amounts in the total column.
    const byLabel = (re: RegExp) =>
      value(
        budget.rows.find((r) => re.test((r.label ?? '').replace(/\s+/g, ''))),
        'total',
      );
    const tp = {
      total: byLabel(/三公/),
      abroad: byLabel(/因公出国/),
      vehicle: byLabel(/公务用车购置及运行/),
      reception: byLabel(/公务接待/),
    };
    return Object.values(tp).some((v) => v !== null) ? tp : null;
  }
  if (budget) {
    const row = totalRow(budget) ?? budget.rows.find((r) => r.cells.some((c) => c.value !== null));
    if (!row) return null;
    return {
      total: value(row, 'total'),
      abroad: value(row, 'abroad'),
      vehicle: value(row, 'vehicle_total'),
      reception: value(row, 'reception'),
    };
  }
  return null;
}

export function figuresOf(d: Disclosure): DocumentFigures {
  const t = expenditureTable(d);
  const total = t ? totalRow(t) : undefined;
  const byClass = t
    ? codedRows(t, '类')
        .map((r) => ({ code: r.code ?? '', label: r.label ?? r.code ?? '', amount: value(r, 'total') }))
        .filter((x): x is { code: string; label: string; amount: string } => x.amount !== null)
    : [];
  return {
    unit: t?.unit ?? d.unit ?? null,
    totalExpenditure: value(total, 'total'),
    basic: value(total, 'basic'),
    project: value(total, 'project'),
    byClass,
    threePublic: threePublic(d),
  };
}

const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  text: 'text/plain; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

export function mediaTypeOf(format: string): string {
  return MEDIA_TYPES[format] ?? 'application/octet-stream';
}
