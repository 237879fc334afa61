import { cellOf } from '../../../model/query.ts';
import { checkEquation } from '../../equation.ts';
import type { Rule } from '../../types.ts';

// Row sums (domain.md §5): within each line of a table, a total column equals the sum of its component
// columns — 本年支出合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助, 本年收入合计 = Σ sources, 三公 合计 =
// 出国 + 公务用车 + 接待, … Relations are data; columns the table does not have count as absent, and "其中"
// columns (教育收费) are never summed.

export interface ColumnRelation {
  tables: string[];
  total: string;
  parts: string[];
  /** Parts that are subtracted (年末结转 = 年初结转 + 本年收入 − 本年支出). */
  minus?: string[];
  section?: string;
  /** Not applicable when the table prints one of these (another breakdown of the same total). */
  skipIf?: string[];
  /** Applies only when the table prints all of these columns. */
  needs?: string[];
  /** Applies only to lines that print an amount in this column. */
  rowNeeds?: string;
  /**
   * Applies only when every column of the table that prints amounts is a template column: a fund source the template
   * does not name (杭州's and 烟台's 项目支出表 print sources of their own) would be a missing term, not an error.
   */
  complete?: boolean;
}

const budgetExpenditure = [
  'budget.expenditure',
  'budget.general_expenditure',
  'budget.gov_fund',
  'budget.state_capital',
  'budget.special_account',
  'budget.fund_allocation',
];
const econTables = [
  'budget.expenditure_by_gov_econ',
  'budget.expenditure_by_dept_econ',
  'budget.gov_fund_by_gov_econ',
  'budget.gov_fund_by_dept_econ',
  'budget.special_account_by_gov_econ',
  'budget.fund_allocation_by_gov_econ',
  ...['wages', 'family', 'goods'].flatMap((p) =>
    ['gov', 'dept'].flatMap((s) => [`budget.general_basic_${p}_${s}`, `budget.basic_${p}_${s}`]),
  ),
];

const incomeSources = [
  'general_budget',
  'gov_fund',
  'state_capital',
  'special_account',
  'business',
  'operating',
  'superior_subsidy',
  'affiliated',
  'other',
];
const specialAccountParts = ['special_account.education', 'special_account.other'];
const incomeSourcesSplit = incomeSources.flatMap((k) => (k === 'special_account' ? specialAccountParts : [k]));
const broughtForward = ['carryover', 'non_fiscal_balance', 'prior_account_balance', 'fund_balance_used'];
const sourceTables = ['budget.basic_expenditure', 'budget.project_expenditure'];
const unitSources = ['business', 'operating', 'superior_subsidy', 'affiliated', 'other'];

