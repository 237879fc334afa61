import type { Disclosure } from '../../model/disclosure.ts';

// A rule's fixtures (ESLint valid/invalid style): `valid` documents produce no finding of the rule above info;
// `invalid` documents produce exactly the listed findings (message id and, when given, the semantic place).

export interface ExpectedFinding {
  messageId: string;
  table?: string | null;
  row?: string | null;
  column?: string | null;
  severity?: 'error' | 'warning' | 'info';
}

export interface Fixture {
  name: string;
  disclosure: () => Disclosure;
  /** Cross-document rules: the other document of the pair (AuditOptions.prior). */
  prior?: () => Disclosure;
  /** For invalid fixtures: the findings expected (other than 'skipped'). */
  expect?: ExpectedFinding[];
}

export interface RuleFixtures {
  valid: Fixture[];
  invalid: Fixture[];
}
