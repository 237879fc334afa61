import { col, INCOME_EXPENDITURE_SECTIONS, item, PERFORMANCE_HEADER } from './build.ts';
import type { ColumnTemplate, ItemTemplate, SectionTemplate, TableTemplate } from './types.ts';

// 部门预算 tables (domain.md §3): no single national set. These are the kinds seed 004 (Hunan, 26 tables) prints
// and seed 003's list names (short titles such as "基本-工资福利", "商品服务(政府预算)"), with the long titles
// the corpus uses. Economic-class columns of the long tables get keys from the catalogue (econColumns).

// 深圳 heads the total column of its 支出总表 and 一般公共预算支出表 "支出总计"; 广州's one-column economic tables
// head it "预算".
const total = col('total', '合计', /^(总计|合计|金额合计|本年支出合计|支出总计|收入总计|预算|预算数)$/);

// Money brought forward, printed beside this year's sources and counted in 总计 but not in this year's income:
// 上年结转, 使用非财政拨款结余, and regional sources (西安: 上年实户资金余额, 用事业基金弥补收支差额). 西安 prints its
// 支出总表 by fund source too, with the same columns (2019–2026).
const broughtForwardColumns: ColumnTemplate[] = [
  col('carryover', '上年结转', /^上年结(转|余)[、和及]?(结(余|转))?(\/(小计|合计))?$/),
  col('non_fiscal_balance', '使用非财政拨款结余', /^使用非财政拨款结余/),
  col('prior_account_balance', '上年实户资金余额', /^上年实户资金余额$/),
  col('fund_balance_used', '用事业基金弥补收支差额', /^用事业基金弥补收支差额$/),
];

const expenditureColumns: ColumnTemplate[] = [
  // 广州 heads its 一般公共预算/政府性基金/国有资本经营预算支出情况表 X预算支出/小计 | 其中：基本支出 | 项目支出
  { ...total, match: [...total.match, /^(一般公共预算|政府性基金预算|国有资本经营预算)支出\/(小计|合计)$/] },
  col(
    'basic',
    '基本支出',
    /^基本支出(\/(小计|合计))?$/,
    /^(一般公共预算|政府性基金预算|国有资本经营预算)支出\/其中:基本支出$/,
  ),
  col('basic_wages', '基本支出/工资福利支出', /基本支出.*\/工资福利支出$/, /^人员经费\/工资福利支出$/),
  col('basic_goods', '基本支出/商品和服务支出', /基本支出.*\/(一般)?商品和服务支出$/),
  col('basic_family', '基本支出/对个人和家庭的补助', /基本支出.*\/对个人和家庭的补助$/),
  // 西安 heads its 一般公共预算支出明细表 合计 | 人员经费支出 | 公用经费支出 | 专项业务经费支出 (its name for 项目支出)
  col('basic_personnel', '人员经费', /^基本支出\/人员(经费|支出)$/, /^人员经费(支出)?$/),
  // 杭州 heads it 基本支出/日常公用支出
  col('basic_public', '公用经费', /^(基本支出\/)?公用经费(支出)?$/, /^(基本支出\/)?日常公用(经费|支出)$/),
  col('project', '项目支出', /^项目支出(\/(小计|合计))?$/, /^专项业务经费(支出)?$/),
  col('operating', '事业单位经营支出', /经营支出$/),
  col('upper_remit', '上缴上级支出', /^上缴上级支出$/),
  col('subsidy_affiliated', '对附属单位补助支出', /^对附属单位补助(支出)?$/),
  // 江苏 prints the unit's reserve beside 基本支出 and 项目支出 (合计 = 基本 + 项目 + 单位预留机动经费)
  col('reserve', '单位预留机动经费', /^单位预留机动经费$/),
  ...broughtForwardColumns,
  // 深圳's 支出总表 also prints how much of the spending is purchased (2026年政府采购项目/小计, then two 其中 columns for
  // the share reserved to small firms): a breakdown of its own, not a term of 支出总计
  { ...col('procurement', '政府采购项目/小计', /政府采购项目\/(小计|合计)$/), optional: true },
  {
    ...col('procurement.sme', '政府采购项目/其中：预留给中小企业的项目资金规模', /政府采购项目\/其中:.*预留给中小企业/),
    optional: true,
  },
  {
    ...col(
      'procurement.small',
      '政府采购项目/其中：预留给小型、微型企业的项目资金规模',
      /政府采购项目\/其中:.*预留给小型、?微型企业/,
    ),
    optional: true,
  },
];

// 杭州 splits 上年结转结余 by source (上年结转结余/小计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算 | 财政专户管理资金 |
// 单位资金): listed before the sources, whose patterns would take these headers.
const CARRIED = '^上年结(转|余)[、和及]?(结(余|转))?\\/';
const carryoverBySource: ColumnTemplate[] = [
  col('carryover.general_budget', '上年结转结余/一般公共预算', new RegExp(`${CARRIED}一般公共预算`)),
  col('carryover.gov_fund', '上年结转结余/政府性基金预算', new RegExp(`${CARRIED}政府性基金`)),
  col('carryover.state_capital', '上年结转结余/国有资本经营预算', new RegExp(`${CARRIED}国有资本经营`)),
  col('carryover.special_account', '上年结转结余/财政专户管理资金', new RegExp(`${CARRIED}财政专户`)),
  col('carryover.unit_funds', '上年结转结余/单位资金', new RegExp(`${CARRIED}(单位资金|非财政拨款)`)),
];

