import type { Rule } from '../../types.ts';
import { excerpt, quotePlace, texts, type TextPiece } from '../../wording/texts.ts';

// The outline numbers of the narrative run 一、二、三、 and （一）（二）（三）, 1. 2. 3.: a number printed twice in a row
// (福州科技 2026 p7 “（一）（一）提升战略科技力量”, a template number and the pasted text's own), a sibling given the
// number of the one before it (深圳人社 2026 p30 “十六、深圳鹏城技师学院 … 十六、深圳市人力资源和社会保障数据管理中心 …
// 十八、”) or a number skipped (一、 then 三、) is an editing slip a reviewer writes on the sheet.
//
// The outline is read as a stack of numbering styles in document order, from the headings and the numbers that open a
// paragraph or follow a full stop, colon or semicolon: a number of a style already open closes the styles opened
// under it and continues its own run; a number 1 starts a new run (a parent heading the reader may not have seen);
// a 第X部分 part or an unnumbered top-level heading starts afresh. A number lower than the one before it is a list
// nested in the same style, not judged. A skip is reported only when the missing number is printed nowhere between
// the two (a number inside a line, “……处（三）行政审批处”, is not a list opening for the stack but is printed), nor
// in the title of a table on the pages between.

const CJK = '零一二三四五六七八九十';

/** 一 … 九十九 as a number; null for anything else. */
export function chineseNumber(s: string): number | null {
  if (!/^[一二三四五六七八九十]{1,3}$/.test(s)) return null;
  const d = (c: string) => CJK.indexOf(c);
  if (s === '十') return 10;
  if (s.length === 1) return d(s);
  if (s.length === 2 && s[0] === '十') return 10 + d(s[1]);
  if (s.length === 2 && s[1] === '十' && s[0] !== '十') return d(s[0]) * 10;
  if (s.length === 3 && s[1] === '十' && s[0] !== '十' && s[2] !== '十') return d(s[0]) * 10 + d(s[2]);
  return null;
}

