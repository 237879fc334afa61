import { entries, functionClassByName } from '../../../catalog/catalog.ts';
import { ref, type CellRef } from '../../refs.ts';
import type { Figure } from '../../narrative/tokens.ts';

// Which table cell a narrative figure restates, by the section it is in and the words before it (domain.md §2:
// the 情况说明 restates table figures in fixed sentences). Only figures whose target is unambiguous are mapped;
// the rest are not checked rather than guessed.

const F = (k: string) => `final.${k}`;

/** Words before a figure, without year, numbering and "其中：" (e.g. "2023年度收、支总计" → "收、支总计"). */
export function cleanLabel(label: string): string {
  return label
    .replace(/^(其中|包括|主要包括)[:：]?/, '')
    .replace(/^[（(]?[\d一二三四五六七八九十]+[)）.、．]\s*/, '')
    .replace(/^(本部门|本单位|部门|单位)?(\d{4}年度?|本年度|本年|全年)?/, '')
    .replace(/[（(](类|款|项)[)）]/g, '')
    .replace(/[“”"]/g, '')
    .replace(/(本年支出|决算数|决算)?(为|是|共计|合计为)?$/, '')
    .trim();
}

interface Mapping {
  heading: RegExp;
  label: RegExp;
  target: CellRef;
}

const incomeCols: [RegExp, string][] = [
  [/^财政拨款收入$/, 'fiscal'],
  [/^上级补助收入$/, 'superior_subsidy'],
  [/^事业收入$/, 'business'],
  [/^经营收入$/, 'operating'],
  [/^附属单位上缴收入$/, 'affiliated'],
  [/^其他收入$/, 'other'],
];
const spendCols: [RegExp, string][] = [
  [/^基本支出$/, 'basic'],
  [/^项目支出$/, 'project'],
  [/^上缴上级支出$/, 'upper_remit'],
  [/^经营支出$/, 'operating'],
  [/^对附属单位补助支出$/, 'subsidy_affiliated'],
];

const INCOME = /收入决算情况/;
const SPENDING = /[三3][、.．]\s*支出决算情况|^(?!.*(财政拨款|一般公共预算)).*支出决算情况说明/;
const GENERAL = /一般公共预算财政拨款支出决算/;
const BASIC = /基本支出决算情况/;

const MAPPINGS: Mapping[] = [
  {
    heading: /^(?!.*财政拨款).*收入支出决算总体情况/,
    label: /^收、?支总计$/,
    target: ref(F('income_expenditure_summary'), 'income.grand_total', 'amount'),
  },
  {
    heading: /财政拨款收入支出决算总体情况/,
    label: /^财政拨款收、?支总计$/,
    target: ref(F('fiscal_summary'), 'income.grand_total', 'amount'),
  },
  {
    heading: INCOME,
    label: /^(本年)?收入合计$/,
    target: ref(F('income_expenditure_summary'), 'income.total', 'amount'),
  },
  ...incomeCols.map(([label, col]) => ({ heading: INCOME, label, target: ref(F('income'), 'total', col) })),
  {
    heading: SPENDING,
    label: /^(本年)?支出合计$/,
    target: ref(F('income_expenditure_summary'), 'expenditure.total', 'amount'),
  },
  ...spendCols.map(([label, col]) => ({ heading: SPENDING, label, target: ref(F('expenditure'), 'total', col) })),
  {
    heading: GENERAL,
    label: /^(一般公共预算)?财政拨款支出$/,
    target: ref(F('general_budget_expenditure'), 'total', 'total'),
  },
  {
    heading: BASIC,
    label: /^(一般公共预算)?(财政拨款)?基本支出$/,
    target: ref(F('general_budget_expenditure'), 'total', 'basic'),
  },
  { heading: BASIC, label: /^人员经费$/, target: ref(F('general_budget_basic'), 'personnel_total', 'amount') },
  { heading: BASIC, label: /^(日常)?公用经费$/, target: ref(F('general_budget_basic'), 'public_total', 'amount') },
];

const THREE_PUBLIC_ITEMS: [RegExp, string][] = [
  [/公务用车购置(费)?及运行(维护)?费/, 'vehicle_total'],
  [/公务用车购置费/, 'vehicle_purchase'],
  [/公务用车运行(维护)?费/, 'vehicle_operation'],
  [/因公出国[（(]境[)）]费/, 'abroad'],
  [/公务接待费/, 'reception'],
  [/三公.{0,2}经费/, 'total'],
];

const econClasses = entries('dept_econ').filter((e) => e.level === '类');

/** The sections narrative-amount reads: the 情况说明, not the 绩效 appendix. */
export function inExplanation(heading: string): boolean {
  return /第三部分|情况说明|说明/.test(heading) && !/第五部分|附件|绩效/.test(heading);
}

export function targetOf(heading: string, text: string, f: Figure): CellRef | undefined {
  if (f.kind !== 'amount' || f.change) return undefined;
  const label = cleanLabel(f.label);
  if (/三公/.test(heading) && /(预算|决算)(数)?(为)?$/.test(f.label)) {
    const side = /决算(数)?(为)?$/.test(f.label) ? 'final' : 'budget';
    // the subject: the last 三公 item named in this sentence before the figure
    const sentenceStart = Math.max(...['。', '；', ';'].map((c) => text.lastIndexOf(c, f.start))) + 1;
    const before = text.slice(sentenceStart, f.start);
    let best: { at: number; col: string } | null = null;
    for (const [re, col] of THREE_PUBLIC_ITEMS) {
      const all = [...before.matchAll(new RegExp(re.source, 'g'))];
      const at = all.length ? all[all.length - 1].index! : -1;
      if (at >= 0 && (!best || at > best.at)) best = { at, col };
    }
    if (!best) return undefined;
    return ref(F('three_public'), 'three_public', `${side}.${best.col}`);
  }
  for (const m of MAPPINGS) if (m.heading.test(heading) && m.label.test(label)) return m.target;
  if (GENERAL.test(heading) && /支出$/.test(label) && !/预算|决算/.test(f.label)) {
    const cls = functionClassByName(label);
    if (cls) return ref(F('general_budget_expenditure'), `code:${cls.code}`, 'total');
  }
  if (BASIC.test(heading)) {
    const e = econClasses.find((c) => c.name === label);
    if (e) return ref(F('general_budget_basic'), `code:${e.code}`, 'amount');
  }
  return undefined;
}