export const COLUMN_RELATIONS: ColumnRelation[] = [
  {
    tables: ['final.income'],
    total: 'total',
    parts: ['fiscal', 'superior_subsidy', 'business', 'operating', 'affiliated', 'other'],
  },
  {
    tables: ['final.expenditure'],
    total: 'total',
    parts: ['basic', 'project', 'upper_remit', 'operating', 'subsidy_affiliated'],
  },
  {
    tables: ['final.general_budget_expenditure', 'final.state_capital', 'final.gov_fund'],
    total: 'total',
    parts: ['basic', 'project'],
  },
  { tables: ['final.gov_fund'], total: 'closing_balance', parts: ['opening_balance', 'income'], minus: ['total'] },
  {
    tables: ['final.fiscal_summary'],
    section: 'expenditure',
    total: 'total',
    parts: ['general_budget', 'gov_fund', 'state_capital'],
  },
  ...(['budget', 'final'] as const).flatMap((s) => [
    {
      tables: ['final.three_public'],
      total: `${s}.total`,
      parts: [`${s}.abroad`, `${s}.vehicle_total`, `${s}.reception`],
    },
    {
      tables: ['final.three_public'],
      total: `${s}.vehicle_total`,
      parts: [`${s}.vehicle_purchase`, `${s}.vehicle_operation`],
    },
  ]),
  // 深圳 prints each item by fund: the 一般公共预算 columns have the plain keys, the others `gov_fund.*` / `state_capital.*`
  ...['', 'gov_fund.', 'state_capital.'].flatMap((f) => [
    {
      tables: ['budget.three_public'],
      total: `${f}total`,
      parts: [`${f}abroad`, `${f}vehicle_total`, `${f}reception`],
    },
    {
      tables: ['budget.three_public'],
      total: `${f}vehicle_total`,
      parts: [`${f}vehicle_purchase`, `${f}vehicle_operation`],
    },
  ]),
  // “三公”经费、会议费、培训费 tables (西安 2026: 上年 | 当年 | 增减变化情况, each 合计 | 三公 小计 … | 会议费 | 培训费): per group
  // 合计 = 三公 + 会议费 + 培训费 (where no 机关运行经费 is printed beside them), 三公 = 出国 + 公务用车 + 接待, 公务用车 =
  // 购置 + 运行; and 增减变化情况 = 当年 − 上年, column by column
  ...['', 'prior.', 'change.'].flatMap((f) => [
    {
      tables: ['budget.three_public_and_other'],
      total: `${f}total`,
      parts: [`${f}three_public_total`, `${f}meeting`, `${f}training`],
      needs: [`${f}three_public_total`],
      skipIf: [`${f}operating_costs`],
    },
    {
      tables: ['budget.three_public_and_other'],
      total: `${f}three_public_total`,
      parts: [`${f}abroad`, `${f}vehicle_total`, `${f}reception`],
    },
    {
      tables: ['budget.three_public_and_other'],
      total: `${f}vehicle_total`,
      parts: [`${f}vehicle_purchase`, `${f}vehicle_operation`],
    },
  ]),
  ...[
    'total',
    'three_public_total',
    'abroad',
    'vehicle_total',
    'vehicle_purchase',
    'vehicle_operation',
    'reception',
    'meeting',
    'training',
  ].map((c) => ({
    tables: ['budget.three_public_and_other'],
    total: `change.${c}`,
    parts: [c],
    minus: [`prior.${c}`],
    needs: [c, `prior.${c}`],
  })),
  // 广州: the lines (行政经费, “三公”经费, its items) by fund: 合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算
  {
    tables: ['budget.three_public_and_other'],
    total: 'total',
    parts: ['general_budget', 'gov_fund', 'state_capital'],
  },
  // 单位预留机动经费: 江苏's reserve, printed beside 基本支出 and 项目支出 and counted in 合计.
  {
    tables: budgetExpenditure,
    total: 'total',
    parts: ['basic', 'project', 'operating', 'upper_remit', 'subsidy_affiliated', 'reserve'],
    needs: ['basic'],
  },
  // 基本支出 printed only as its two parts, with no 小计 of its own (湖州 2026: 基本支出 / 人员支出 | 公用经费).
  {
    tables: budgetExpenditure,
    total: 'total',
    parts: ['basic_personnel', 'basic_public', 'project', 'operating', 'upper_remit', 'subsidy_affiliated', 'reserve'],
    needs: ['basic_personnel', 'basic_public'],
    skipIf: ['basic'],
  },
  // Seed 004 nests 工资福利 / 商品和服务 / 对个人和家庭 under 人员经费 and prints 公用经费 beside them.
  { tables: budgetExpenditure, total: 'basic', parts: ['basic_wages', 'basic_goods', 'basic_family', 'basic_public'] },
  { tables: budgetExpenditure, total: 'basic', parts: ['basic_personnel', 'basic_public'], skipIf: ['basic_wages'] },
  { tables: ['budget.general_basic'], total: 'total', parts: ['personnel', 'public'] },
  { tables: [...econTables, 'budget.general_expenditure_by_econ'], total: 'total', parts: ['basic', 'project'] },
  // 西安's 一般公共预算支出明细表（按支出经济分类科目）: 合计 = 人员经费支出 + 公用经费支出 + 专项业务经费支出
  {
    tables: [...econTables, 'budget.general_expenditure_by_econ'],
    total: 'total',
    parts: ['basic_personnel', 'basic_public', 'project'],
    needs: ['basic_personnel', 'basic_public'],
    skipIf: ['basic'],
  },
  // 一般公共预算支出预算分类汇总表 (seed 004): a unit's line adds its 工资福利、公用经费、对个人和家庭补助 and its first
  // project; the lines of its further projects print only that project and a running total, so they are not sums.
  {
    tables: ['budget.general_classified_summary'],
    total: 'grand_total',
    parts: ['wages', 'public', 'family', 'project_amount'],
    rowNeeds: 'wages',
  },
  // 财政拨款收支总表's expenditure side: 合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算 (上海 2026)
  {
    tables: ['budget.fiscal_summary'],
    section: 'expenditure',
    total: 'amount',
    parts: ['general_budget', 'gov_fund', 'state_capital'],
  },
  // 收支总表 whose functional classes print 合计 | 基本支出/人员经费 | 基本支出/公用经费 | 项目支出 (上海 2026)
  {
    tables: ['budget.summary'],
    section: 'expenditure_function',
    total: 'amount',
    parts: ['basic_personnel', 'basic_public', 'project'],
  },
  // 收入总表 (domain.md §5: 本年收入合计 = Σ sources): 合计 = this year's sources + the money brought forward; where
  // 本年收入/小计 is printed (北京), 合计 = 小计 + what is brought forward, 小计 = the sources.
  {
    tables: ['budget.income'],
    total: 'total',
    parts: [...incomeSources, ...broughtForward],
    skipIf: ['current_total', ...specialAccountParts],
    complete: true,
  },
  // 广州 prints 财政专户拨款收入 as 教育收费 | 其他专户收入拨款, without a subtotal: those two stand for it
  {
    tables: ['budget.income'],
    total: 'total',
    parts: [...incomeSourcesSplit, ...broughtForward],
    skipIf: ['current_total', 'special_account'],
    complete: true,
  },
  {
    tables: ['budget.income'],
    total: 'total',
    parts: ['current_total', ...broughtForward],
    needs: ['current_total'],
    complete: true,
  },
  {
    tables: ['budget.income'],
    total: 'current_total',
    parts: incomeSources,
    skipIf: specialAccountParts,
    complete: true,
  },
  {
    tables: ['budget.income'],
    total: 'current_total',
    parts: incomeSourcesSplit,
    skipIf: ['special_account'],
    complete: true,
  },
  // 杭州 splits 上年结转结余 by source: 小计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算 + 财政专户管理资金 + 单位资金
  {
    tables: ['budget.income'],
    total: 'carryover',
    parts: ['general_budget', 'gov_fund', 'state_capital', 'special_account', 'unit_funds'].map(
      (k) => `carryover.${k}`,
    ),
  },
  // 基本支出总表 / 项目支出总表 by fund source (深圳 2026): 总计 = 财政拨款 + 财政专户管理资金 + 单位资金 + 上年结余、结转,
  // 财政拨款/小计 = its three sources, 单位资金/小计 (where printed) = its five.
  { tables: sourceTables, total: 'fiscal_total', parts: ['general_budget', 'gov_fund', 'state_capital'] },
  { tables: sourceTables, total: 'unit_total', parts: unitSources },
  {
    tables: sourceTables,
    total: 'total',
    parts: ['fiscal_total', 'special_account', 'unit_total', 'non_fiscal_balance', 'carryover'],
    needs: ['fiscal_total', 'unit_total'],
    complete: true,
  },
  {
    tables: sourceTables,
    total: 'total',
    parts: ['fiscal_total', 'special_account', ...unitSources, 'non_fiscal_balance', 'carryover'],
    needs: ['fiscal_total'],
    skipIf: ['unit_total'],
    complete: true,
  },
  {
    tables: sourceTables,
    total: 'total',
    parts: [
      'general_budget',
      'gov_fund',
      'state_capital',
      'special_account',
      ...unitSources,
      'non_fiscal_balance',
      'carryover',
    ],
    skipIf: ['fiscal_total', 'unit_total'],
    complete: true,
  },
  // 杭州's 项目支出表: 总计 = 财政拨款收入/一般公共预算 + …/政府性基金 + …/国有资本经营预算 + 财政专户管理资金 + 单位资金, with no
  // 财政拨款 subtotal of its own
  {
    tables: sourceTables,
    total: 'total',
    parts: [
      'general_budget',
      'gov_fund',
      'state_capital',
      'special_account',
      'unit_total',
      'non_fiscal_balance',
      'carryover',
    ],
    needs: ['unit_total'],
    skipIf: ['fiscal_total'],
    complete: true,
  },
  // 政府采购支出表 by fund source (无锡/苏州 2026: 资金来源/一般公共预算资金 | 政府性基金 | 其他资金 | 上年结转和结余资金 → 总计;
  // 重庆 2026: 总计 then the 收入总表's sources).
  {
    tables: ['budget.procurement'],
    total: 'total',
    parts: [
      'general_budget',
      'gov_fund',
      'state_capital',
      'special_account',
      'business',
      'operating',
      'superior_subsidy',
      'affiliated',
      'other',
      'carryover',
      'non_fiscal_balance',
    ],
  },
];

