import type { Disclosure, Row, Table } from '../../../model/disclosure.ts';
import { parseDecimal, isZero, toFixedString } from '../../../model/decimal.ts';
import { rowMisaligned, rowPlace, tableMisaligned, tablePlace, tidy, unitOf } from '../../cells.ts';
import { documentRef } from '../../crossdoc/match.ts';
import { paragraphs } from '../../narrative/tokens.ts';
import type { Rule } from '../../types.ts';

// A functional class or item (类/款) printed with an amount in last year's table and gone from this year's same table,
// and never named in this year's narrative (issue 12): the reviewer asks where it went — a spending line ended, moved
// to another code, or was dropped by mistake. Only information: lines end for good reasons; the rule says which.
// Precision first: both tables read reliably and this year's table prints lines of that level at all (a table of
// classes only says nothing about items); a class gone takes its items with it (one finding, not one per item); a
// document without a narrative is not judged (江苏 publishes tables and narrative as separate files).

const LEVELS = new Set(['类', '款']);

const isFunctionLine = (r: Row) =>
  r.kind === 'code' && !!r.code && r.codeSystem === 'function' && !!r.level && LEVELS.has(r.level);

/** The first amount the line prints, when it is not zero (a line printed with zeros or blanks is no spending). */
function amountOf(r: Row): string | null {
  for (const c of r.cells) {
    if (c.value === null) continue;
    const v = parseDecimal(c.value);
    if (v && !isZero(v)) return toFixedString(v);
  }
  return null;
}

const reliable = (t: Table) => t.status === 'data' && t.reading?.level !== 'unsure' && !tableMisaligned(t);

/** The narrative's text without spaces, for “is this line named anywhere”. */
function narrativeText(d: Disclosure): string {
  return paragraphs(d)
    .map((l) => `${l.heading}\n${l.text}`)
    .join('\n')
    .replace(/\s+/g, '');
}

function mentioned(text: string, r: Row): boolean {
  const label = r.label ? tidy(r.label).replace(/\s+/g, '') : '';
  return (!!label && text.includes(label)) || (!!r.code && text.includes(r.code));
}

const rule: Rule = {
  meta: {
    id: 'prior-year-line-gone',
    code: 'CJ802',
    title: {
      zh: '上年列出的类、款本年不再列出时有说明',
      en: 'A class or item of last year’s table that is gone this year is explained',
    },
    category: 'cross-document',
    severity: 'info',
    appliesTo: ['预算', '决算'],
    counterpart: { kinds: ['预算', '决算'], yearOffset: -1 },
    requires: [],
    messages: {
      gone: {
        zh: '{priorDoc}《{priorTable}》列有“{line}”（{level}）{priorValue}，本年《{table}》不再列出，说明中也未提及，请核对是否停止、调整科目或遗漏',
        en: '{priorDoc} lists "{line}" ({level}) with {priorValue} in "{priorTable}"; this year\'s "{table}" no longer lists it and the narrative does not mention it: check whether it ended, moved to another code or was left out',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    const prior = ctx.prior;
    // the same kind of document a year apart: a budget's tables against last year's budget, a final's against last year's final
    if (!prior || prior.kind !== d.kind) return;
    const text = narrativeText(d);
    if (text.length < 200) return;
    const priorDoc = `${prior.fiscalYear ?? ''}年${prior.kind ?? ''}`;
    const reported = new Set<string>();
    for (const pt of prior.tables) {
      if (!reliable(pt)) continue;
      const mine = d.tables.filter((t) => t.key === pt.key);
      if (!mine.length || !mine.every(reliable)) continue;
      const levels = new Set(mine.flatMap((t) => t.rows.filter(isFunctionLine).map((r) => r.level)));
      const codes = new Set(
        mine.flatMap((t) => t.rows.filter((r) => r.codeSystem === 'function' && r.code).map((r) => r.code)),
      );
      const gone = pt.rows.filter(
        (r) => isFunctionLine(r) && levels.has(r.level) && !codes.has(r.code) && !rowMisaligned(pt, r),
      );
      const goneCodes = new Set(gone.map((r) => r.code));
      for (const r of gone) {
        const code = r.code as string;
        // an item whose class is gone too is part of the class's finding
        if (r.level === '款' && goneCodes.has(code.slice(0, 3))) continue;
        if (reported.has(code)) continue;
        const value = amountOf(r);
        if (!value || mentioned(text, r)) continue;
        reported.add(code);
        const t = mine[0];
        ctx.report({
          messageId: 'gone',
          values: {
            priorDoc,
            priorTable: pt.title || pt.key,
            line: `${code} ${tidy(r.label ?? '')}`.trim(),
            level: r.level ?? '',
            priorValue: `${value}${unitOf(prior, pt) ?? ''}`,
            table: t.title || t.key,
          },
          location: tablePlace(t),
          counterpart: { document: documentRef(prior), place: rowPlace(pt, r) },
          expected: null,
          actual: null,
        });
      }
    }
  },
};

export default rule;
