import { checkDisclosure } from '../audit/engine.ts';
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
