import { disclosure, item, table, total } from '../../testing/build.ts';
import { cleanFinal, inYuan, setCell } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

/**
 * 西安 2019 收支总表 and 收入总表: the 收入总表's 合计 counts 上年结转 and the regional 上年实户资金余额, which the
 * 收支总表 prints below 本年收入合计. `balance` is the 收入总表's 上年实户资金余额 cell.
 */
function xianIncome(balance: string) {
  return disclosure({
    kind: '预算',
    tables: [
      table('budget.summary', {
        rows: [
          item('income.general_budget', { amount: '3,643.37' }, '一般公共预算拨款收入'),
          item('income.total', { amount: '3,643.37' }, '本年收入合计'),
          item('income.prior_account_balance', { amount: '40.93' }, '上年实户资金余额'),
          item('income.carryover', { amount: '11.61' }, '上年结转'),
          item('income.grand_total', { amount: '3,695.91' }, '收入总计'),
        ],
      }),
      table('budget.income', {
        rows: [
          total({ total: '3,695.91', general_budget: '3,643.37', carryover: '11.61', prior_account_balance: balance }),
        ],
      }),
    ],
  });
}

/**
 * 西安 2019–2021 收支总表 and 支出总表 by fund source: the 支出总表's 合计 counts the money brought forward
 * (上年实户资金余额, 上年结转), which 应急 2019 p3/p5 leaves out of 本年支出合计 (3,643.37 = 3,695.91 − 40.93 − 11.61,
 * printed as 结转下年 52.54) and 公安 2026 p22/p24 counts in it. `spent` is the 收支总表's 本年支出合计.
 */
function xianExpenditure(spent: string) {
  return disclosure({
    kind: '预算',
    tables: [
      table('budget.summary', {
        rows: [
          item('expenditure_function.total', { amount: spent }, '本年支出合计'),
          item('expenditure_function.grand_total', { amount: '3,695.91' }, '支出总计'),
        ],
      }),
      table('budget.expenditure', {
        rows: [total({ total: '3,695.91', prior_account_balance: '40.93', carryover: '11.61' })],
      }),
    ],
  });
}

/**
 * 烟台 2026 住建局 收支总体情况表 p9 and 收入总体情况表 p10: 上级补助收入 60.00 printed below 本年收入合计 45,907.29;
 * the 收入总表's 合计 45,967.29 counts it. `subsidy` is the 收入总表's 上级补助收入 cell.
 */
function yantaiIncome(subsidy: string) {
  return disclosure({
    kind: '预算',
    tables: [
      table('budget.summary', {
        rows: [
          item('income.general_budget', { amount: '41,966.15' }, '一般公共预算收入'),
          item('income.gov_fund', { amount: '3,806.19' }, '政府性基金预算收入'),
          item('income.state_capital', { amount: '59.95' }, '国有资本经营预算收入'),
          item('income.other', { amount: '75.00' }, '五、其他收入'),
          item('income.total', { amount: '45,907.29' }, '本年收入合计'),
          item('income.superior_unit_below', { amount: '60.00' }, '上级补助收入'),
          item('income.grand_total', { amount: '45,967.29' }, '收入总计'),
        ],
      }),
      table('budget.income', {
        rows: [
          total({
            total: '45,967.29',
            general_budget: '41,966.15',
            gov_fund: '3,806.19',
            state_capital: '59.95',
            other: '75.00',
            superior_subsidy: subsidy,
          }),
        ],
      }),
    ],
  });
}

/**
 * 重庆 2026 规划和自然资源局 收支总体情况表 p11 and 财政拨款收支总体情况表 p18, whose 一般公共预算 income line the reader
 * did not name: the summary prints no 上年结转 line, so the relation adds the fiscal summary's 上年结转 一般公共预算 —
 * which alone is not the quantity compared.
 */
