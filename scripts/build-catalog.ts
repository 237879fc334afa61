// Builds src/catalog/data/catalog.json from ../shared/catalogs/observed/*.csv (codes observed in ~285 real
// disclosures) and src/catalog/data/curated.json (class names and known renamings). Run after either
// changes: `node scripts/build-catalog.ts`. The output is committed: it is versioned data, not a build step.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type System = 'function' | 'dept_econ' | 'gov_econ';
interface Entry {
  code: string;
  name: string;
  level: '类' | '款' | '项';
  parent: string | null;
  from?: number;
  until?: number;
  aliases?: string[];
  renamed?: { name: string; until: number }[];
  observedDocs?: number;
}

const root = join(import.meta.dirname, '..');
const observed = join(root, '..', 'shared', 'catalogs', 'observed');
const curated = JSON.parse(readFileSync(join(root, 'src/catalog/data/curated.json'), 'utf8'));

function parseCsv(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trim().split(/\r?\n/);
  const cols = head.split(',');
  return lines.map((l) => {
    const cells = l.split(',');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

const NAME_NOISE = /[0-9A-Za-z：:]|^.{0,1}$/;

function build(system: System, file: string): Entry[] {
  const rows = parseCsv(readFileSync(join(observed, file), 'utf8'));
  const out = new Map<string, Entry>();
  for (const r of rows) {
    const nDocs = Number(r.n_docs);
    // Codes seen in a single document are often extraction noise; keep them only at 项 level with a clean name.
    const variants = r.name_variants.split('|').map((v) => {
      const i = v.lastIndexOf(':');
      return { name: v.slice(0, i), count: Number(v.slice(i + 1)) };
    });
    const years = r.years.split('|').map(Number).filter(Boolean);
    // The harvest also caught project names printed in the name column ("办公家具、设备、耗材购置" for 2101599).
    // A 款/项 code ending in 99 is always "其他…": prefer such a spelling when one was observed.
    let name = r.name;
    if (/99$/.test(r.code) && r.level !== '类' && !name.startsWith('其他')) {
      const other = variants.find((v) => v.name.startsWith('其他'));
      if (other) name = other.name;
    }
    const aliases = variants
      .filter(
        (v) =>
          v.name !== name &&
          v.count >= 2 &&
          !NAME_NOISE.test(v.name) &&
          !(/99$/.test(r.code) && !v.name.startsWith('其他')),
      )
      .map((v) => v.name);
    out.set(r.code, {
      code: r.code,
      name,
      level: r.level as Entry['level'],
      parent: r.parent || null,
      ...(aliases.length ? { aliases } : {}),
      ...(years.length ? { from: Math.min(...years), until: Math.max(...years) } : {}),
      observedDocs: nDocs,
    });
  }
  for (const c of curated[system] as { code: string; name: string; from?: number; renamed?: Entry['renamed'] }[]) {
    const prev = out.get(c.code);
    out.set(c.code, {
      code: c.code,
      name: c.name,
      level: '类',
      parent: null,
      ...(c.from ? { from: c.from } : {}),
      ...(c.renamed ? { renamed: c.renamed } : {}),
      ...(prev?.aliases ? { aliases: prev.aliases } : {}),
      observedDocs: prev?.observedDocs ?? 0,
    });
  }
  // Names a code really had that the harvest saw too rarely to keep (a former name printed in one document).
  for (const a of (curated.aliases?.[system] ?? []) as { code: string; names: string[] }[]) {
    const e = out.get(a.code);
    if (!e) throw new Error(`curated alias for unknown code ${a.code}`);
    e.aliases = [...new Set([...(e.aliases ?? []), ...a.names])];
  }
  // Observation years say where a code was seen, not when it was valid: keep only curated bounds.
  for (const e of out.values()) {
    if (!curated[system].some((c: { code: string }) => c.code === e.code)) {
      delete e.from;
      delete e.until;
    }
  }
  return [...out.values()].sort((a, b) => a.code.localeCompare(b.code));
}

const catalog = {
  version: '2026.11-observed',
  source:
    'Codes and names observed in real published disclosures 2017–2026 (shared/catalogs/observed, harvested from ' +
    '~285 PDFs of 20+ regions; not the official Ministry of Finance catalogue), with class-level names and renamings ' +
    'curated in src/catalog/data/curated.json. A code absent here is "unknown", not wrong.',
  curatedSource: curated.source,
  systems: {
    function: build('function', 'observed_function_codes.csv'),
    dept_econ: build('dept_econ', 'observed_dept_econ_codes.csv'),
    gov_econ: build('gov_econ', 'observed_gov_econ_codes.csv'),
  },
};
writeFileSync(join(root, 'src/catalog/data/catalog.json'), JSON.stringify(catalog, null, 1) + '\n');
console.log(
  Object.entries(catalog.systems)
    .map(([k, v]) => `${k}: ${v.length}`)
    .join(', '),
);
