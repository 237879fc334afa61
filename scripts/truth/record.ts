import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

// One labelled truth record per corpus document (test/truth/docs/*.json, format in test/truth/README.md).
// The schema is checked before anything is scored, so that a mistyped record is a clear message naming the
// file and the field, never a crash in the middle of a scoring run.

const DecimalText = z.string().regex(/^-?\d+(\.\d+)?$/, 'a plain decimal ("1234.56", "0"), no separators');

export const TruthMeta = z.object({
  entity: z.string().min(1),
  entityAliases: z.array(z.string().min(1)).optional(),
  year: z.number().int().min(1990).max(2100).nullable(),
  kind: z.enum(['预算', '决算']).nullable(),
  level: z.enum(['部门', '单位']).nullable(),
});

export const TruthTable = z.object({
  /** Template key ("budget.summary"), or "new:<description>" for a printed standard table no template knows. */
  key: z.string().regex(/^(budget|final)\.[a-z0-9_]+$|^new:.+$/, 'a template key or "new:<description>"'),
  title: z.string().min(1),
  page: z.number().int().min(1),
  empty: z.boolean(),
});

export const TruthCell = z.object({
  table: z.string().min(1),
  page: z.number().int().min(1),
  rowCode: z.string().regex(/^\d+$/, 'digits only, code columns joined').nullable(),
  rowLabel: z.string().min(1).nullable(),
  column: z.string().min(1),
  value: DecimalText.nullable(),
});

export const TruthRecord = z
  .object({
    file: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    labelledBy: z.string().min(1),
    checkedOn: z.string().min(1),
    disclosure: z.boolean(),
    meta: TruthMeta.optional(),
    tables: z.array(TruthTable).optional(),
    otherTables: z.array(z.object({ title: z.string().min(1), page: z.number().int().min(1) })).optional(),
    cells: z.array(TruthCell).optional(),
    notes: z.string().optional(),
  })
  .superRefine((r, ctx) => {
    if (!r.disclosure) return;
    if (!r.meta) ctx.addIssue({ code: 'custom', path: ['meta'], message: 'a disclosure needs meta' });
    if (!r.tables)
      ctx.addIssue({ code: 'custom', path: ['tables'], message: 'a disclosure needs its table inventory' });
    const cells = r.cells ?? [];
    // A document that prints no table with data (tables only in a separate attachment) has no cells to draw.
    const withData = (r.tables ?? []).some((t) => !t.empty);
    if (withData && cells.length < 10)
      ctx.addIssue({ code: 'custom', path: ['cells'], message: `at least 10 cells, found ${cells.length}` });
    const keys = new Set((r.tables ?? []).map((t) => t.key));
    // rowCode and rowLabel both null: the table's one body row prints no label (三公 tables), any row matches.
    cells.forEach((c, i) => {
      if (!keys.has(c.table))
        ctx.addIssue({
          code: 'custom',
          path: ['cells', i, 'table'],
          message: `table ${c.table} is not in the record's tables`,
        });
    });
  });
export type TruthRecord = z.infer<typeof TruthRecord>;
export type TruthCell = z.infer<typeof TruthCell>;
export type TruthTable = z.infer<typeof TruthTable>;

export const truthDir = join(import.meta.dirname, '..', '..', 'test', 'truth');
export const corpusDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');

export interface LoadedRecord {
  /** File name under test/truth/docs ("a03-beijing-xuanchuan.json"). */
  name: string;
  /** Pick-list id ("a03"). */
  id: string;
  record: TruthRecord;
}

export interface LoadResult {
  records: LoadedRecord[];
  /** One line per bad record: file name and what is wrong. */
  errors: string[];
}

export interface PickList {
  seed: number;
  rule: string;
  a: string[];
  b: string[];
  /** The held-out list, drawn after the reader was tuned on a and b (never used to tune it in the session that drew it). */
  c?: string[];
  cSeed?: number;
  cRule?: string;
  /** The held-out list of session 4, drawn by layout family after a, b and c had all been used to tune the reader. */
  d?: string[];
  dSeed?: number;
  dStrata?: 'region' | 'family';
  dRule?: string;
  /** The held-out list of session 6, drawn by layout family after a, b, c and d had all been used to tune the reader. */
  e?: string[];
  eSeed?: number;
  eStrata?: 'region' | 'family';
  eRule?: string;
  /** The held-out list of session 7, drawn by layout family among disclosures after a–e had been used or scored. */
  f?: string[];
  fSeed?: number;
  fStrata?: 'region' | 'family';
  fDisclosuresOnly?: boolean;
  fRule?: string;
}

export function readPick(dir = truthDir): PickList {
  return JSON.parse(readFileSync(join(dir, 'pick.json'), 'utf8')) as PickList;
}

/**
 * Loads and validates every record: schema, file name ↔ pick list (NN is the index in list a, b, c, d, e or f and the record's
 * file is that entry), and — when `checkFiles` — that the PDF exists and its sha256 matches.
 */
export function loadRecords(options: { dir?: string; checkFiles?: boolean } = {}): LoadResult {
  const dir = options.dir ?? truthDir;
  const pick = readPick(dir);
  const docsDir = join(dir, 'docs');
  const names = existsSync(docsDir)
    ? readdirSync(docsDir)
        .filter((n) => n.endsWith('.json'))
        .sort()
    : [];
  const records: LoadedRecord[] = [];
  const errors: string[] = [];
  for (const name of names) {
    const m = /^([a-f])(\d\d)-[a-z0-9-]+\.json$/.exec(name);
    if (!m) {
      errors.push(`${name}: name must be <a|b|c|d|e|f><NN>-<ascii-slug>.json`);
      continue;
    }
    const id = `${m[1]}${m[2]}`;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(docsDir, name), 'utf8'));
    } catch (e) {
      errors.push(`${name}: not valid JSON (${(e as Error).message})`);
      continue;
    }
    const parsed = TruthRecord.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push(`${name}: ${issue.path.join('.') || '(record)'}: ${issue.message}`);
      continue;
    }
    const record = parsed.data;
    const expected = (pick[m[1] as 'a' | 'b' | 'c' | 'd' | 'e' | 'f'] ?? [])[Number(m[2])];
    if (expected !== record.file) {
      errors.push(`${name}: file is "${record.file}" but pick list ${id} is "${expected ?? '(none)'}"`);
      continue;
    }
    if (options.checkFiles) {
      const pdf = join(corpusDir, record.file);
      if (!existsSync(pdf)) {
        errors.push(`${name}: ${pdf} does not exist`);
        continue;
      }
      const sha = createHash('sha256').update(readFileSync(pdf)).digest('hex');
      if (sha !== record.sha256) {
        errors.push(`${name}: sha256 of ${record.file} is ${sha}, the record says ${record.sha256}`);
        continue;
      }
    }
    if (records.some((r) => r.id === id)) {
      errors.push(`${name}: a second record for ${id}`);
      continue;
    }
    records.push({ name, id, record });
  }
  return { records, errors };
}