const incomeColumns: ColumnTemplate[] = [
  total,
  ...carryoverBySource,
  // 广州 prints 财政专户拨款收入 as its two parts, 教育收费 | 其他专户收入拨款, with no subtotal
  col('special_account.education', '财政专户拨款收入/教育收费', /^财政专户(管理资金|拨款)(收入)?\/教育收费$/),
  col(
    'special_account.other',
    '财政专户拨款收入/其他专户收入拨款',
    /^财政专户(管理资金|拨款)(收入)?\/其他专户收入(拨款)?$/,
  ),
  // Where 合计 also counts 上年结转结余 (北京), the current year's income is printed as its own subtotal.
  col('current_total', '本年收入/小计', /^本年收入(\/(小计|合计))?$/),
  col('general_budget', '一般公共预算拨款收入', /一般公共预算/),
  col('gov_fund', '政府性基金预算拨款收入', /政府性基金/),
  col('state_capital', '国有资本经营预算拨款收入', /国有资本经营/),
  col('special_account', '财政专户管理资金收入', /财政专户/),
  col('business', '事业收入', /^事业收入$/),
  col('operating', '事业单位经营收入', /经营收入$/),
  col('superior_subsidy', '上级补助收入', /上级(单位|财政)?补助收入$/),
  col('affiliated', '附属单位上缴收入', /附属单位上缴收入$/),
  col('other', '其他收入', /^其他收入$/),
  ...broughtForwardColumns,
];

// 政府采购支出表 by fund source: 重庆 heads the sources as the 收入总表 does (一般公共预算拨款收入 …); 无锡 and 苏州 2026
// print them under 资金来源 as 一般公共预算资金 | 政府性基金 | 其他资金 | 上年结转和结余资金, then 总计.
const procurementColumns: ColumnTemplate[] = [
  // 西安 lists each purchase with one amount, 预算金额
  { ...total, match: [...total.match, /^预算金额$/] },
  ...incomeColumns.filter((c) => c.key !== 'total' && c.key !== 'other' && c.key !== 'carryover'),
  col('other', '其他资金', /^其他收入$/, /(^|\/)其他资金$/),
  col('carryover', '上年结转和结余资金', /^上年结(转|余)(结(余|转))?$/, /(^|\/)上年结转(和|及)?结余资金$/),
];

// 深圳 prints its 基本支出总表 and 项目支出总表 by fund source, headed as its 收入总表 is (总计 | 财政拨款/小计 |
// 财政拨款/一般公共预算拨款 | … | 财政专户管理资金 | 单位资金/事业收入 | … | 上年结余、结转; 项目支出总表 under
// "2026年预算/"): total = Σ sources, 财政拨款/小计 = the three fiscal sources (row-sum).
const fundSourceColumns: ColumnTemplate[] = [
  col('fiscal_total', '财政拨款/小计', /(^|\/)财政拨款\/(小计|合计)$/),
  col('general_budget', '一般公共预算拨款', /(^|\/)一般公共预算(拨款)?(收入|资金)?$/),
  col('gov_fund', '政府性基金预算拨款', /(^|\/)政府性基金(预算)?(拨款)?(收入|资金)?$/),
  col('state_capital', '国有资本经营预算拨款', /(^|\/)国有资本经营(预算)?(拨款)?(收入|资金)?$/),
  // 广州: 财政专户拨款 | 其他资金
  col('special_account', '财政专户管理资金', /(^|\/)财政专户管理资金(收入)?$/, /^财政专户拨款$/),
  col('unit_total', '单位资金/小计', /(^|\/)单位资金(\/(小计|合计))?$/),
  col('business', '事业收入', /(^|\/)事业收入$/),
  col('operating', '事业单位经营收入', /(^|\/)事业单位经营收入$/),
  col('superior_subsidy', '上级补助收入', /(^|\/)上级(单位)?补助收入$/),
  col('affiliated', '附属单位上缴收入', /(^|\/)附属单位上缴收入$/),
  col('other', '其他收入', /(^|\/)其他收入$/, /^其他资金$/),
  col('non_fiscal_balance', '使用非财政拨款结余', /(^|\/)使用非财政拨款结余/),
  col('carryover', '上年结余、结转', /(^|\/)上年结(转|余)[、和及]?(结(余|转))?(资金)?$/),
];

const threePublicWithMeetingsPlain: ColumnTemplate[] = [
  col('total', '合计', /^合计$/),
  // 西安: 一般公共预算拨款安排的“三公”经费预算/小计
  col('three_public_total', '“三公”经费/小计', /^三公经费(\/(小计|合计))?$/, /三公经费(预算)?\/(小计|合计)$/),
  col('abroad', '因公出国(境)费', /因公出国/),
  col('vehicle_total', '公务用车购置及运行费/小计', /公务用车购置及运行(维护)?费(\/(小计|合计))?$/),
  col('vehicle_purchase', '公务用车购置费', /公务用车购置费$/),
  col('vehicle_operation', '公务用车运行费', /公务用车运行(维护)?费$/),
  col('reception', '公务接待费', /公务接待费$/),
  col('meeting', '会议费', /会议费$/),
  col('training', '培训费', /培训费$/),
  col('operating_costs', '机关运行经费', /机关运行(经)?费$/),
  // 广州's 财政拨款安排的行政经费及“三公”经费预算表 lists the items as lines, by fund: 合计 | 一般公共预算 | 政府性基金预算 |
  // 国有资本经营预算
  { ...col('general_budget', '一般公共预算', /^一般公共预算$/), optional: true },
  { ...col('gov_fund', '政府性基金预算', /^政府性基金预算$/), optional: true },
  { ...col('state_capital', '国有资本经营预算', /^国有资本经营预算$/), optional: true },
];