function chongqingUnnamedLine() {
  return disclosure({
    kind: '预算',
    tables: [
      table('budget.summary', {
        rows: [item('income.general_budget', { amount: '227,955.11' }, '一、一般公共预算资金')],
      }),
      table('budget.fiscal_summary', {
        rows: [
          item('income.current', { amount: '266,026.92' }, '一、本年收入'),
          item('income.carryover', { amount: '8,137.38' }, '二、上年结转'),
          item('income.carryover.general_budget', { amount: '4,056.23' }, '（一）一般公共预算拨款'),
        ],
      }),
    ],
  });
}

const fixtures: RuleFixtures = {
  valid: [
    {
      name: 'the compared line not printed (only the carry-over it adds is): not compared (重庆 2026 p11/p18)',
      disclosure: chongqingUnnamedLine,
    },
    { name: 'a consistent final account', disclosure: cleanFinal },
    { name: '收入总表 合计 counting 上年结转 and 上年实户资金余额 (西安 2019)', disclosure: () => xianIncome('40.93') },
    {
      name: '本年支出合计 = 支出总表 合计 − 上年实户资金余额 − 上年结转 (西安 2019 应急管理局 p3/p5)',
      disclosure: () => xianExpenditure('3,643.37'),
    },
    {
      name: '本年支出合计 = 支出总表 合计, brought-forward money counted in both (西安 2021 民政局, 2026 公安局)',
      disclosure: () => xianExpenditure('3,695.91'),
    },
    {
      name: '上级补助收入 printed below 本年收入合计 and counted in the 收入总表 合计 (烟台 2026)',
      disclosure: () => yantaiIncome('60.00'),
    },
  ],
  invalid: [
    {
      name: '收入总表 合计 − 上年结转 − 上年实户资金余额 ≠ 收支总表 本年收入合计',
      disclosure: () => xianIncome('30.93'),
      expect: [{ messageId: 'mismatch', table: 'budget.summary', row: '本年收入合计', column: 'amount' }],
    },
    {
      name: '本年支出合计 neither the 支出总表 合计 nor it less the money brought forward',
      disclosure: () => xianExpenditure('3,684.30'),
      expect: [{ messageId: 'mismatch', table: 'budget.summary', row: '本年支出合计', column: 'amount' }],
    },
    {
      name: '本年支出合计 one cent from the form without brought-forward money: rounding, info',
      disclosure: () => xianExpenditure('3,643.36'),
      expect: [
        {
          messageId: 'mismatch.rounding',
          table: 'budget.summary',
          row: '本年支出合计',
          column: 'amount',
          severity: 'info',
        },
      ],
    },
    {
      name: '收入总表 合计 − 上级补助收入 ≠ 收支总表 本年收入合计',
      disclosure: () => yantaiIncome('50.00'),
      expect: [{ messageId: 'mismatch', table: 'budget.summary', row: '本年收入合计', column: 'amount' }],
    },
    {
      name: '05表 基本支出 ≠ 06表 人员 + 公用',
      disclosure: () =>
        setCell(
          setCell(
            setCell(cleanFinal(), 'final.general_budget_basic', 'public_total', 'amount', '33.20'),
            'final.general_budget_basic',
            'total',
            'amount',
            '185.11',
          ),
          'final.general_budget_basic',
          '302',
          'amount',
          '33.20',
        ),
      expect: [{ messageId: 'mismatch', table: 'final.general_budget_expenditure', row: '合计', column: 'basic' }],
    },
    {
      name: 'seed 001: 04表本年收入合计 vs 02表 financial income in 元, 01 in 万元',
      disclosure: () => {
        const d = cleanFinal();
        inYuan(d.tables.find((t) => t.key === 'final.income')!);
        return setCell(d, 'final.income', 'total', 'fiscal', '2,896,000.00');
      },
      expect: [
        { messageId: 'mismatch', table: 'final.income', row: '合计', column: 'fiscal' },
        { messageId: 'mismatch', table: 'final.fiscal_summary', row: '本年收入合计', column: 'amount' },
      ],
    },
  ],
};

export default fixtures;
