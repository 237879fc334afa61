import { add, fromUnits, mul, parseDecimal, toFixedString } from '../../../model/decimal.ts';
import { code, disclosure, item, section, table, total } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

// Real sentences from the corpus (file and page quoted), on a budget whose tables carry that document's numbers.

/** 无锡市统计局 2026 部门预算 (corpus calinchow-del__renwu/014_无锡/2026年无锡市统计局部门预算.pdf, tables p8–p22). */
function wuxi(...sections: ReturnType<typeof section>[]) {
  return disclosure({
    kind: '预算',
    fiscalYear: 2026,
    name: '无锡市统计局',
    tables: [
      table('budget.summary', {
        rows: [
          item('income.general_budget', { amount: '3210.10' }, '一、一般公共预算拨款收入'),
          item('income.gov_fund', { amount: null }, '二、政府性基金预算拨款收入'),
          code('201', { amount: '2404.17' }, '一、一般公共服务支出', 'expenditure_function'),
          code('208', { amount: '263.85' }, '八、社会保障和就业支出', 'expenditure_function'),
          code('210', { amount: '76.95' }, '十、卫生健康支出', 'expenditure_function'),
          code('221', { amount: '465.13' }, '二十、住房保障支出', 'expenditure_function'),
          { ...total({ amount: '3210.10' }, 'income', '本年收入合计'), item: 'income.total' },
          {
            ...total({ amount: '3210.10' }, 'expenditure_function', '本年支出合计'),
            item: 'expenditure_function.total',
          },
          { ...total({ amount: '3210.10' }, 'income', '收入总计'), item: 'income.grand_total' },
          {
            ...total({ amount: '3210.10' }, 'expenditure_function', '支出总计'),
            item: 'expenditure_function.grand_total',
          },
        ],
      }),
      table('budget.expenditure', {
        rows: [
          total({ total: '3210.10', basic: '2235.04', project: '975.06' }),
          code('201', { total: '2404.17', basic: '1429.11', project: '975.06' }, '一般公共服务支出'),
          code('20105', { total: '2404.17', basic: '1429.11', project: '975.06' }, '统计信息事务'),
          code('2010501', { total: '1429.11', basic: '1429.11', project: null }, '行政运行'),
          code('2010502', { total: '391.72', basic: null, project: '391.72' }, '一般行政管理事务'),
          code('221', { total: '465.13', basic: '465.13', project: null }, '住房保障支出'),
          code('22102', { total: '465.13', basic: '465.13', project: null }, '住房改革支出'),
          code('2210201', { total: '149.63', basic: '149.63', project: null }, '住房公积金'),
        ],
      }),
      table('budget.general_expenditure', {
        rows: [
          total({
            total: '3210.10',
            basic: '2235.04',
            basic_personnel: '2103.71',
            basic_public: '131.33',
            project: '975.06',
          }),
          code('201', { total: '2404.17', basic: '1429.11', project: '975.06' }, '一般公共服务支出'),
          code('20105', { total: '2404.17', basic: '1429.11', project: '975.06' }, '统计信息事务'),
          code('2010501', { total: '1429.11', basic: '1429.11', project: null }, '行政运行'),
          code('2010502', { total: '391.72', basic: null, project: '391.72' }, '一般行政管理事务'),
          code('221', { total: '465.13', basic: '465.13', project: null }, '住房保障支出'),
          code('22102', { total: '465.13', basic: '465.13', project: null }, '住房改革支出'),
          code('2210201', { total: '149.63', basic: '149.63', project: null }, '住房公积金'),
        ],
      }),
      table('budget.three_public_and_other', {
        rows: [
          total(
            {
              total: '24.64',
              three_public_total: '3.00',
              abroad: '0.00',
              vehicle_total: '0.00',
              vehicle_purchase: null,
              vehicle_operation: '0.00',
              reception: '3.00',
              meeting: '2.61',
              training: '19.03',
            },
            undefined,
            '',
          ),
        ],
      }),
    ],
    sections,
  });
}

