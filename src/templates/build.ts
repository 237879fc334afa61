import type { ColumnTemplate, ItemTemplate, SectionTemplate } from './types.ts';

// Shorthands the template files (final-account.ts, budget.ts) write their tables with.

export const col = (key: string, label: string, ...match: RegExp[]): ColumnTemplate => ({ key, label, match });
export const item = (key: string, section: string, label: string, ...match: RegExp[]): ItemTemplate => ({
  key,
  section,
  label,
  match,
});

/** 收入 | 支出 side by side, the 支出 part naming functional classes (收支总表 of both kinds, 财政拨款收支总表). */
export const INCOME_EXPENDITURE_SECTIONS: SectionTemplate[] = [
  { key: 'income', label: '收入', match: [/收入/] },
  { key: 'expenditure', label: '支出', match: [/支出/], classesByName: true, codeSystem: 'function' },
];

/**
 * Captions of a performance-target (绩效目标) form's grid: two different ones in a page's first rows make an untitled
 * page a page of the form (templates' `untitledPage.header`).
 */
export const PERFORMANCE_HEADER: RegExp[] = [
  /^[一二三]级指标$/,
  /^指标(名称|值|内容|性质|权重(\(%\))?)$/,
  /^计量单位$/,
  /^(年度)?绩效(指标|目标)$/,
  /^(一级)?项目名称$/,
  /^(产出|效益|满意度|成本|数量|质量|时效)指标$/,
];
