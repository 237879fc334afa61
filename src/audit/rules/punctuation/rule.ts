import type { Disclosure, NarrativeSection } from '../../../model/disclosure.ts';
import type { SourcePlace } from '../../../model/place.ts';
import type { Report, Rule } from '../../types.ts';
import { excerpt, quotePlace, texts, type TextKind, type TextPiece } from '../../wording/texts.ts';
import marks from './marks.json' with { type: 'json' };

// Punctuation a reviewer marks on the check sheet (review.md “Wording”): a doubled stop (“取得积极成效。。”), a
// reason announced and not given (“主要原因是。”), a bracket or quotation mark left open, a paragraph that ends
// without its stop before the next heading. Brackets are matched over a whole section (heading and paragraphs),
// since a page end or a reading slip may split one sentence over two paragraphs. Text that is a table read as
// prose (project codes, six-decimal amounts) is not judged.

const DOUBLED = new RegExp(marks.doubled, 'gu');
const CUT_OFF = new RegExp(marks.cutOff, 'gu');
const VERB_CUT_OFF = new RegExp(marks.verbCutOff, 'gu');
const LIST_NUMBER = new RegExp(`${marks.listNumber}$`, 'u');
const ENDS = new Set([...marks.ends]);
const OPEN = new Map<string, number>();
const CLOSE = new Map<string, number>();
marks.pairs.forEach(([o, c], i) => {
  for (const ch of o) OPEN.set(ch, i);
  for (const ch of c) CLOSE.set(ch, i);
});
const TABLE_TEXT = /\d{8,}|\d\.\d{4,}|\d, \d/;

const WHERE: Record<TextKind, string> = {
  paragraph: '正文',
  heading: '标题',
  title: '表题',
  note: '表注',
  'empty-statement': '空表说明',
};
const WHERE_EN: Record<TextKind, string> = {
  paragraph: 'the text',
  heading: 'a heading',
  title: 'a table title',
  note: 'a note under a table',
  'empty-statement': 'an empty-table statement',
};

/** Pieces joined into one text, remembering where each starts (a section's heading and paragraphs). */
interface Joined {
  text: string;
  parts: { start: number; piece: TextPiece }[];
}

function join(pieces: TextPiece[]): Joined {
  let text = '';
  const parts: Joined['parts'] = [];
  for (const p of pieces) {
    parts.push({ start: text.length, piece: p });
    text += p.text + '\n';
  }
  return { text, parts };
}

function partAt(j: Joined, offset: number): { piece: TextPiece; offset: number } {
  let hit = j.parts[0];
  for (const p of j.parts) if (p.start <= offset) hit = p;
  return { piece: hit.piece, offset: offset - hit.start };
}

/** The first bracket or quotation mark without its partner: its offset and the partner it lacks. */
export function unbalanced(text: string): { offset: number; mark: string; lacks: string } | null {
  const stack: { family: number; offset: number }[] = [];
  // Open marks of each family on the stack: a closer whose family is not open is known at once, without
  // searching the stack (a long paragraph of unmatched marks would make that search quadratic).
  const open = new Map<number, number>();
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const o = OPEN.get(ch);
    const c = CLOSE.get(ch);
    if (o !== undefined && c === undefined) {
      stack.push({ family: o, offset: i });
      open.set(o, (open.get(o) ?? 0) + 1);
    } else if (c !== undefined) {
      // the top of the stack, or (when another family is on top) the first report ends the search
      let at = -1;
      if (open.get(c))
        for (let k = stack.length - 1; k >= 0; k--)
          if (stack[k].family === c) {
            at = k;
            break;
          }
      if (at === -1) {
        if (LIST_NUMBER.test(text.slice(Math.max(0, i - 5), i + 1))) continue;
        return { offset: i, mark: ch, lacks: marks.pairs[c][0][0] };
      }
      if (at < stack.length - 1) {
        const open = stack[at + 1];
        return { offset: open.offset, mark: text[open.offset], lacks: marks.pairs[open.family][1][0] };
      }
      stack.pop();
      open.set(c, open.get(c)! - 1);
    }
  }
  const first = stack[0];
  return first ? { offset: first.offset, mark: text[first.offset], lacks: marks.pairs[first.family][1][0] } : null;
}

/** The next section's heading is printed right below the paragraph's last line (no line lost in between). */
function headingFollows(last: SourcePlace, next: SourcePlace | undefined): boolean {
  if (!next) return false;
  if (last.kind === 'text' && next.kind === 'text') return next.line > last.line && next.line - last.line <= 2;
  if (last.kind === 'pdf' && next.kind === 'pdf') {
    if (last.page !== next.page) return false;
    const lineHeight = next.box[3] - next.box[1];
    const gap = next.box[1] - last.box[3];
    return gap >= -1 && gap <= 2 * lineHeight;
  }
  return false;
}

