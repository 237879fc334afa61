import data from './data/catalog.json' with { type: 'json' };
import type { CodeLevel, CodeSystem } from '../model/disclosure.ts';

// Classification catalogues (政府收支分类科目) as versioned data. Lookups never fail: a code that is not in
// the data is reported as "unknown", which rules treat as "cannot check", never as "wrong".

export interface CatalogEntry {
  code: string;
  name: string;
  level: CodeLevel;
  parent: string | null;
  from?: number;
  until?: number;
  aliases?: string[];
  renamed?: { name: string; until: number }[];
  observedDocs?: number;
}

export type LookupResult =
  | { status: 'known'; entry: CatalogEntry; nameForYear: string; outdatedNames: string[] }
  | { status: 'unknown'; code: string };

export type CatalogSystem = Exclude<CodeSystem, 'unit'>;

const systems = data.systems as Record<CatalogSystem, CatalogEntry[]>;
const index = new Map<CatalogSystem, Map<string, CatalogEntry>>(
  (Object.keys(systems) as CatalogSystem[]).map((s) => [s, new Map(systems[s].map((e) => [e.code, e]))]),
);

export const catalogVersion: string = data.version;
export const catalogSource: string = data.source;

/** Level of a code by its length: 3 → 类, 5 → 款, 7 → 项 (economic 项 are local 7-digit extensions). */
export function levelOf(code: string): CodeLevel | undefined {
  return code.length === 3 ? '类' : code.length === 5 ? '款' : code.length === 7 ? '项' : undefined;
}

export function parentOf(code: string): string | undefined {
  return code.length === 7 ? code.slice(0, 5) : code.length === 5 ? code.slice(0, 3) : undefined;
}

/**
 * The department economic classes whose lines are 人员经费 in basic expenditure: 301 工资福利支出 and 303 对个人和家庭的
 * 补助 (domain.md §4); every other class is 公用经费. 06表 and the fill-in workbook split their lines by it.
 */
export const PERSONNEL_CLASSES: readonly string[] = ['301', '303'];

/** Is this department economic code (class, 款 or 项) 人员经费? */
export function isPersonnelCode(code: string): boolean {
  return PERSONNEL_CLASSES.includes(code.slice(0, 3));
}

/** Which classification a bare code belongs to, by its first digit. */
export function systemOf(code: string): CatalogSystem | undefined {
  if (!/^\d{3}(\d{2}){0,2}$/.test(code)) return undefined;
  if (code[0] === '2') return 'function';
  if (code[0] === '3') return 'dept_econ';
  if (code[0] === '5') return 'gov_econ';
  return undefined;
}

export function lookup(system: CatalogSystem, code: string, year?: number | null): LookupResult {
  const entry = index.get(system)?.get(code);
  if (!entry) return { status: 'unknown', code };
  let nameForYear = entry.name;
  const outdatedNames: string[] = [];
  for (const r of entry.renamed ?? []) {
    if (year != null && year <= r.until) nameForYear = r.name;
    else outdatedNames.push(r.name);
  }
  return { status: 'known', entry, nameForYear, outdatedNames };
}

export function entries(system: CatalogSystem): readonly CatalogEntry[] {
  return systems[system];
}

const PUNCT = /[\s（）()“”"、，,．.·]/g;
function squash(s: string): string {
  return s.replace(PUNCT, '');
}

let classNameCache: { entry: CatalogEntry; names: string[] }[] | undefined;
function classNames() {
  classNameCache ??= systems.function
    .filter((e) => e.level === '类')
    .map((e) => ({
      entry: e,
      names: [e.name, ...(e.renamed ?? []).map((r) => r.name), ...(e.aliases ?? [])].map(squash),
    }));
  return classNameCache;
}

/**
 * Finds the 类 of a functional class by its printed name ("八、社会保障和就业支出" → 208), as the 01 and 04
 * tables list classes by name only. Accepts current and former names; truncated names (print cut off the
 * last characters) match when the printed prefix is long enough to be unique.
 */
export function functionClassByName(label: string): CatalogEntry | undefined {
  // Numbered as 一、 / （一） or, in 西安's 收支总表, 4、.
  const name = squash(
    label.replace(/^\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、．.]|\d{1,2}[、．.](?!\d))/, ''),
  );
  if (name.length < 2) return undefined;
  const exact = classNames().find((c) => c.names.includes(name))?.entry;
  if (exact) return exact;
  if (name.length >= 4) {
    const prefixed = classNames().filter((c) => c.names.some((n) => n.startsWith(name)));
    if (prefixed.length === 1) return prefixed[0].entry;
  }
  return undefined;
}
