import type { DocumentKind } from '../../model/disclosure.ts';

// What a narrative figure is about: the words before it name a table line or total (收支总计, 一般公共预算拨款收入,
// 基本支出, 人员经费, 因公出国（境）费, 政府采购预算, a 类/款/项 line…). The vocabulary is data: each subject lists the
// wordings the corpus prints for it (上海, 北京, 深圳, 广州, 西安, 烟台, 无锡, 苏州, 福州, 重庆 budgets, the seeds'
// final accounts). A figure is given a subject only when every word before the term is one the vocabulary allows
// (the department's name, the year, numbering, 本部门, scope words): "上年执行数", "比上年", "在职人员经费",
// "主要用于…" leave a figure without subject, unchecked rather than guessed.

/** Whose money a figure counts: the whole department, its 财政拨款, or one budget of it. */
export type Scope = 'all' | 'fiscal' | 'general' | 'gov_fund' | 'state_capital';

export interface Term {
  subject: string;
  /** The wording, without the fillers allowed after it (预算, 为, 安排…). */
  term: string;
  /** A term naming money by source without saying income or spending ("一般公共预算拨款"): the sentence decides. */
  sided?: boolean;
}

const t = (subject: string, term: string, sided = false): Term => ({ subject, term, sided });

/** Ordered by nothing: the longest matching wording wins. */
export const TERMS: readonly Term[] = [
  // totals
  t('grand_total', '收[、，,]?支(?:预算)?总(?:计|预算|额)'),
  t('grand_total', '收入[、和与]支出(?:预算)?总(?:计|额)'),
  t('income.grand_total', '收入(?:预算)?总(?:计|额)'),
  t('income.total', '(?:本年|当年)?收入(?:预算)?(?:合计|小计)?'),
  t('income.total', '预算收入'),
  t('expenditure.grand_total', '支出(?:预算)?总(?:计|额)'),
  t('expenditure.total', '(?:本年|当年)?支出(?:预算)?(?:合计|小计)?'),
  t('expenditure.total', '预算支出'),
  // income by source
  t('income.general_budget', '一般公共预算(?:财政)?(?:拨款)?(?:收入|资金收入)'),
  t('income.general_budget', '一般公共预算(?:财政)?(?:拨款|资金)', true),
  t('income.gov_fund', '政府性基金预算(?:财政)?(?:拨款)?收入'),
  t('income.gov_fund', '政府性基金预算(?:财政)?(?:拨款|资金)', true),
  t('income.state_capital', '国有资本经营预算(?:财政)?(?:拨款)?收入'),
  t('income.state_capital', '国有资本经营预算(?:财政)?(?:拨款|资金)', true),
  t('income.special_account', '财政专户管理资金(?:收入)?'),
  t('income.business', '事业收入'),
  t('income.operating', '事业单位经营收入'),
  t('income.superior', '上级(?:单位|财政)?补助收入'),
  t('income.affiliated', '附属单位上缴收入'),
  t('income.other', '其他收入'),
  t('income.carryover', '上年结转(?:结余|和结余)?(?:资金)?'),
  t('expenditure.carryover', '年(?:终|末)结转(?:结余|和结余)?(?:资金)?'),
  // spending by kind
  t('expenditure.basic', '基本支出'),
  t('expenditure.project', '项目支出'),
  t('expenditure.operating', '事业单位经营(?:服务)?支出'),
  t('expenditure.upper_remit', '上缴上级支出'),
  t('expenditure.subsidy_affiliated', '对附属单位补助支出'),
  t('personnel', '人员经费'),
  t('public', '(?:日常)?公用经费'),
  // 三公 and the other controlled items
  t('three_public.total', '[“"]?三公[”"]?经费'),
  t('three_public.abroad', '因公出国[（(]境[)）](?:费用|经费|费)'),
  t('three_public.vehicle_total', '公务用车购置(?:费)?(?:及|和)运行(?:维护)?(?:费用|经费|费)'),
  t('three_public.vehicle_purchase', '公务用车购置(?:费用|经费|费)?'),
  t('three_public.vehicle_operation', '公务用车运行(?:维护)?(?:费用|经费|费)'),
  t('three_public.reception', '公务接待(?:费用|经费|费)'),
  t('operating_costs', '机关运行经费'),
  t('meeting', '会议费'),
  t('training', '培训费'),
  t('procurement.total', '政府采购(?:支出)?(?:预算)?'),
  t('procurement.goods', '(?:政府采购|拟采购)?货物(?:类)?(?:采购)?(?:项目)?'),
  t('procurement.works', '(?:政府采购|拟采购)?工程(?:类)?(?:采购)?(?:项目)?'),
  t('procurement.services', '(?:政府采购|拟采购)?服务(?:类)?(?:采购)?(?:项目)?'),
];