// 西安 prints the table three times side by side: 上年 | 当年 | 增减变化情况, each 合计 | “三公”经费 (小计 | 因公出国 | 公务接待 |
// 公务用车 …) | 会议费 | 培训费. 当年 keeps the table's keys; the prior year's columns are `prior.*`, the change `change.*`
// (listed first: the plain patterns would take their headers).
const underGroup = (group: string, keyPrefix: string, labelPrefix: string): ColumnTemplate[] =>
  threePublicWithMeetingsPlain.map((c) => ({
    ...c,
    key: `${keyPrefix}${c.key}`,
    label: `${labelPrefix}/${c.label}`,
    match: c.match.map((re) => new RegExp(`^${group}\\/.*?(?:${re.source.replace(/^\^/, '')})`)),
    optional: true,
  }));
const threePublicWithMeetingsColumns: ColumnTemplate[] = [
  ...underGroup('上年', 'prior.', '上年'),
  ...underGroup('增减(变化)?(情况)?', 'change.', '增减变化情况'),
  ...threePublicWithMeetingsPlain,
];

// 深圳 prints each 三公 item by fund (总计 | 因公出国(境)费 | 公务接待费 | 公务用车… each over 一般公共预算 | 政府性基金预算 |
// 国有资本经营预算): the 一般公共预算 columns take the table's keys, the other funds' columns `gov_fund.*` / `state_capital.*`.
const GENERAL_FUND = '(\\/一般公共预算(拨款)?)?$';
const byFund = (prefix: string, fund: string): ColumnTemplate[] => {
  const f = `\\/${fund}(预算)?(拨款)?$`;
  return [
    col(`${prefix}total`, `总计/${fund}`, new RegExp(`^(总计|合计|三公经费(合计)?)${f}`)),
    col(`${prefix}abroad`, `因公出国(境)费/${fund}`, new RegExp(`因公出国.*${f}`)),
    col(
      `${prefix}vehicle_total`,
      `公务用车购置及运行费/小计/${fund}`,
      new RegExp(`公务用车购置及运行(维护)?费\\/(小计|合计)${f}`),
    ),
    col(`${prefix}vehicle_purchase`, `公务用车购置费/${fund}`, new RegExp(`公务用车购置费${f}`)),
    col(`${prefix}vehicle_operation`, `公务用车运行费/${fund}`, new RegExp(`公务用车运行(维护)?费${f}`)),
    col(`${prefix}reception`, `公务接待费/${fund}`, new RegExp(`公务接待费${f}`)),
  ];
};

const threePublicColumns: ColumnTemplate[] = [
  ...byFund('gov_fund.', '政府性基金'),
  ...byFund('state_capital.', '国有资本经营'),
  col('total', '“三公”经费合计', /三公经费(合计)?$|^合计$/, /^(总计|合计|三公经费(合计)?)\/一般公共预算(拨款)?$/),
  col('abroad', '因公出国(境)费', /因公出国/),
  col(
    'vehicle_total',
    '公务用车购置及运行费/小计',
    /\/小计$/,
    /^公务用车购置及运行(维护)?费$/,
    new RegExp(`公务用车购置及运行(维护)?费\\/(小计|合计)${GENERAL_FUND}`),
  ),
  col('vehicle_purchase', '公务用车购置费', new RegExp(`公务用车购置费${GENERAL_FUND}`)),
  col('vehicle_operation', '公务用车运行费', new RegExp(`公务用车运行(维护)?费${GENERAL_FUND}`)),
  col('reception', '公务接待费', new RegExp(`公务接待费${GENERAL_FUND}`)),
];

function econTable(key: string, title: string, titles: RegExp[], system: 'gov_econ' | 'dept_econ'): TableTemplate {
  return {
    key,
    kind: '预算',
    title,
    titles,
    layout: 'coded',
    codeSystem: 'function',
    econColumns: system,
    required: false,
    columns: [
      total,
      col('basic', '基本支出', /^基本支出(\/合计)?$/),
      // 西安's 一般公共预算支出明细表（按支出经济分类科目）: 人员经费支出 | 公用经费支出 | 专项业务经费支出
      col('basic_personnel', '人员经费', /^人员经费(支出)?$/),
      col('basic_public', '公用经费', /^公用经费(支出)?$/),
      col('project', '项目支出', /^项目支出(\/合计)?$/, /^专项业务经费(支出)?$/),
    ],
  };
}

/** The 收支总表's parts: 收入, then 支出 by function, by 部门预算经济分类, by 政府预算经济分类 (西安 prints all four). */
const SUMMARY_SECTIONS: SectionTemplate[] = [
  { key: 'income', label: '收入', match: [/收入/] },
  // 西安 heads the parts "支出功能分类科目（按大类）" (or "支出功能分科目"), "部门预算支出经济分类科目", "政府预算支出经济分类科目".
  {
    key: 'expenditure_function',
    label: '支出（按功能分类）',
    match: [/按功能|支出功能分?类?科目/],
    classesByName: true,
    codeSystem: 'function',
  },
  {
    key: 'expenditure_dept_econ',
    label: '支出（按部门预算经济分类）',
    match: [/按部门预算经济|部门预算支出经济/],
    econByName: 'dept_econ',
  },
  {
    key: 'expenditure_gov_econ',
    label: '支出（按政府预算经济分类）',
    match: [/按政府预算经济|政府预算支出经济/],
    econByName: 'gov_econ',
  },
];