const part = (h: string, ...p: string[]) => section(['第三部分2026年度部门预算情况说明', h], ...p);

/**
 * 重庆市规划和自然资源局 2026 (calinchow-del__renwu/004_重庆): p6 states the procurement total and, after 其中, its
 * 一般公共预算拨款 part; the 政府采购预算明细表 p27 prints both (总计 110,390.99, 一般公共预算拨款收入 50,106.43).
 */
function chongqingProcurement(general: string) {
  const t = table('budget.procurement', {
    rows: [
      total({
        total: '110,390.99',
        general_budget: general,
        gov_fund: '15,057.75',
        operating: '12,013.07',
        other: '33,213.75',
      }),
    ],
  });
  return disclosure({
    kind: '预算',
    fiscalYear: 2026,
    name: '重庆市规划和自然资源局',
    tables: [t],
    sections: [
      section(
        '（二）政府采购情况',
        '所属各预算单位政府采购预算总额110,390.99万元：政府采购货物预算6,005.76万元、政府采购工程预算6,599.5万元、政府采购服务预算97,785.73万元；其中一般公共预算拨款政府采购50,106.43万元：政府采购货物预算664.38万元、政府采购工程预算0万元、政府采购服务预算49,442.05万元。',
      ),
    ],
  });
}

/**
 * 西安市民政局 2021 (calinchow-del__renwu/020_西安/民政局_2026年部门预算.pdf): the tables are in 元 and p20 states the
 * 财政拨款 total in 万元 as the sum of the two parts it lists after 其中, each rounded from its 元 cell (70,376.87 =
 * 53,598.71 + 16,778.16 for 703,768,605.79元 = 70,376.86万元). Here the 支出总表 in 元 with 201 printed 24,041,640.00
 * (2,404.16万元), stated as the sum of two parts that are no table line.
 */
function inYuanClass(stated: string, first: string) {
  return wuxiInYuan(`一般公共服务支出${stated}万元，其中市本级${first}万元、所属单位975.06万元。`);
}

function wuxiInYuan(sentence = '一般公共服务支出2,404.17万元。') {
  const d = wuxi(part('三、支出预算情况说明', sentence));
  const t = d.tables.find((x) => x.key === 'budget.expenditure')!;
  t.unit = '元';
  for (const r of t.rows)
    for (const c of r.cells) if (c.value) c.value = toFixedString(mul(parseDecimal(c.value)!, fromUnits(10000n, 0)), 2);
  const cls = t.rows.find((r) => r.code === '201')!;
  cls.cells[0].value = '24041640.00';
  return d;
}

