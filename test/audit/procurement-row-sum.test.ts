import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDisclosure } from '../../src/audit/engine.ts';
import { rules } from '../../src/audit/rules/index.ts';
import { mutationRun } from '../../src/audit/testing/mutate.ts';
import { parseBytes } from '../../src/pipeline.ts';

// 政府采购支出表 by fund source: 总计 = the sources printed beside it (row-sum, CJ103). Before, the sources were
// columns no template named, so no relation covered the table: on 无锡统计局 2026 p24 44 of its 48 mutated cells
// went unreported (scripts/mutation-pdf.ts).

const dir = join(import.meta.dirname, '../fixtures/pdf');
const read = (name: string) => parseBytes(new Uint8Array(readFileSync(join(dir, name))), { fileName: name });
const rowSum = rules.filter((r) => r.meta.id === 'row-sum');

describe('政府采购支出表 row sums', () => {
  for (const [name, page, columns] of [
    // 采购品目大类 | 专项名称 | 经济科目 | 采购品目名称 | 采购组织形式 | 资金来源/一般公共预算资金 | 政府性基金 | 其他资金 | 上年结转和结余资金 | 总计
    [
      'suzhou-procurement-2026.p26.pdf',
      '苏州 交通运输局 2026 p26',
      ['general_budget', 'gov_fund', 'other', 'carryover', 'total'],
    ],
    // 项目编号 | 项目 | 总计 | 一般公共预算拨款收入 | 政府性基金预算拨款收入 | … | 其他收入
    [
      'chongqing-procurement-2026.p27.pdf',
      '重庆 规划和自然资源局 2026 p27',
      ['total', 'general_budget', 'gov_fund', 'operating', 'other'],
    ],
  ] as const) {
    it(`${page}: the printed sources are template columns, the printed table passes, every changed amount is reported at its cell`, async () => {
      const d = await read(name);
      const t = d.tables.find((x) => x.key === 'budget.procurement');
      expect(t?.status).toBe('data');
      for (const c of columns) expect(t?.columns.map((k) => k.key)).toContain(c);
      expect(
        checkDisclosure(d, {}, rowSum)
          .findings.filter((f) => f.severity !== 'info')
          .map((f) => f.message),
      ).toEqual([]);
      const os = mutationRun(name, d, rowSum, { tables: (x) => x.key === 'budget.procurement' });
      expect(os.length).toBeGreaterThan(40);
      // A change of one cent may only go unseen where it closes a rounding gap the printed line already has
      // (重庆 p27 合计: the sources add up to 110,391.00, 总计 110,390.99 — 尾数误差, an info).
      const rounded = new Set(
        checkDisclosure(d, {}, rowSum)
          .findings.filter((f) => f.messageId === 'mismatch.rounding')
          .map((f) => f.location.row),
      );
      const missed = os.filter((o) => !o.reported && !o.infoOnly);
      expect(
        missed
          .filter((o) => o.kind !== 'last-place' || !rounded.has(o.row))
          .map((o) => `${o.row}|${o.column} ${o.kind} ${o.from}→${o.to}`),
      ).toEqual([]);
      // a change of 1 万元 is never explained by rounding
      expect(os.filter((o) => o.kind === 'one' && !o.reported)).toEqual([]);
    });
  }

  it('苏州 2026 p26: a text column (采购组织形式: 集中采购 / 分散采购) does not keep 总计 from being a sum', async () => {
    const d = await read('suzhou-procurement-2026.p26.pdf');
    const t = d.tables.find((x) => x.key === 'budget.procurement')!;
    expect(t.columns.map((c) => c.key)).toContain('col:采购组织形式');
    const total = t.rows.find((r) => r.kind === 'total')!;
    total.cells.find((c) => c.column === 'general_budget')!.value = '3667.17';
    const errors = checkDisclosure(d, {}, rowSum).findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.location.row, f.location.column])).toEqual([['合计', 'total']]);
    expect(errors[0].message).toContain('一般公共预算资金');
  });
});
