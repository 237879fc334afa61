import { describe, expect, it } from 'vitest';
import { entries, type CatalogSystem } from '../../src/catalog/catalog.ts';
import {
  CLASS_RELATIONS,
  CROSS_RELATIONS,
  LINE_RELATIONS,
  RELATIONS_BY_RULE,
  RESTATEMENTS,
} from '../../src/audit/relations/index.ts';
import type { CellRef } from '../../src/audit/refs.ts';
import { rules } from '../../src/audit/rules/index.ts';
import { templateByKey, type TableTemplate } from '../../src/templates/catalogue.ts';

// The relation catalogue (src/audit/relations/) names cells by meaning. A name that no template knows would make a
// relation silently never apply (its row is never found): every table, row and column it names must exist in the
// templates, and a relation holds exactly for the document kind of the tables it names.

function systemsOf(t: TableTemplate): CatalogSystem[] {
  const out = new Set<CatalogSystem>();
  if (t.codeSystem) out.add(t.codeSystem);
  for (const s of t.sections ?? []) {
    if (s.codeSystem) out.add(s.codeSystem);
    if (s.econByName) out.add(s.econByName);
    if (s.classesByName) out.add('function');
  }
  return [...out];
}

/** What is wrong with a cell reference, or null when the templates know its table, row and column. */
function problem(ref: { table: string; row?: string; column: string; section?: string }): string | null {
  const t = templateByKey(ref.table);
  if (!t) return `no template ${ref.table}`;
  if (!t.columns.some((c) => c.key === ref.column)) return `${ref.table}: no column ${ref.column}`;
  if (ref.section !== undefined && !(t.sections ?? []).some((s) => s.key === ref.section))
    return `${ref.table}: no section ${ref.section}`;
  const row = ref.row;
  if (row === undefined || row === 'total') return null;
  if (row.startsWith('code:')) {
    const code = row.slice(5);
    return systemsOf(t).some((s) => entries(s).some((e) => e.code === code))
      ? null
      : `${ref.table}: code ${code} in none of ${systemsOf(t).join(', ') || 'no classification'}`;
  }
  return (t.items ?? []).some((i) => i.key === row) ? null : `${ref.table}: no line ${row}`;
}

const cellsOf = {
  cross: CROSS_RELATIONS.map((r) => ({
    r,
    cells: [r.left, ...r.right, ...(r.whenAbsent ? [r.whenAbsent.row, ...r.whenAbsent.add] : [])] as CellRef[],
  })),
  line: LINE_RELATIONS.map((r) => ({ r, cells: [r.target, ...r.parts] })),
  byClass: CLASS_RELATIONS.map((r) => ({
    r,
    cells: [r.left, r.right] as { table: string; column: string; section?: string }[],
  })),
};

describe('relation catalogue', () => {
  it('names only tables, rows and columns that exist in the templates', () => {
    const problems: string[] = [];
    for (const { r, cells } of [...cellsOf.cross, ...cellsOf.line, ...cellsOf.byClass]) {
      for (const c of cells) {
        const p = problem(c);
        if (p) problems.push(`${r.name}: ${p}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('applies each relation to the document kind of the tables it names', () => {
    for (const { r, cells } of [...cellsOf.cross, ...cellsOf.line, ...cellsOf.byClass]) {
      const kinds = [...new Set(cells.map((c) => templateByKey(c.table)?.kind))];
      expect(kinds, r.name).toHaveLength(1);
      expect([...r.appliesTo], r.name).toEqual(kinds);
    }
  });

  it('gives every relation a name in both languages where findings quote both', () => {
    for (const r of [...CROSS_RELATIONS, ...CLASS_RELATIONS]) {
      expect(r.name).toMatch(/[\u4e00-\u9fff]/);
      expect(r.nameEn).toMatch(/^[\x20-\x7e−]+$/);
    }
  });

  it('files relations under rules that exist and that apply to those kinds', () => {
    for (const [ruleId, rels] of Object.entries(RELATIONS_BY_RULE)) {
      const rule = rules.find((x) => x.meta.id === ruleId);
      expect(rule, ruleId).toBeDefined();
      expect(rels.length).toBeGreaterThan(0);
      for (const r of rels) for (const k of r.appliesTo) expect(rule!.meta.appliesTo).toContain(k);
    }
  });

  it('restates summary lines from lines and columns that exist, for the kind of their tables', () => {
    const problems: string[] = [];
    for (const r of RESTATEMENTS) {
      const t = templateByKey(r.table);
      if (!t) {
        problems.push(`${r.name}: no template ${r.table}`);
        continue;
      }
      if (r.section !== undefined && !(t.sections ?? []).some((s) => s.key === r.section))
        problems.push(`${r.name}: no section ${r.section}`);
      const row = r.line === 'class' ? undefined : r.line.item;
      for (const column of r.columns ?? [t.columns[0].key]) {
        const p = problem({ table: r.table, row, column });
        if (p) problems.push(`${r.name}: ${p}`);
      }
      if ('table' in r.from) {
        const p = problem({ table: r.from.table, column: r.from.column });
        if (p) problems.push(`${r.name}: ${p}`);
        expect([...r.appliesTo], r.name).toEqual([templateByKey(r.from.table)?.kind]);
      } else {
        for (const column of r.from.sumColumns)
          if (!t.columns.some((c) => c.key === column)) problems.push(`${r.name}: no column ${column}`);
      }
      expect([...r.appliesTo], r.name).toEqual([t.kind]);
    }
    expect(problems).toEqual([]);
  });

  it('catches a relation naming a line no template has', () => {
    expect(problem({ table: 'final.fiscal_summary', row: 'income.no_such_line', column: 'amount' })).toBe(
      'final.fiscal_summary: no line income.no_such_line',
    );
    expect(problem({ table: 'final.income', row: 'total', column: 'no_such_column' })).toBe(
      'final.income: no column no_such_column',
    );
    expect(problem({ table: 'final.general_budget_basic', row: 'code:999', column: 'amount' })).toMatch(
      /code 999 in none of/,
    );
  });
});
