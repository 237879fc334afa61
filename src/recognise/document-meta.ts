import type { AmountUnit, Disclosure, DocumentKind, NarrativeSection, Table } from '../model/disclosure.ts';
import type { LineBlock } from '../model/layout.ts';
import { squash } from '../templates/normalize.ts';

// Document-level facts: kind, fiscal year, department, scope, amount unit and printed precision. Read from
// the cover first, then confirmed or filled in from the tables.

export function detectKind(cover: LineBlock[], tables: Table[]): DocumentKind | null {
  const text = cover.map((b) => squash(b.text)).join(' ');
  const final = /决算/.test(text);
  const budget = /预算/.test(text);
  if (final && !budget) return '决算';
  if (budget && !final) return '预算';
  if (final && budget) return text.indexOf('决算') < text.indexOf('预算') ? '决算' : '预算';
  const f = tables.filter((t) => t.key.startsWith('final.')).length;
  const b = tables.filter((t) => t.key.startsWith('budget.')).length;
  return f > b ? '决算' : b > f ? '预算' : null;
}

export function detectYear(cover: LineBlock[], sections: NarrativeSection[]): number | null {
  for (const b of cover) {
    const m = /(20\d{2})\s*年/.exec(b.text);
    if (m) return Number(m[1]);
  }
  for (const s of sections.slice(0, 5)) {
    const m = /(20\d{2})\s*年/.exec(s.heading);
    if (m) return Number(m[1]);
  }
  return null;
}

const ENTITY_END = /(局|委员会|委|办公室|办公厅|厅|院|中心|部|政府|站|所|馆|会|队|处|街道办事处)$/;

export function detectEntity(cover: LineBlock[], tables: Table[]): { name: string | null; names: string[] } {
  const names: string[] = [];
  const add = (n: string | undefined) => {
    const s = n?.replace(/\s+/g, '').replace(/^\d{3,9}-/, '');
    if (s && !names.includes(s)) names.push(s);
  };
  let coverName: string | undefined;
  for (const b of cover) {
    const t = b.text.replace(/\s+/g, '');
    const m = /^(?:单位名称|部门名称|预算主管部门|主管部门|预算单位)[:：](.+)$/.exec(t);
    if (m) {
      coverName ??= m[1];
      continue;
    }
    // "2023 年度 邵阳市医疗保障局部门决算" → 邵阳市医疗保障局
    const inTitle = /^(?:\d{4}年度?)?(.+?)(?:\d{4}年度?)?(?:部门|单位)(?:预算|决算)/.exec(t);
    if (inTitle && ENTITY_END.test(inTitle[1]) && !coverName) coverName = inTitle[1].replace(/^\d{4}年度?/, '');
    if (!coverName && ENTITY_END.test(t) && t.length <= 30 && !/^\d/.test(t)) coverName = t;
  }
  add(coverName);
  const counts = new Map<string, number>();
  if (coverName) counts.set(coverName.replace(/\s+/g, ''), 1);
  for (const t of tables) {
    if (t.entity) {
      const e = t.entity.replace(/\s+/g, '').replace(/^\d{3,9}-/, '');
      counts.set(e, (counts.get(e) ?? 0) + 1);
      add(e);
    }
  }
  const mostPrinted = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  // The spelling printed most often names the department; a one-off typo (seed 000's cover) stays in `names`.
  return { name: mostPrinted ?? null, names };
}

export function detectScope(cover: LineBlock[]): Disclosure['scope'] {
  const text = cover.map((b) => squash(b.text)).join(' ');
  const level = /单位(预算|决算)/.test(text) ? '单位' : /部门(预算|决算)/.test(text) ? '部门' : null;
  const consolidation = /汇总/.test(text) ? '汇总' : /本级/.test(text) ? '本级' : null;
  return { level, consolidation };
}

/** The unit most tables print, and the decimals most of their amounts carry. */
export function dominantUnit(tables: Table[]): { unit: AmountUnit | null; precision: number | null } {
  const units = new Map<AmountUnit, number>();
  for (const t of tables) if (t.unit) units.set(t.unit, (units.get(t.unit) ?? 0) + 1);
  const unit = [...units.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const decimals = new Map<number, number>();
  for (const t of tables)
    for (const r of t.rows)
      for (const c of r.cells)
        if (c.value !== null && c.value !== '0' && /\./.test(c.text)) decimals.set(c.decimals, (decimals.get(c.decimals) ?? 0) + 1);
  const precision = [...decimals.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { unit, precision };
}

/** Units consolidated: numbered lines after "…单位构成" / "…编报范围的单位" in part one. */
export function detectUnits(sections: NarrativeSection[]): string[] {
  const out: string[] = [];
  for (const s of sections.filter((x) => x.part <= 1)) {
    let listing = /单位构成|编制范围|编报范围/.test(s.heading);
    for (const p of s.paragraphs) {
      if (/单位构成|编制范围|编报范围|单位.*包括[:：]?$/.test(p.text)) {
        listing = true;
        continue;
      }
      const m = /^\s*\d+[.、．]\s*([^（(，,。；;]+)/.exec(p.text);
      if (listing && m && p.text.length <= 40) out.push(m[1].trim());
    }
  }
  return out;
}