const fixtures: RuleFixtures = {
  valid: [
    {
      // 深圳市人民政府口岸办公室 2026 p7–p8 and 国资委 2026 p5 (calinchow-del__renwu/003_深圳): the 项目支出 list names projects,
      // some called like a 款 or 项 (国有资产监管, 行政运行), and the parts of a project are the project's
      name: '深圳 2026: projects listed under “项目支出…具体包括：” are not table lines',
      disclosure: () =>
        wuxi(
          part(
            '三、部门预算支出具体情况',
            '（五）项目支出975.06万元，具体包括：1.统计信息事务391.72万元，主要用于统计调查。2.综合管理367.65万元,主要包括：国家免除费用项目管理费21.60万元，用于审计服务；行政运行85.04万元，用于年度档案整理工作。',
          ),
        ),
    },
    {
      name: '无锡 p25–p31: totals, sources, 项 lines by 款/项 names, 人员经费, 三公 items, all restated right',
      disclosure: () =>
        wuxi(
          part(
            '一、收支预算总体情况说明',
            '无锡市统计局2026年度收入、支出预算总计3,210.1万元，与上年相比收、支预算总计各增加242.3万元，增长8.16%。其中：',
            '（一）收入预算总计3,210.1万元。包括：',
            '1．本年收入合计3,210.1万元。',
            '（1）一般公共预算拨款收入3,210.1万元，与上年相比增加242.3万元，增长8.16%。',
            '（2）政府性基金预算拨款收入0万元，与上年预算数相同。',
          ),
          part(
            '三、支出预算情况说明',
            '无锡市统计局2026年支出预算合计3,210.1万元，其中：',
            '基本支出2,235.04万元，占69.63%；',
            '项目支出975.06万元，占30.37%；',
          ),
          part(
            '五、财政拨款支出预算情况说明',
            '1.统计信息事务（款）行政运行（项）支出1,429.11万元，与上年相比增加50.65万元，增长3.67%。',
            '2.统计信息事务（款）一般行政管理事务（项）支出391.72万元，与上年相比减少6.12万元，减少1.54%。',
            '1.住房改革支出（款）住房公积金（项）支出149.63万元，与上年相比增加7.6万元，增长5.35%。',
          ),
          part(
            '八、一般公共预算基本支出预算情况说明',
            '无锡市统计局2026年度一般公共预算财政拨款基本支出预算2,235.04万元，其中：',
            '（一）人员经费2,103.71万元。主要包括：基本工资、津贴补贴、奖金。',
          ),
          part(
            '九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明',
            '无锡市统计局2026年度一般公共预算拨款安排的“三公”经费支出预算3万元，比上年预算减少11.3万元。其中，因公出国（境）费支出0万元，占“三公”经费的0%；公务用车购置及运行维护费支出0万元，占“三公”经费的0%；公务接待费支出3万元，占“三公”经费的100%。',
            '无锡市统计局2026年度一般公共预算拨款安排的会议费预算支出2.61万元，比上年预算减少1.72万元。',
          ),
        ),
    },
    {
      name: '长沙 p9: lines listed under 项目支出 are compared with the 项目支出 column, across the sentence break',
      disclosure: () =>
        wuxi(
          part(
            '四、一般公共预算拨款支出',
            '（二）项目支出：2026年本单位项目支出预算975.06万元，主要是单位为完成特定行政工作任务而发生的支出，其中：一般公共服务支出975.06万元，主要用于统计调查等方面。住房保障支出0万元。',
          ),
        ),
    },
    {
      name: '深圳口岸 p8: a project’s own 上年结转 is not the department’s',
      disclosure: () =>
        wuxi(
          part(
            '一、无锡市统计局',
            '广深港高铁西九龙站内地口岸区物业管理服务2,520.00万元，上年结转122.31万元，用于广深港高铁西九龙内地口岸区运行维护工作。',
          ),
        ),
    },
    {
      name: '北京 p6: a prior-year figure after 比 is not this year’s total',
      disclosure: () =>
        wuxi(
          part(
            '三、支出预算情况说明',
            '2026年支出预算3210.10万元，比2025年年初预算数2967.80万元增加242.30万元，增长8.16%。',
          ),
        ),
    },
    {
      // calinchow-del__renwu/004_重庆/2026年重庆市经济和信息化委员会部门预算.pdf p2: “一般公共服务支出190.62万元” for a 201 line
      // printed 190.63 — a class line is a sum of printed 项, whose sum may be one unit off (an info)
      name: '重庆经信委 p2: a class amount one unit off its table line is rounding of the parts',
      disclosure: () =>
        wuxi(part('三、支出预算情况说明', '包括一般公共服务支出2,404.16万元、住房保障支出465.13万元。')),
    },
    {
      // calinchow-del__renwu/020_西安 生态环境局 2022 p17: “生态环境监测与信息（2111101）5620.60万元” for 56,206,054.00元
      name: '西安生态 p17: a 元 line restated in 万元 with its digits cut off',
      disclosure: () => {
        const d = wuxi(
          part(
            '（二）支出按功能科目分类的明细情况',
            '本部门当年一般公共预算支出32,101,000.00元，其中：1.行政运行（2010501）1429.11万元；2.一般行政管理事务（2010502）391.72万元。',
          ),
        );
        const t = d.tables.find((x) => x.key === 'budget.general_expenditure')!;
        t.unit = '元';
        for (const r of t.rows)
          for (const c of r.cells)
            if (c.value)
              c.value = toFixedString(
                add(mul(parseDecimal(c.value)!, fromUnits(10000n, 0)), fromUnits(r.code === '2010502' ? 99n : 0n, 0)),
                2,
              );
        return d;
      },
    },
    {
      name: '西安民政 2021 p20: a 万元 amount stated as the sum of its listed parts stands for what their intervals allow',
      disclosure: () => inYuanClass('2,404.17', '1,429.11'),
    },
    {
      name: '上年执行数 and 在职人员经费 are not table lines',
      disclosure: () =>
        wuxi(part('三、支出预算情况说明', '上年执行数基本支出2,100.00万元；在职人员经费1,900.00万元。')),
    },
    {
      name: '其中一般公共预算拨款政府采购 is the procurement table’s 一般公共预算 column (重庆 2026 p6/p27)',
      disclosure: () => chongqingProcurement('50,106.43'),
    },
  ],
  invalid: [
    {
      name: '其中一般公共预算拨款政府采购 against a different 一般公共预算 column (重庆 2026 p6 with the table changed)',
      disclosure: () => chongqingProcurement('50,006.43'),
      expect: [{ messageId: 'mismatch', table: 'narrative' }],
    },
    {
      // review.md: a total stated as 0 万元 where the tables have money (the sentence left from a year without 三公)
      name: 'a stated “0万元” against a 三公 table printing 3.00',
      disclosure: () => wuxi(part('八、“三公”经费预算情况说明', '2026年“三公”经费预算为0万元。')),
      expect: [{ messageId: 'mismatch', table: 'narrative' }],
    },
    {
      // ae86jack__open-budget/2017年省检察院部门预算.pdf p19: “此外，基本支出预算数为 12323.46 万元” while the same page
      // (三、支出预算情况说明) and the 支出预算总表 print 12323.48
      name: '省检察院 2017 p19: 基本支出 stated 0.02 万元 off the 支出总表',
      disclosure: () =>
        wuxi(part('（二）支出预算总计', '此外，基本支出预算数为2235.02万元。与上年相比增加148.38万元，增长7.11%。')),
      expect: [{ messageId: 'mismatch', table: 'narrative' }],
    },
    {
      // calinchow-del__renwu/008_杭州/2026年杭州市交通运输局部门预算.pdf p6 vs 表1 p22: “一般公共服务支出6,701.98万元” while
      // 表1 prints 6651.38 (its 款 lines add up to 6701.98)
      name: '杭州 p6: a class amount the 收支总表 prints otherwise',
      disclosure: () =>
        wuxi(
          part(
            '（三）支出预算情况说明（详见表1-3）',
            '1.按支出功能分类，包括一般公共服务支出2,454.77万元、住房保障支出465.13万元。',
          ),
        ),
      expect: [{ messageId: 'mismatch' }],
    },
    {
      name: '无锡-style 三公 item stated wrongly',
      disclosure: () =>
        wuxi(
          part(
            '九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明',
            '3．公务接待费预算支出13万元，比上年预算减少1.3万元。',
          ),
        ),
      expect: [{ messageId: 'mismatch' }],
    },
    {
      name: '西安民政 2021 p20 without its parts: a 万元 amount 0.006万元 off its 元 line is a mismatch',
      disclosure: () => wuxiInYuan(),
      expect: [{ messageId: 'mismatch', table: 'narrative' }],
    },
    {
      name: '西安民政 2021 p20 changed: a 万元 sum of listed parts their intervals cannot give',
      disclosure: () => inYuanClass('2,404.18', '1,429.12'),
      expect: [{ messageId: 'mismatch', table: 'narrative' }],
    },
    {
      name: 'a figure within rounding of the table is an info',
      disclosure: () =>
        wuxi(part('三、支出预算情况说明', '无锡市统计局2026年支出预算合计3,210.1万元，其中：基本支出2,235.0万元。')),
      expect: [{ messageId: 'mismatch.rounding', severity: 'info' }],
    },
  ],
};

export default fixtures;
