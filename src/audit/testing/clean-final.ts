import type { Disclosure, Table } from '../../model/disclosure.ts';
import { parseAmount } from '../../model/amount.ts';
import { mulInt, toFixedString } from '../../model/decimal.ts';
import { code, disclosure, item, section, table, total, type RowSpec } from './build.ts';

// A complete, consistent 部门决算 (the numbers of seed 000 with its defects repaired) for rule fixtures and the
// mutation test: every arithmetic and cross-table relation holds, up to rounding the document itself shows.

type Line = [string, string, string, string | null, string | null]; // code, name, total, basic, project

const LINES: Line[] = [
  ['201', '一般公共服务支出', '1.00', null, '1.00'],
  ['20132', '组织事务', '1.00', null, '1.00'],
  ['2013299', '其他组织事务支出', '1.00', null, '1.00'],
  ['208', '社会保障和就业支出', '15.18', '15.18', null],
  ['20805', '行政事业单位养老支出', '15.18', '15.18', null],
  ['2080505', '机关事业单位基本养老保险缴费支出', '15.18', '15.18', null],
  ['210', '卫生健康支出', '260.45', '156.76', '103.69'],
  ['21011', '行政事业单位医疗', '11.01', '11.01', null],
  ['2101101', '行政单位医疗', '5.72', '5.72', null],
  ['2101103', '公务员医疗补助', '5.29', '5.29', null],
  ['21013', '医疗救助', '0.46', null, '0.46'],
  ['2101301', '城乡医疗救助', '0.46', null, '0.46'],
  ['21015', '医疗保障管理事务', '248.98', '145.76', '103.23'],
  ['2101501', '行政运行', '145.76', '145.76', null],
  ['2101504', '信息化建设', '1.20', null, '1.20'],
  ['2101505', '医疗保障政策管理', '19.00', null, '19.00'],
  ['2101506', '医疗保障经办事务', '62.79', null, '62.79'],
  ['2101599', '其他医疗保障管理事务支出', '20.24', null, '20.24'],
  ['221', '住房保障支出', '13.07', '13.07', null],
  ['22102', '住房改革支出', '13.07', '13.07', null],
  ['2210201', '住房公积金', '13.07', '13.07', null],
];

const ECON: [string, string, string | null, 'g1' | 'g2' | 'g3'][] = [
  ['301', '工资福利支出', '151.91', 'g1'],
  ['30101', '基本工资', '40.17', 'g1'],
  ['30102', '津贴补贴', '24.98', 'g1'],
  ['30103', '奖金', '47.06', 'g1'],
  ['30108', '机关事业单位基本养老保险缴费', '15.18', 'g1'],
  ['30110', '职工基本医疗保险缴费', '5.72', 'g1'],
  ['30111', '公务员医疗补助缴费', '5.29', 'g1'],
  ['30112', '其他社会保障缴费', '0.44', 'g1'],
  ['30113', '住房公积金', '13.07', 'g1'],
  ['303', '对个人和家庭的补助', null, 'g1'],
  ['302', '商品和服务支出', '33.10', 'g2'],
  ['30201', '办公费', '2.61', 'g2'],
  ['30202', '印刷费', '1.96', 'g2'],
  ['30207', '邮电费', '3.31', 'g2'],
  ['30211', '差旅费', '0.58', 'g2'],
  ['30213', '维修（护）费', '0.66', 'g2'],
  ['30217', '公务接待费', null, 'g2'],
  ['30228', '工会经费', '5.40', 'g2'],
  ['30229', '福利费', '3.17', 'g2'],
  ['30239', '其他交通费用', '6.64', 'g2'],
  ['30299', '其他商品和服务支出', '8.76', 'g2'],
  ['310', '资本性支出', null, 'g3'],
];

const classes = LINES.filter((l) => l[0].length === 3);

