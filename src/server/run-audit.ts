import { checkDisclosure } from '../audit/engine.ts';
import { rules } from '../audit/rules/index.ts';
import type { AuditFinding } from '../store/types.ts';
import type { Disclosure } from '../model/disclosure.ts';
import type { AuditOutcome } from '../store/types.ts';

// The audit of an uploaded or stored document. The engine guards each rule itself (a throwing rule becomes one
// warning naming it); anything that still escapes is stored as a failed audit, never a failed upload. Its message is
// shown on the document's page: it says the audit failed, and the error's own text goes to the server log only.

export const AUDIT_FAILED_MESSAGE =
  '审核时程序出错，未能完成审核（详情已记入服务器日志，请联系管理员） / The audit failed because of a program error (details in the server log; please contact the administrator)';

export function auditDocument(d: Disclosure): AuditOutcome {
  try {
    return { status: 'done', findings: checkDisclosure(d).findings };
  } catch (e) {
    // Run in a reading process, whose stderr the server sees only when it dies: the text rides on the outcome (not
    // stored) and the importer logs it.
    const detail = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 2000);
    return { status: 'failed', message: AUDIT_FAILED_MESSAGE, findings: [], detail };
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
