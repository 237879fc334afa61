import { isPersonnelCode, lookup } from '../catalog/catalog.ts';
import { abs, add, cmp, isZero, sub, sum, toFixedString, ZERO, type Decimal } from '../model/decimal.ts';
import type { Disclosure, NarrativeSection, Row, Table } from '../model/disclosure.ts';
import type { SourcePlace } from '../model/place.ts';
import { codedRows, rowByCode, rowByItem, tableByKey, totalRow, valueOf } from '../model/query.ts';
import { chineseNumber } from '../render/print-document.ts';
import type { NarrativeInputs } from './narrative-inputs.ts';
import { amountText, changeText, compareWord, dec, MISSING, percentText } from './numbers.ts';

// The 情况说明 (第三部分) written from the model's numbers, in the fixed sentences the national template uses
// (domain.md §2): totals and year-on-year change, shares, structure by class, each 项's budget against actual,
// 人员/公用经费, 三公, 机关运行经费, 政府采购, 国有资产. Every figure is read from a table or an input; where a
// reason or a figure is required and not given, a 【请填写…】 marker stands in its place.

const PLACE: SourcePlace = { kind: 'text', line: 1, column: 1 };

interface Writer {
  sections: NarrativeSection[];
  section(heading: string, paragraphs: string[], parent?: string): void;
}

/** “六、一般公共预算…” → its text without the outline number. */
const OUTLINE_NUMBER = /^[一二三四五六七八九十]+、/;

function writer(partHeading: string): Writer {
  const sections: NarrativeSection[] = [];
  let top = 0;
  /** Top-level headings as the template writes them → as numbered here (a sub-section names its parent by the former). */
  const numbered = new Map<string, string>();
  return {
    sections,
    section(written, paragraphs, parent) {
      // The template's sections are numbered in one fixed order, but a section whose table the document lacks is
      // left out: top-level headings are numbered as they are written, so the outline never skips (一、 … 五、, not
      // 一、 … 六、 after a missing 五、), which outline-numbering (CJ511) would rightly report.
      const heading =
        !parent && OUTLINE_NUMBER.test(written)
          ? `${chineseNumber(++top)}、${written.replace(OUTLINE_NUMBER, '')}`
          : written;
      if (!parent) numbered.set(written, heading);
      const headingPath = [partHeading, ...(parent ? [numbered.get(parent) ?? parent] : []), heading];
      sections.push({
        headingPath,
        heading,
        part: 3,
        paragraphs: paragraphs
          .filter(Boolean)
          .map((text) => ({ text, place: PLACE, segments: [{ offset: 0, place: PLACE }] })),
        place: PLACE,
      });
    },
  };
}

const v = (row: Row | undefined, col: string): Decimal => valueOf(row, col) ?? ZERO;

/**
 * The table's 合计 line: the printed total row, a line labelled 合计/总计 (budget tables print it as an item),
 * else a sum of the 类 lines (or of the top unit lines) so a table printed without a total still has one.
 */
function tableTotal(t: Table | undefined): Row | undefined {
  if (t?.status !== 'data') return undefined;
  // Budget tables print "合计" under empty 类/款/项 cells, which some extractions join into the label.
  const printed =
    totalRow(t) ?? t.rows.find((r) => /^(类款项)?(合计|总计)[:：]?$/.test((r.label ?? '').replace(/\s/g, '')));
  if (printed) return printed;
  const department = t.rows.find((r) => r.kind === 'unit' && r.code?.length === 3);
  if (department) return department;
  const parts = codedRows(t, '类');
  if (!parts.length) return undefined;
  const columns = [...new Set(parts.flatMap((r) => r.cells.map((c) => c.column)))];
  return {
    kind: 'total',
    label: '合计',
    cells: columns.map((column) => {
      const total = sum(parts.map((r) => v(r, column)));
      return { column, text: '', value: toFixedString(total), decimals: total.scale, place: PLACE };
    }),
    place: PLACE,
  };
}

function reasonText(reason: string | undefined): string {
  const r = reason?.trim().replace(/[。；;，,]+$/, '');
  return r ? `主要原因是${r.replace(/^主要(原因)?是(因为)?/, '')}` : `主要原因是${MISSING('原因')}`;
}

