import { checkDisclosure } from '../audit/engine.ts';
import { rules } from '../audit/rules/index.ts';
import type { AuditFinding } from '../store/types.ts';
import type { Disclosure } from '../model/disclosure.ts';
import type { AuditOutcome } from '../store/types.ts';

// The audit of an uploaded or stored document. The engine guards each rule itself (a throwing rule becomes one
// warning naming it); anything that still escapes is stored as a failed audit with its reason, never a failed upload.

export function auditDocument(d: Disclosure): AuditOutcome {
  try {
    return { status: 'done', findings: checkDisclosure(d).findings };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { status: 'failed', message: `审核出错：${detail} / audit failed: ${detail}`, findings: [] };
  }
}

const crossRules = rules.filter((r) => r.meta.counterpart);

/** The years, relative to a document's, of the documents the cross-document rules compare it with (−1: last year's). */
export function counterpartYearOffsets(): number[] {
  return [...new Set(crossRules.map((r) => r.meta.counterpart!.yearOffset))];
}

/**
 * The cross-document rules (issue 12) on a document against each earlier document of its entity: the engine runs a
 * rule only with a document of the year and kind it compares with, so the caller passes the entity's earlier ones.
 * A failure here costs the cross-document findings, never the upload.
 */
export function crossDocumentFindings(d: Disclosure, priors: readonly Disclosure[]): AuditFinding[] {
  const out: AuditFinding[] = [];
  for (const prior of priors) {
    try {
      out.push(...checkDisclosure(d, { prior }, crossRules).findings.filter((f) => f.messageId !== 'skipped'));
    } catch (e) {
      console.error('[caijian] cross-document audit failed:', e);
    }
  }
  return out;
}
