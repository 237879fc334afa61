import { add, normalize, sub, toFixedString } from '../../../model/decimal.ts';
import type { Disclosure } from '../../../model/disclosure.ts';
import { cellPlace, cellValue, columnLabel, rowLabel, unitOf } from '../../cells.ts';
import { cellInOther, cellInterval, documentRef, yearless, type OtherCell } from '../../crossdoc/match.ts';
import { mayEqual, minus, plus, type Interval } from '../../interval.ts';
import { changes, threeNumbers } from '../../narrative/facts.ts';
import { factCellsIn, type Fact, type TiedCell } from '../../narrative/tied.ts';
import { figureInterval, figurePlace, figures, figureText, type Figure } from '../../narrative/tokens.ts';
import type { Rule, Severity } from '../../types.ts';

// A document's narrative about last year, against last year's document of the same entity (issue 12): “2023年当年
// 预算执行数为60.13万元”, “比2023年预算减少876.75万元”, “与上年预算数一致”. The figure the sentence is about is tied to this
// document's cells (narrative/tied.ts); the same cell in the prior document is found by meaning (crossdoc/match.ts),
// and last year's amount the sentence states or implies (this year ∓ the change, this year when 持平) is compared with
// it on intervals. How sure the finding is depends on what the sentence compares with: a 预算 named against last
// year's budget, a 执行数/决算 against last year's final account; an 执行数 against last year's budget differs for
// good reasons (adjustments during the year) and is only shown.

type Basis = 'budget' | 'actual' | 'unspecified';

function basisOf(words: string): Basis {
  if (/执行|决算|实际/.test(words)) return 'actual';
  if (/预算/.test(words)) return 'budget';
  return 'unspecified';
}

const BASIS_ZH: Record<Basis, string> = { budget: '上年预算', actual: '上年执行数', unspecified: '上年数' };
const BASIS_EN: Record<Basis, string> = {
  budget: 'last year’s budget',
  actual: 'last year’s actual',
  unspecified: 'last year',
};

function severityFor(basis: Basis, d: Disclosure, prior: Disclosure): Severity | null {
  if (basis === 'budget') return prior.kind === '预算' ? 'error' : null;
  if (basis === 'actual') return prior.kind === '决算' ? 'error' : 'info';
  // “与上年相比”: in a final account last year's final; in a budget last year's budget or its execution
  if (d.kind === '决算') return prior.kind === '决算' ? 'error' : null;
  return prior.kind === '预算' ? 'warning' : null;
}

interface Claim {
  /** Last year's amount the sentence states or implies, in 元. */
  stated: Interval;
  statedText: string;
  basis: Basis;
  how: 'stated' | 'change' | 'flat';
  /** The figure the finding points at. */
  at: Figure;
  change?: Figure;
}

// “…万元，比2023年预算持平”, “…万元，与上年预算数一致”; a sentence that is nothing but “与上年持平。” is about the figure before it
const FLAT =
  /^(?:[，,]|。(?=(?:与|比|较)上年(?:相比)?持平[。；]))?\s*(?:比|较|与)([^，。；,;]{0,14}?)(?:相比)?(?:持平|一致|相同|保持不变)/;

function claimsOf(f: Fact, d: Disclosure): Claim[] {
  const text = f.located.text;
  const figs = figures(text);
  const out: Claim[] = [];
  const three = threeNumbers(figs, d.fiscalYear).find((t) => t.current.start === f.figure.start);
  if (three) {
    out.push({
      stated: figureInterval(three.prior, true),
      statedText: figureText(three.prior),
      basis: basisOf(three.prior.label),
      how: 'stated',
      at: three.prior,
    });
    return out;
  }
  const ch = changes(figs, text).find((c) => c.current?.start === f.figure.start);
  if (ch) {
    if (ch.prior) {
      out.push({
        stated: figureInterval(ch.prior, true),
        statedText: figureText(ch.prior),
        basis: basisOf(ch.prior.label),
        how: 'stated',
        at: ch.prior,
      });
    } else {
      const cur = figureInterval(f.figure, true);
      const amt = figureInterval(ch.amount, true);
      const stated = ch.direction === 'up' ? minus(cur, amt) : plus(cur, amt);
      // the implied amount as the sentence's own figures give it (same unit: “15621.11万元，比2023年预算减少876.75万元”)
      const point =
        f.figure.unit === ch.amount.unit
          ? ch.direction === 'up'
            ? sub(f.figure.value, ch.amount.value)
            : add(f.figure.value, ch.amount.value)
          : null;
      out.push({
        stated,
        statedText: point ? `${toFixedString(point)}${f.figure.unit}` : '',
        basis: basisOf(ch.amount.label),
        how: 'change',
        at: ch.amount,
        change: ch.amount,
      });
    }
    return out;
  }
  const flat = FLAT.exec(text.slice(f.figure.end, f.figure.end + 24));
  if (flat)
    out.push({
      stated: figureInterval(f.figure, true),
      statedText: figureText(f.figure),
      basis: basisOf(flat[1]),
      how: 'flat',
      at: f.figure,
    });
  return out;
}

function otherCell(d: Disclosure, c: TiedCell): OtherCell | undefined {
  const value = cellValue(c.table, c.row, c.column);
  const unit = unitOf(d, c.table);
  return value && unit
    ? { table: c.table, row: c.row, column: c.column, value, unit, place: cellPlace(c.table, c.row, c.column) }
    : undefined;
}