/** "与上年相比，增加…，增长…%，主要原因是…。" or a marker asking for last year's figure. */
function yoy(
  current: Decimal,
  prior: string | undefined,
  reason: string | undefined,
  unit: string | null,
  what: string,
): string {
  const p = dec(prior);
  if (!p) return `与上年相比的增减变化${MISSING(`上年${what}`)}。`;
  const c = changeText(current, p, unit);
  if (c.direction === 'same') return `${c.sentence}。`;
  return `${c.sentence}，${reasonText(reason)}。`;
}

function shares(parts: [string, Decimal][], whole: Decimal, unit: string | null, of = ''): string {
  return parts
    .filter(([, d]) => !isZero(d))
    .map(([name, d]) => `${name}${amountText(d, unit)}，占${of}${percentText(d, whole) ?? '0%'}`)
    .join('；');
}

function className(t: Table, code: string, year: number | null): string {
  const row = rowByCode(t, code);
  const printed = row?.label?.replace(/^[一二三四五六七八九十]+、/, '');
  if (printed) return printed;
  const l = lookup('function', code, year);
  return l.status === 'known' ? l.nameForYear : code;
}

function finalAccountNarrative(d: Disclosure, inputs: NarrativeInputs): NarrativeSection[] {
  const unit = d.unit ?? '万元';
  const year = d.fiscalYear ? `${d.fiscalYear}年度` : '本年度';
  const w = writer(`第三部分 ${d.fiscalYear ?? ''}年度部门决算情况说明`);
  const reasons = inputs.reasons ?? {};
  const prior = inputs.prior ?? {};

  // 一、收支总体
  const t01 = tableByKey(d, 'final.income_expenditure_summary');
  const t02 = tableByKey(d, 'final.income');
  const t03 = tableByKey(d, 'final.expenditure');
  const incomeTotal = t02 ? v(totalRow(t02), 'total') : t01 ? v(rowByItem(t01, 'income.total'), 'amount') : ZERO;
  const grand = t01 ? (valueOf(rowByItem(t01, 'income.grand_total'), 'amount') ?? incomeTotal) : incomeTotal;
  w.section('一、收入支出决算总体情况说明', [
    `${year}收、支总计${amountText(grand, unit)}。${yoy(grand, prior.total, reasons.total, unit, '收、支总计')}`,
  ]);

  // 二、收入
  if (t02) {
    const tr = totalRow(t02);
    const cols: [string, string][] = [
      ['财政拨款收入', 'fiscal'],
      ['上级补助收入', 'superior_subsidy'],
      ['事业收入', 'business'],
      ['经营收入', 'operating'],
      ['附属单位上缴收入', 'affiliated'],
      ['其他收入', 'other'],
    ];
    const list = shares(
      cols.map(([n, c]) => [n, v(tr, c)]),
      v(tr, 'total'),
      unit,
    );
    w.section('二、收入决算情况说明', [
      `${year}收入合计${amountText(v(tr, 'total'), unit)}${list ? `，其中：${list}` : ''}。`,
    ]);
  }
  // 三、支出
  if (t03) {
    const tr = totalRow(t03);
    const cols: [string, string][] = [
      ['基本支出', 'basic'],
      ['项目支出', 'project'],
      ['上缴上级支出', 'upper_remit'],
      ['经营支出', 'operating'],
      ['对附属单位补助支出', 'subsidy_affiliated'],
    ];
    const list = shares(
      cols.map(([n, c]) => [n, v(tr, c)]),
      v(tr, 'total'),
      unit,
    );
    w.section('三、支出决算情况说明', [
      `${year}支出合计${amountText(v(tr, 'total'), unit)}${list ? `，其中：${list}` : ''}。`,
    ]);
  }
  // 四、财政拨款收支总体
  const t04 = tableByKey(d, 'final.fiscal_summary');
  if (t04) {
    const g =
      valueOf(rowByItem(t04, 'income.grand_total'), 'amount') ??
      valueOf(rowByItem(t04, 'expenditure.grand_total'), 'total') ??
      v(rowByItem(t04, 'expenditure.total'), 'total');
    w.section('四、财政拨款收入支出决算总体情况说明', [
      `${year}财政拨款收、支总计${amountText(g, unit)}。${yoy(g, prior.fiscalTotal, reasons.fiscalTotal, unit, '财政拨款收、支总计')}`,
    ]);
  }
  // 五、一般公共预算财政拨款支出
  const t05 = tableByKey(d, 'final.general_budget_expenditure');
  if (t05) {
    const parent = '五、一般公共预算财政拨款支出决算情况说明';
    const total = v(totalRow(t05), 'total');
    const all = t03 ? v(totalRow(t03), 'total') : total;
    w.section(parent, []);
    w.section(
      '（一）一般公共预算财政拨款支出决算总体情况',
      [
        `${year}一般公共预算财政拨款支出${amountText(total, unit)}，占本年支出合计的${percentText(total, all) ?? '0%'}。${yoy(total, prior.generalBudget, reasons.generalBudget, unit, '一般公共预算财政拨款支出')}`,
      ],
      parent,
    );
    const classes = codedRows(t05, '类');
    const list = shares(
      classes.map((r) => [className(t05, r.code!, d.fiscalYear), v(r, 'total')]),
      total,
      unit,
      '',
    );
    w.section(
      '（二）一般公共预算财政拨款支出决算结构情况',
      [`${year}一般公共预算财政拨款支出${amountText(total, unit)}${list ? `，主要用于以下方面：${list}` : ''}。`],
      parent,
    );
    const items = codedRows(t05, '项');
    const budgets = inputs.itemBudgets ?? {};
    const budgetSum = items.reduce<Decimal | null>((acc, r) => {
      const b = dec(budgets[r.code!]);
      return acc && b ? add(acc, b) : null;
    }, ZERO);
    const lines: string[] = [];
    lines.push(
      budgetSum && items.length
        ? `${year}一般公共预算财政拨款支出年初预算为${amountText(budgetSum, unit)}，支出决算为${amountText(total, unit)}，完成年初预算的${percentText(total, budgetSum) ?? MISSING('完成率')}。其中：`
        : `${year}一般公共预算财政拨款支出决算为${amountText(total, unit)}，年初预算${MISSING('各项目年初预算数')}。其中：`,
    );
    items.forEach((r, i) => {
      const code = r.code!;
      const path = `${className(t05, code.slice(0, 3), d.fiscalYear)}（类）${rowByCode(t05, code.slice(0, 5))?.label ?? nameOf(code.slice(0, 5), d.fiscalYear)}（款）${r.label ?? nameOf(code, d.fiscalYear)}（项）`;
      const actual = v(r, 'total');
      const b = dec(budgets[code]);
      let sentence: string;
      if (!b) sentence = `年初预算为${MISSING('年初预算数')}，支出决算为${amountText(actual, unit)}。`;
      else {
        const word = compareWord(actual, b);
        const rate = percentText(actual, b);
        sentence = `年初预算为${amountText(b, unit)}，支出决算为${amountText(actual, unit)}，${rate ? `完成年初预算的${rate}` : '年初未安排预算'}，决算数${word}年初预算数${word === '等于' ? '' : `，${reasonText(inputs.reasons?.items?.[code])}`}。`;
      }
      lines.push(`${i + 1}、${path}：${sentence}`);
    });
    w.section('（三）一般公共预算财政拨款支出决算具体情况', lines, parent);
  }
  // 六、基本支出
  const t06 = tableByKey(d, 'final.general_budget_basic');
  if (t06) {
    const personnel =
      valueOf(rowByItem(t06, 'personnel_total'), 'amount') ??
      sum(t06.rows.filter((r) => r.level === '类' && !!r.code && isPersonnelCode(r.code)).map((r) => v(r, 'amount')));
    const pub =
      valueOf(rowByItem(t06, 'public_total'), 'amount') ??
      sum(t06.rows.filter((r) => r.level === '类' && !(r.code && isPersonnelCode(r.code))).map((r) => v(r, 'amount')));
    // The basic total restated is the one 05表 prints when 06表's two totals agree with it within rounding;
    // when the tables disagree beyond rounding (the audit reports that), the text stays self-consistent
    // with 06表 so that its shares add up to 100%.
    const t05b = tableByKey(d, 'final.general_budget_expenditure');
    const printed = t05b ? valueOf(totalRow(t05b), 'basic') : null;
    const fromParts = add(personnel, pub);
    const basic = printed && cmp(abs(sub(printed, fromParts)), { units: 2n, scale: 2 }) <= 0 ? printed : fromParts;
    const names = (pred: (c: string) => boolean) =>
      t06.rows
        .filter((r) => r.level === '款' && r.code && pred(r.code) && !isZero(v(r, 'amount')))
        .map((r) => r.label)
        .filter(Boolean)
        .join('、');
    const pn = names((c) => c.startsWith('301') || c.startsWith('303'));
    const gn = names((c) => !c.startsWith('301') && !c.startsWith('303'));
    w.section('六、一般公共预算财政拨款基本支出决算情况说明', [
      `${year}一般公共预算财政拨款基本支出${amountText(basic, unit)}，其中：`,
      `人员经费${amountText(personnel, unit)}，占基本支出的${percentText(personnel, basic) ?? '0%'}${pn ? `，主要包括${pn}` : ''}。`,
      `公用经费${amountText(pub, unit)}，占基本支出的${percentText(pub, basic) ?? '0%'}${gn ? `，主要包括${gn}` : ''}。`,
    ]);
  }
  // 七、八、基金与国有资本
  const fundSentence = (key: string, name: string, heading: string) => {
    const t = tableByKey(d, key);
    const tr = t ? totalRow(t) : undefined;
    const total = v(tr, 'total');
    if (!t || isZero(total)) {
      w.section(heading, [`${year}本单位无${name}财政拨款收支，故${name}财政拨款支出决算表无数据。`]);
      return;
    }
    w.section(heading, [
      `${year}${name}财政拨款支出${amountText(total, unit)}，其中：基本支出${amountText(v(tr, 'basic'), unit)}，项目支出${amountText(v(tr, 'project'), unit)}。`,
    ]);
  };
  fundSentence('final.gov_fund', '政府性基金预算', '七、政府性基金预算财政拨款收入支出决算情况说明');
  fundSentence('final.state_capital', '国有资本经营预算', '八、国有资本经营预算财政拨款支出决算情况说明');

  // 九、三公
  const t09 = tableByKey(d, 'final.three_public');
  {
    const r = t09?.rows[0];
    const parent = '九、财政拨款“三公”经费支出决算情况说明';
    const pair = (k: string) => [v(r, `budget.${k}`), v(r, `final.${k}`)] as const;
    const line = (name: string, k: string) => {
      const [b, f] = pair(k);
      const rate = percentText(f, b);
      return `${name}支出预算为${amountText(b, unit)}，支出决算为${amountText(f, unit)}${rate ? `，完成预算的${rate}` : ''}。`;
    };
    const [, total] = pair('total');
    w.section(parent, []);
    w.section(
      '（一）“三公”经费财政拨款支出决算总体情况说明',
      [
        line('“三公”经费财政拨款', 'total'),
        line('因公出国（境）费', 'abroad'),
        line('公务用车购置及运行维护费', 'vehicle_total'),
        line('公务接待费', 'reception'),
      ],
      parent,
    );
    const c = inputs.threePublicCounts ?? {};
    const n = (x: string | undefined, what: string) => (x?.trim() ? x.trim() : MISSING(what));
    const [, abroad] = pair('abroad');
    const [, reception] = pair('reception');
    const [, purchase] = pair('vehicle_purchase');
    const [, operation] = pair('vehicle_operation');
    w.section(
      '（二）“三公”经费财政拨款支出决算具体情况说明',
      [
        `${year}“三公”经费财政拨款支出决算${amountText(total, unit)}。其中：`,
        `1、因公出国（境）费支出决算${amountText(abroad, unit)}，全年安排因公出国（境）团组${n(c.abroadGroups, '团组数')}个，累计${n(c.abroadPeople, '人次')}人次。`,
        `2、公务接待费支出决算${amountText(reception, unit)}，全年共接待来访团组${n(c.receptionGroups, '接待批次')}个、来宾${n(c.receptionPeople, '接待人次')}人次。`,
        `3、公务用车购置及运行维护费支出决算${amountText(add(purchase, operation), unit)}，其中：公务用车购置费${amountText(purchase, unit)}，购置公务用车${n(c.vehiclesPurchased, '购置车辆数')}辆；公务用车运行维护费${amountText(operation, unit)}，截至${d.fiscalYear ?? ''}年12月31日，开支财政拨款的公务用车保有量为${n(c.vehiclesHeld, '公务用车保有量')}辆。`,
      ],
      parent,
    );
  }
  // 十、机关运行经费
  {
    const pub = t06 ? valueOf(rowByItem(t06, 'public_total'), 'amount') : null;
    const cost = dec(inputs.operatingCost) ?? pub;
    w.section('十、关于机关运行经费支出说明', [
      cost
        ? `本部门${year}机关运行经费支出${amountText(cost, unit)}，${yoy(cost, prior.operatingCost, reasons.operatingCost, unit, '机关运行经费')}`
        : `本部门${year}机关运行经费支出${MISSING('机关运行经费')}。`,
    ]);
  }
  // 十一、会议费、培训费 (06表 30215 / 30216)
  if (t06) {
    const meet = v(rowByCode(t06, '30215'), 'amount');
    const train = v(rowByCode(t06, '30216'), 'amount');
    w.section('十一、一般性支出情况说明', [
      `${year}一般公共预算财政拨款基本支出中会议费${amountText(meet, unit)}，培训费${amountText(train, unit)}。`,
    ]);
  }
  // 十二、政府采购
  {
    const p = inputs.procurement ?? {};
    const goods = dec(p.goods);
    const works = dec(p.works);
    const services = dec(p.services);
    if (goods && works && services) {
      const total = add(add(goods, works), services);
      const sme = dec(p.sme);
      const small = dec(p.small);
      w.section('十二、关于政府采购支出说明', [
        `本部门${year}政府采购支出总额${amountText(total, unit)}，其中：政府采购货物支出${amountText(goods, unit)}、政府采购工程支出${amountText(works, unit)}、政府采购服务支出${amountText(services, unit)}。` +
          (sme
            ? `授予中小企业合同金额${amountText(sme, unit)}，占政府采购支出总额的${percentText(sme, total) ?? '0%'}` +
              (small
                ? `，其中：授予小微企业合同金额${amountText(small, unit)}，占授予中小企业合同金额的${percentText(small, sme) ?? '0%'}`
                : '') +
              '。'
            : `授予中小企业合同金额${MISSING('授予中小企业合同金额')}。`),
      ]);
    } else
      w.section('十二、关于政府采购支出说明', [
        `本部门${year}政府采购支出${MISSING('政府采购货物、工程、服务支出')}。`,
      ]);
  }
  // 十三、国有资产
  {
    const a = inputs.assets ?? {};
    const veh = a.vehicles?.trim() ? a.vehicles.trim() : MISSING('车辆数');
    const eq = a.equipment?.trim() ? a.equipment.trim() : MISSING('设备台（套）数');
    w.section('十三、关于国有资产占用情况说明', [
      `截至${d.fiscalYear ?? ''}年12月31日，本部门共有车辆${veh}辆；单位价值100万元以上设备（不含车辆）${eq}台（套）。${a.note?.trim() ?? ''}`,
    ]);
  }
  // 十四、绩效
  w.section(`十四、关于${d.fiscalYear ?? ''}年度预算绩效情况的说明`, [
    inputs.performance?.trim() || MISSING('预算绩效管理工作开展情况及绩效自评结果'),
  ]);
  if (inputs.other?.trim()) w.section('十五、其他', [inputs.other.trim()]);
  return w.sections;
}

