import type { AuditResult } from '../types.ts';

// The JSON report (issue #3): { document, findings: [...], summary }; `values` lists every number compared.

export function toJsonReport(document: string, res: AuditResult) {
  return {
    document,
    findings: res.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      messageId: f.messageId,
      message: f.message,
      messageEn: f.messageEn,
      location: f.location,
      related: f.related,
      expected: f.expected,
      actual: f.actual,
      difference: f.difference,
      values: f.values,
    })),
    summary: res.summary,
  };
}
