import data from './data/entity-variants.json' with { type: 'json' };

// Entity identity (issue 12): which department or unit a document is of, as a key that is the same for the printed
// variants of one name (中国共产党江苏省委员会办公厅 / 中共江苏省委办公厅 / 江苏省委办公厅; …人民政府万里街道办事处 /
// …万里街道办事处; （本级）). Documents of one entity are paired across years by this key. The variants are data
// (data/entity-variants.json); the key never guesses: a name without a place part has no region, and such a document
// is never paired automatically (a 统计局 of one city must not meet another city's).

export interface EntityIdentity {
  /** Place part of the name: "江苏省", "上海市普陀区"; null when the name does not lead with one. */
  region: string | null;
  /** The department after the place part, in its normalised form ("省委办公厅", "万里街道办事处"). */
  department: string;
  level: '部门' | '单位' | null;
  consolidation: '汇总' | '本级' | null;
  /** "region/department" — equal for the variants of one name; null when the region is unknown. */
  key: string | null;
}

interface Rewrite {
  re: RegExp;
  to: string;
}

const REWRITES: Rewrite[] = data.rewrites.map((r) => ({ re: new RegExp(r.from, 'u'), to: r.to }));
const SCOPE_MARKS = [...data.scopeMarks].sort((a, b) => b.length - a.length);
const SUFFIXES = [...data.regionSuffixes].sort((a, b) => b.length - a.length);
const NOT_PLACE = data.notPlaceWords;

/** The name in one spelling: no spaces, full-width brackets, scope marks and party/government prefixes as data. */
export function normaliseEntityName(name: string): string {
  let s = name.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
  for (const m of SCOPE_MARKS) if (s.endsWith(m) && s.length > m.length) s = s.slice(0, -m.length);
  for (const r of REWRITES) s = s.replace(r.re, r.to);
  return s;
}

const isPlacePart = (part: string) => part.length >= 2 && !NOT_PLACE.some((w) => part.includes(w));

/** Splits the leading place names ("上海市" + "普陀区") off a normalised name. */
function splitRegion(s: string): { region: string; rest: string } {
  let at = 0;
  for (;;) {
    let end = -1;
    // the shortest part that ends with a place suffix ("福州" + "市" is one part: a suffix right after is kept)
    for (let j = at + 2; j <= Math.min(s.length - 1, at + 9); j++) {
      const part = s.slice(at, j);
      if (SUFFIXES.some((x) => part.endsWith(x)) && isPlacePart(part)) {
        end = j;
        // only after a one-character name ("津市" + "市"): "深圳市" + "市场监督管理局" is the city and a department
        while (
          end - at === 2 &&
          end < s.length - 1 &&
          SUFFIXES.some((x) => x.length === 1 && s[end] === x) &&
          isPlacePart(s.slice(at, end + 1))
        )
          end++;
        break;
      }
    }
    if (end < 0) break;
    at = end;
  }
  return { region: s.slice(0, at), rest: s.slice(at) };
}

const PLACEHOLDERS = data.placeholderMarks.map((m) => m.toLowerCase());

function identityOfName(name: string): { region: string | null; department: string } | null {
  const s = normaliseEntityName(name);
  if (!s) return null;
  // template residue ("上海市XX局", "××单位"): the name of no entity, never paired
  if (PLACEHOLDERS.some((m) => s.toLowerCase().includes(m))) return null;
  const { region, rest } = splitRegion(s);
  if (!rest) return null;
  // "江苏省委办公厅": the party committee's office — the region's level word stays with the department
  const department = rest.startsWith('委') && region ? region.slice(-1) + rest : rest;
  return { region: region || null, department };
}

/** The identity of a document's entity from its model: the name, else a printed variant that names the place. */
export function entityIdentity(d: {
  entity: { name: string | null; names: readonly string[] };
  scope: { level: '部门' | '单位' | null; consolidation: '汇总' | '本级' | null };
}): EntityIdentity | null {
  const main = d.entity.name ? identityOfName(d.entity.name) : null;
  const others = d.entity.names.map(identityOfName).filter((x): x is NonNullable<typeof x> => !!x);
  let best = main ?? others[0] ?? null;
  if (!best) return null;
  if (!best.region) {
    // "省人大常委会办公厅" printed beside "江苏省人大常委会办公厅": the variant that names the place, same department
    const dept = best.department;
    const withPlace = others.find(
      (o) => o.region && (o.department === dept || o.department.endsWith(dept) || dept.endsWith(o.department)),
    );
    if (withPlace) best = withPlace;
  }
  const consolidation =
    d.scope.consolidation ??
    (d.entity.name && /本级/.test(d.entity.name)
      ? '本级'
      : d.entity.name && /汇总/.test(d.entity.name)
        ? '汇总'
        : null);
  return {
    region: best.region,
    department: best.department,
    level: d.scope.level,
    consolidation,
    key: best.region ? `${best.region}/${best.department}` : null,
  };
}

/**
 * Two documents are of the same entity: the same key, and scopes that do not contradict each other (a 部门 document
 * and a 单位 document, or 汇总 and 本级, are different accounts of the same name). An unknown scope contradicts nothing.
 */
export function sameEntity(a: EntityIdentity | null, b: EntityIdentity | null): boolean {
  if (!a?.key || !b?.key || a.key !== b.key) return false;
  if (a.level && b.level && a.level !== b.level) return false;
  if (a.consolidation && b.consolidation && a.consolidation !== b.consolidation) return false;
  return true;
}
