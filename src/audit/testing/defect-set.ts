import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDisclosure } from '../engine.ts';
import type { Finding, FindingPlace } from '../types.ts';
import { parseBytes } from '../../pipeline.ts';
import { disclosureVerdict } from '../../recognise/is-disclosure.ts';

// The labelled defect set (issue 10 item 4, docs/audit-accuracy.md): real corpus documents read by hand from
// their page images, each defect a careful reviewer finds recorded with its place and quote, and each false
// finding Caijian reported on the document recorded with why it is false. The scorer audits every labelled
// document and says which defects are found and which false findings still occur; a baseline file holds that
// state so the test is a ratchet while the rules are being improved.

export type DefectKind =
  /** a row or column whose 合计 is not the sum of its parts, a class ≠ Σ its 款 */
  | 'table-sum'
  /** the same quantity printed differently in two tables */
  | 'cross-table'
  /** a narrative figure that no table / not the table it restates gives */
  | 'narrative-table'
  /** a rate (change, share, completion) the stated amounts cannot give, or against a zero base */
  | 'rate'
  /** one item given two amounts in one paragraph or section */
  | 'two-amounts'
  /** 增加/减少/持平/大于/等于 contradicting the numbers */
  | 'direction'
  /** template alternatives, instructions, notes that contradict the table (空表 note under a filled table) */
  | 'template-residue'
  | 'placeholder'
  | 'wrong-year'
  /** out-of-date or inconsistent class name */
  | 'class-name'
  /** 部门/单位 wording, another entity's name, wrong government level */
  | 'entity-wording'
  | 'punctuation'
  /** a required table or section missing, an empty table not explained */
  | 'completeness'
  | 'other';

export interface Defect {
  /** Stable within the document: d1, d2, … */
  id: string;
  kind: DefectKind;
  /** A careful reviewer would write it on the check sheet. */
  must: boolean;
  /** 1-based page of the PDF where it is seen. */
  page: number;
  /** Further pages where the same defect shows (a contents list over two pages). */
  pages?: number[];
  /** For table defects: the table key, row (code or printed label as Caijian names rows) and column key. */
  table?: string;
  row?: string;
  column?: string;
  /** The printed text or cell, as on the page. */
  quote: string;
  note: string;
  /** Rule(s) expected to report it; a finding of another rule does not count. */
  expectRule?: string | string[];
  /**
   * Substrings that a finding's text (message and values) must all contain when the defect is matched by page
   * (no table given); default: the quote. Lets a long quote be matched by its distinctive figure.
   */
  match?: string[];
}

export interface FalseFindingPlace {
  /** "*" for every table (a reader warning given on each table it could not read). */
  table: string | null;
  /** "*" for every row of the table (one misread table giving a warning per line). */
  row: string | null;
  column: string | null;
  page?: number | null;
}

export interface FalseFinding {
  ruleId: string;
  messageId: string;
  severity: 'error' | 'warning';
  location: FalseFindingPlace;
  why: string;
}

export interface LabelledDocument {
  /** Path under ../shared/corpus. */
  file: string;
  sha256: string;
  /** Region, kind and year, for the report. */
  about: string;
  defects: Defect[];
  falseFindings: FalseFinding[];
}

export interface Baseline {
  /** The documents the baseline was written for: a labelled document missing here fails until it is added. */
  documents: string[];
  /** Defect ids (doc#id) currently found. */
  found: string[];
  /** False findings (doc#key) that currently still occur. */
  falseOccurring: string[];
}

export const DEFECT_DIR = join(import.meta.dirname, '../../../test/defects');
export const CORPUS_DIR = join(import.meta.dirname, '../../../../shared/corpus');
export const BASELINE_FILE = join(DEFECT_DIR, 'baseline.json');

export function loadLabelled(dir = DEFECT_DIR): { name: string; doc: LabelledDocument }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'baseline.json')
    .sort()
    .map((f) => ({
      name: f.replace(/\.json$/, ''),
      doc: JSON.parse(readFileSync(join(dir, f), 'utf8')) as LabelledDocument,
    }));
}

export function loadBaseline(file = BASELINE_FILE): Baseline {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Baseline;
  } catch {
    return { documents: [], found: [], falseOccurring: [] };
  }
}

const norm = (s: string) => s.replace(/[\s\u3000]+/g, '').replace(/，/g, ',');

function pageOf(p: FindingPlace): number | null {
  return p.source?.kind === 'pdf' ? p.source.page : null;
}

function places(f: Finding): FindingPlace[] {
  return [f.location, ...f.related];
}

function findingText(f: Finding): string {
  return norm([f.message, ...Object.values(f.values)].join('|'));
}

/** Does this finding report this defect? Errors and warnings only: an info is not a finding a reviewer acts on. */
export function reports(f: Finding, d: Defect): boolean {
  if (f.severity === 'info') return false;
  if (d.expectRule) {
    const rules = Array.isArray(d.expectRule) ? d.expectRule : [d.expectRule];
    if (!rules.includes(f.ruleId)) return false;
  }
  if (d.table) {
    return places(f).some(
      (p) =>
        p.table === d.table &&
        (d.row === undefined || p.row === d.row) &&
        (d.column === undefined || p.column === d.column),
    );
  }
  const pages = [d.page, ...(d.pages ?? [])];
  if (!places(f).some((p) => pages.includes(pageOf(p) ?? -1))) return false;
  const text = findingText(f);
  return (d.match ?? [d.quote]).every((m) => text.includes(norm(m)));
}

export function falseKey(x: { ruleId: string; messageId: string; location: FalseFindingPlace }): string {
  const l = x.location;
  return `${x.ruleId}/${x.messageId}@${l.table ?? '-'}|${l.row ?? '-'}|${l.column ?? '-'}|p${l.page ?? '-'}`;
}

