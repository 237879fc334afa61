import type { GlossaryEntry, NarrativeSection, Paragraph } from '../model/disclosure.ts';
import type { LineBlock } from '../model/layout.ts';
import { squash } from '../templates/normalize.ts';
import { partNumber, type NarrativeLine } from './segment.ts';

// Narrative: headings make a path (第三部分 → 五、… → （一）…); the lines between them are paragraphs. A
// paragraph cut by a page end ("…占总支出" / "的5.24%…") is joined back, keeping where each piece was printed.

const H2 = /^[一二三四五六七八九十]+、/;
const H3 = /^[（(][一二三四五六七八九十]+[)）]/;
const SENTENCE_END = /[。！？；;!?：:]$/;

/** Heading level of a line, or 0 for body text. Headings are short and do not end a sentence. */
export function headingLevel(text: string): number {
  const t = text.trim();
  if (partNumber(t) !== undefined) return 1;
  const short = t.length <= 40 && !/[。；;]$/.test(t);
  if (H2.test(t) && short) return 2;
  if (H3.test(t) && short && !/[，,]/.test(t.slice(0, 30))) return 3;
  return 0;
}

export interface NarrativeResult {
  sections: NarrativeSection[];
  glossary: GlossaryEntry[];
}

/**
 * `centred`: lines recognition found to be unnumbered headings by their place (centred-headings.ts); they open a
 * top-level section, and a second centred line right under one that has no text yet continues its heading (a title
 * wrapped over two lines).
 */
export function buildNarrative(lines: NarrativeLine[], centred: ReadonlySet<LineBlock> = new Set()): NarrativeResult {
  const sections: NarrativeSection[] = [];
  /** The section a centred heading opened last (a second centred line may continue its heading). */
  const centredLast: { section: NarrativeSection | null } = { section: null };
  const path: string[] = [];
  let current: NarrativeSection | null = null;
  let open: Paragraph | null = null;

  const startSection = (heading: string, level: number, part: number, line: NarrativeLine) => {
    path.length = Math.max(0, level - 1);
    path[level - 1] = heading;
    // A （一） heading with no 一、 above it leaves a hole at level 2: the path holds the headings printed, no gaps
    // (the model's headingPath is string[]; a hole became null in JSON).
    const printed = path.filter((h): h is string => h !== undefined);
    current = { headingPath: printed, heading, part, paragraphs: [], place: line.block.place };
    sections.push(current);
    open = null;
  };

  for (const line of lines) {
    const text = line.block.text.trim();
    if (!text) continue;
    const numbered = headingLevel(text);
    if (numbered === 0 && centred.has(line.block)) {
      const open = centredLast.section;
      const samePage =
        open?.place.kind === 'pdf' && line.block.place.kind === 'pdf' && open.place.page === line.block.place.page;
      if (
        open &&
        (current as NarrativeSection | null) === open &&
        !open.paragraphs.length &&
        samePage &&
        !line.afterBreak
      ) {
        open.heading = `${open.heading}${text}`;
        open.headingPath[open.headingPath.length - 1] = open.heading;
      } else {
        startSection(text, 1, line.part, line);
        centredLast.section = current;
      }
      continue;
    }
    const level = numbered;
    if (level === 1) {
      // "第二部分" followed by its name on the next line ("部门决算表"): the name joins the heading.
      startSection(text, 1, line.part, line);
      continue;
    }
    const sec = current as NarrativeSection | null;
    if (
      sec &&
      sec.headingPath.length === 1 &&
      sec.paragraphs.length === 0 &&
      squash(sec.heading).length <= 6 &&
      level === 0 &&
      text.length <= 20
    ) {
      sec.heading = `${sec.heading} ${text}`;
      sec.headingPath[0] = sec.heading;
      continue;
    }
    if (level > 0 && !line.block.bullet) {
      startSection(text, level, line.part, line);
      continue;
    }
    if (!current) startSection('', 1, line.part, line);
    const cur = current as unknown as NarrativeSection;
    const prev = open as Paragraph | null;
    // A numbered item ("1.根据…", "2、") starts a paragraph; a decimal carried over from the line above ("5.24%…")
    // does not.
    if (
      prev &&
      !SENTENCE_END.test(prev.text) &&
      !line.block.bullet &&
      !/^\d+[、.．](?!\d)/.test(text) &&
      !H2.test(text) &&
      !H3.test(text)
    ) {
      prev.segments.push({ offset: prev.text.length, place: line.block.place });
      prev.text += text;
      continue;
    }
    open = { text, place: line.block.place, segments: [{ offset: 0, place: line.block.place }] };
    cur.paragraphs.push(open);
  }
  return { sections, glossary: buildGlossary(sections) };
}

/** The glossary is the 名词解释 part: "term：definition" lines, numbered or not. */
function buildGlossary(sections: NarrativeSection[]): GlossaryEntry[] {
  const out: GlossaryEntry[] = [];
  const inGlossary = sections.filter((s) => s.headingPath.some((h) => /名词解释/.test(h)));
  for (const s of inGlossary) {
    const items = [
      ...(H2.test(s.heading) && /[:：]/.test(s.heading) ? [{ text: s.heading, place: s.place }] : []),
      ...s.paragraphs,
    ];
    for (const p of items) {
      const text = p.text.replace(/^[（(]?[一二三四五六七八九十\d]+[)）]?[、.．]?\s*/, '');
      const m = /^([^：:]{2,30})[：:](.+)$/.exec(text);
      if (m) out.push({ term: m[1].trim(), definition: m[2].trim(), place: p.place });
      else if (out.length) out[out.length - 1].definition += text;
    }
  }
  return out;
}