/** The 收支总表's named lines. */
const SUMMARY_ITEMS: ItemTemplate[] = [
  // 深圳 groups its sources: 一、财政拨款 (1.一般公共预算拨款 …), 二、财政专户管理资金, 三、单位资金 (1.事业收入 …)
  item('income.fiscal', 'income', '财政拨款', /^财政拨款(收入)?$/),
  item('income.unit_funds', 'income', '单位资金', /^单位资金(收入)?$/),
  item('income.general_budget', 'income', '一般公共预算拨款收入', /^一般公共预算(财政)?(拨款|资金)?(收入)?$/),
  item('income.gov_fund', 'income', '政府性基金预算拨款收入', /^政府性基金预算(财政)?(拨款|资金)?(收入)?$/),
  item('income.state_capital', 'income', '国有资本经营预算拨款收入', /^国有资本经营预算(财政)?(拨款|资金)?(收入)?$/),
  item('income.social_insurance', 'income', '社会保障基金预算资金', /^社会保(障|险)基金预算资金$/),
  item('income.special_account', 'income', '财政专户管理资金收入', /^财政专户管理资金(收入)?$/),
  item('income.superior_fiscal', 'income', '上级财政补助收入', /^上级财政补助收入$/),
  item('income.business', 'income', '事业收入', /^事业收入$/),
  item('income.operating', 'income', '事业单位经营收入', /^事业单位经营收入$/),
  item('income.superior_unit', 'income', '上级单位补助收入', /^上级(单位)?补助收入$/),
  item('income.affiliated', 'income', '附属单位上缴收入', /^附属单位上缴收入$/),
  item('income.other', 'income', '其他收入', /^其他收入$|^其他资金$/),
  // 江苏 prints 当年收入小计 / 当年支出小计 for this year's totals and 收入合计 / 支出合计 (after 上年结转) for the grand totals
  item('income.total', 'income', '本年收入合计', /^本年收入合计$|^当年收入小计$/),
  // 烟台 prints 上级补助收入 and 附属单位上缴收入 below 本年收入合计, with the money brought forward: they count in
  // 收入总计 and in the 收入总表's 合计, not in this year's income.
  {
    ...item('income.superior_unit_below', 'income', '上级补助收入', /^上级(单位)?补助收入$/),
    after: 'income.total',
  },
  { ...item('income.affiliated_below', 'income', '附属单位上缴收入', /^附属单位上缴收入$/), after: 'income.total' },
  item('income.carryover', 'income', '上年结转结余', /^上年结(转|余)(和|、)?(结(余|转))?(资金)?$/),
  // 深圳: 上年结余、结转 split into 1.财政拨款结余、结转 and 2.非财政拨款结余、结转
  {
    ...item(
      'income.carryover.fiscal',
      'income',
      '财政拨款结余、结转',
      /^财政拨款结(余|转)(和|、)?(结(余|转))?(资金)?$/,
    ),
    after: 'income.carryover',
  },
  {
    ...item(
      'income.carryover.non_fiscal',
      'income',
      '非财政拨款结余、结转',
      /^非财政拨款结(余|转)(和|、)?(结(余|转))?(资金)?$/,
    ),
    after: 'income.carryover',
  },
  // regional lines between 本年收入合计 and 收入总计 (西安)
  item('income.prior_account_balance', 'income', '上年实户资金余额', /^上年实户资金余额$/),
  item('income.fund_balance_used', 'income', '用事业基金弥补收支差额', /^用事业基金弥补收支差额$/),
  item('income.grand_total', 'income', '收入总计', /^收入总计$|^总计$|^收入合计$/),
  ...['expenditure_function', 'expenditure_dept_econ', 'expenditure_gov_econ'].flatMap((s) => [
    item(`${s}.total`, s, '本年支出合计', /^本年支出合计$|^当年支出小计$/),
    item(`${s}.carryover`, s, '年终结转结余', /^年(终|末)结转(结余)?$/, /^结转下年(度|资金|支出)?$/),
    item(`${s}.grand_total`, s, '支出总计', /^支出总计$|^总计$|^支出合计$/),
  ]),
  item('expenditure_dept_econ.basic', 'expenditure_dept_econ', '基本支出', /^基本支出$/),
  item('expenditure_dept_econ.project', 'expenditure_dept_econ', '项目支出', /^项目支出$/),
  item('expenditure_dept_econ.operating', 'expenditure_dept_econ', '事业单位经营服务支出', /^事业单位经营(服务)?支出$/),
  item(
    'expenditure_dept_econ.project_wages',
    'expenditure_dept_econ',
    '按项目管理的工资福利支出',
    /^按项目管理的工资福利支出$/,
  ),
  item(
    'expenditure_dept_econ.project_goods',
    'expenditure_dept_econ',
    '按项目管理的商品和服务支出',
    /^按项目管理的商品和服务支出$/,
  ),
  item(
    'expenditure_dept_econ.project_family',
    'expenditure_dept_econ',
    '按项目管理的对个人和家庭的补助',
    /^按项目管理的对个人和家庭的补助$/,
  ),
];

