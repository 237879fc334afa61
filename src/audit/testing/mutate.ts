import type { Cell, Disclosure, Table } from '../../model/disclosure.ts';
import { add, fromUnits, parseDecimal, sub, toFixedString, type Decimal } from '../../model/decimal.ts';
import { checkDisclosure } from '../engine.ts';
import { cellPrecision } from '../cells.ts';
import type { Finding, Rule } from '../types.ts';

// The mutation test (issue #3): take a document that passes the arithmetic and cross-table rules, change one
// table cell at a time the way typing slips change numbers (a digit, a transposition, ±one unit of the last
// printed place, ±1), and check that the audit reports the change at the changed cell — as the finding's
// place or one of its related places.

export type MutationKind = 'digit' | 'transpose' | 'last-place' | 'one';
export const KINDS: MutationKind[] = ['digit', 'transpose', 'last-place', 'one'];

export interface Outcome {
  document: string;
  table: string;
  row: string;
  column: string;
  kind: MutationKind;
  from: string;
  to: string;
  /** Reported at the cell by an error or warning. */
  reported: boolean;
  /** Reported at the cell only as an info (a difference rounding explains). */
  infoOnly: boolean;
}

function digitsOf(v: Decimal, scale: number): { digits: string; scale: number } {
  const s = toFixedString(v, Math.max(scale, v.scale));
  return { digits: s.replace('-', '').replace('.', ''), scale: Math.max(scale, v.scale) };
}

function fromDigits(digits: string, scale: number, negative: boolean): string {
  const d = digits.padStart(scale + 1, '0');
  const text = scale ? `${d.slice(0, -scale)}.${d.slice(-scale)}` : d;
  return (negative ? '-' : '') + text.replace(/^0+(?=\d)/, '');
}

/** The mutated text of a value, or null when this kind of change leaves it as it is. */
export function mutateValue(v: Decimal, scale: number, kind: MutationKind, salt: number): string | null {
  const negative = v.units < 0n;
  const { digits, scale: s } = digitsOf(v, scale);
  switch (kind) {
    case 'digit': {
      // change one digit among the significant ones (a salt spreads the position over cells)
      const first = digits.search(/[1-9]/);
      const from = first < 0 ? digits.length - 1 - s : first;
      const span = digits.length - from;
      const i = from + (salt % span);
      const nd = String((Number(digits[i]) + 1 + (salt % 8)) % 10);
      if (nd === digits[i]) return null;
      return fromDigits(digits.slice(0, i) + nd + digits.slice(i + 1), s, negative);
    }
    case 'transpose': {
      const first = Math.max(0, digits.search(/[1-9]/));
      for (let i = first; i < digits.length - 1; i++)
        if (digits[i] !== digits[i + 1])
          return fromDigits(digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2), s, negative);
      return null;
    }
    case 'last-place': {
      const u = fromUnits(1n, s);
      return toFixedString(salt % 2 === 0 || v.units === 0n ? add(v, u) : sub(v, u), s);
    }
    case 'one': {
      const one = fromUnits(1n, 0);
      return toFixedString(salt % 2 === 0 || v.units < 10n ** BigInt(v.scale) ? add(v, one) : sub(v, one), s);
    }
  }
}

function key(f: Finding): string {
  return [f.ruleId, f.messageId, f.severity, JSON.stringify(f.location), f.actual, f.expected].join('|');
}

function atCell(f: Finding, c: Cell): boolean {
  const p = JSON.stringify(c.place);
  return JSON.stringify(f.location.source) === p || f.related.some((r) => JSON.stringify(r.source) === p);
}

export interface MutationOptions {
  kinds?: MutationKind[];
  /** Only cells of these tables. */
  tables?: (t: Table) => boolean;
}

/** Runs every mutation of every printed cell of the document and reports what the rules caught. */
export function mutationRun(
  name: string,
  d: Disclosure,
  rules: readonly Rule[],
  options: MutationOptions = {},
): Outcome[] {
  const base = new Set(checkDisclosure(d, {}, rules).findings.map(key));
  const out: Outcome[] = [];
  let salt = 0;
  for (const t of d.tables) {
    if (t.status !== 'data' || (options.tables && !options.tables(t))) continue;
    for (const r of t.rows)
      for (const c of r.cells) {
        if (c.value === null) continue;
        const v = parseDecimal(c.value);
        if (!v) continue;
        const scale = cellPrecision(t, c);
        for (const kind of options.kinds ?? KINDS) {
          salt++;
          const to = mutateValue(v, scale, kind, salt);
          if (to === null || parseDecimal(to) === null) continue;
          const saved = { text: c.text, value: c.value, decimals: c.decimals };
          c.text = to;
          c.value = to;
          c.decimals = parseDecimal(to)!.scale;
          const found = checkDisclosure(d, {}, rules).findings.filter((f) => !base.has(key(f)) && atCell(f, c));
          Object.assign(c, saved);
          const reported = found.some((f) => f.severity !== 'info');
          out.push({
            document: name,
            table: t.key,
            row: r.code ?? r.item ?? r.label ?? '',
            column: c.column,
            kind,
            from: c.text,
            to,
            reported,
            infoOnly: !reported && found.length > 0,
          });
        }
      }
  }
  return out;
}
