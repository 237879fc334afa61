import { toFixedString, type Decimal } from '../model/decimal.ts';
import type { Disclosure, Table } from '../model/disclosure.ts';
import { tableByKey } from '../model/query.ts';
import { templateByKey } from '../templates/catalogue.ts';
import { computeCoverage } from './coverage.ts';
import { narrativeFacts, type Fact } from './narrative/tied.ts';
import { renderMessage } from './render.ts';
import { rules as allRules } from './rules/index.ts';
import type { AuditOptions, AuditResult, Finding, FindingPlace, Report, Rule, RuleContext, Severity } from './types.ts';

export type { AuditOptions, AuditResult, Finding, Rule } from './types.ts';

// Runs every rule that applies to the document's kind over the model and collects findings. Rules see only
// the model. A rule whose required table is absent reports itself skipped (info, counted in summary.skipped)
// instead of passing silently; so does a rule that skipped one of its relations for a missing table.

/** A rule that threw: one warning naming it; the other rules still run (a bug in one rule never hides the rest). */
export const RULE_FAILED_MESSAGE = {
  zh: '规则“{rule}”（{ruleId}）执行出错，未能完成检查，此项请人工核对。其余规则照常检查；请将此情况报告给维护者',
  en: 'Rule "{ruleEn}" ({ruleId}) failed and did not finish; check this by hand. The other rules ran; please report this to the maintainers',
};

export const SKIPPED_MESSAGE = {
  zh: '规则“{rule}”未能执行：缺少{tables}',
  en: 'Rule "{rule}" could not run: missing {tablesEn}',
};

function numText(v: Decimal | string | null | undefined): string | null {
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : toFixedString(v);
}