function nameOf(code: string, year: number | null): string {
  const l = lookup('function', code, year);
  return l.status === 'known' ? l.nameForYear : code;
}

function budgetNarrative(d: Disclosure, inputs: NarrativeInputs): NarrativeSection[] {
  const unit = d.unit ?? '万元';
  const year = d.fiscalYear ? `${d.fiscalYear}年` : '本年';
  const w = writer(`第三部分 ${d.fiscalYear ?? ''}年部门预算情况说明`);
  const reasons = inputs.reasons ?? {};
  const prior = inputs.prior ?? {};
  const summary = tableByKey(d, 'budget.summary');
  const incomeTable = tableByKey(d, 'budget.income');
  // A 收入总表 printed as an image has no figures: the 收支总表's income lines say the same.
  const income = tableTotal(incomeTable) ? incomeTable : undefined;
  const exp = tableByKey(d, 'budget.expenditure');
  const grand = summary
    ? (valueOf(rowByItem(summary, 'income.grand_total'), 'amount') ?? v(rowByItem(summary, 'income.total'), 'amount'))
    : v(tableTotal(exp), 'total');
  w.section('一、收支预算总体情况', [
    `${year}本部门收支预算总计${amountText(grand, unit)}。${yoy(grand, prior.total, reasons.total, unit, '收支预算总计')}`,
  ]);
  if (income || summary) {
    const tr = tableTotal(income);
    const parts: [string, Decimal][] = income
      ? (
          [
            ['一般公共预算拨款收入', 'general_budget'],
            ['政府性基金预算拨款收入', 'gov_fund'],
            ['国有资本经营预算拨款收入', 'state_capital'],
            ['财政专户管理资金收入', 'special_account'],
            ['事业收入', 'business'],
            ['事业单位经营收入', 'operating'],
            ['上级补助收入', 'superior_subsidy'],
            ['附属单位上缴收入', 'affiliated'],
            ['其他收入', 'other'],
            ['上年结转', 'carryover'],
          ] as const
        ).map(([n, c]) => [n, v(tr, c)])
      : (
          [
            ['一般公共预算拨款收入', 'income.general_budget'],
            ['政府性基金预算拨款收入', 'income.gov_fund'],
            ['国有资本经营预算拨款收入', 'income.state_capital'],
            ['财政专户管理资金收入', 'income.special_account'],
            ['事业收入', 'income.business'],
            ['其他收入', 'income.other'],
            ['上年结转结余', 'income.carryover'],
          ] as const
        ).map(([n, item]) => [n, v(rowByItem(summary!, item), 'amount')]);
    const total = income ? v(tr, 'total') : grand;
    const list = shares(parts, total, unit);
    w.section('二、收入预算情况', [`${year}收入预算${amountText(total, unit)}${list ? `，其中：${list}` : ''}。`]);
  }
  if (tableTotal(exp)) {
    const tr = tableTotal(exp);
    const total = v(tr, 'total');
    const list = shares(
      [
        ['基本支出', v(tr, 'basic')],
        ['项目支出', v(tr, 'project')],
        ['事业单位经营支出', v(tr, 'operating')],
        ['上缴上级支出', v(tr, 'upper_remit')],
        ['对附属单位补助支出', v(tr, 'subsidy_affiliated')],
      ],
      total,
      unit,
    );
    w.section('三、支出预算情况', [`${year}支出预算${amountText(total, unit)}${list ? `，其中：${list}` : ''}。`]);
  }
  const general = tableByKey(d, 'budget.general_expenditure');
  if (tableTotal(general)) {
    const tr = tableTotal(general);
    const total = v(tr, 'total');
    const byClass = new Map<string, Decimal>();
    for (const r of codedRows(general!, '项'))
      byClass.set(r.code!.slice(0, 3), add(byClass.get(r.code!.slice(0, 3)) ?? ZERO, v(r, 'total')));
    for (const r of codedRows(general!, '类')) byClass.set(r.code!, v(r, 'total'));
    const list = shares(
      [...byClass].map(([c, d2]) => [nameOf(c, d.fiscalYear), d2]),
      total,
      unit,
    );
    w.section('四、一般公共预算拨款支出预算情况', [
      `${year}一般公共预算拨款支出预算${amountText(total, unit)}，${yoy(total, prior.generalBudget, reasons.generalBudget, unit, '一般公共预算拨款支出预算')}`,
      list ? `按支出功能分类：${list}。` : '',
      `其中：基本支出${amountText(v(tr, 'basic'), unit)}，项目支出${amountText(v(tr, 'project'), unit)}。`,
    ]);
  }
  const basic = tableByKey(d, 'budget.general_basic');
  if (tableTotal(basic)) {
    const tr = tableTotal(basic);
    const total = v(tr, 'total');
    w.section('五、一般公共预算基本支出预算情况', [
      `${year}一般公共预算基本支出预算${amountText(total, unit)}，其中：人员经费${amountText(v(tr, 'personnel'), unit)}，占${percentText(v(tr, 'personnel'), total) ?? '0%'}；公用经费${amountText(v(tr, 'public'), unit)}，占${percentText(v(tr, 'public'), total) ?? '0%'}。`,
    ]);
  }
  const three = tableByKey(d, 'budget.three_public');
  {
    const tr = tableTotal(three) ?? three?.rows[0];
    const total = v(tr, 'total');
    w.section('六、一般公共预算“三公”经费预算情况', [
      `${year}“三公”经费预算${amountText(total, unit)}，其中：因公出国（境）费${amountText(v(tr, 'abroad'), unit)}，公务用车购置费${amountText(v(tr, 'vehicle_purchase'), unit)}，公务用车运行费${amountText(v(tr, 'vehicle_operation'), unit)}，公务接待费${amountText(v(tr, 'reception'), unit)}。${yoy(total, prior.threePublic, reasons.threePublic, unit, '“三公”经费预算')}`,
    ]);
  }
  const cost = dec(inputs.operatingCost);
  w.section('七、机关运行经费', [
    cost
      ? `${year}机关运行经费预算${amountText(cost, unit)}，${yoy(cost, prior.operatingCost, reasons.operatingCost, unit, '机关运行经费预算')}`
      : `${year}机关运行经费预算${MISSING('机关运行经费')}。`,
  ]);
  const p = inputs.procurement ?? {};
  const goods = dec(p.goods);
  const works = dec(p.works);
  const services = dec(p.services);
  w.section('八、政府采购预算情况', [
    goods && works && services
      ? `${year}政府采购预算${amountText(add(add(goods, works), services), unit)}，其中：货物${amountText(goods, unit)}、工程${amountText(works, unit)}、服务${amountText(services, unit)}。`
      : `${year}政府采购预算${MISSING('政府采购货物、工程、服务预算')}。`,
  ]);
  const a = inputs.assets ?? {};
  w.section('九、国有资产占有情况', [
    `截至上年12月31日，本部门共有车辆${a.vehicles?.trim() || MISSING('车辆数')}辆；单位价值100万元以上设备（不含车辆）${a.equipment?.trim() || MISSING('设备台（套）数')}台（套）。`,
  ]);
  w.section('十、预算绩效目标情况', [inputs.performance?.trim() || MISSING('重点项目绩效目标设置情况')]);
  return w.sections;
}

