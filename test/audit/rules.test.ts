import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDisclosure } from '../../src/audit/engine.ts';
import { placeholders } from '../../src/audit/render.ts';
import { rules } from '../../src/audit/rules/index.ts';
import type { RuleFixtures } from '../../src/audit/testing/fixture.ts';

// The meta-test (issue #3 item 5) and every rule's valid/invalid fixtures.

const dir = join(import.meta.dirname, '../../src/audit/rules');

describe('rule catalogue', () => {
  it('lists every rule folder exactly once, with unique ids and codes', () => {
    const folders = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(rules.map((r) => r.meta.id).sort()).toEqual(folders);
    expect(new Set(rules.map((r) => r.meta.code)).size).toBe(rules.length);
  });
  for (const rule of rules) {
    const { meta } = rule;
    describe(meta.id, () => {
      it('has metadata, a doc and zh+en messages with matching placeholders', () => {
        expect(meta.title.zh && meta.title.en).toBeTruthy();
        expect(meta.appliesTo.length).toBeGreaterThan(0);
        const doc = join(dir, meta.id, 'doc.md');
        expect(existsSync(doc)).toBe(true);
        expect(readFileSync(doc, 'utf8').length).toBeGreaterThan(200);
        // the generated page exists (node scripts/gen-rule-docs.ts) and carries the current doc text
        const page = join(dir, '../../../docs/rules', `${meta.id}.md`);
        expect(existsSync(page), `docs/rules/${meta.id}.md: run node scripts/gen-rule-docs.ts`).toBe(true);
        expect(readFileSync(page, 'utf8')).toContain(readFileSync(doc, 'utf8').trim());
        expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
        for (const [id, m] of Object.entries(meta.messages)) {
          expect(m.zh, id).toMatch(/[\u4e00-\u9fff]/);
          expect(m.en, id).toBeTruthy();
          // English may name places in English (tableEn); the numbers must be the same set
          const strip = (xs: string[]) => [...new Set(xs.map((x) => x.replace(/En$/, '')))].sort();
          expect(strip(placeholders(m.en)), id).toEqual(strip(placeholders(m.zh)));
        }
      });
      it('has passing and failing fixtures that behave', async () => {
        const fx = (await import(join(dir, meta.id, 'fixtures.ts'))).default as RuleFixtures;
        expect(fx.valid.length).toBeGreaterThan(0);
        expect(fx.invalid.length).toBeGreaterThan(0);
        for (const f of fx.valid) {
          const res = checkDisclosure(f.disclosure(), { prior: f.prior?.() }, [rule]);
          const bad = res.findings.filter((x) => x.severity !== 'info');
          expect(
            bad.map((x) => x.message),
            `valid: ${f.name}`,
          ).toEqual([]);
        }
        for (const f of fx.invalid) {
          const res = checkDisclosure(f.disclosure(), { prior: f.prior?.() }, [rule]);
          const want = f.expect ?? [];
          // Rounding infos of the base document are not what an invalid fixture is about, unless it expects infos.
          const wantsInfo = want.some((w) => w.severity === 'info');
          const got = res.findings.filter((x) => x.messageId !== 'skipped' && (wantsInfo || x.severity !== 'info'));
          expect(got.length, `invalid: ${f.name}: ${got.map((g) => g.message).join(' | ')}`).toBe(
            want.length || got.length,
          );
          expect(got.length, `invalid: ${f.name} must find something`).toBeGreaterThan(0);
          want.forEach((w, i) => {
            const g = got[i];
            expect(g.messageId, f.name).toBe(w.messageId);
            if (w.table !== undefined) expect(g.location.table, f.name).toBe(w.table);
            if (w.row !== undefined) expect(g.location.row, f.name).toBe(w.row);
            if (w.column !== undefined) expect(g.location.column, f.name).toBe(w.column);
            if (w.severity) expect(g.severity, f.name).toBe(w.severity);
            expect(g.message).not.toMatch(/\{\w+\}/);
            expect(g.messageEn).not.toMatch(/\{\w+\}/);
            expect(
              g.location.source !== null || (g.location.row === null && g.location.column === null),
              `${f.name}: finding without a place`,
            ).toBe(true);
          });
        }
      });
    });
  }
});
