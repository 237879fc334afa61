import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/audit/rules/index.ts';
import { cleanFinal } from '../../src/audit/testing/clean-final.ts';
import { KINDS, mutationRun, type Outcome } from '../../src/audit/testing/mutate.ts';
import { checkDisclosure } from '../../src/audit/engine.ts';
import { parseBytes } from '../../src/pipeline.ts';
import { SEEDS_DIR } from '../helpers/seeds.ts';

// The mutation test (issue #3, docs/mutation.md): documents that pass the arithmetic and cross-table rules, one
// cell changed at a time, four kinds of change; the suite prints the detection rate per document and kind.

const subset = rules.filter((r) => r.meta.category === 'arithmetic' || r.meta.category === 'cross-table');
// narrative figures tied to table cells restate them: a changed cell the narrative states is caught there (issue 10.1)
const restating = rules.filter((r) => r.meta.id === 'narrative-amount' || r.meta.id === 'narrative-table-fact');
const mutating = [...subset, ...restating];
const SEEDS = SEEDS_DIR;

function rate(os: Outcome[], withInfo: boolean): number {
  if (!os.length) return 1;
  return os.filter((o) => o.reported || (withInfo && o.infoOnly)).length / os.length;
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function summary(name: string, os: Outcome[]): string {
  const lines = [
    `${name}: ${os.length} mutations, reported at the cell ${pct(rate(os, false))} (error/warning), ${pct(rate(os, true))} incl. rounding infos`,
  ];
  for (const k of KINDS) {
    const ok = os.filter((o) => o.kind === k);
    lines.push(
      `  ${k.padEnd(10)} ${String(ok.length).padStart(5)}  ${pct(rate(ok, false)).padStart(6)}  ${pct(rate(ok, true)).padStart(6)}`,
    );
  }
  return lines.join('\n');
}

async function seed(name: string) {
  return parseBytes(new Uint8Array(readFileSync(`${SEEDS}/${name}`)), { fileName: name });
}

describe('mutation test', () => {
  it('the documents pass the arithmetic and cross-table rules before mutation', async () => {
    for (const d of [cleanFinal(), await seed('002_7e0f8e9b3d32ee90.txt'), await seed('004_8bd7ef9f9250f5a5.txt')]) {
      const errors = checkDisclosure(d, {}, subset).findings.filter((f) => f.severity === 'error');
      expect(errors.map((e) => e.message)).toEqual([]);
    }
  });

  it('clean 决算 fixture: every mutation is reported at its cell', () => {
    const os = mutationRun('clean-final', cleanFinal(), mutating);
    console.log(summary('clean-final', os));
    expect(os.length).toBeGreaterThan(700);
    expect(rate(os, true)).toBeGreaterThanOrEqual(0.98);
    // changes larger than one unit of the last place are never explained by rounding
    expect(
      rate(
        os.filter((o) => o.kind === 'one' || o.kind === 'transpose'),
        false,
      ),
    ).toBe(1);
  });

  it('seed 002 (决算, 万元)', async () => {
    const os = mutationRun('seed 002', await seed('002_7e0f8e9b3d32ee90.txt'), mutating);
    console.log(summary('seed 002', os));
    expect(rate(os, true)).toBeGreaterThanOrEqual(0.98);
  }, 240_000);

  it('seed 004 (预算, 26 tables)', async () => {
    const os = mutationRun('seed 004', await seed('004_8bd7ef9f9250f5a5.txt'), mutating);
    console.log(summary('seed 004', os));
    const missed = new Map<string, number>();
    for (const o of os)
      if (!o.reported && !o.infoOnly) missed.set(`${o.table} ${o.row}`, (missed.get(`${o.table} ${o.row}`) ?? 0) + 1);
    console.log(
      '  not caught:',
      [...missed]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([k, n]) => `${k} ×${n}`)
        .join('; '),
    );
    // see docs/mutation.md: the listing table's running 总计 figures are in no relation; its project amounts are
    // restated by the projects' 绩效目标表 (performance-project-amount)
    expect(rate(os, true)).toBeGreaterThanOrEqual(0.98);
  }, 240_000);
});