/** The 情况说明 of a document from its numbers and the inputs only people can give. */
export function writeNarrative(d: Disclosure, inputs: NarrativeInputs = {}): NarrativeSection[] {
  return d.kind === '预算' ? budgetNarrative(d, inputs) : finalAccountNarrative(d, inputs);
}

/** 第一部分 概况 from the inputs (duties, structure, units). */
export function writeOverview(d: Disclosure, inputs: NarrativeInputs = {}): NarrativeSection[] {
  const part = `第一部分 ${d.entity.name ?? ''}概况`;
  const mk = (heading: string, paragraphs: string[]): NarrativeSection => ({
    headingPath: [part, heading],
    heading,
    part: 1,
    paragraphs: paragraphs.map((text) => ({ text, place: PLACE, segments: [{ offset: 0, place: PLACE }] })),
    place: PLACE,
  });
  const duties = inputs.duties?.filter((s) => s.trim()) ?? [];
  const structure = inputs.structure?.filter((s) => s.trim()) ?? [];
  const units = d.entity.units;
  return [
    mk('一、部门职责', duties.length ? duties : [MISSING('部门职责')]),
    mk(`二、机构设置及${d.kind === '预算' ? '预算' : '决算'}单位构成`, [
      ...(structure.length ? structure : [MISSING('内设机构设置')]),
      units.length
        ? `纳入本部门${d.fiscalYear ?? ''}年部门${d.kind ?? '决算'}编制范围的单位包括：${units.map((u, i) => `${chineseNumber(i + 1)}是${u}`).join('；')}。`
        : `${d.kind ?? '决算'}单位构成${MISSING('单位构成')}。`,
    ]),
  ];
}
