import { describe, expect, it } from 'vitest';
import { checkDisclosure } from '../../src/audit/engine.ts';
import { Finding, ReadWarning } from '../../src/model/finding.ts';
import { findingFromJson } from '../../src/model/finding-json.ts';
import { SEED_IDS, seedModel } from '../helpers/seeds.ts';

// The Finding contract (src/model/finding.ts) is what the audit produces and what store, batch, server and web
// consume: every finding of the real seed audits must satisfy it exactly, and so must every reader warning.

describe('Finding contract', () => {
  for (const id of SEED_IDS) {
    it(`every finding and warning of seed ${id} satisfies the contract`, () => {
      const d = seedModel(id);
      const { findings } = checkDisclosure(d);
      expect(findings.length).toBeGreaterThan(0);
      for (const f of findings) expect(Finding.strict().parse(f)).toEqual(f);
      for (const w of d.warnings) expect(ReadWarning.parse(w)).toEqual(w);
    });
  }

  it('refuses a finding with an amount as a number or an unknown severity', () => {
    const f = checkDisclosure(seedModel('001')).findings.find((x) => x.expected !== null)!;
    expect(Finding.safeParse({ ...f, expected: 12.5 }).success).toBe(false);
    expect(Finding.safeParse({ ...f, severity: 'fatal' }).success).toBe(false);
  });

  it('reads a stored finding written by an older version with every field, keeping fields it does not know', () => {
    const old = {
      ruleId: 'row-sum',
      severity: 'error',
      message: '不平',
      location: { table: 'final.income', row: '合计' },
      newerField: 1,
    };
    const f = findingFromJson(old);
    expect(f).toMatchObject({
      messageId: '',
      messageEn: '',
      values: {},
      related: [],
      expected: null,
      actual: null,
      difference: null,
      newerField: 1,
    });
    expect(f.location).toEqual({ table: 'final.income', tableTitle: null, row: '合计', column: null, source: null });
  });
});
