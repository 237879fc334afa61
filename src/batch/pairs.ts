import { rules as allRules } from '../audit/rules/index.ts';
import type { Rule } from '../audit/types.ts';
import { sameEntity, type EntityIdentity } from '../catalog/entity.ts';
import type { BatchPair, BatchRow } from './types.ts';

// Automatic pairing of a folder (issue 12): each document read is paired with the documents of the same entity
// that a cross-document rule compares it with — the rule's counterpart meta names the kinds and the year offset
// (last year's budget or final account for CJ801). "Same entity" is the stored entity key with scopes that do not
// contradict (src/catalog/entity.ts sameEntity); a document whose key is unknown (no place in its name) is never
// paired. Where last year holds a document of exactly the same scope (部门/单位, 汇总/本级) beside others of an
// unknown one, only the exact ones are taken; copies of one file (same sha256) count once.

type Spec = NonNullable<Rule['meta']['counterpart']>;

function identityOf(r: BatchRow): EntityIdentity | null {
  if (!r.entityKey) return null;
  return {
    key: r.entityKey,
    region: null,
    department: '',
    level: r.level ?? null,
    consolidation: r.consolidation ?? null,
  };
}

/** The counterpart specs of the cross-document rules that apply to a document of this kind, without repeats. */
function specsFor(kind: string | null, rules: readonly Rule[]): Spec[] {
  const out: Spec[] = [];
  for (const r of rules) {
    const c = r.meta.counterpart;
    if (!c || !kind || !r.meta.appliesTo.includes(kind as '预算' | '决算')) continue;
    if (!out.some((s) => s.yearOffset === c.yearOffset && s.kinds.join() === c.kinds.join())) out.push(c);
  }
  return out;
}

const exactScope = (a: BatchRow, b: BatchRow) =>
  !!a.level && a.level === b.level && !!a.consolidation && a.consolidation === b.consolidation;

/** The pairs of a batch's rows, in row order (rows not read, or without entity key, year or kind, get none). */
export function pairDocuments(rows: readonly BatchRow[], rules: readonly Rule[] = allRules): BatchPair[] {
  const pairs: BatchPair[] = [];
  const usable = rows.filter((r) => r.status === 'ok' && r.entityKey && r.fiscalYear !== null && r.kind);
  for (const d of usable) {
    const me = identityOf(d);
    for (const spec of specsFor(d.kind, rules)) {
      const year = (d.fiscalYear as number) + spec.yearOffset;
      let hits = usable.filter(
        (o) =>
          o !== d &&
          o.fiscalYear === year &&
          spec.kinds.includes(o.kind as '预算' | '决算') &&
          sameEntity(me, identityOf(o)),
      );
      if (hits.some((o) => exactScope(d, o))) hits = hits.filter((o) => exactScope(d, o));
      const seen = new Set<string>();
      for (const o of hits) {
        if (o.sha256 && (o.sha256 === d.sha256 || seen.has(o.sha256))) continue;
        if (o.sha256) seen.add(o.sha256);
        pairs.push({
          file: d.file,
          prior: o.file,
          entityKey: d.entityKey as string,
          entity: d.entity,
          priorEntity: o.entity,
          fiscalYear: d.fiscalYear,
          kind: d.kind,
          priorYear: o.fiscalYear,
          priorKind: o.kind,
          status: 'pending',
          findings: 0,
          reason: null,
        });
      }
    }
  }
  return pairs;
}
