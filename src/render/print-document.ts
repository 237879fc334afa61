import type { Disclosure, NarrativeSection } from '../model/disclosure.ts';
import { printTable, type PrintTable } from './print-table.ts';

// The complete document as a flat list of printable blocks, in the national template's order (domain.md
// §2): cover, contents, 第一部分 概况, 第二部分 tables, 第三部分 情况说明, 第四部分 名词解释, 第五部分 附件.
// HTML, DOCX and PDF draw these blocks; XLSX takes only the tables.

export type DocBlock =
  | { type: 'cover'; lines: string[] }
  | { type: 'toc'; title: string; entries: { level: number; text: string }[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4; text: string; pageBreak?: boolean }
  | { type: 'paragraph'; text: string }
  | { type: 'table'; table: PrintTable }
  | { type: 'grid'; title: string; rows: string[][] };

export interface PrintDocument {
  title: string;
  blocks: DocBlock[];
}

const PART_HEADING = /^第[一二三四五六七八九十]+部分/;

/** Part headings as the model printed them ("第三部分 2023年度部门决算情况说明"), else the national template's. */
export function partHeadings(d: Disclosure): string[] {
  const entity = d.entity.name ?? '';
  const year = d.fiscalYear ?? '';
  const budget = d.kind === '预算';
  const printed = (n: number) => {
    // The fullest printed form: "第一部分 株洲市…概况" rather than a bare "第一部分".
    const texts = d.sections
      .filter((s) => s.part === n)
      .map((s) => s.headingPath[0] ?? '')
      .filter((h) => PART_HEADING.test(h.trim()));
    return texts.sort((a, b) => b.length - a.length)[0];
  };
  const defaults = [
    `第一部分 ${entity}概况`,
    budget ? '第二部分 部门预算表' : '第二部分 部门决算表',
    budget ? `第三部分 ${year}年部门预算情况说明` : `第三部分 ${year}年度部门决算情况说明`,
    '第四部分 名词解释',
    '第五部分 附件',
  ];
  return defaults.map((h, i) => printed(i + 1) ?? h);
}

function documentTitle(d: Disclosure): string {
  const year = d.fiscalYear ? `${d.fiscalYear}年${d.kind === '决算' ? '度' : ''}` : '';
  return `${d.entity.name ?? ''}${year}部门${d.kind ?? '决算'}`;
}

/** Headings of a section below its part, skipping those already open (sections share parents). */
function sectionBlocks(sections: NarrativeSection[]): DocBlock[] {
  const blocks: DocBlock[] = [];
  let open: string[] = [];
  for (const s of sections) {
    const path = s.headingPath.filter((h) => !PART_HEADING.test(h.trim()));
    // The part heading is printed once, by the caller; a section headed by it adds only its paragraphs.
    if ((path.length === 0 || path[path.length - 1] !== s.heading) && !PART_HEADING.test(s.heading.trim()))
      path.push(s.heading);
    let same = 0;
    while (same < path.length && same < open.length && path[same] === open[same]) same++;
    for (let i = same; i < path.length; i++) {
      if (path[i].trim()) blocks.push({ type: 'heading', level: Math.min(4, i + 2) as 2 | 3 | 4, text: path[i] });
    }
    open = path;
    for (const p of s.paragraphs) if (p.text.trim()) blocks.push({ type: 'paragraph', text: p.text });
  }
  return blocks;
}

export interface DocumentOptions {
  /** Narrative sections to print for 第三部分 when the model holds none (the narrative writer's output). */
  narrative?: NarrativeSection[];
}

export function printDocument(d: Disclosure, options: DocumentOptions = {}): PrintDocument {
  const heads = partHeadings(d);
  const byPart = (n: number) => d.sections.filter((s) => s.part === n);
  const narrative = byPart(3).length ? byPart(3) : (options.narrative ?? []);
  const year = d.fiscalYear ? `${d.fiscalYear}年${d.kind === '决算' ? '度' : ''}` : '';

  const blocks: DocBlock[] = [];
  // The cover as printed (part 0 lines) when the model has it, else year, department and kind.
  const printedCover = byPart(0)
    .flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.text)])
    .map((t) => t.trim())
    .filter(Boolean);
  blocks.push({
    type: 'cover',
    lines: printedCover.length ? printedCover : [year, d.entity.name ?? '', `部门${d.kind ?? '决算'}`].filter(Boolean),
  });

  const toc: { level: number; text: string }[] = [];
  toc.push({ level: 1, text: heads[0] });
  // Sub-entries are the first-level headings under a part; a part heading listed twice would end the contents.
  const subEntries = (sections: NarrativeSection[]) =>
    sections
      .filter(
        (s) =>
          s.heading.trim() &&
          !PART_HEADING.test(s.heading.trim()) &&
          s.headingPath.filter((h) => !PART_HEADING.test(h.trim())).length <= 1,
      )
      .map((s) => s.heading);
  for (const h of subEntries(byPart(1))) toc.push({ level: 2, text: h });
  toc.push({ level: 1, text: heads[1] });
  d.tables.forEach((t, i) => {
    toc.push({ level: 2, text: `${chineseNumber(i + 1)}、${t.title}` });
  });
  toc.push({ level: 1, text: heads[2] });
  for (const h of subEntries(narrative)) toc.push({ level: 2, text: h });
  toc.push({ level: 1, text: heads[3] });
  toc.push({ level: 1, text: heads[4] });
  blocks.push({ type: 'toc', title: '目录', entries: toc });

  blocks.push({ type: 'heading', level: 1, text: heads[0], pageBreak: true });
  blocks.push(...sectionBlocks(byPart(1)));

  blocks.push({ type: 'heading', level: 1, text: heads[1], pageBreak: true });
  blocks.push(...sectionBlocks(byPart(2)));
  for (const t of d.tables) blocks.push({ type: 'table', table: printTable(t, d.entity.name) });

  blocks.push({ type: 'heading', level: 1, text: heads[2], pageBreak: true });
  blocks.push(...sectionBlocks(narrative));

  blocks.push({ type: 'heading', level: 1, text: heads[3], pageBreak: true });
  // The glossary as the document printed it (part 4 sections), else written from the glossary entries.
  if (byPart(4).some((s) => s.paragraphs.length)) blocks.push(...sectionBlocks(byPart(4)));
  else if (!d.sections.some((s) => s.headingPath.some((h) => /名词解释/.test(h)) && s.paragraphs.length)) {
    // (A budget document may print its glossary inside 第一部分: then it is printed there, not twice.)
    d.glossary.forEach((g, i) => {
      blocks.push({ type: 'paragraph', text: `${chineseNumber(i + 1)}、${g.term}：${g.definition}` });
    });
  }

  blocks.push({ type: 'heading', level: 1, text: heads[4], pageBreak: true });
  blocks.push(...sectionBlocks(byPart(5)));
  for (const p of d.performance) blocks.push({ type: 'grid', title: p.title, rows: p.rows });
  for (const n of [6, 7, 8, 9]) blocks.push(...sectionBlocks(byPart(n)));

  return { title: documentTitle(d), blocks };
}

/** 1 → 一, 11 → 十一, 23 → 二十三 (list numbering up to 99). */
export function chineseNumber(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones ? digits[ones] : ''}`;
}
