import type { Finding, FindingPlace, Severity } from './finding.ts';

// Findings as data without zod: the severities as a plain list (finding.ts builds its z.enum from it, so there is
// one list) and a finding read back from storage. The commands that only write findings (`check`, the batch's
// rows, the store reading its own rows) import this, not the schemas: zod (≈ 95 modules, ≈ 0.1 s to load) stays off
// their path (test/cli/lazy-load.test.ts). Input from outside — model JSON files, HTTP bodies — is validated where it
// comes in (render's Disclosure.safeParse, the server's request checks).

/** Severities, most severe first (the order reports list them in). */
export const SEVERITIES = ['error', 'warning', 'info'] as const;

export const NO_PLACE: FindingPlace = { table: null, tableTitle: null, row: null, column: null, source: null };

const isSeverity = (v: unknown): v is Severity => (SEVERITIES as readonly unknown[]).includes(v);

/**
 * A finding read back from storage (JSON written by an earlier version, or by hand) with every field present.
 * Fields this version does not know are kept, not dropped, so data written by a newer producer survives a round trip.
 */
export function findingFromJson(value: unknown): Finding {
  const raw = (value && typeof value === 'object' ? value : {}) as Partial<Finding> & Record<string, unknown>;
  const location = raw.location && typeof raw.location === 'object' ? { ...NO_PLACE, ...raw.location } : NO_PLACE;
  return {
    ...raw,
    ruleId: String(raw.ruleId ?? ''),
    severity: isSeverity(raw.severity) ? raw.severity : 'info',
    messageId: raw.messageId ?? '',
    values: raw.values ?? {},
    message: String(raw.message ?? ''),
    messageEn: raw.messageEn ?? '',
    location,
    related: Array.isArray(raw.related) ? raw.related : [],
    expected: raw.expected ?? null,
    actual: raw.actual ?? null,
    difference: raw.difference ?? null,
  };
}