/** One 预算数 column in each of the 收支总表's four parts. */
const SUMMARY_PART_AMOUNTS: ColumnTemplate[] = [
  'income',
  'expenditure_function',
  'expenditure_dept_econ',
  'expenditure_gov_econ',
].map((s) => ({ ...col('amount', '预算数', /预算数|金额|合计/), section: s }));

export const budgetTemplates: TableTemplate[] = [
  {
    key: 'budget.fiscal_summary',
    kind: '预算',
    title: '财政拨款收支总表',
    titles: [/财政拨款收支(预算)?总(体情况)?表$/],
    layout: 'sections',
    required: true,
    sections: INCOME_EXPENDITURE_SECTIONS,
    columns: [
      // 广州 heads them 收入/预算 | 支出/预算
      { ...col('amount', '预算数', /预算数|金额|合计/, /(^|\/)预算$/), section: 'income' },
      { ...col('amount', '预算数', /预算数|金额|合计/, /(^|\/)预算$/), section: 'expenditure' },
      { ...col('general_budget', '一般公共预算', /一般公共预算/), section: 'expenditure' },
      { ...col('gov_fund', '政府性基金预算', /政府性基金/), section: 'expenditure' },
      { ...col('state_capital', '国有资本经营预算', /国有资本经营/), section: 'expenditure' },
    ],
    items: [
      item('income.current', 'income', '本年收入', /^本年收入(合计)?$/),
      // 深圳 prints the three fiscal sources under a line 财政拨款 (their sum), then 本年收入合计
      item('income.fiscal', 'income', '财政拨款', /^财政拨款(收入)?$/),
      item('income.general_budget', 'income', '一般公共预算拨款', /^一般公共预算(拨款|资金)?(收入)?$/),
      item('income.gov_fund', 'income', '政府性基金预算拨款', /^政府性基金预算(拨款|资金)?(收入)?$/),
      item('income.state_capital', 'income', '国有资本经营预算拨款', /^国有资本经营预算(拨款|资金)?(收入)?$/),
      item('income.carryover', 'income', '上年结转', /^上年结(转|余)[、和]?(结(余|转))?$/),
      // 深圳: "1.一般公共预算拨款结余、结转" under 上年结余、结转
      {
        ...item(
          'income.carryover.general_budget',
          'income',
          '一般公共预算拨款',
          /^一般公共预算(拨款|资金)?(结(余|转)[、和]?(结(余|转))?)?$/,
        ),
        after: 'income.carryover',
      },
      {
        ...item(
          'income.carryover.gov_fund',
          'income',
          '政府性基金预算拨款',
          /^政府性基金预算(拨款|资金)?(结(余|转)[、和]?(结(余|转))?)?$/,
        ),
        after: 'income.carryover',
      },
      {
        ...item(
          'income.carryover.state_capital',
          'income',
          '国有资本经营预算拨款',
          /^国有资本经营预算(拨款|资金)?(结(余|转)[、和]?(结(余|转))?)?$/,
        ),
        after: 'income.carryover',
      },
      // 江苏 prints no carry-over lines and closes each side with 收入合计 / 支出合计, its 总计 (as in its 收支预算总表)
      item('income.grand_total', 'income', '收入总计', /^收入总计$|^总计$|^收入合计$/),
      item('expenditure.current', 'expenditure', '本年支出', /^本年支出(合计)?$/),
      item('expenditure.carryover', 'expenditure', '年终结转结余', /^年(终|末)结转(结余)?$/, /^结转下年(度)?$/),
      item('expenditure.grand_total', 'expenditure', '支出总计', /^支出总计$|^总计$|^支出合计$/),
    ],
  },
  {
    key: 'budget.summary',
    kind: '预算',
    title: '收支总表',
    titles: [/^(部门|单位)?(财务)?收支(预算)?总(体情况)?表$/],
    layout: 'sections',
    required: true,
    sections: SUMMARY_SECTIONS,
    columns: [
      // 上海 splits (listed first: 预算数 would take these headers) the functional classes' 预算数 into 合计 | 基本支出/人员经费 | 基本支出/公用经费 | 项目支出
      {
        ...col('basic_personnel', '基本支出/人员经费', /基本支出\/人员(经费|支出)$/),
        section: 'expenditure_function',
        optional: true,
      },
      {
        ...col('basic_public', '基本支出/公用经费', /基本支出\/公用(经费|支出)$/),
        section: 'expenditure_function',
        optional: true,
      },
      { ...col('project', '项目支出', /项目支出$/), section: 'expenditure_function', optional: true },
      ...['income', 'expenditure_function', 'expenditure_dept_econ', 'expenditure_gov_econ'].map((s) => ({
        // 广州: 收入/预算 | 支出/预算
        ...col('amount', '预算数', /预算数|金额|合计/, /(^|\/)预算$/),
        section: s,
      })),
    ],
    items: SUMMARY_ITEMS,
  },
  {
    key: 'budget.income',
    kind: '预算',
    title: '收入总表',
    titles: [/^(部门|单位)?收入(预算)?总(体情况)?表$/],
    layout: 'coded',
    codeSystem: 'function',
    required: true,
    columns: incomeColumns,
  },
  {
    key: 'budget.expenditure',
    kind: '预算',
    title: '支出总表',
    titles: [/^(部门|单位|本年)?支出(预算)?总(体情况)?表$/],
    layout: 'coded',
    codeSystem: 'function',
    required: true,
    columns: expenditureColumns,
  },
  econTable(
    'budget.expenditure_by_gov_econ',
    '支出预算分类汇总表（按政府预算经济分类）',
    [/^支出(预算)?分类汇总表\(按政府预算经济分类\)$/, /^支出分类\(政府预算\)$/],
    'gov_econ',
  ),
  econTable(
    'budget.expenditure_by_dept_econ',
    '支出预算分类汇总表（按部门预算经济分类）',
    [/^支出(预算)?分类汇总表\(按部门预算经济分类\)$/, /^部门支出总表\(分类\)$/],
    'dept_econ',
  ),
  {
    key: 'budget.general_expenditure',
    kind: '预算',
    title: '一般公共预算支出表',
    titles: [
      /^一般公共预算(拨款)?支出(预算|情况|明细)?表$/,
      /^一般预算支出表$/,
      /^一般公共预算(拨款)?支出(预算|情况|明细)?表\((按)?(支出)?功能(分类)?(科目)?(分)?\)$/,
      /^一般公共预算(拨款)?支出功能分类(预算|情况)?表$/,
    ],
    layout: 'coded',
    codeSystem: 'function',
    required: true,
    columns: expenditureColumns,
  },
  {
    key: 'budget.general_basic',
    kind: '预算',
    title: '一般公共预算基本支出表',
    titles: [
      /^一般公共预算(拨款)?基本支出(预算|情况|明细)?表(\((按)?(支出)?(部门预算|政府预算)?(经济|功能)(分类)?(科目)?(分)?\))?$/,
      /^一般预算基本支出表$/,
      /^一般公共预算基本支出(部门预算|政府预算)?经济分类(预算|情况)?表$/,
    ],
    layout: 'coded',
    codeSystem: 'dept_econ',
    econColumns: 'dept_econ',
    required: true,
    // Regions print this whole or split into 人员经费/公用经费 sub-tables by economic classification (seed 004).
    replacedBy: [
      'budget.general_basic_wages_gov',
      'budget.general_basic_wages_dept',
      'budget.general_basic_goods_gov',
      'budget.general_basic_goods_dept',
      'budget.general_basic_family_gov',
      'budget.general_basic_family_dept',
    ],
    // 深圳 prints 基本支出总表 (basic expenditure by economic class, all funds) and 一般公共预算支出表（按经济分类）
    // instead: together, not either alone, they hold what this table would.
    replacedByAll: [['budget.basic_expenditure', 'budget.general_expenditure_by_econ']],
    columns: [
      total,
      col('personnel', '人员经费', /人员经费(支出)?$/),
      col('public', '公用经费', /公用经费(支出)?$/, /日常公用(经费|支出)$/),
    ],
  },
  ...(
    [
      ['wages', '人员经费(工资福利支出)', '工资福利'],
      ['family', '人员经费(对个人和家庭的补助)', '个人(和)?家庭'],
      ['goods', '公用经费(商品和服务支出)', '(一般)?商品服务'],
    ] as const
  ).flatMap(([part, long, short]) =>
    (['gov_econ', 'dept_econ'] as const).flatMap((sys) => {
      const by = sys === 'gov_econ' ? '政府' : '部门';
      const longRe = long.replace(/[()]/g, (c) => '\\' + c);
      return [
        econTable(
          `budget.general_basic_${part}_${sys === 'gov_econ' ? 'gov' : 'dept'}`,
          `一般公共预算基本支出表--${long}(按${by}预算经济分类)`,
          [
            new RegExp(`^一般公共预算基本支出表-*${longRe}\\(按${by}预算经济分类\\)$`),
            ...(sys === 'gov_econ' ? [new RegExp(`^一般-?${short}\\(政府预算\\)$`)] : [new RegExp(`^一般-${short}$`)]),
          ],
          sys,
        ),
        econTable(
          `budget.basic_${part}_${sys === 'gov_econ' ? 'gov' : 'dept'}`,
          `基本支出表--${long}(按${by}预算经济分类)`,
          [
            new RegExp(`^基本支出表-*${longRe}\\(按${by}预算经济分类\\)$`),
            ...(sys === 'gov_econ'
              ? [new RegExp(`^(基本-?)?${short}\\(政府预算\\)$`)]
              : [new RegExp(`^基本-${short}$`)]),
          ],
          sys,
        ),
      ];
    }),
  ),
  {
    // 三公 printed together with 会议费/培训费 or 机关运行经费: its 合计 is not the 三公 total.
    key: 'budget.three_public_and_other',
    kind: '预算',
    title: '“三公”经费、会议费、培训费（机关运行经费）支出预算表',
    titles: [/三公经费.*(会议费|培训费|机关运行(经)?费).*表$/, /行政经费及三公经费(预算)?表$/],
    layout: 'coded',
    required: false,
    replacedBy: [],
    columns: threePublicWithMeetingsColumns,
  },
  {
    key: 'budget.three_public',
    replacedBy: ['budget.three_public_and_other'],
    kind: '预算',
    title: '一般公共预算“三公”经费支出表',
    titles: [/三公经费(支出)?(预算)?(情况)?表$/],
    layout: 'coded',
    required: true,
    columns: threePublicColumns,
  },
  econTable(
    'budget.gov_fund_by_gov_econ',
    '政府性基金预算支出分类汇总表（按政府预算经济分类）',
    [/^政府性基金预算支出分类汇总表\(按政府预算经济分类\)$/, /^政府性基金\(政府预算\)$/],
    'gov_econ',
  ),
  econTable(
    'budget.gov_fund_by_dept_econ',
    '政府性基金预算支出分类汇总表（按部门预算经济分类）',
    [/^政府性基金预算支出分类汇总表\(按部门预算经济分类\)$/],
    'dept_econ',
  ),
  {
    key: 'budget.gov_fund',
    kind: '预算',
    title: '政府性基金预算支出表',
    titles: [
      /^(财政拨款)?政府性基金(预算)?(拨款)?(收)?支(出)?(预算|情况)?(总)?表$/,
      /^政府性基金(预算)?支出功能分类(预算)?表$/,
      /^政府性基金(预算)?(财政)?(拨款)?支出(预算)?表$/,
      /^政府性基金$/,
    ],
    layout: 'coded',
    codeSystem: 'function',
    required: true,
    columns: expenditureColumns,
    // 西安 2020/2022 prints it in the 收支总表's four parts (收入 | 支出功能分类科目 | 部门预算支出经济分类科目 | 政府预算支出经济分类科目)
    parts: { minSections: 3, sections: SUMMARY_SECTIONS, columns: SUMMARY_PART_AMOUNTS, items: SUMMARY_ITEMS },
  },
  {
    key: 'budget.state_capital',
    kind: '预算',
    title: '国有资本经营预算表',
    titles: [/^国有资本经营预算(拨款)?(收)?(支出?)?(预算|情况)?表$/, /^国有资本经营预算支出功能分类(预算)?表$/],
    layout: 'coded',
    codeSystem: 'function',
    required: false,
    columns: expenditureColumns,
  },
  econTable(
    'budget.special_account_by_gov_econ',
    '财政专户管理资金预算支出表（按政府预算经济分类）',
    [/^专户\(政府预算\)$/, /^财政专户管理资金(预算)?支出表\(按政府预算经济分类\)$/],
    'gov_econ',
  ),
  {
    key: 'budget.special_account',
    kind: '预算',
    title: '财政专户管理资金预算支出表',
    titles: [/财政专户管理资金(预算)?支出表$/, /^专户$/],
    layout: 'coded',
    codeSystem: 'function',
    required: false,
    columns: expenditureColumns,
  },
  {
    key: 'budget.special_funds',
    kind: '预算',
    title: '专项资金预算汇总表',
    titles: [/专项资金(预算)?汇总表$/, /^专项支出预算表$/],
    layout: 'coded',
    codeSystem: 'function',
    required: false,
    columns: [total],
  },
  {
    key: 'budget.project_performance',
    kind: '预算',
    title: '项目支出绩效目标表',
    titles: [/(?<!整体支出|整体预算|整体)绩效目标(填报|申报)?表(\(.*\))?$/, /项目支出绩效表$/],
    layout: 'text',
    required: false,
    performanceKind: 'project_goals',
    untitledPage: { firstCell: /^项目名称/, header: PERFORMANCE_HEADER },
    columns: [],
  },
  {
    key: 'budget.overall_performance',
    kind: '预算',
    title: '部门整体支出绩效目标表',
    titles: [/整体(支出|预算)?绩效目标(申报|填报)?表$/],
    layout: 'text',
    required: false,
    performanceKind: 'overall_goals',
    columns: [],
  },
  {
    key: 'budget.general_classified_summary',
    kind: '预算',
    title: '一般公共预算支出预算分类汇总表',
    titles: [/^一般公共预算支出预算分类汇总表$/],
    layout: 'coded',
    required: false,
    columns: [
      col('staff_in_post', '人数/在职', /在职$/),
      col('staff_retired', '人数/退休', /退休$/),
      col('wages', '工资福利支出', /工资福利支出$/),
      col('public', '公用经费', /公用经费(支出)?$/, /日常公用(经费|支出)$/),
      col('family', '对个人和家庭补助', /对个人和家庭(的)?补助$/),
      col('project_amount', '专项经费金额', /金额$/),
      col('grand_total', '总计', /^总计$/),
    ],
  },
  {
    key: 'budget.general_by_function',
    kind: '预算',
    title: '一般公共预算支出预算汇总表（按功能科目）',
    titles: [/^一般公共预算支出预算汇总表\(按功能科目\)$/],
    layout: 'coded',
    codeSystem: 'function',
    required: false,
    columns: [
      col('grand_total', '总计', /^总计$/),
      col('full_total', '财政预算全额拨款/合计', /全额拨款\/合计$/),
      col('full_wages', '工资福利支出', /工资福利支出$/),
      col('full_family', '对个人和家庭的补助', /对个人和家庭的补助$/),
      col('full_public', '公用经费', /公用经费$/),
      col('full_project', '项目支出', /项目支出$/),
      col('nontax_total', '纳入预算管理的非税收入拨款/合计', /非税收入拨款\/合计$/),
      col('nontax_special', '专项收入拨款', /专项收入拨款$/),
      col('nontax_other', '其他各项收入拨款', /其他各项收入拨款$/),
      col('carryover', '上年结转', /^上年结转$/),
    ],
  },
  {
    key: 'budget.general_by_source',
    kind: '预算',
    title: '一般公共预算支出预算汇总表（按来源）',
    titles: [/^一般公共预算支出预算汇总表\(按来源\)$/],
    layout: 'coded',
    codeSystem: 'function',
    required: false,
    columns: [
      col('grand_total', '总计', /总计$/),
      col('full', '财政预算全额拨款', /全额拨款$/),
      col('nontax_total', '纳入财政预算管理的非税收入拨款/合计', /非税收入拨款\/合计$/),
      col('nontax_special', '专项收入拨款', /专项收入拨款$/),
      col('nontax_other', '其他各项收入拨款', /其他各项收入拨款$/),
    ],
  },
  {
    key: 'budget.nontax_plan',
    kind: '预算',
    title: '非税收入计划表',
    titles: [/^非税(收入)?计划(表)?$/],
    layout: 'coded',
    required: false,
    columns: [total],
  },
  {
    key: 'budget.fund_allocation',
    kind: '预算',
    title: '经费拨款预算表',
    titles: [/^经费拨款(预算)?表$/],
    layout: 'coded',
    codeSystem: 'function',
    required: false,
    columns: expenditureColumns,
  },
  econTable(
    'budget.fund_allocation_by_gov_econ',
    '经费拨款预算表（政府预算）',
    [/^经费拨款(预算)?表\(政府预算\)$/],
    'gov_econ',
  ),
  {
    key: 'budget.purchase_services',
    kind: '预算',
    title: '政府购买服务预算表',
    titles: [/政府购买服务(预算|明细)?表$/],
    layout: 'coded',
    required: false,
    columns: [total],
  },
  {
    key: 'budget.procurement',
    kind: '预算',
    title: '政府采购预算表',
    titles: [/政府采购(支出)?(预算)?(情况|明细)?表$/, /政府采购\(.*\)预算表$/],
    layout: 'coded',
    required: false,
    columns: procurementColumns,
  },
  econTable(
    'budget.general_expenditure_by_econ',
    '一般公共预算支出表（按经济分类）',
    [
      /^一般公共预算(拨款)?支出(预算|情况|明细)?表\((按)?(支出)?(部门预算|政府预算)?经济(分类)?(科目)?(分)?\)$/,
      /^一般公共预算支出经济分类(预算|情况)?表$/,
    ],
    'gov_econ',
  ),
  {
    key: 'budget.fiscal_expenditure',
    kind: '预算',
    title: '财政拨款支出表（功能科目）',
    titles: [/^财政拨款支出(预算)?表(\(功能科目\))?$/],
    layout: 'coded',
    codeSystem: 'function',
    required: false,
    columns: expenditureColumns,
  },
  {
    key: 'budget.fiscal_basic',
    kind: '预算',
    title: '财政拨款基本支出表（经济科目）',
    titles: [/^财政拨款基本支出(预算)?表(\(经济科目\))?$/],
    layout: 'coded',
    codeSystem: 'dept_econ',
    required: false,
    columns: [
      total,
      col('personnel', '人员经费', /人员经费(支出)?$/),
      col('public', '公用经费', /公用经费(支出)?$/, /日常公用(经费|支出)$/),
    ],
  },
  {
    key: 'budget.basic_expenditure',
    kind: '预算',
    title: '基本支出预算表',
    titles: [/^基本支出(预算)?(总|情况|明细)?表$/],
    layout: 'coded',
    codeSystem: 'dept_econ',
    required: false,
    columns: [
      total,
      col('personnel', '人员经费', /人员经费(支出)?$/),
      col('public', '公用经费', /公用经费(支出)?$/, /日常公用(经费|支出)$/),
      ...fundSourceColumns,
    ],
  },
  {
    key: 'budget.project_expenditure',
    kind: '预算',
    title: '项目支出预算表',
    titles: [/^项目支出(及其他支出)?(预算)?(总|情况|明细)?表$/],
    layout: 'coded',
    required: false,
    columns: [total, ...fundSourceColumns],
  },
  {
    key: 'budget.general_project_expenditure',
    kind: '预算',
    title: '一般公共预算项目支出情况表',
    titles: [/^一般公共预算项目支出(预算|情况)?表(\(按经济分类(科目)?\))?$/],
    layout: 'coded',
    required: false,
    columns: [total],
  },
  {
    key: 'budget.operating_costs',
    kind: '预算',
    title: '机关运行经费支出预算表',
    titles: [/机关运行经费(支出)?(预算)?(情况)?表$/],
    layout: 'coded',
    codeSystem: 'dept_econ',
    required: false,
    columns: [total],
  },
  {
    key: 'budget.carryover_expenditure',
    kind: '预算',
    title: '财政拨款上年结转资金支出表',
    titles: [/(上年)?结转资金支出(预算)?表$/, /^财拨结转支出表$/],
    layout: 'coded',
    codeSystem: 'function',
    required: false,
    columns: [total],
  },
  {
    key: 'budget.special_business',
    kind: '预算',
    title: '专项业务经费支出表',
    titles: [/专项业务经费支出(预算)?表(\(不含上年结转\))?$/],
    layout: 'coded',
    required: false,
    columns: [total],
  },
  {
    key: 'budget.meeting_training_fees',
    kind: '预算',
    title: '会议费、培训费支出预算表',
    titles: [/^会议费、?培训费(支出)?(预算)?表$/],
    layout: 'coded',
    required: false,
    columns: [total],
  },
  {
    key: 'budget.meeting_fees',
    kind: '预算',
    title: '会议费明细表',
    titles: [/^会议费(预算)?明细表$/],
    layout: 'coded',
    required: false,
    columns: [total],
  },
  {
    key: 'budget.training_fees',
    kind: '预算',
    title: '培训费明细表',
    titles: [/^培训费(预算)?明细表$/],
    layout: 'coded',
    required: false,
    columns: [total],
  },
];
