import type { Rule } from '../../types.ts';
import { excerpt, quotePlace, texts } from '../../wording/texts.ts';

// A date that does not exist (“文明实践成效评估完成时间 2026年9月31日前”, 烟台宣传部 2026 p42): a 31st of a 30-day month,
// a 29 February outside a leap year, a 13th month. Read in every printed text a wording rule reads and in the cells of
// the performance-target forms, where deadlines are written. The calendar is exact: no date is guessed.

const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The dates in a text that no calendar has, with their offsets. */
export function impossibleDates(text: string): { date: string; at: number }[] {
  const out: { date: string; at: number }[] = [];
  for (const m of text.matchAll(DATE)) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) out.push({ date: m[0], at: m.index! });
  }
  return out;
}

const rule: Rule = {
  meta: {
    id: 'impossible-date',
    code: 'CJ510',
    title: { zh: '日期真实存在', en: 'Dates exist' },
    category: 'wording',
    severity: 'warning',
    appliesTo: ['预算', '决算'],
    requires: [],
    messages: {
      impossible: {
        zh: '日期“{date}”不存在：{excerpt}',
        en: 'The date "{date}" does not exist: {excerpt}',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    for (const p of texts(d))
      for (const { date, at } of impossibleDates(p.text))
        ctx.report({
          messageId: 'impossible',
          values: { date, excerpt: excerpt(p.text, at, at + date.length) },
          location: quotePlace(p, at, date),
        });
    for (const f of d.performance)
      for (const row of f.rows)
        for (const cell of row)
          for (const { date, at } of impossibleDates(cell))
            ctx.report({
              messageId: 'impossible',
              values: { date, excerpt: excerpt(cell, at, at + date.length, 30) },
              location: {
                table: 'performance',
                tableTitle: f.title,
                row: row.find((c) => c.trim()) ?? null,
                column: null,
                source: f.place,
              },
            });
  },
};

export default rule;
