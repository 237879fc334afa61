import { entries } from '../../catalog/catalog.ts';
import type { DocumentKind } from '../../model/disclosure.ts';
import { ref } from '../refs.ts';
import type { LineRelation } from './types.ts';

// Totals of the summary tables (domain.md §5 Totals): 本年收入合计 = Σ sources; 总计 = 本年合计 + 结转/结余
// lines on both sides; income 总计 = expenditure 总计; 06表 合计 = 人员经费合计 + 公用经费合计, 人员经费 = 301 + 303.
// Lines are found by item key, so it does not matter how the document numbers or orders them.

const FINAL = ['决算'] as const;
const BUDGET = ['预算'] as const;
/** Marks a group of relations as holding for one document kind. */
const ofKind = (appliesTo: readonly DocumentKind[], rels: Omit<LineRelation, 'appliesTo'>[]): LineRelation[] =>
  rels.map((r) => ({ ...r, appliesTo }));

const F01 = 'final.income_expenditure_summary';
const F04 = 'final.fiscal_summary';
const F06 = 'final.general_budget_basic';

const r01 = (item: string) => ref(F01, item, 'amount');
/** Functional classes (类) the catalogue knows: the 总表s list their spending by class. */
const CLASS_CODES = entries('function')
  .filter((e) => e.level === '类')
  .map((e) => e.code);
const fiscal = ['general_budget', 'gov_fund', 'state_capital'];