function chinese(n: number): string {
  if (n <= 10) return CJK[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CJK[tens]}十${ones ? CJK[ones] : ''}`;
}

type Style = 'cjk' | 'paren' | 'digit' | 'pdigit';

/** A list opening: at the start of a text or after a stop. Digits are one or two, not an amount (“1.5万元”). */
const OPENING =
  /(?:^|(?<=[。；;：:！？!?]))\s*(?:(第[一二三四五六七八九十]+部分)|([一二三四五六七八九十]+)\s*[、．]|[（(]\s*([一二三四五六七八九十]+)\s*[)）]|(\d{1,2})\s*[、．.](?![\d%％])|[（(]\s*(\d{1,2})\s*[)）])/g;

/** The same number printed twice in a row: “（一）（一）”, “（2）（2）”, “二、二、” (not “1.1.”, which is sub-numbering). */
const DOUBLED =
  /[（(]\s*([一二三四五六七八九十]+|\d{1,2})\s*[)）]\s*[（(]\s*\1\s*[)）]|(?<![一二三四五六七八九十])([一二三四五六七八九十]+)\s*、\s*\2\s*、/g;

/** How a number of a style may be printed, for the search of a missing one. */
function printedForms(style: Style, n: number): RegExp {
  const c = chinese(n);
  switch (style) {
    case 'cjk':
      return new RegExp(`(?<![一二三四五六七八九十第])${c}\\s*[、．]`);
    case 'paren':
      return new RegExp(`[（(]\\s*${c}\\s*[)）]`);
    case 'digit':
      return new RegExp(`(?<![\\d.．])${n}\\s*[、．.](?![\\d%％])`);
    case 'pdigit':
      return new RegExp(`[（(]\\s*${n}\\s*[)）]`);
  }
}

const SHOW: Record<Style, (n: number) => string> = {
  cjk: (n) => `${chinese(n)}、`,
  paren: (n) => `（${chinese(n)}）`,
  digit: (n) => `${n}.`,
  pdigit: (n) => `（${n}）`,
};

interface Opening {
  style: Style;
  n: number;
  piece: number;
  at: number;
  /** The opening as printed, for the quote. */
  mark: string;
}

interface Reset {
  reset: 'part' | 'top';
  piece: number;
  at: number;
}

interface Run extends Opening {
  seen: Set<number>;
  /** The number before it was the same (a dup): the next may be this one + 2. */
  afterDup: boolean;
  /** The run of the same style this one interrupted (it started at 1 inside it). */
  outer?: Run;
}

const rule: Rule = {
  meta: {
    id: 'outline-numbering',
    code: 'CJ511',
    title: { zh: '标题序号连续', en: 'Outline numbers run in order' },
    category: 'wording',
    severity: 'error',
    appliesTo: ['预算', '决算'],
    requires: [],
    messages: {
      doubledMark: {
        zh: '序号“{mark}”重复印出：{excerpt}',
        en: 'The outline number "{mark}" is printed twice: {excerpt}',
      },
      repeatedNumber: {
        zh: '序号“{mark}”连续用了两次（“{before}”之后又是“{excerpt}”），后者应为“{expected}”',
        en: 'The outline number "{mark}" is used twice in a row ("{before}", then "{excerpt}"); the second should be "{expected}"',
      },
      missingFirst: {
        zh: '本部分从“{mark}”开始，缺“{missing}”：其前的“（一）”至“{last}”没有上一级标题：{excerpt}',
        en: 'This part starts at "{mark}"; "{missing}" is missing: the items "（一）" to "{last}" before it have no heading above them: {excerpt}',
      },
      skippedNumber: {
        zh: '序号由“{before}”跳至“{mark}”，缺“{missing}”：{excerpt}',
        en: 'The outline numbers go from "{before}" to "{mark}"; "{missing}" is missing: {excerpt}',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    const pieces = texts(d).filter((p) => p.kind === 'heading' || p.kind === 'paragraph');

    for (const p of pieces)
      for (const m of p.text.matchAll(DOUBLED))
        ctx.report({
          messageId: 'doubledMark',
          values: { mark: m[0].replace(/\s+/g, ''), excerpt: excerpt(p.text, m.index!, m.index! + m[0].length) },
          location: quotePlace(p, m.index!, m[0].replace(/\s+/g, '')),
        });

    // the openings in document order; a reset marks a fresh start (a part, an unnumbered top-level heading)
    const stream: (Opening | Reset)[] = [];
    pieces.forEach((p, i) => {
      const openings = [...p.text.matchAll(OPENING)];
      // an unnumbered top-level heading (上海's “名词解释”, “其他相关情况说明”) starts afresh; a numbered one is in the run
      if (p.kind === 'heading' && p.section?.headingPath.length === 1 && openings[0]?.index !== 0)
        stream.push({ reset: 'top', piece: i, at: 0 });
      for (const m of openings) {
        if (p.kind === 'heading' && m.index! > 0) break;
        if (m[1]) {
          stream.push({ reset: 'part', piece: i, at: m.index! });
          continue;
        }
        const style: Style = m[2] ? 'cjk' : m[3] ? 'paren' : m[4] ? 'digit' : 'pdigit';
        const n = m[2] || m[3] ? chineseNumber((m[2] ?? m[3])!) : Number(m[4] ?? m[5]);
        if (n === null || n < 1) continue;
        const lead = m[0].length - m[0].trimStart().length;
        stream.push({ style, n, piece: i, at: m.index! + lead, mark: m[0].trim() });
      }
    });

    /** The text printed from one opening to the next, and the pages it spans. */
    const between = (a: { piece: number; at: number }, b: Opening): string => {
      if (a.piece === b.piece) return pieces[a.piece].text.slice(a.at, b.at);
      const parts = [pieces[a.piece].text.slice(a.at)];
      for (let k = a.piece + 1; k < b.piece; k++) parts.push(pieces[k].text);
      parts.push(pieces[b.piece].text.slice(0, b.at));
      return parts.join('\n');
    };
    const pageOf = (o: { piece: number; at: number }): number | null => {
      const s = pieces[o.piece].placeAt(o.at);
      return s?.kind === 'pdf' ? s.page : null;
    };
    const titlesBetween = (a: { piece: number; at: number }, b: Opening): string => {
      const [pa, pb] = [pageOf(a), pageOf(b)];
      if (pa === null || pb === null) return '';
      return d.tables
        .filter((t) => t.place.kind === 'pdf' && t.place.page >= pa && t.place.page <= pb)
        .map((t) => t.title)
        .join('\n');
    };
    const quote = (o: Opening) => excerpt(pieces[o.piece].text, o.at, o.at + o.mark.length, 14);

    const stack: Run[] = [];
    // the part whose first 一、-level heading is still to come
    let part: Reset | null = null;
    for (const o of stream) {
      if ('reset' in o) {
        stack.length = 0;
        part = o.reset === 'part' ? o : null;
        continue;
      }
      const k = stack.findIndex((r) => r.style === o.style);
      if (o.style === 'cjk' && part) {
        // a part whose first 一、 heading is missing: its items （一）（二）… come straight after the part's title, then 二、
        const items = stack.find((r) => r.style === 'paren' && r.seen.has(1));
        const text = `${between(part, o)}\n${titlesBetween(part, o)}`;
        if (k < 0 && o.n === 2 && items && !printedForms('cjk', 1).test(text))
          ctx.report({
            messageId: 'missingFirst',
            values: { mark: SHOW.cjk(2), missing: SHOW.cjk(1), last: SHOW.paren(items.n), excerpt: quote(o) },
            location: quotePlace(pieces[o.piece], o.at, o.mark),
            related: [quotePlace(pieces[items.piece], items.at, items.mark)],
            severity: 'warning',
          });
        part = null;
      }
      if (k < 0) {
        stack.push({ ...o, seen: new Set([o.n]), afterDup: false });
        continue;
      }
      const prev = stack[k];
      stack.length = k + 1;
      // a new run of an open style (an inline list “一、…；二、…” under a heading 三、): the outer run may go on after it
      if (o.n === 1) {
        stack[k] = { ...o, seen: new Set([1]), afterDup: false, outer: prev };
        continue;
      }
      let resumed: Run | undefined;
      for (let x = prev.outer; x && !resumed; x = x.outer) if (o.n === x.n + 1) resumed = x;
      if (resumed) {
        resumed.seen.add(o.n);
        stack[k] = { ...o, seen: resumed.seen, afterDup: false, outer: resumed.outer };
        continue;
      }
      const piece: TextPiece = pieces[o.piece];
      if (o.n === prev.n) {
        ctx.report({
          messageId: 'repeatedNumber',
          values: {
            mark: SHOW[o.style](o.n),
            before: quote(prev),
            excerpt: quote(o),
            expected: SHOW[o.style](o.n + 1),
          },
          location: quotePlace(piece, o.at, o.mark),
          related: [quotePlace(pieces[prev.piece], prev.at, prev.mark)],
          severity: 'warning',
        });
      } else if (o.n > prev.n + 1 && !prev.seen.has(o.n - 1) && !(prev.afterDup && o.n === prev.n + 2)) {
        const missing: number[] = [];
        for (let x = prev.n + 1; x < o.n; x++) missing.push(x);
        const text = `${between(prev, o)}\n${titlesBetween(prev, o)}`;
        if (!missing.some((x) => printedForms(o.style, x).test(text)))
          ctx.report({
            messageId: 'skippedNumber',
            values: {
              before: SHOW[prev.style](prev.n),
              mark: SHOW[o.style](o.n),
              missing: missing.map((x) => SHOW[o.style](x)).join('、'),
              excerpt: quote(o),
            },
            location: quotePlace(piece, o.at, o.mark),
            related: [quotePlace(pieces[prev.piece], prev.at, prev.mark)],
            severity: 'warning',
          });
      }
      prev.seen.add(o.n);
      stack[k] = { ...o, seen: prev.seen, afterDup: o.n === prev.n, outer: prev.outer };
    }
  },
};

export default rule;