/**
 * Relations read from a multi-row header: a column printed "X/合计" (or "X/小计") is the sum of the other "X/…"
 * columns, and the table's 总计/合计 column is the sum of the top-level columns and group totals. Used for the
 * budget tables whose columns are economic classes or fund sources (seed 004), where the header is the only
 * statement of the structure. Applied only when every column fits that structure.
 */
export function headerRelations(columns: { key: string; label: string }[]): ColumnRelation[] {
  const clean = columns.map((c) => ({ key: c.key, label: c.label.replace(/\s+/g, '') }));
  const total = clean.find((c) => /^(总计|合计)$/.test(c.label));
  if (!total) return [];
  const groups = clean.filter((c) => /^[^/]+\/(合计|小计)$/.test(c.label));
  const out: ColumnRelation[] = [];
  const covered = new Set([total.key]);
  const top: string[] = [];
  for (const g of groups) {
    const prefix = g.label.split('/')[0] + '/';
    const members = clean.filter((c) => c !== g && c.label.startsWith(prefix) && c.label.split('/').length === 2);
    if (!members.length) continue;
    out.push({ tables: [], total: g.key, parts: members.map((m) => m.key) });
    covered.add(g.key);
    for (const m of members) covered.add(m.key);
    top.push(g.key);
  }
  for (const c of clean) {
    if (covered.has(c.key) || c.label.includes('/')) continue;
    top.push(c.key);
    covered.add(c.key);
  }
  if (covered.size !== clean.length || top.length < 2) return out;
  out.push({ tables: [], total: total.key, parts: top });
  return out;
}

