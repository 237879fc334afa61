import type { SourcePlace } from '../model/place.ts';
import { describePlace } from '../model/place-text.ts';

// Display helpers. Amounts arrive as exact decimal strings and are shown as printed, with separators.

export const SEVERITY: Record<string, { zh: string; cls: string }> = {
  error: { zh: '错误', cls: 'sev-error' },
  warning: { zh: '警告', cls: 'sev-warning' },
  info: { zh: '提示', cls: 'sev-info' },
};

export const REVIEW: Record<string, string> = { open: '待复核', confirmed: '已确认问题', dismissed: '已排除' };

export const ROLE: Record<string, string> = { admin: '管理员', reviewer: '复核员', department: '部门用户' };

/** The list's coverage label: standard tables checked of those the document should have; never "clean" when partial. */
export function coverageLabel(c: { level: string; standardTables: number; checkedStandard: number } | null): {
  text: string;
  cls: string;
} {
  if (!c) return { text: '核对范围待定', cls: 'muted' };
  if (!c.standardTables) return { text: '未能确定标准表', cls: 'sev-warning' };
  if (c.level === 'full') return { text: `已核对 ${c.checkedStandard}/${c.standardTables}`, cls: 'ok' };
  return {
    text: `${c.level === 'none' ? '未能核对' : '部分核对'} ${c.checkedStandard}/${c.standardTables}`,
    cls: 'sev-warning',
  };
}

export function amount(v: string | null | undefined): string {
  if (v === null || v === undefined) return '';
  const [int, frac] = v.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = int.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + digits + (frac !== undefined ? '.' + frac : '');
}

/** A place as the pages print it: the check sheet's words, numbers set apart (第 3 页). */
export function placeText(p: SourcePlace | null | undefined): string {
  return p ? describePlace(p, 'zh', { form: 'prose', spaced: true }) : '';
}

export function dateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Chart values only: amounts in 万元 as numbers (drawing needs numbers; no arithmetic is done on them). */
export function chartValue(v: string | null | undefined, unit: string | null): number | null {
  if (v === null || v === undefined) return null;
  const n = Number(v);
  return unit === '元' ? n / 10000 : n;
}