function sections(d: Disclosure): Map<NarrativeSection, TextPiece[]> {
  const out = new Map<NarrativeSection, TextPiece[]>();
  for (const p of texts(d)) {
    if (!p.section) continue;
    const list = out.get(p.section);
    if (list) list.push(p);
    else out.set(p.section, [p]);
  }
  return out;
}

const rule: Rule = {
  meta: {
    id: 'punctuation',
    code: 'CJ505',
    title: { zh: '标点符号规范', en: 'Punctuation' },
    category: 'wording',
    severity: 'error',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      doubled: { zh: '{where}标点重复“{text}”：{excerpt}', en: '{whereEn}: doubled punctuation "{text}": {excerpt}' },
      cutOff: {
        zh: '{where}句子中断，“{text}”后未写明原因：{excerpt}',
        en: '{whereEn}: the sentence stops after "{text}" without giving the reason: {excerpt}',
      },
      verbCutOff: {
        zh: '{where}句子中断，“{text}”后缺少内容：{excerpt}',
        en: '{whereEn}: the clause stops at "{text}", its object never printed: {excerpt}',
      },
      unbalanced: {
        zh: '{where}“{text}”不成对，缺少“{lacks}”：{excerpt}',
        en: '{whereEn}: "{text}" has no matching "{lacks}": {excerpt}',
      },
      noStop: { zh: '段落末尾缺少句号：“{text}”', en: 'The paragraph ends without a full stop: "{text}"' },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    const report = (
      p: TextPiece,
      offset: number,
      messageId: string,
      quote: string,
      values: Record<string, string>,
      severity?: Report['severity'],
    ) =>
      ctx.report({
        messageId,
        values: { where: WHERE[p.kind], whereEn: WHERE_EN[p.kind], text: quote, ...values },
        location: quotePlace(p, offset, quote),
        ...(severity ? { severity } : {}),
      });

    const all = texts(d);
    for (const p of all) {
      if (TABLE_TEXT.test(p.text)) continue;
      for (const m of p.text.matchAll(DOUBLED)) {
        const at = m.index!;
        const before = p.text.slice(Math.max(0, at - 6), at).replace(/^.*[。；\n]/, '');
        report(p, at, 'doubled', before + m[0], { excerpt: excerpt(p.text, at, at + m[0].length) });
      }
      for (const m of p.text.matchAll(CUT_OFF)) {
        const at = m.index!;
        report(p, at, 'cutOff', m[0], { excerpt: excerpt(p.text, at, at + m[0].length) });
      }
      for (const m of p.text.matchAll(VERB_CUT_OFF)) {
        const quote = m[0].trim();
        const at = m.index! + m[0].indexOf(quote);
        report(p, at, 'verbCutOff', quote, { excerpt: excerpt(p.text, at, at + quote.length) });
      }
    }

    // brackets and quotation marks: a section's heading and paragraphs together; a table's title and each note alone
    const groups: TextPiece[][] = [...sections(d).values(), ...all.filter((p) => !p.section).map((p) => [p])];
    for (const g of groups) {
      const j = join(g);
      if (TABLE_TEXT.test(j.text)) continue;
      const u = unbalanced(j.text);
      if (!u) continue;
      const { piece, offset } = partAt(j, u.offset);
      report(piece, offset, 'unbalanced', u.mark, { lacks: u.lacks, excerpt: excerpt(piece.text, offset, offset + 1) });
    }

    // a section's last paragraph ends without its stop, and the next heading follows right below it
    d.sections.forEach((s, i) => {
      const p = s.paragraphs[s.paragraphs.length - 1];
      if (!p) return;
      const t = p.text.trim();
      if (t.length < 20 || !/[，；、]/.test(t) || TABLE_TEXT.test(t) || ENDS.has(t[t.length - 1])) return;
      // an item of a list (“包括：(一）办公室”, the next items printed as headings) ends without a stop
      const lastClause = t
        .split(/[。；;：:]/)
        .pop()!
        .trim();
      if (/^[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]/.test(lastClause) && !/[，,]/.test(lastClause)) return;
      const last = p.segments[p.segments.length - 1]?.place ?? p.place;
      if (!headingFollows(last, d.sections[i + 1]?.place)) return;
      const piece = all.find((x) => x.paragraph === p)!;
      const clause = t.slice(Math.max(t.lastIndexOf('。'), t.lastIndexOf('；')) + 1);
      const quote = clause.length > 30 ? clause.slice(-30) : clause;
      ctx.report({
        messageId: 'noStop',
        values: { text: quote },
        location: quotePlace(piece, t.length - 1, quote),
        severity: 'warning',
      });
    });
  },
};

export default rule;