/**
 * A total whose header group also holds columns no template names (“上年/合计” beside “上年/会议费”, “上年/培训费”
 * in 西安's 三公 table) is not the sum of the named parts: the relation does not apply to this table.
 */
/**
 * Code and name columns are not amounts: they never break a sum. A column headed by the unit (单位, 预算单位) is one;
 * an amount column whose header begins with 单位 is not (江苏 2017–2019 支出预算总表: 合计 = 基本支出 + 项目支出 +
 * 单位预留机动经费).
 */
const LABEL_HEADER = /科目|编码|名称|代码|^项目$|备注|^(?:预算)?单位$/;

function closed(
  t: { columns: { key: string; label: string }[]; rows: { cells: { column: string; value: string | null }[] }[] },
  total: string,
): boolean {
  const col = t.columns.find((c) => c.key === total);
  if (!col) return true;
  // a column that prints no amount on any line (采购组织形式: 集中采购 / 分散采购) adds nothing to a sum
  const amounts = new Set(t.rows.flatMap((r) => r.cells.filter((c) => c.value !== null).map((c) => c.column)));
  const label = col.label.replace(/\s+/g, '');
  const cut = label.lastIndexOf('/');
  const prefix = cut < 0 ? '' : label.slice(0, cut + 1);
  // siblings: columns under the same header group (for a top-level total, the other top-level columns)
  return !t.columns.some((c) => {
    const l = c.label.replace(/\s+/g, '');
    const topLevel = !l.includes('/') || /^[^/]+\/(合计|小计)$/.test(l);
    return (
      c.key.startsWith('col:') &&
      amounts.has(c.key) &&
      l.startsWith(prefix) &&
      (cut >= 0 || topLevel) &&
      !LABEL_HEADER.test(l)
    );
  });
}

