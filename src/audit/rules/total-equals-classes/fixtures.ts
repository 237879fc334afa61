import type { Disclosure } from '../../../model/disclosure.ts';
import { code, disclosure, table, total } from '../../testing/build.ts';
import { cleanFinal, setCell } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

/**
 * The 01表's class 210 printed again right below itself (深圳 2026 收支总表: 五、其他支出 followed by its 款 and
 * 项, all named 其他支出 and read as class 229), with the same amount or, as a misread code column gives
 * (万里街道 2024: 款 "2", "7" under 类 301), with another amount.
 */
function classRepeated(amount: string | null): Disclosure {
  const d = cleanFinal();
  const t = d.tables.find((x) => x.key === 'final.income_expenditure_summary')!;
  const i = t.rows.findIndex((r) => r.code === '210');
  const copy = structuredClone(t.rows[i]);
  copy.label = '行政事业单位医疗';
  if (amount !== null) copy.cells = copy.cells.map((c) => ({ ...c, text: amount, value: amount }));
  t.rows.splice(i + 1, 0, copy);
  return d;
}

/**
 * 无锡 2026 人社局 财政拨款基本支出表 p27 (合计 column): 合计 26,790.33 is the sum of the printed 项, while
 * 301 + 302 + 303 = 26,790.31 because 301 (23,647.92) is 0.02 below its 项 (23,647.94) — rounding at the class level.
 */
function wuxiBasic(grandTotal: string, wages: string): Disclosure {
  const lines: [string, string][] = [
    ['30101', '3,720.78'],
    ['30102', '6,476.31'],
    ['30103', '3,055.68'],
    ['30106', '0.01'],
    ['30107', '3,606.12'],
    ['30108', '1,924.13'],
    ['30109', '962.08'],
    ['30110', '841.81'],
    ['30112', '169.65'],
    ['30113', '1,834.32'],
    ['30114', '99.45'],
    ['30199', '957.60'],
  ];
  return disclosure({
    kind: '预算',
    tables: [
      table('budget.fiscal_basic', {
        unit: '万元',
        rows: [
          total({ total: grandTotal }),
          code('301', { total: wages }, '工资福利支出'),
          ...lines.map(([c, v]) => code(c, { total: v })),
          code('302', { total: '1,259.82' }, '商品和服务支出'),
          ...(
            [
              ['30201', '506.66'],
              ['30215', '13.55'],
              ['30216', '70.70'],
              ['30217', '24.82'],
              ['30228', '302.13'],
              ['30231', '18.60'],
              ['30239', '221.30'],
              ['30299', '102.06'],
            ] as const
          ).map(([c, v]) => code(c, { total: v })),
          code('303', { total: '1,882.57' }, '对个人和家庭的补助'),
          ...(
            [
              ['30301', '66.45'],
              ['30302', '1,799.53'],
              ['30303', '2.24'],
              ['30305', '3.78'],
              ['30309', '1.53'],
              ['30399', '9.04'],
            ] as const
          ).map(([c, v]) => code(c, { total: v })),
        ],
      }),
    ],
  });
}

const fixtures: RuleFixtures = {
  valid: [
    { name: 'a consistent final account', disclosure: cleanFinal },
    {
      name: 'a class line repeated with its amount (its 款 and 项 of the same name, 深圳 2026) counts once',
      disclosure: () => classRepeated(null),
    },
    {
      name: 'a class code printed twice with different amounts (misread code column, 万里街道 2024): classes unknown, no sum',
      disclosure: () => classRepeated('11.01'),
    },
    {
      name: '合计 = Σ printed 项 while Σ classes is 0.02 short: a class rounded apart from its 项 (无锡 2026 p27), rounding',
      disclosure: () => wuxiBasic('26,790.33', '23,647.92'),
    },
  ],
  invalid: [
    {
      name: '合计 beyond both Σ classes and Σ 项 (无锡 2026 p27 with 合计 1.00 more)',
      disclosure: () => wuxiBasic('26,791.33', '23,647.92'),
      expect: [{ messageId: 'mismatch', table: 'budget.fiscal_basic', row: '合计', column: 'total' }],
    },
    {
      name: 'a class that disagrees with its own 项 does not widen the test (301 printed 23,637.92)',
      disclosure: () => wuxiBasic('26,790.33', '23,637.92'),
      expect: [{ messageId: 'mismatch', table: 'budget.fiscal_basic', row: '合计', column: 'total' }],
    },
    {
      name: '01表 本年支出合计 ≠ Σ classes',
      disclosure: () => setCell(cleanFinal(), 'final.income_expenditure_summary', '221', 'amount', '13.70'),
      expect: [
        { messageId: 'mismatch', table: 'final.income_expenditure_summary', row: '本年支出合计', column: 'amount' },
      ],
    },
    {
      name: 'a repeated class line still counts once when another class is wrong',
      disclosure: () => setCell(classRepeated(null), 'final.income_expenditure_summary', '221', 'amount', '13.70'),
      expect: [
        { messageId: 'mismatch', table: 'final.income_expenditure_summary', row: '本年支出合计', column: 'amount' },
      ],
    },
    {
      name: '06表 合计 ≠ Σ economic classes (seed 001: 310 printed outside the total)',
      disclosure: () => setCell(cleanFinal(), 'final.general_budget_basic', '310', 'amount', '3.28'),
      expect: [{ messageId: 'mismatch', table: 'final.general_budget_basic', row: '合计', column: 'amount' }],
    },
  ],
};

export default fixtures;
