import type { SourcePlace } from '../model/place.ts';

// Display helpers. Amounts arrive as exact decimal strings and are shown as printed, with separators.

export const SEVERITY: Record<string, { zh: string; cls: string }> = {
  error: { zh: '错误', cls: 'sev-error' },
  warning: { zh: '警告', cls: 'sev-warning' },
  info: { zh: '提示', cls: 'sev-info' },
};

export const REVIEW: Record<string, string> = { open: '待复核', confirmed: '已确认问题', dismissed: '已排除' };

export function amount(v: string | null | undefined): string {
  if (v === null || v === undefined) return '';
  const [int, frac] = v.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = int.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + digits + (frac !== undefined ? '.' + frac : '');
}

export function placeText(p: SourcePlace | null | undefined): string {
  if (!p) return '';
  switch (p.kind) {
    case 'text':
      return `第 ${p.line} 行`;
    case 'pdf':
      return `第 ${p.page} 页`;
    case 'sheet':
      return `${p.sheet}!${p.cell}`;
    case 'docx':
      return `第 ${p.block + 1} 段${p.row !== undefined ? `第 ${p.row + 1} 行` : ''}`;
  }
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
