import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDisclosure } from '../../src/audit/engine.ts';
import { CORPUS_DIR } from '../../src/audit/testing/defect-set.ts';
import { parseBytes } from '../../src/pipeline.ts';

// 西安市民政局 2021 部门综合预算 (sources.tsv: 020_西安/民政局_2026年部门预算.pdf) explains each 款 of its spending in a
// paragraph of its own, p21–32: "（1）进修及培训（20508）102.32 万元，较上年增加…。具体为：人员经费 0.00 万元，较上年无
// 变化；公用经费 28.32 万元…" (read on the pages). Those 人员经费/公用经费 are the 款's, not the department's: tied to the
// department's totals they gave 42 false errors (narrative-table-fact against the 基本支出表's 合计, narrative-same-item
// against each other).

const FILE = 'calinchow-del__renwu/020_西安/民政局_2026年部门预算.pdf';

describe('a 款 paragraph’s own 人员经费 and 公用经费 (西安民政局 2021)', () => {
  it('are not compared with the department’s totals or with each other', async () => {
    const d = await parseBytes(new Uint8Array(readFileSync(join(CORPUS_DIR, FILE))), { fileName: '民政局.pdf' });
    const narrative = checkDisclosure(d).findings.filter(
      (f) => f.ruleId === 'narrative-table-fact' || f.ruleId === 'narrative-same-item',
    );
    const pageOf = (f: (typeof narrative)[number]) =>
      f.location.source?.kind === 'pdf' ? f.location.source.page : null;
    const inBreakdowns = narrative.filter((f) => {
      const p = pageOf(f);
      return p !== null && p >= 21 && p <= 32 && /人员经费|公用经费/.test(f.location.row ?? '');
    });
    expect(inBreakdowns).toEqual([]);
    // p20's 财政拨款 total, 70,376.87 万元 against 703,768,605.79 元 (70,376.86 万元), is the sum of the two parts the
    // sentence lists (53,598.71 + 16,778.16, each rounded from its 元 cell): rounding, an info (domain.md §6)
    expect(narrative.filter((f) => f.severity === 'error')).toEqual([]);
    expect(
      narrative.filter((f) => pageOf(f) === 20 && f.actual === '70376.87').map((f) => [f.ruleId, f.severity]),
    ).toEqual([
      ['narrative-table-fact', 'info'],
      ['narrative-table-fact', 'info'],
    ]);
  }, 120_000);
});
