import { describe, expect, it } from 'vitest';
import { checkDisclosure } from '../../src/audit/engine.ts';
import { rules } from '../../src/audit/rules/index.ts';
import { readTemplateWorkbook } from '../../src/author/read-workbook.ts';
import { writeTemplate } from '../../src/author/template.ts';
import { toFixedString, add, parseDecimal } from '../../src/model/decimal.ts';
import type { Disclosure } from '../../src/model/disclosure.ts';
import { tableByKey, totalRow } from '../../src/model/query.ts';
import { parseBytes } from '../../src/pipeline.ts';
import { renderDocx } from '../../src/render/docx.ts';
import { fillTemplate } from '../author/fill.ts';
import { seedModel } from '../helpers/seeds.ts';

// A synthetic pair made the way a department makes its documents (issue 12 done-when): `caijian template` for two
// years, filled with seed 004's tables (湖南, 2023 budget), `caijian render` to Word, read back. This year's 上年数
// sheet states last year's figures; one of them is changed by 1.00 万元, and the cross-document rules must find it at
// the sentence that restates it, pointing at last year's cell.

const crossRules = rules.filter((r) => r.meta.counterpart);

async function authored(year: number, prior?: Record<string, string>): Promise<Disclosure> {
  const seed = seedModel('004');
  const filled = await fillTemplate(await writeTemplate({ kind: '预算', year }), seed, { prior });
  const { disclosure } = await readTemplateWorkbook(filled, `authored-${year}.xlsx`);
  return parseBytes(await renderDocx(disclosure), { fileName: `authored-${year}.docx` });
}

describe('cross-document rules on an authored pair (template → fill → render → read)', async () => {
  const last = await authored(2022);
  // the 三公 total as last year's table prints it; this year states it 1.00 万元 higher
  const threePublic = toFixedString(
    parseDecimal(totalRow(tableByKey(last, 'budget.three_public')!)!.cells.find((c) => c.column === 'total')!.value!)!,
  );
  const changed = toFixedString(add(parseDecimal(threePublic)!, parseDecimal('1.00')!));

  it('finds nothing when this year’s 上年数 are last year’s figures', async () => {
    const d = await authored(2023, { 'prior.threePublic': threePublic });
    const res = checkDisclosure(d, { prior: last }, crossRules);
    expect(res.findings.filter((f) => f.severity !== 'info').map((f) => f.message)).toEqual([]);
  });

  it('catches one prior-year figure changed by 1.00 万元, at the sentence that restates it', async () => {
    const d = await authored(2023, { 'prior.threePublic': changed });
    const sentence = d.sections
      .flatMap((s) => s.paragraphs)
      .find((p) => /“三公”经费预算/.test(p.text) && /与上年相比，减少1\.00万元/.test(p.text));
    expect(sentence, 'the rendered narrative restates the 三公 total with its change').toBeTruthy();
    const res = checkDisclosure(d, { prior: last }, crossRules);
    // “与上年相比” in a budget may mean last year's budget or its execution: a warning, not an error
    const hits = res.findings.filter((f) => f.severity !== 'info');
    expect(hits.map((f) => f.message)).toHaveLength(1);
    const [f] = hits;
    expect(f.ruleId).toBe('prior-year-narrative');
    expect(f.severity).toBe('warning');
    expect(f.location.table).toBe('narrative');
    // the change “减少1.00万元” in that sentence, and last year's 三公 table
    expect(f.location.source).toEqual(sentence!.segments[0].place);
    expect(f.values.change).toBe('1.00万元');
    expect(f.values.stated).toBe(`${changed}万元`);
    expect(f.counterpart?.document).toMatchObject({ fiscalYear: 2022, kind: '预算', fileName: 'authored-2022.docx' });
    expect(f.counterpart?.place.table).toBe('budget.three_public');
    expect(f.counterpart?.place.column).toBe('total');
    expect(f.expected).toBe(threePublic);
  });

  it('does not run without the prior document, nor with a document two years back', async () => {
    const d = await authored(2023, { 'prior.threePublic': changed });
    expect(checkDisclosure(d, {}, crossRules).findings).toEqual([]);
    expect(checkDisclosure(d, { prior: { ...last, fiscalYear: 2021 } }, crossRules).findings).toEqual([]);
  });
});
