import type { DocumentKind } from '../../../model/disclosure.ts';
import type { Rule } from '../../types.ts';
import { excerpt, quotePlace, texts, type TextPiece } from '../../wording/texts.ts';
import years from './years.json' with { type: 'json' };

// The wrong year (review.md: a 截至 date or a heading naming the year before the document's; comparing with the
// wrong year's budget), left when last year's text is copied: “西安地球环境创新研究院公用经费预算115.36万元，比2020年
// 增加16.93万元” in a 2022 budget whose other units all compare with 2021. Which years each kind may name is data
// (years.json). The document's year is trusted only when the narrative's own year mentions agree with it (北京 国资委
// 2026 is read as 2025 from a title without 年: every year of its text would look wrong).

type Use = 'asOf' | 'compare' | 'heading';

const BY_KIND: Partial<Record<DocumentKind, Record<Use, number[]>>> = { 预算: years.预算, 决算: years.决算 };

const PATTERNS: { use: Use; re: RegExp; kinds: TextPiece['kind'][] }[] = [
  { use: 'asOf', re: /截[至止]\s*(\d{4})\s*年/g, kinds: ['paragraph', 'note', 'empty-statement', 'heading'] },
  // “比2020年增加”, “较2025年年初预算”, “与2021年度相比/持平”; not “比2021年结转…” (a carry-over is this year's money)
  { use: 'compare', re: /(?:比|较|与|同)\s*(\d{4})\s*年(?!\s*(?:结转|结余|底|末))/g, kinds: ['paragraph', 'note'] },
  { use: 'heading', re: /(\d{4})\s*年/g, kinds: ['heading', 'title'] },
];

// A goal of a budget's performance form planned for a year three or more before the document's (years.json goal).
const GOAL = new RegExp(
  `(?:${years.goal.verbs.join('|')})[^，。；;：:、,.!?！？\\s\\d]{0,${years.goal.gap}}?(\\d{4})\\s*年(?!\\s*(?:以来|以前|前|末|底|[-—－~～至到]|\\d))`,
  'g',
);

const USE_TEXT: Record<Use, { zh: string; en: string }> = {
  asOf: { zh: '截至日期', en: 'an as-of date' },
  compare: { zh: '比较的基年', en: 'the base year of a comparison' },
  heading: { zh: '标题', en: 'a heading' },
};

/** The year the narrative's own mentions point to: the most frequent “YYYY年” of its paragraphs. */
function textYear(pieces: TextPiece[]): number | null {
  const count = new Map<number, number>();
  for (const p of pieces)
    if (p.kind === 'paragraph')
      for (const m of p.text.matchAll(/(\d{4})\s*年/g)) count.set(Number(m[1]), (count.get(Number(m[1])) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of count)
    if (best === null || n > count.get(best)! || (n === count.get(best)! && y > best)) best = y;
  return best;
}

const rule: Rule = {
  meta: {
    id: 'wrong-year',
    code: 'CJ507',
    title: { zh: '年份与文件年度相符', en: 'Years named agree with the document’s year' },
    category: 'wording',
    severity: 'error',
    appliesTo: ['预算', '决算'],
    requires: [],
    messages: {
      wrong: {
        zh: '{use}为 {year} 年，与{year0}年度{kind}不符（应为 {allowed}）：{excerpt}',
        en: '{useEn} names {year}, which does not fit a {kindEn} for {year0} (expected {allowed}): {excerpt}',
      },
      oldGoal: {
        zh: '“{project}”的绩效目标安排 {year} 年的工作，比{year0}年度早 {age} 年，疑为沿用旧年度的目标：{excerpt}',
        en: '{project}: the performance goal plans work for {year}, {age} years before the {year0} budget, probably an old goal copied: {excerpt}',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    const y = d.fiscalYear;
    const allowedBy: Record<Use, number[]> | undefined = d.kind ? BY_KIND[d.kind] : undefined;
    if (y === null || !allowedBy) return;
    const pieces = texts(d);
    // a misread document year makes every year look wrong: judge only when the text's own years agree
    const ty = textYear(pieces);
    if (ty !== null && ty !== y && !allowedBy.asOf.includes(ty - y)) return;
    for (const p of pieces) {
      for (const { use, re, kinds } of PATTERNS) {
        if (!kinds.includes(p.kind)) continue;
        for (const m of p.text.matchAll(re)) {
          const year = Number(m[1]);
          if (year < 1990 || year > 2100) continue;
          const allowed = allowedBy[use];
          if (allowed.includes(year - y)) continue;
          ctx.report({
            messageId: 'wrong',
            values: {
              use: USE_TEXT[use].zh,
              useEn: USE_TEXT[use].en,
              year: String(year),
              year0: String(y),
              kind: d.kind ?? '',
              kindEn: d.kind === '决算' ? 'final account' : 'budget',
              allowed: allowed.map((k) => `${y + k}年`).join('或'),
              excerpt: excerpt(p.text, m.index!, m.index! + m[0].length, 20),
            },
            location: quotePlace(p, m.index!, m[0].replace(/\s+/g, '')),
          });
        }
      }
    }
    if (!d.kind || !years.goal.kinds.includes(d.kind)) return;
    for (const f of d.performance) {
      const own = `${f.project ?? ''}${f.title}`;
      const seen = new Set<string>();
      for (const r of f.rows)
        for (const cell of r) {
          const text = cell.replace(/\s+/g, '');
          for (const m of text.matchAll(GOAL)) {
            const year = Number(m[1]);
            const age = y - year;
            if (year < 1990 || age < years.goal.minAge || own.includes(m[1])) continue;
            const quote = excerpt(text, m.index!, m.index! + m[0].length, 20);
            if (seen.has(quote)) continue;
            seen.add(quote);
            ctx.report({
              messageId: 'oldGoal',
              values: {
                project: f.project ?? f.title,
                year: String(year),
                year0: String(y),
                age: String(age),
                excerpt: quote,
              },
              location: {
                table: 'performance',
                tableTitle: f.title,
                row: f.project ?? f.title,
                column: null,
                source: f.place,
              },
              severity: 'warning',
            });
          }
        }
    }
  },
};

export default rule;
