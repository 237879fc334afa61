import type { SourcePlace } from '../../model/place.ts';
import { rules as allRules } from '../rules/index.ts';
import type { AuditResult, FindingPlace } from '../types.ts';

// SARIF 2.1.0 for code-review tools: one run, the rule catalogue as the driver's rules, a result per finding.
// Text places map to line/column regions; PDF, sheet and docx places go into the region's properties since
// SARIF has no page box.

function region(p: SourcePlace | null) {
  if (!p) return undefined;
  if (p.kind === 'text')
    return { startLine: p.line, startColumn: p.column, ...(p.endColumn ? { endColumn: p.endColumn } : {}) };
  return { properties: p };
}

function location(document: string, p: FindingPlace) {
  return {
    physicalLocation: { artifactLocation: { uri: document }, region: region(p.source) },
    logicalLocations: p.table
      ? [{ name: [p.table, p.row, p.column].filter(Boolean).join('/'), kind: 'member' }]
      : undefined,
  };
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function toSarif(document: string, res: AuditResult) {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'caijian',
            informationUri: 'https://example.invalid/caijian',
            rules: allRules.map((r) => ({
              id: r.meta.id,
              name: r.meta.code,
              shortDescription: { text: `${r.meta.title.zh} / ${r.meta.title.en}` },
              defaultConfiguration: { level: LEVEL[r.meta.severity] },
              helpUri: `docs/rules/${r.meta.id}.md`,
            })),
          },
        },
        results: res.findings.map((f) => ({
          ruleId: f.ruleId,
          level: LEVEL[f.severity],
          message: { text: `${f.message}\n${f.messageEn}` },
          locations: [location(document, f.location)],
          relatedLocations: f.related.map((r, i) => ({ id: i, ...location(document, r) })),
          properties: {
            messageId: f.messageId,
            values: f.values,
            expected: f.expected,
            actual: f.actual,
            difference: f.difference,
          },
        })),
      },
    ],
  };
}
