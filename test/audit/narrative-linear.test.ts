import { describe, expect, it } from 'vitest';
import { checkDisclosure } from '../../src/audit/engine.ts';
import { changes, shares, threeNumbers } from '../../src/audit/narrative/facts.ts';
import { figures } from '../../src/audit/narrative/tokens.ts';
import { unbalanced } from '../../src/audit/rules/punctuation/rule.ts';
import { readText } from '../../src/read/text/read-text.ts';
import { recognise } from '../../src/recognise/recognise.ts';
import { seedText } from '../helpers/seeds.ts';

// The narrative rules read each paragraph in time linear in its length (issue 13.5). Before, a 160 000-character
// line took 4.6 s and a 10 MB line minutes: per figure, the facts scanned the text back to its start (bracket
// depth, 其中, the numbered item), filtered every figure, and the figures were found again by every rule.
// The bounds below are generous for a loaded machine and far below what the quadratic reading took on the
// same input (measured: the rules on a 640 000-character line went from 14 s for the facts alone, and minutes
// overall, to under 3 s).

/** A realistic paragraph repeated: levels, changes with rates, shares, a list after 其中, brackets, stops. */
function longParagraph(chars: number): string {
  const unit =
    '本年支出合计1234.56万元，比上年增加12.34万元，增长1.01%，主要原因是人员增加（含退休人员）。' +
    '其中：基本支出1000.00万元，占本年支出合计的81.00%；项目支出234.56万元，占19.00%；' +
    '上年执行数1222.22万元，本年安排1234.56万元，比上年增加1.01%。';
  let s = '';
  while (s.length < chars) s += unit;
  return s;
}

function withLongLine(chars: number) {
  const lines = seedText('000').split('\n');
  const at = lines.findIndex((l) => /收入支出决算总体情况说明/.test(l));
  expect(at).toBeGreaterThan(0);
  lines.splice(at + 1, 0, longParagraph(chars));
  return recognise(readText(lines.join('\n')), {});
}

describe('narrative rules are linear in paragraph length', () => {
  it('audits a document with a 400 000-character paragraph in time that grows linearly with its length', () => {
    // Time is compared with a quarter-length paragraph read the same way, not with a wall-clock bound: a loaded
    // machine slows both alike (a shared 2-core CI box took 28 s for what an idle one does in 5), while the
    // quadratic reading took 16× as long for 4× the text. Linear is 4×; 10× leaves room for noise.
    const timed = (chars: number) => {
      const d = withLongLine(chars);
      const started = performance.now();
      const result = checkDisclosure(d);
      return { d, result, ms: performance.now() - started };
    };
    timed(20_000); // warm-up: compiled code and caches for both runs alike
    const quarter = timed(100_000);
    const { d, result, ms } = timed(400_000);
    const longest = Math.max(...d.sections.flatMap((s) => s.paragraphs.map((p) => p.text.length)));
    expect(longest).toBeGreaterThanOrEqual(400_000);
    expect(
      ms / quarter.ms,
      `${Math.round(quarter.ms)} ms for 100 000 characters, ${Math.round(ms)} ms for 400 000`,
    ).toBeLessThan(10);
    // The paragraph was read, not skipped: its changes and shares were paired with their amounts.
    const text = d.sections.flatMap((s) => s.paragraphs).find((p) => p.text.length >= 400_000)!.text;
    const figs = figures(text);
    expect(changes(figs, text).filter((c) => c.current !== null).length).toBeGreaterThan(1000);
    expect(shares(text, figs).filter((s) => s.whole !== null).length).toBeGreaterThan(1000);
    expect(threeNumbers(figs, d.fiscalYear).length).toBeGreaterThan(1000);
    expect(result.summary.errors + result.summary.warnings + result.summary.infos).toBeGreaterThan(0);
  }, 180_000);

  it('figures: a million digits without a unit are passed over in linear time', () => {
    const started = performance.now();
    expect(figures('1'.repeat(1_000_000) + ' 说明')).toEqual([]);
    expect(figures('合计' + '9'.repeat(200_000) + '万元，其他12.5万元')).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('punctuation: unmatched brackets of one family and closers of another are judged in linear time', () => {
    const text = '（'.repeat(300_000) + '”'.repeat(300_000);
    const started = performance.now();
    const u = unbalanced(text);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(u).not.toBeNull();
    expect(u!.mark).toBe('”');
  });
});