/**
 * Words allowed between a term and its figure, by document kind: in a budget 预算/安排 name the document's own
 * amount; in a final account 决算 does, and 预算 names the budget the 决算 is compared with — another quantity
 * (“基本支出年初预算为…，决算为…”). A document of unknown kind reads as a budget (95 % of what is published).
 */
const FILLER_BY_KIND: Record<DocumentKind, string> = {
  预算: '(?:预算数|预算|预计|总额|合计|总计|共计|共|为|是|安排|达到|达|资金|支出|：|:|[“”"])*',
  决算: '(?:决算数|决算|总额|合计|总计|共计|共|为|是|达到|达|资金|支出|：|:|[“”"])*',
};
/**
 * A label that only restates the amount of the subject named before it (“（一）因公出国（境）费用。2026年预算数…”), by
 * kind. A final account's bare “支出决算为” follows the line's 年初预算 in the same sentence (“…年初预算为1万元，支出决算
 * 为1万元”), not a subject of its own: it takes none.
 */
const BARE_BY_KIND: Record<DocumentKind, RegExp | null> = {
  预算: /(?:预算数|预算安排|安排|预算)(?:支出)?(?:为|是)?$/,
  决算: null,
};
/**
 * Terms that alone name no total, by kind: a final account states each line's outcome as “…年初预算为1万元，支出决算为
 * 1万元”, so a bare “支出”/“收入” there is the line's, not the 本年支出合计.
 */
const GENERIC_BY_KIND: Record<DocumentKind, RegExp | null> = { 预算: null, 决算: /^(?:支出|收入)$/ };
const kindOf = (k: DocumentKind | null | undefined): DocumentKind => k ?? '预算';