export function findingKey(f: Finding): string {
  return falseKey({ ruleId: f.ruleId, messageId: f.messageId, location: { ...f.location, page: pageOf(f.location) } });
}

/** Is this finding the recorded false finding? Same rule, message and place; a recorded table or row "*" stands for any. */
export function isRecordedFalse(f: Finding, x: FalseFinding): boolean {
  const l = x.location;
  return (
    f.ruleId === x.ruleId &&
    f.messageId === x.messageId &&
    (l.table === '*' || f.location.table === l.table) &&
    (l.row === '*' || f.location.row === l.row) &&
    f.location.column === l.column &&
    // a page recorded as null: the finding has none; left out: any page
    (l.page === undefined || pageOf(f.location) === l.page)
  );
}

export interface DocumentScore {
  name: string;
  doc: LabelledDocument;
  /** sha256 of the corpus file differs from the label's: the labels are about another version. */
  shaMismatch: boolean;
  foundMust: string[];
  missedMust: string[];
  foundOther: string[];
  missedOther: string[];
  /** Recorded false findings that still occur (keys). */
  falseOccurring: string[];
  /** Error findings: real (report a labelled defect), false (a recorded false finding), unlabelled. */
  errors: { real: number; false: number; unlabelled: Finding[] };
  /** Warnings that neither report a defect nor are recorded false: to be labelled. */
  unlabelledWarnings: Finding[];
}

export async function scoreDocument(name: string, doc: LabelledDocument, corpus = CORPUS_DIR): Promise<DocumentScore> {
  const bytes = readFileSync(join(corpus, doc.file));
  const sha = createHash('sha256').update(bytes).digest('hex');
  const d = await parseBytes(new Uint8Array(bytes), { fileName: doc.file.split('/').pop() });
  // As every interface does (CLI check, batch, sheet): a file that is not a disclosure is refused, not audited.
  const findings = disclosureVerdict(d).ok ? checkDisclosure(d).findings.filter((f) => f.severity !== 'info') : [];
  const recorded = (f: Finding) => doc.falseFindings.find((x) => isRecordedFalse(f, x));
  const isFalse = (f: Finding) => recorded(f) !== undefined;
  const isReal = (f: Finding) => doc.defects.some((x) => reports(f, x));
  const score: DocumentScore = {
    name,
    doc,
    shaMismatch: sha !== doc.sha256,
    foundMust: [],
    missedMust: [],
    foundOther: [],
    missedOther: [],
    falseOccurring: [
      ...new Set(findings.flatMap((f) => doc.falseFindings.filter((x) => isRecordedFalse(f, x)).map(falseKey))),
    ],
    errors: { real: 0, false: 0, unlabelled: [] },
    unlabelledWarnings: [],
  };
  for (const x of doc.defects) {
    const hit = findings.some((f) => reports(f, x));
    (x.must ? (hit ? score.foundMust : score.missedMust) : hit ? score.foundOther : score.missedOther).push(x.id);
  }
  for (const f of findings) {
    const real = isReal(f);
    const fake = !real && isFalse(f);
    if (f.severity === 'error') {
      if (real) score.errors.real++;
      else if (fake) score.errors.false++;
      else score.errors.unlabelled.push(f);
    } else if (!real && !fake) score.unlabelledWarnings.push(f);
  }
  return score;
}

export interface Totals {
  documents: number;
  must: number;
  mustFound: number;
  other: number;
  otherFound: number;
  errorsReal: number;
  errorsFalse: number;
  errorsUnlabelled: number;
  falseRecorded: number;
  falseOccurring: number;
}

export function totals(scores: DocumentScore[]): Totals {
  const sum = (f: (s: DocumentScore) => number) => scores.reduce((a, s) => a + f(s), 0);
  return {
    documents: scores.length,
    must: sum((s) => s.foundMust.length + s.missedMust.length),
    mustFound: sum((s) => s.foundMust.length),
    other: sum((s) => s.foundOther.length + s.missedOther.length),
    otherFound: sum((s) => s.foundOther.length),
    errorsReal: sum((s) => s.errors.real),
    errorsFalse: sum((s) => s.errors.false),
    errorsUnlabelled: sum((s) => s.errors.unlabelled.length),
    falseRecorded: sum((s) => s.doc.falseFindings.length),
    falseOccurring: sum((s) => s.falseOccurring.length),
  };
}

/** The ratchet: what the baseline says is found must still be found; a false finding fixed must not return. */
export function ratchet(s: DocumentScore, b: Baseline): { lost: string[]; returned: string[] } {
  // a document labelled after the baseline was written: everything it reports is new, nothing to compare with
  if (!(b.documents ?? []).includes(s.name))
    return {
      lost: [],
      returned: [`${s.name}: not in baseline.json (node scripts/score-defects.ts --update-baseline)`],
    };
  const found = new Set([...s.foundMust, ...s.foundOther].map((id) => `${s.name}#${id}`));
  const allowed = new Set(b.falseOccurring);
  const lost = b.found.filter((k) => k.startsWith(`${s.name}#`) && !found.has(k));
  const returned = s.falseOccurring.map((k) => `${s.name}#${k}`).filter((k) => !allowed.has(k));
  return { lost, returned };
}

export function baselineOf(scores: DocumentScore[]): Baseline {
  return {
    documents: scores.map((s) => s.name).sort(),
    found: scores.flatMap((s) => [...s.foundMust, ...s.foundOther].map((id) => `${s.name}#${id}`)).sort(),
    falseOccurring: scores.flatMap((s) => s.falseOccurring.map((k) => `${s.name}#${k}`)).sort(),
  };
}