/** Every column that prints an amount on some line is a template column (no generated `col:` key among them). */
function complete(t: {
  columns: { key: string; label: string }[];
  rows: { cells: { column: string; value: string | null }[] }[];
}): boolean {
  const amounts = new Set(t.rows.flatMap((r) => r.cells.filter((c) => c.value !== null).map((c) => c.column)));
  return !t.columns.some(
    (c) =>
      c.key.startsWith('col:') &&
      amounts.has(c.key) &&
      !/科目|编码|名称|代码|^项目$|备注/.test(c.label.replace(/\s+/g, '')),
  );
}

/** A column whose printed header sits under 其中 (“其中/上缴上级支出”, “其中：教育收费”). */
function ofWhich(t: { columns: { key: string; label: string }[] }, key: string): boolean {
  const label = t.columns.find((c) => c.key === key)?.label.replace(/\s+/g, '') ?? '';
  return /^其中([:：]|\/|$)/.test(label);
}

const HEADER_TABLES = new Set([...econTables, 'budget.general_by_function', 'budget.general_by_source']);

const rule: Rule = {
  meta: {
    id: 'row-sum',
    code: 'CJ103',
    title: { zh: '合计列等于各组成列之和', en: 'A total column equals the sum of its component columns' },
    category: 'arithmetic',
    severity: 'error',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      mismatch: {
        zh: '{target}为 {actual}，{parts}合计为 {expected}，相差 {difference}{unit}',
        en: '{targetEn} is {actual} but {partsEn} add up to {expected} (difference {difference} {unit})',
      },
      'mismatch.rounding': {
        zh: '{target}为 {actual}，{parts}合计为 {expected}，相差 {difference}{unit}，属尾数误差',
        en: '{targetEn} is {actual}, {partsEn} add up to {expected}: difference {difference} {unit} is explained by rounding',
      },
    },
  },
  check(ctx) {
    const seen = new Set<string>();
    const byTable = COLUMN_RELATIONS.flatMap((rel) => rel.tables.map((key) => ({ key, rel })));
    for (const t of ctx.disclosure.tables)
      if (HEADER_TABLES.has(t.key)) for (const rel of headerRelations(t.columns)) byTable.push({ key: t.key, rel });
    for (const { key, rel } of byTable) {
      for (const t of ctx.disclosure.tables.filter((x) => x.key === key)) {
        const has = (c: string) => t.columns.some((k) => k.key === c);
        let parts = rel.parts.filter(has);
        // Columns printed under 其中 (北京 预算03表: 基本支出 | 项目支出 | 其中/事业单位经营支出 | 其中/上缴上级支出 | …)
        // are parts of the amounts beside them, not further terms: with two plain terms printed, they are left out.
        const plain = parts.filter((c) => !ofWhich(t, c));
        if (plain.length >= 2 && plain.length < parts.length) parts = plain;
        const minus = (rel.minus ?? []).filter(has);
        // A relation needs its total and at least two of its terms printed as columns of this table.
        if (rel.tables.length && !closed(t, rel.total)) continue;
        if (rel.complete && !complete(t)) continue;
        if (
          !has(rel.total) ||
          parts.length + minus.length < 1 ||
          (parts.length + minus.length < 2 && rel.tables.length > 0) ||
          rel.skipIf?.some(has) ||
          (rel.needs && !rel.needs.every(has))
        )
          continue;
        // the same equation may come from the data and from the header: check it once
        const id = `${t.id}|${rel.total}=${[...parts].sort().join('+')}-${minus.join('-')}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const labels = [...parts, ...minus].map((c) => t.columns.find((k) => k.key === c)?.label ?? c);
        for (const row of t.rows) {
          if (rel.section && row.section !== rel.section) continue;
          if (row.kind === 'unit' && !cellOf(row, rel.total)) continue;
          if (rel.rowNeeds && !cellOf(row, rel.rowNeeds)?.value) continue;
          checkEquation(ctx, {
            target: { table: t, row, column: rel.total },
            parts: [
              ...parts.map((column) => ({ table: t, row, column })),
              ...minus.map((column) => ({ table: t, row, column, sign: -1 as const })),
            ],
            messageId: 'mismatch',
            values: {
              parts: labels.map((l) => `“${l}”`).join('、'),
              partsEn: [...parts, ...minus.map((m) => `−${m}`)].join(' + '),
            },
          });
        }
      }
    }
  },
};

export default rule;