/** Summary-table line identities, evaluated by line-sum (CJ104): 决算 01/04/06表, then 预算 收支总表 and 财政拨款收支总表. */
export const LINE_RELATIONS: LineRelation[] = [
  ...ofKind(FINAL, [
    {
      name: '本年收入合计 = 各项收入之和',
      target: r01('income.total'),
      parts: [
        'general_budget',
        'gov_fund',
        'state_capital',
        'superior_subsidy',
        'business',
        'operating',
        'affiliated',
        'other',
      ].map((k) => r01(`income.${k}`)),
    },
    {
      name: '收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余',
      target: r01('income.grand_total'),
      parts: ['total', 'non_fiscal_balance_used', 'opening_balance'].map((k) => r01(`income.${k}`)),
    },
    {
      name: '支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余',
      target: r01('expenditure.grand_total'),
      parts: ['total', 'balance_distribution', 'closing_balance'].map((k) => r01(`expenditure.${k}`)),
    },
    { name: '收入总计 = 支出总计', target: r01('income.grand_total'), parts: [r01('expenditure.grand_total')] },
    {
      name: '本年收入合计 = 三项财政拨款之和',
      target: ref(F04, 'income.total', 'amount'),
      parts: fiscal.map((k) => ref(F04, `income.${k}`, 'amount')),
    },
    {
      name: '年初财政拨款结转和结余 = 三项之和',
      target: ref(F04, 'income.opening_balance', 'amount'),
      parts: fiscal.map((k) => ref(F04, `income.opening.${k}`, 'amount')),
    },
    {
      name: '收入总计 = 本年收入合计 + 年初财政拨款结转和结余',
      target: ref(F04, 'income.grand_total', 'amount'),
      parts: [ref(F04, 'income.total', 'amount'), ref(F04, 'income.opening_balance', 'amount')],
    },
    ...['total', ...fiscal].map((c) => ({
      name: '支出总计 = 本年支出合计 + 年末财政拨款结转和结余',
      target: ref(F04, 'expenditure.grand_total', c),
      parts: [ref(F04, 'expenditure.total', c), ref(F04, 'expenditure.closing_balance', c)],
    })),
    {
      name: '收入总计 = 支出总计',
      target: ref(F04, 'income.grand_total', 'amount'),
      parts: [ref(F04, 'expenditure.grand_total', 'total')],
    },
    {
      name: '合计 = 人员经费合计 + 公用经费合计',
      target: ref(F06, 'total', 'amount'),
      parts: [ref(F06, 'personnel_total', 'amount'), ref(F06, 'public_total', 'amount')],
    },
    {
      name: '人员经费合计 = 工资福利支出 + 对个人和家庭的补助',
      target: ref(F06, 'personnel_total', 'amount'),
      parts: [ref(F06, 'code:301', 'amount'), ref(F06, 'code:303', 'amount')],
    },
  ]),
  // 预算 收支总表 and 财政拨款收支总表
  ...ofKind(BUDGET, [
    {
      name: '本年收入合计 = 各项收入之和',
      target: ref('budget.summary', 'income.total', 'amount'),
      parts: [
        'general_budget',
        'gov_fund',
        'state_capital',
        'social_insurance',
        'special_account',
        'superior_fiscal',
        'business',
        'operating',
        'superior_unit',
        'affiliated',
        'other',
      ].map((k) => ref('budget.summary', `income.${k}`, 'amount')),
    },
    {
      name: '本年支出合计 = 基本支出 + 项目支出 + 事业单位经营服务支出',
      target: ref('budget.summary', 'expenditure_dept_econ.total', 'amount'),
      parts: ['basic', 'project', 'operating'].map((k) =>
        ref('budget.summary', `expenditure_dept_econ.${k}`, 'amount'),
      ),
    },
    // The 收支总表's 部门预算经济分类 part lists the classes under 基本支出 and the 按项目管理 lines under 项目支出 (seed 004).
    {
      name: '基本支出 = 工资福利支出 + 商品和服务支出 + 对个人和家庭的补助',
      target: ref('budget.summary', 'expenditure_dept_econ.basic', 'amount'),
      parts: ['301', '302', '303'].map((c) => ref('budget.summary', `code:${c}`, 'amount')),
    },
    {
      name: '项目支出 = 按项目管理的工资福利、商品和服务、对个人和家庭的补助 + 其余经济分类',
      target: ref('budget.summary', 'expenditure_dept_econ.project', 'amount'),
      parts: [
        ...['project_wages', 'project_goods', 'project_family'].map((k) =>
          ref('budget.summary', `expenditure_dept_econ.${k}`, 'amount'),
        ),
        ...['307', '309', '310', '311', '312', '313', '399'].map((c) => ref('budget.summary', `code:${c}`, 'amount')),
      ],
    },
    {
      name: '本年支出 = 各类支出之和',
      target: ref('budget.fiscal_summary', 'expenditure.current', 'amount'),
      parts: CLASS_CODES.map((c) => ref('budget.fiscal_summary', `code:${c}`, 'amount')),
    },
    {
      name: '本年支出合计 = 各类支出之和（按功能分类）',
      target: ref('budget.summary', 'expenditure_function.total', 'amount'),
      parts: CLASS_CODES.map((c) => ref('budget.summary', `code:${c}`, 'amount')),
    },
    {
      name: '本年收入 = 一般公共预算 + 政府性基金 + 国有资本经营预算',
      target: ref('budget.fiscal_summary', 'income.current', 'amount'),
      parts: ['general_budget', 'gov_fund', 'state_capital'].map((k) =>
        ref('budget.fiscal_summary', `income.${k}`, 'amount'),
      ),
    },
    {
      name: '支出总计 = 本年支出 + 年终结转结余',
      target: ref('budget.fiscal_summary', 'expenditure.grand_total', 'amount'),
      parts: [
        ref('budget.fiscal_summary', 'expenditure.current', 'amount'),
        ref('budget.fiscal_summary', 'expenditure.carryover', 'amount'),
      ],
    },
    {
      // 上年实户资金余额 and 用事业基金弥补收支差额: regional lines of money brought forward (西安 2019), printed below 本年收入合计
      name: '收入总计 = 本年收入合计 + 上年结转结余（+ 上年实户资金余额 + 用事业基金弥补收支差额 + 列在其下的上级补助收入、附属单位上缴收入）',
      target: ref('budget.summary', 'income.grand_total', 'amount'),
      parts: [
        'total',
        'carryover',
        'prior_account_balance',
        'fund_balance_used',
        'superior_unit_below',
        'affiliated_below',
      ].map((k) => ref('budget.summary', `income.${k}`, 'amount')),
    },
    ...['expenditure_function', 'expenditure_dept_econ', 'expenditure_gov_econ'].flatMap((s) => [
      {
        name: '支出总计 = 本年支出合计 + 年终结转结余',
        target: ref('budget.summary', `${s}.grand_total`, 'amount'),
        parts: [ref('budget.summary', `${s}.total`, 'amount'), ref('budget.summary', `${s}.carryover`, 'amount')],
      },
      {
        name: '收入总计 = 支出总计',
        target: ref('budget.summary', `${s}.grand_total`, 'amount'),
        parts: [ref('budget.summary', 'income.grand_total', 'amount')],
      },
    ]),
    {
      name: '收入总计 = 本年收入 + 上年结转',
      target: ref('budget.fiscal_summary', 'income.grand_total', 'amount'),
      parts: [
        ...fiscal.map((k) => ref('budget.fiscal_summary', `income.${k}`, 'amount')),
        ref('budget.fiscal_summary', 'income.carryover', 'amount'),
      ],
    },
    {
      name: '本年收入 = 三项财政拨款之和',
      target: ref('budget.fiscal_summary', 'income.current', 'amount'),
      parts: fiscal.map((k) => ref('budget.fiscal_summary', `income.${k}`, 'amount')),
    },
    // 深圳 prints a 财政拨款 line over the three sources, and splits 上年结余、结转 by source
    {
      name: '财政拨款 = 三项财政拨款之和',
      target: ref('budget.fiscal_summary', 'income.fiscal', 'amount'),
      parts: fiscal.map((k) => ref('budget.fiscal_summary', `income.${k}`, 'amount')),
    },
    {
      name: '上年结转 = 三项财政拨款结转之和',
      target: ref('budget.fiscal_summary', 'income.carryover', 'amount'),
      parts: fiscal.map((k) => ref('budget.fiscal_summary', `income.carryover.${k}`, 'amount')),
    },
    // 深圳's 收支总表 groups its sources (一、财政拨款 / 三、单位资金) and splits 上年结余、结转 into 财政拨款 / 非财政拨款
    {
      name: '财政拨款 = 三项财政拨款之和',
      target: ref('budget.summary', 'income.fiscal', 'amount'),
      parts: fiscal.map((k) => ref('budget.summary', `income.${k}`, 'amount')),
    },
    {
      name: '单位资金 = 事业收入 + 事业单位经营收入 + 上级补助收入 + 附属单位上缴收入 + 其他收入',
      target: ref('budget.summary', 'income.unit_funds', 'amount'),
      parts: ['business', 'operating', 'superior_unit', 'affiliated', 'other'].map((k) =>
        ref('budget.summary', `income.${k}`, 'amount'),
      ),
    },
    {
      name: '上年结余、结转 = 财政拨款结余、结转 + 非财政拨款结余、结转',
      target: ref('budget.summary', 'income.carryover', 'amount'),
      parts: ['fiscal', 'non_fiscal'].map((k) => ref('budget.summary', `income.carryover.${k}`, 'amount')),
    },
    {
      name: '收入总计 = 支出总计',
      target: ref('budget.fiscal_summary', 'income.grand_total', 'amount'),
      parts: [ref('budget.fiscal_summary', 'expenditure.grand_total', 'amount')],
    },
  ]),
];