export function cleanFinalTables(): Table[] {
  const coded = (f: (l: Line) => Record<string, string | null>) => LINES.map((l) => code(l[0], f(l), l[1]));
  const classRows = (section: string, f: (l: Line) => Record<string, string | null>): RowSpec[] =>
    classes.map((l) => ({ ...code(l[0], f(l), l[1], section) }));
  return [
    table('final.income_expenditure_summary', {
      rows: [
        item('income.general_budget', { amount: '289.70' }, '一般公共预算财政拨款收入'),
        item('income.other', { amount: null }, '其他收入'),
        item('income.total', { amount: '289.70' }, '本年收入合计'),
        item('income.opening_balance', { amount: null }, '年初结转和结余'),
        item('income.grand_total', { amount: '289.70' }, '总计'),
        ...classRows('expenditure', (l) => ({ amount: l[2] })),
        item('expenditure.total', { amount: '289.70' }, '本年支出合计'),
        item('expenditure.closing_balance', { amount: null }, '年末结转和结余'),
        item('expenditure.grand_total', { amount: '289.70' }, '总计'),
      ],
    }),
    table('final.income', {
      rows: [
        total({ total: '289.70', fiscal: '289.70', other: null }),
        ...coded((l) => ({ total: l[2], fiscal: l[2], other: null })),
      ],
    }),
    table('final.expenditure', {
      rows: [
        total({ total: '289.70', basic: '185.01', project: '104.69' }),
        ...coded((l) => ({ total: l[2], basic: l[3], project: l[4] })),
      ],
    }),
    table('final.fiscal_summary', {
      rows: [
        item('income.general_budget', { amount: '289.70' }, '一般公共预算财政拨款'),
        item('income.total', { amount: '289.70' }, '本年收入合计'),
        item('income.opening_balance', { amount: null }, '年初财政拨款结转和结余'),
        item('income.grand_total', { amount: '289.70' }, '总计'),
        ...classRows('expenditure', (l) => ({ total: l[2], general_budget: l[2] })),
        item('expenditure.total', { total: '289.70', general_budget: '289.70' }, '本年支出合计'),
        item('expenditure.closing_balance', { total: null, general_budget: null }, '年末财政拨款结转和结余'),
        item('expenditure.grand_total', { total: '289.70', general_budget: '289.70' }, '总计'),
      ],
    }),
    table('final.general_budget_expenditure', {
      rows: [
        total({ total: '289.70', basic: '185.01', project: '104.69' }),
        ...coded((l) => ({ total: l[2], basic: l[3], project: l[4] })),
      ],
    }),
    table('final.general_budget_basic', {
      rows: [
        ...ECON.map(([c, n, v, g]) => code(c, { amount: v }, n, g)),
        item('personnel_total', { amount: '151.91' }, '人员经费合计'),
        item('public_total', { amount: '33.10' }, '公用经费合计'),
        item('total', { amount: '185.01' }, '合计'),
      ],
    }),
    table('final.gov_fund', {
      rows: [total({ total: null })],
      emptyStatement: '本单位没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。',
    }),
    table('final.state_capital', {
      rows: [total({ total: null })],
      emptyStatement: '本单位没有使用国有资本经营预算安排的支出，故本表无数据。',
    }),
    table('final.three_public', {
      rows: [
        item(
          'three_public',
          {
            'budget.total': '11.00',
            'budget.abroad': '0',
            'budget.vehicle_total': '6.00',
            'budget.vehicle_purchase': '0',
            'budget.vehicle_operation': '6.00',
            'budget.reception': '5.00',
            'final.total': '8.21',
            'final.abroad': '0',
            'final.vehicle_total': '5.99',
            'final.vehicle_purchase': '0',
            'final.vehicle_operation': '5.99',
            'final.reception': '2.22',
          },
          '三公经费',
        ),
      ],
    }),
  ];
}

export const CLEAN_NARRATIVE: [string, string[]][] = [
  [
    '一、收入支出决算总体情况说明',
    ['2023年度收、支总计289.70万元。与上年相比，增加12.65万元，增长4.57%，主要是因为医疗保障管理事务项目支出增加。'],
  ],
  ['二、收入决算情况说明', ['2023年度收入合计289.70万元，其中：财政拨款收入289.70万元，占100%；其他收入0万元，占0%。']],
  [
    '三、支出决算情况说明',
    ['2023年度支出合计289.70万元，其中：基本支出185.01万元，占63.86%；项目支出104.69万元，占36.14%。'],
  ],
  [
    '四、财政拨款收入支出决算总体情况说明',
    ['2023年度财政拨款收、支总计289.70万元，与上年相比，增加12.65万元，增长4.57%。'],
  ],
  [
    '五、一般公共预算财政拨款支出决算情况说明',
    [
      '2023年度财政拨款支出289.70万元，主要用于以下方面：一般公共服务（类）支出1.00万元，占0.35%；社会保障和就业支出15.18万元，占5.24%；卫生健康支出260.45万元，占89.90%；住房保障支出13.07万元，占4.51%。',
      '卫生健康支出（类）医疗保障管理事务（款）行政运行（项）。年初预算为145.76万元，支出决算为145.76万元，完成年初预算的100%，决算数等于年初预算数。',
    ],
  ],
  [
    '六、一般公共预算财政拨款基本支出决算情况说明',
    [
      '2023年度财政拨款基本支出185.01万元，其中：人员经费151.91万元，占基本支出的82.11%；公用经费33.10万元，占基本支出的17.89%。',
    ],
  ],
  ['七、政府性基金预算收入支出决算情况', ['本单位无政府性基金收支，故本表无数据。']],
  ['八、国有资本经营预算收入支出决算情况', ['本单位无国有资本经营预算收支，故本表无数据。']],
  [
    '九、财政拨款三公经费支出决算情况说明',
    ['“三公”经费财政拨款支出预算为11.00万元，支出决算为8.21万元，完成预算的74.64%。'],
  ],
];

export function cleanFinal(): Disclosure {
  return disclosure({
    kind: '决算',
    tables: cleanFinalTables(),
    sections: CLEAN_NARRATIVE.map(([h, ps]) => section(['第三部分 2023年度部门决算情况说明', h], ...ps)),
  });
}

/** Replaces the printed text (and value) of one cell, as a document with that typo would print it. */
export function setCell(d: Disclosure, tableKey: string, row: string, column: string, text: string | null): Disclosure {
  const t = d.tables.find((x) => x.key === tableKey);
  const r = t?.rows.find((x) => x.code === row || x.item === row || (row === 'total' && x.kind === 'total'));
  const c = r?.cells.find((x) => x.column === column);
  if (!c) throw new Error(`setCell: no ${tableKey} ${row} ${column}`);
  const p = text === null ? { value: null, decimals: 0 } : parseAmount(text);
  if (!p) throw new Error(`setCell: not an amount ${text}`);
  c.text = text ?? '';
  c.value = p.value ? toFixedString(p.value) : null;
  c.decimals = p.decimals;
  if (t) t.status = 'data';
  return d;
}

/** Reprints a 万元 table in 元 (seed 001 prints 元), values exact: ×10000, two decimals. */
export function inYuan(t: Table): Table {
  t.unit = '元';
  for (const r of t.rows)
    for (const c of r.cells) {
      const p = c.value === null ? undefined : parseAmount(c.value);
      if (!p?.value) continue;
      const v = toFixedString(mulInt(p.value, 10000n), 2);
      c.value = v;
      c.text = v;
      c.decimals = 2;
    }
  return t;
}
