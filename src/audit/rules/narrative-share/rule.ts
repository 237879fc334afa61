import { toFixedString } from '../../../model/decimal.ts';
import { percentText, ratioMayEqual } from '../../interval.ts';
import { shares } from '../../narrative/facts.ts';
import { figureInterval, figurePlace, figures, figureText, paragraphs } from '../../narrative/tokens.ts';
import type { Rule, RuleContext } from '../../types.ts';
import { cellValue, unitOf } from '../../cells.ts';
import { termPlace } from '../../equation.ts';
import { shift } from '../../interval.ts';
import { ref, term, type CellRef } from '../../refs.ts';
import type { Share } from '../../narrative/facts.ts';
import type { Located } from '../../narrative/tokens.ts';

// Shares stated in the narrative ("基本支出185.01万元，占63.86%") agree with the amounts they are computed from:
// the part just before and the whole the sentence names ("占基本支出的") or the list hangs from ("支出合计289.70
// 万元，其中：…"). Tested on intervals: all three printed figures are rounded, so the share fails only when no
// true amounts inside their intervals give a share that rounds to the printed one.

// A whole named but not stated in the text (“占本年支出合计的99.75%”) is read from the table that prints it.
const TABLE_WHOLES: [RegExp, CellRef][] = [
  [/^(本年)?支出合计$/, ref('final.income_expenditure_summary', 'expenditure.total', 'amount')],
  [/^(本年)?收入合计$/, ref('final.income_expenditure_summary', 'income.total', 'amount')],
];

function checkAgainstTable(ctx: RuleContext, l: Located, s: Share): void {
  const hit = s.wholeName ? TABLE_WHOLES.find(([re]) => re.test(s.wholeName!)) : undefined;
  if (!hit || !s.part.unit || !ctx.table(hit[1].table)) return;
  const t = term(ctx, hit[1]);
  const cv = t && cellValue(t.table, t.row, t.column);
  const unit = t && unitOf(ctx.disclosure, t.table);
  if (!t || !cv || cv.blank || !unit) return;
  // bring both to 元 when they differ
  const part = figureInterval(s.part, unit === '元');
  const whole = unit === '万元' && s.part.unit === '元' ? shift(cv.interval, 4) : cv.interval;
  const ok = ratioMayEqual(part, whole, figureInterval(s.pct));
  if (ok) return;
  ctx.report({
    messageId: 'mismatch',
    values: {
      part: s.part.label || figureText(s.part),
      partEn: s.part.label || figureText(s.part),
      whole: s.wholeName!,
      wholeEn: s.wholeName!,
      stated: figureText(s.pct),
      partValue: figureText(s.part),
      wholeValue: `${toFixedString(cv.value)}${unit}`,
      computed: '—',
    },
    location: figurePlace(l, s.pct),
    related: [termPlace(t)],
    actual: toFixedString(s.pct.value),
  });
}

const rule: Rule = {
  meta: {
    id: 'narrative-share',
    code: 'CJ302',
    title: { zh: '说明中的占比与金额相符', en: 'Shares stated in the narrative agree with the amounts' },
    category: 'narrative',
    severity: 'error',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      'mismatch.rounding': {
        zh: '说明称“{part}”占“{whole}”的 {stated}，按 {partValue} ÷ {wholeValue} 计算为 {computed}，差异可由尾数误差解释',
        en: 'The narrative says {partEn} is {stated} of {wholeEn}; {partValue} / {wholeValue} gives {computed}, a difference rounding explains',
      },
      mismatch: {
        zh: '说明称“{part}”占“{whole}”的 {stated}，按 {partValue} ÷ {wholeValue} 计算应为 {computed}，尾数误差无法解释',
        en: 'The narrative says {partEn} is {stated} of {wholeEn}, but {partValue} / {wholeValue} gives {computed}, more than rounding explains',
      },
    },
  },
  check(ctx) {
    for (const l of paragraphs(ctx.disclosure)) {
      const text = l.text;
      const figs = figures(text);
      for (const s of shares(text, figs)) {
        if (!s.whole) {
          checkAgainstTable(ctx, l, s);
          continue;
        }
        if (s.whole.unit !== s.part.unit) continue;
        const ok = ratioMayEqual(figureInterval(s.part), figureInterval(s.whole), figureInterval(s.pct));
        const computed = percentText(s.part.value, s.whole.value, s.pct.decimals);
        if (ok && (computed === null || computed === toFixedString(s.pct.value))) continue;
        ctx.report({
          messageId: ok ? 'mismatch.rounding' : 'mismatch',
          values: {
            part: s.part.label || figureText(s.part),
            partEn: s.part.label || figureText(s.part),
            whole: s.whole.label || figureText(s.whole),
            wholeEn: s.whole.label || figureText(s.whole),
            stated: figureText(s.pct),
            partValue: figureText(s.part),
            wholeValue: figureText(s.whole),
            computed: computed ? `${computed}%` : '—',
          },
          location: figurePlace(l, s.pct),
          expected: computed,
          actual: toFixedString(s.pct.value),
          severity: ok ? 'info' : undefined,
        });
      }
    }
  },
};

export default rule;