function tableName(key: string): string {
  return templateByKey(key)?.title ?? key;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Appended to a finding lowered because a table it names was read unreliably (Table.reading 'unsure'). */
export const UNSURE_NOTE = {
  zh: '（“{unsureTable}”未能可靠读取，本项降为警告，请对照原表核对）',
  en: ' ("{unsureTable}" was not read reliably, so this is a warning; check it against the printed table)',
};

/**
 * The unsure table a finding's places name, if any. A place names a table by key and printed title; a document
 * that prints two tables with the same key and title is matched on both.
 */
function unsureTableNamed(d: Disclosure, places: readonly FindingPlace[]): Table | undefined {
  for (const p of places) {
    if (!p.table) continue;
    const t = d.tables.find(
      (x) => x.key === p.table && (p.tableTitle === null || x.title === p.tableTitle) && x.reading?.level === 'unsure',
    );
    if (t) return t;
  }
  return undefined;
}

/**
 * A cross-document rule runs when the other document is given, of a kind the rule compares with, and of the year it
 * expects (a year either document does not state is not held against the pair the user named).
 */
function counterpartFits(
  d: Disclosure,
  prior: Disclosure | undefined,
  want: NonNullable<Rule['meta']['counterpart']>,
): boolean {
  if (!prior?.kind || !want.kinds.includes(prior.kind)) return false;
  if (d.fiscalYear === null || prior.fiscalYear === null) return true;
  return prior.fiscalYear - d.fiscalYear === want.yearOffset;
}

export function checkDisclosure(
  d: Disclosure,
  options: AuditOptions = {},
  rules: readonly Rule[] = allRules,
): AuditResult {
  const findings: Finding[] = [];
  let skipped = 0;
  // extracted when a rule first asks, then shared by the rules of this audit (the document does not change during it)
  let facts: readonly Fact[] | undefined;
  for (const rule of rules) {
    const { meta } = rule;
    const override = options.rules?.[meta.id];
    if (override === 'off') continue;
    // A document of unknown kind gets the rules that hold for both kinds; kind-specific rules (the nine 决算 tables)
    // would only produce findings about the wrong kind of document.
    if (d.kind ? !meta.appliesTo.includes(d.kind) : meta.appliesTo.length < 2) continue;
    if (meta.counterpart && !counterpartFits(d, options.prior, meta.counterpart)) continue;
    const skip = (missing: string[]) => {
      skipped++;
      const names = missing.map(tableName);
      const values = {
        rule: meta.title.zh,
        tables: names.map((n) => `“${n}”`).join('、'),
        tablesEn: missing.join(', '),
      };
      const m = renderMessage(SKIPPED_MESSAGE, values);
      findings.push({
        ruleId: meta.id,
        severity: 'info',
        messageId: 'skipped',
        values,
        message: m.zh,
        messageEn: m.en,
        location: { table: missing[0] ?? null, tableTitle: names[0] ?? null, row: null, column: null, source: null },
        related: [],
        expected: null,
        actual: null,
        difference: null,
      });
    };
    const missing = meta.requires.filter((k) => !tableByKey(d, k));
    if (missing.length) {
      skip(missing);
      continue;
    }
    const missingParts = new Set<string>();
    const ctx: RuleContext = {
      disclosure: d,
      prior: options.prior,
      table: (key) => tableByKey(d, key),
      ofKind: (key) => {
        const kind = templateByKey(key)?.kind;
        return !d.kind || !kind || kind === d.kind;
      },
      skip: (key) => void missingParts.add(key),
      narrativeFacts: () => {
        facts ??= narrativeFacts(d);
        return facts;
      },
      report: (r: Report) => {
        const template = meta.messages[r.messageId];
        if (!template) throw new Error(`rule ${meta.id}: unknown message id ${r.messageId}`);
        let severity: Severity = r.severity ?? meta.severity;
        // A configured severity replaces the default, but never raises what the rule itself lowered (rounding).
        if (override && r.severity === undefined) severity = override;
        if (severity === 'info' && r.severity === 'info' && options.rounding === false) return;
        let values = r.values;
        const m = renderMessage(template, r.values);
        // Numbers of a table read unreliably may sit in the wrong row or column: never an error from them.
        const unsure = severity === 'error' ? unsureTableNamed(d, [r.location, ...(r.related ?? [])]) : undefined;
        if (unsure) {
          severity = 'warning';
          values = { ...r.values, unsureTable: unsure.title || unsure.key, reading: 'unsure' };
          const note = renderMessage(UNSURE_NOTE, values);
          m.zh += note.zh;
          m.en += note.en;
        }
        findings.push({
          ruleId: meta.id,
          severity,
          messageId: r.messageId,
          values,
          message: m.zh,
          messageEn: m.en,
          location: r.location,
          related: r.related ?? [],
          expected: numText(r.expected),
          actual: numText(r.actual),
          difference: numText(r.difference),
          ...(r.counterpart ? { counterpart: r.counterpart } : {}),
        });
      },
    };
    try {
      rule.check(ctx);
    } catch (e) {
      // Findings the rule reported before it threw stay: each was complete when reported. The error's own text
      // (JavaScript's words: “Cannot read properties of undefined”) is not for the reviewer: it stays in the
      // finding's values (the JSON a maintainer is sent), not in its message (issue 13).
      const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      const values = { rule: meta.title.zh, ruleEn: meta.title.en, ruleId: meta.id, error };
      const m = renderMessage(RULE_FAILED_MESSAGE, values);
      findings.push({
        ruleId: meta.id,
        severity: 'warning',
        messageId: 'internal-error',
        values,
        message: m.zh,
        messageEn: m.en,
        location: { table: null, tableTitle: null, row: null, column: null, source: null },
        related: [],
        expected: null,
        actual: null,
        difference: null,
      });
      continue;
    }
    if (missingParts.size) skip([...missingParts]);
  }
  findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const summary = { errors: 0, warnings: 0, infos: 0, skipped };
  for (const f of findings) {
    if (f.messageId === 'skipped') continue;
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return { findings, summary, coverage: computeCoverage(d, findings) };
}