/** “2013202 组织事务”, “合计 / 因公出国（境）费”: the line, and the column when it is not the table's one amount. */
function subjectOf(c: OtherCell, f: Fact): string {
  if (!f.subject.startsWith('line:') && c.row.kind === 'total') return `“${f.term}”`;
  const row = rowLabel(c.row);
  if (c.row.kind === 'code' || c.column === 'total' || c.column === 'amount') return `“${row}”`;
  return `“${row} / ${yearless(columnLabel(c.table, c.column, c.row.section), null)
    .split('/')
    .pop()}”`;
}

/** Last year's amount as printed, with the narrative's unit beside it when the table prints another one. */
function amountText(c: OtherCell, narrativeUnit: string | undefined): string {
  const printedText = `${toFixedString(c.value.value)}${c.unit}`;
  if (!narrativeUnit || narrativeUnit === c.unit) return printedText;
  const v = c.value.value;
  const converted =
    c.unit === '元' ? { units: v.units, scale: v.scale + 4 } : { units: v.units * 10000n, scale: v.scale };
  const n = normalize(converted);
  return `${printedText}（${toFixedString(n, Math.max(2, n.scale))}${narrativeUnit}）`;
}

const rule: Rule = {
  meta: {
    id: 'prior-year-narrative',
    code: 'CJ801',
    title: {
      zh: '说明中的上年数与上年文件相符',
      en: 'The narrative’s prior-year figures agree with last year’s document',
    },
    category: 'cross-document',
    severity: 'error',
    appliesTo: ['预算', '决算'],
    counterpart: { kinds: ['预算', '决算'], yearOffset: -1 },
    requires: [],
    messages: {
      stated: {
        zh: '说明称{subject}{basis}为 {stated}，{priorDoc}《{priorTable}》为 {priorValue}，两者不符',
        en: 'The narrative gives {subject} as {stated} for {basisEn}; {priorDoc} prints {priorValue} in "{priorTable}"',
      },
      change: {
        zh: '说明称{subject}本年 {current}，比上年{word} {change}，即{basis}约 {stated}；{priorDoc}《{priorTable}》为 {priorValue}，增减额与上年文件不符',
        en: 'The narrative gives {subject} as {current} this year, a change of {change} ({word}), so {stated} for {basisEn}; {priorDoc} prints {priorValue} in "{priorTable}"',
      },
      flat: {
        zh: '说明称{subject}本年 {current} 与{basis}持平，{priorDoc}《{priorTable}》为 {priorValue}',
        en: 'The narrative says {subject} is {current}, unchanged from {basisEn}; {priorDoc} prints {priorValue} in "{priorTable}"',
      },
      actualVsBudget: {
        zh: '说明称{subject}{basis}为 {stated}，{priorDoc}《{priorTable}》的预算数为 {priorValue}（执行数可因年中调整而不同，请核对）',
        en: 'The narrative gives {subject} as {stated} for {basisEn}; {priorDoc} budgeted {priorValue} in "{priorTable}" (an actual may differ after in-year adjustments; check)',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    const prior = ctx.prior;
    if (!prior) return;
    const priorDoc = `${prior.fiscalYear ?? ''}年${prior.kind ?? ''}`;
    const names = [...new Set([d.entity.name, ...d.entity.names].filter((n): n is string => !!n))].sort(
      (a, b) => b.length - a.length,
    );
    for (const f of ctx.narrativeFacts()) {
      const claims = claimsOf(f, d);
      if (!claims.length) continue;
      // the same quantity in last year's document: the first of the fact's cells found there, else the fact's
      // subject resolved in last year's tables (a narrative printed without its tables)
      let other: OtherCell | undefined;
      let mine: TiedCell | undefined;
      for (const c of f.cells) {
        other = cellInOther(d, c.table, c.row, c.column, prior);
        if (other) {
          mine = c;
          break;
        }
      }
      if (!other)
        other = factCellsIn(prior, f, names, d.fiscalYear)
          .map((c) => otherCell(prior, c))
          .find((c) => !!c);
      if (!other) continue;
      // a line missing from a table last year is no amount to compare with (a blank line the reader kept is zero)
      if (other.value.blank && !other.value.cell) continue;
      const priorIv = cellInterval(other);
      for (const claim of claims) {
        if (mayEqual(claim.stated, priorIv)) continue;
        let severity = severityFor(claim.basis, d, prior);
        if (!severity) continue;
        // last year's table read unreliably: never an error from its numbers
        if (severity === 'error' && other.table.reading?.level === 'unsure') severity = 'warning';
        const values = {
          subject: subjectOf(other, f),
          basis: BASIS_ZH[claim.basis],
          basisEn: BASIS_EN[claim.basis],
          stated: claim.statedText || '—',
          current: figureText(f.figure),
          change: claim.change ? figureText(claim.change) : '',
          word: claim.change?.change === 'up' ? '增加' : '减少',
          priorDoc,
          priorTable: other.table.title || other.table.key,
          priorRow: other.place.row ?? '',
          priorValue: amountText(other, f.figure.unit),
        };
        const messageId = claim.basis === 'actual' && prior.kind === '预算' ? 'actualVsBudget' : claim.how;
        ctx.report({
          messageId,
          values,
          location: figurePlace(f.located, claim.at),
          related: [figurePlace(f.located, f.figure), ...(mine ? [cellPlace(mine.table, mine.row, mine.column)] : [])],
          counterpart: { document: documentRef(prior), place: other.place },
          actual: claim.how === 'change' ? null : claim.at.value,
          expected: other.value.value,
          severity: messageId === 'actualVsBudget' ? 'info' : severity,
        });
      }
    }
  },
};

export default rule;
