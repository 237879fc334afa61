import { code, disclosure, item, table } from '../../testing/build.ts';
import { cleanFinal, setCell } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

/** 西安 2019 收支总表: 上年实户资金余额 printed below 本年收入合计 and counted in 收入总计. */
function xianSummary(grandTotal: string) {
  return disclosure({
    kind: '预算',
    tables: [
      table('budget.summary', {
        rows: [
          item('income.general_budget', { amount: '3,643.37' }, '一般公共预算拨款收入'),
          item('income.total', { amount: '3,643.37' }, '本年收入合计'),
          item('income.prior_account_balance', { amount: '40.93' }, '上年实户资金余额'),
          item('income.carryover', { amount: '11.61' }, '上年结转'),
          item('income.grand_total', { amount: grandTotal }, '收入总计'),
        ],
      }),
    ],
  });
}

/**
 * 无锡 2026 人社局 财政拨款收支总表 p23: 支出总计 152,585.76 is the sum of the printed classes, while 一、本年支出 is printed
 * 152,585.74 (itself 0.02 from the classes, rounding) and there is no 年终结转结余. `grandTotal` is 支出总计.
 */
function wuxiFiscal(grandTotal: string) {
  return disclosure({
    kind: '预算',
    tables: [
      table('budget.fiscal_summary', {
        unit: '万元',
        rows: [
          item('income.current', { amount: '152,585.76' }, '一、本年收入'),
          item('expenditure.current', { amount: '152,585.74' }, '一、本年支出'),
          item('income.general_budget', { amount: '152,585.76' }, '（一）一般公共预算拨款'),
          ...(
            [
              ['205', '11,622.00'],
              ['208', '132,364.25'],
              ['210', '841.81'],
              ['212', '2,018.00'],
              ['213', '4.85'],
              ['221', '5,734.85'],
            ] as const
          ).map(([c, v]) => code(c, { amount: v }, null, 'expenditure')),
          item('expenditure.carryover', { amount: null }, '二、年终结转结余'),
          item('income.grand_total', { amount: '152,585.76' }, '收入总计'),
          item('expenditure.grand_total', { amount: grandTotal }, '支出总计'),
        ],
      }),
    ],
  });
}

/**
 * 深圳审计局 2026 收支总表 p4 (as read): 一、财政拨款 and 三、单位资金 are group lines no template names, the 款/项 lines
 * print names only. `expenditureTotal` is 支出总计 (printed 10,737.69, as 收入总计).
 */
function shenzhenSummary(expenditureTotal: string) {
  return disclosure({
    kind: '预算',
    tables: [
      table('budget.summary', {
        unit: '万元',
        rows: [
          { kind: 'item', label: '一、财政拨款', cells: { amount: '10,737.69' }, section: 'income' },
          item('income.general_budget', { amount: '10,737.69' }, '1.一般公共预算拨款'),
          code('201', { amount: '6,960.90' }, '一、一般公共服务支出', 'expenditure_function'),
          { kind: 'item', label: '审计事务', cells: { amount: '6,960.90' }, section: 'expenditure_function' },
          item('income.total', { amount: '10,737.69' }, '本年收入合计'),
          item('expenditure_function.total', { amount: '10,737.69' }, '本年支出合计'),
          item('income.grand_total', { amount: '10,737.69' }, '收入总计'),
          item('expenditure_function.grand_total', { amount: expenditureTotal }, '支出总计'),
        ],
      }),
    ],
  });
}

const fixtures: RuleFixtures = {
  valid: [
    { name: 'a consistent final account', disclosure: cleanFinal },
    {
      name: '收入总计 = 本年收入合计 + 上年实户资金余额 + 上年结转 (西安 2019)',
      disclosure: () => xianSummary('3,695.91'),
    },
    {
      name: '支出总计 = Σ classes while 本年支出 is printed 0.02 apart from them: rounding (无锡 2026 p23)',
      disclosure: () => wuxiFiscal('152,585.76'),
    },
    {
      name: '深圳审计局 2026 p4 as printed: unnamed group lines, 收入总计 = 支出总计',
      disclosure: () => shenzhenSummary('10,737.69'),
    },
  ],
  invalid: [
    {
      name: '支出总计 beyond both 本年支出 and Σ classes (无锡 2026 p23 with 支出总计 1.00 more)',
      disclosure: () => wuxiFiscal('152,586.76'),
      expect: [
        { messageId: 'mismatch', table: 'budget.fiscal_summary', row: '支出总计', column: 'amount' },
        { messageId: 'mismatch', table: 'budget.fiscal_summary', row: '收入总计', column: 'amount' },
      ],
    },
    {
      name: '收支总表 收入总计 ≠ 本年收入合计 + 上年实户资金余额 + 上年结转',
      disclosure: () => xianSummary('3,654.98'),
      expect: [{ messageId: 'mismatch', table: 'budget.summary', row: '收入总计', column: 'amount' }],
    },
    {
      name: '04表 收入总计 left blank (seed 000)',
      disclosure: () => setCell(cleanFinal(), 'final.fiscal_summary', 'income.grand_total', 'amount', null),
      expect: [
        { messageId: 'mismatch', table: 'final.fiscal_summary', row: '总计', column: 'amount' },
        { messageId: 'mismatch', table: 'final.fiscal_summary', row: '总计', column: 'amount' },
      ],
    },
    {
      name: '收入总计 = 支出总计 is judged although unnamed lines carry amounts (深圳审计局 2026 p4, 支出总计 1.00 more)',
      disclosure: () => shenzhenSummary('10,738.69'),
      expect: [{ messageId: 'mismatch', table: 'budget.summary', row: '支出总计', column: 'amount' }],
    },
    {
      name: '06表 人员经费合计 ≠ 301 + 303',
      disclosure: () =>
        setCell(
          setCell(cleanFinal(), 'final.general_budget_basic', 'personnel_total', 'amount', '151.81'),
          'final.general_budget_basic',
          'total',
          'amount',
          '184.91',
        ),
      expect: [{ messageId: 'mismatch', table: 'final.general_budget_basic', row: '人员经费合计' }],
    },
  ],
};

export default fixtures;