/** Words a figure's label may start with before its term: numbering, the year, 本部门, scope and source words. */
const PREFIX_PARTS = [
  /^[（(][一二三四五六七八九十\d]+[)）]/,
  /^[一二三四五六七八九十]+[、．.]/,
  /^\d+[、．.]/,
  /^(?:其中|包括|主要包括|含)[:：]?/,
  /^(?:本年度|本年|当年|年度|全年)/,
  /^(?:本部门|本单位|部门|单位)/,
  /^(?:财政拨款|一般公共预算|政府性基金预算|政府性基金|国有资本经营预算|国有资本经营)/,
  /^(?:拨款|财政)/,
  /^(?:安排的?|通过|用于?)/,
  /^[的“”"、]/,
];

/** A department's name as printed before a label ("无锡市统计局", "北京市交通委员会部门", "广州市卫生健康委员会（本级）"). */
const ENTITY =
  /^[\u4e00-\u9fff]{2,30}?(?:局|委员会|委|办公室|办|中心|院|厅|部|署|馆|所|站|队|处|社|会|学校|医院|政府|街道办事处)(?:[（(](?:本级|汇总|部门)[)）])?/;

function sameEntity(a: string, b: string): boolean {
  const core = (x: string) => x.replace(/[（(](本级|汇总|部门)[)）]$/, '').replace(/(部门|单位)$/, '');
  const x = core(a);
  const y = core(b);
  if (x === y || x.endsWith(y) || y.endsWith(x)) return true;
  // a short name: the entity's level word and the end of its name (“省检察院” for 江苏省人民检察院, “省法院” for
  // 江苏省高级人民法院), the level word printed in the full name before that end
  const short = /^([省市区县])([\u4e00-\u9fff]{2,})$/.exec(y);
  if (!short || !x.endsWith(short[2])) return false;
  const level = x.lastIndexOf(short[1], x.length - short[2].length - 1);
  return level >= 0;
}

/** Strips what may precede a term; null when something else is left (上年执行数, 比上年, 在职人员…). */
export function stripPrefix(
  prefix: string,
  entityNames: readonly string[],
  year: number | null = null,
): { rest: string; scope: Scope | null } {
  let s = prefix.replace(/\s+/g, '');
  let scope: Scope | null = null;
  for (let guard = 0; guard < 20 && s; guard++) {
    const name = entityNames.find((n) => n && s.startsWith(n));
    if (name) {
      s = s.slice(name.length);
      continue;
    }
    const sc = /^(财政拨款|一般公共预算|政府性基金(?:预算)?|国有资本经营(?:预算)?)/.exec(s);
    if (sc) {
      const w = sc[1];
      const found: Scope =
        w === '财政拨款'
          ? 'fiscal'
          : w.startsWith('一般')
            ? 'general'
            : w.startsWith('政府性')
              ? 'gov_fund'
              : 'state_capital';
      // 一般公共预算财政拨款: the narrower of the two
      if (!scope || scope === 'fiscal') scope = found;
      s = s.slice(w.length);
      continue;
    }
    // the document's year; another year's figure is another quantity
    const y = /^(\d{4})年(?:度)?/.exec(s);
    if (y) {
      if (year !== null && Number(y[1]) !== year) break;
      s = s.slice(y[0].length);
      continue;
    }
    const part = PREFIX_PARTS.find((re) => re.test(s));
    if (part) {
      s = s.replace(part, '');
      continue;
    }
    // a department's name in another spelling ("北京市交通委员会部门" for 北京市交通委员会); a subordinate unit's name
    // ("…龙华分局") names that unit's money, not the document's
    const ent = ENTITY.exec(s);
    if (
      ent &&
      !/经费|支出|收入|预算|上年|执行|比|较|增|减|结转|采购|项目|资金|安排/.test(ent[0]) &&
      entityNames.some((n) => sameEntity(n, ent[0]))
    ) {
      s = s.slice(ent[0].length);
      continue;
    }
    break;
  }
  return { rest: s, scope };
}

const compiledBy: Record<DocumentKind, { re: RegExp; subject: string; term: string; sided?: boolean }[]> = {
  预算: TERMS.map((x) => ({ ...x, re: new RegExp(`(${x.term})${FILLER_BY_KIND.预算}$`) })),
  决算: TERMS.map((x) => ({ ...x, re: new RegExp(`(${x.term})${FILLER_BY_KIND.决算}$`) })),
};

export interface LabelSubject {
  subject: string;
  /** The scope words printed before the term, if any. */
  scope: Scope | null;
  sided: boolean;
  /** Where the term starts in the label. */
  at: number;
  /** The term as printed, without fillers ("本年收入合计", "因公出国（境）费"). */
  term: string;
}

/** The subject a label names, when the whole label is prefix + term + fillers. */
export function subjectOfLabel(
  label: string,
  entityNames: readonly string[],
  year: number | null = null,
  kind: DocumentKind | null = null,
): LabelSubject | null {
  const s = label.replace(/\s+/g, '');
  let best: LabelSubject | null = null;
  const generic = GENERIC_BY_KIND[kindOf(kind)];
  for (const c of compiledBy[kindOf(kind)]) {
    const m = c.re.exec(s);
    if (!m || generic?.test(m[1])) continue;
    // the longest term wins: "其他收入" over "收入", "一般公共预算拨款收入" over "收入"
    if (best && best.at <= m.index) continue;
    const { rest, scope } = stripPrefix(s.slice(0, m.index), entityNames, year);
    if (rest) continue;
    best = { subject: c.subject, scope, sided: !!c.sided, at: m.index, term: m[1] };
  }
  return best;
}

/** A label that restates the amount of the subject named just before ("2026年预算数", "预算安排"). */
export function isBareAmountLabel(
  label: string,
  entityNames: readonly string[],
  year: number | null = null,
  kind: DocumentKind | null = null,
): boolean {
  const s = label.replace(/\s+/g, '');
  const m = BARE_BY_KIND[kindOf(kind)]?.exec(s);
  if (!m) return false;
  const { rest } = stripPrefix(s.slice(0, m.index), entityNames, year);
  return rest === '';
}

/** A functional-classification line named in a label: by code, by short code with its level, or by names. */
export interface LineRef {
  code?: string;
  /** "住房公积金（01项）": the last digits and the level. */
  tail?: { digits: string; level: '类' | '款' | '项' };
  /** Names printed with their level marks, outermost first ("统计信息事务（款）行政运行（项）"). */
  names: { name: string; level: '类' | '款' | '项' | null }[];
}

const LINE_FILLER: Record<DocumentKind, RegExp> = {
  预算: new RegExp(`${FILLER_BY_KIND.预算}$`),
  决算: new RegExp(`${FILLER_BY_KIND.决算}$`),
};

/**
 * Reads a 类/款/项 line from a label: "行政运行（2040601）", "住房公积金（01项）", "一般公共服务支出（类）",
 * "统计信息事务（款）行政运行（项）支出", or a bare name ("卫生健康支出") that the caller resolves against a table.
 */
export function lineOfLabel(
  label: string,
  entityNames: readonly string[],
  year: number | null = null,
  kind: DocumentKind | null = null,
): LineRef | null {
  let s = label.replace(/\s+/g, '').replace(LINE_FILLER[kindOf(kind)], '');
  const first = /[\u4e00-\u9fff]/.exec(s);
  if (!first) return null;
  // everything before the first name must be numbering and the like
  const lead =
    /^((?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、．.]|\d+[、．.]|其中[:：]?|包括[:：]?|\d{4}年度?|本年|当年)*)/.exec(
      s,
    )![1];
  s = s.slice(lead.length);
  const out: LineRef = { names: [] };
  const code = /[（(](\d{3}|\d{5}|\d{7})(?:类|款|项)?(?:科目)?[)）]$/.exec(s);
  if (code) {
    out.code = code[1];
    s = s.slice(0, code.index);
  }
  const tail = !code && /[（(](\d{2})(款|项)[)）]$/.exec(s);
  if (tail) {
    out.tail = { digits: tail[1], level: tail[2] as '款' | '项' };
    s = s.slice(0, tail.index);
  }
  const marks = [...s.matchAll(/([^（）()]+?)[（(](类|款|项)[)）]/g)];
  if (marks.length && marks.map((m) => m[0]).join('') === s) {
    for (const m of marks) out.names.push({ name: m[1].replace(/^(?:支出)/, ''), level: m[2] as '类' | '款' | '项' });
  } else if (/^[\u4e00-\u9fff、]+$/.test(s) && s.length >= 2) {
    out.names.push({ name: s, level: out.tail?.level ?? null });
  } else if (!out.code) return null;
  if (out.names.length === 0 && !out.code) return null;
  // a name that is a department's, or a known subject's wording, is not a line
  if (
    out.names.length === 1 &&
    !out.code &&
    !out.tail &&
    out.names[0].level === null &&
    subjectOfLabel(out.names[0].name, entityNames, year, kind)
  )
    return null;
  return out;
}
