import type { Disclosure, NarrativeSection, Paragraph, Table } from '../../model/disclosure.ts';
import type { SourcePlace } from '../../model/place.ts';
import type { FindingPlace } from '../types.ts';

// Every piece of printed text a wording rule reads: narrative headings and paragraphs, table titles, the notes
// under tables (performance-target forms too) and their empty-table statements. Reviewers find template residue, wrong years and stray
// punctuation in all of them, not only in the paragraphs; each piece knows where each of its characters was
// printed, so a finding quotes its words and points at their line.

export type TextKind = 'heading' | 'paragraph' | 'title' | 'note' | 'empty-statement';

export interface TextPiece {
  kind: TextKind;
  text: string;
  /** Semantic place of the piece: table key (or "narrative") and printed title (or heading path). */
  table: string;
  tableTitle: string | null;
  /** The narrative section, for headings and paragraphs. */
  section?: NarrativeSection;
  /** The paragraph, for paragraphs. */
  paragraph?: Paragraph;
  /** The table, for titles, notes and empty-table statements. */
  tableRef?: Table;
  /** Where the character at `offset` was printed. */
  placeAt(offset: number): SourcePlace | null;
}

function paragraphPlace(p: Paragraph, k: number): SourcePlace {
  let seg = p.segments?.[0];
  for (const s of p.segments ?? []) if (s.offset <= k) seg = s;
  if (!seg) return p.place;
  if (seg.place.kind === 'text') return { ...seg.place, column: seg.place.column + (k - seg.offset) };
  return seg.place;
}

function fixed(place: SourcePlace | null): (k: number) => SourcePlace | null {
  return (k) => (place?.kind === 'text' ? { ...place, column: place.column + k } : place);
}

/** Every text piece of the document, in document order within each kind of source. */
export function texts(d: Disclosure): TextPiece[] {
  const out: TextPiece[] = [];
  for (const s of d.sections) {
    const heading = s.headingPath.join(' / ');
    if (s.heading.trim())
      out.push({
        kind: 'heading',
        text: s.heading,
        table: 'narrative',
        tableTitle: heading,
        section: s,
        placeAt: fixed(s.place),
      });
    for (const p of s.paragraphs)
      out.push({
        kind: 'paragraph',
        text: p.text,
        table: 'narrative',
        tableTitle: heading,
        section: s,
        paragraph: p,
        placeAt: (k) => paragraphPlace(p, k),
      });
  }
  for (const t of d.tables) {
    if (t.title.trim())
      out.push({
        kind: 'title',
        text: t.title,
        table: t.key,
        tableTitle: t.title,
        tableRef: t,
        placeAt: fixed(t.place),
      });
    t.notes.forEach((n, i) => {
      const kind = n === t.emptyStatement ? 'empty-statement' : 'note';
      out.push({
        kind,
        text: n,
        table: t.key,
        tableTitle: t.title,
        tableRef: t,
        placeAt: fixed(t.notePlaces?.[i] ?? t.place),
      });
    });
    if (t.emptyStatement && !t.notes.includes(t.emptyStatement))
      out.push({
        kind: 'empty-statement',
        text: t.emptyStatement,
        table: t.key,
        tableTitle: t.title,
        tableRef: t,
        placeAt: fixed(t.place),
      });
  }
  // The notes under performance-target forms (the form itself is indicators, not prose).
  for (const f of d.performance) {
    (f.notes ?? []).forEach((n, i) => {
      out.push({
        kind: 'note',
        text: n,
        table: `performance.${f.kind}`,
        tableTitle: f.title,
        placeAt: fixed(f.notePlaces?.[i] ?? f.place),
      });
    });
  }
  return out;
}

/** The place of a quotation from a piece: its semantic place, the quoted words as the row, and its printed line. */
export function quotePlace(p: TextPiece, offset: number, quote: string): FindingPlace {
  return { table: p.table, tableTitle: p.tableTitle, row: quote, column: null, source: p.placeAt(offset) };
}

const STOP = /[。；;！!？?\n]/;

/**
 * A short excerpt around [start, end) for a finding's message: the rest of the clause on each side, at most `reach`
 * characters, so the reviewer recognises the sentence without the whole paragraph.
 */
export function excerpt(text: string, start: number, end: number, reach = 12): string {
  let a = start;
  while (a > 0 && start - a < reach && !STOP.test(text[a - 1])) a--;
  let b = end;
  while (b < text.length && b - end < reach && !STOP.test(text[b])) b++;
  if (b < text.length && STOP.test(text[b])) b++;
  if (b - a <= end - start + 1) return text.slice(a, b).trim();
  return `${a > 0 && !STOP.test(text[a - 1]) ? '…' : ''}${text.slice(a, b).trim()}${b < text.length && !STOP.test(text[b - 1]) ? '…' : ''}`;
}
