import type { Figure } from './tokens.ts';

// Reading the fixed sentences of the 情况说明 (domain.md §2): which figure is a share and of what, which is a
// completion rate and of which budget, which is a change and of which current amount.

/** A share "……X万元，占（比）（Y的）P%": the part is the amount just before, in the same or the previous clause. */
export interface Share {
  pct: Figure;
  part: Figure;
  /** Words naming the whole ("基本支出", "本年支出合计"), when printed. */
  wholeName: string | null;
  /** The whole: an amount named so earlier in the paragraph, else the amount the list hangs from (before 其中/主要用于). */
  whole: Figure | null;
}

const SHARE = /占(?:比)?(?:(.{1,16}?)的)?(?:比重|比例)?(?:为)?$/;

function normaliseName(s: string): string {
  return s.replace(/^(本部门|本单位|全年|年度|\d{4}年度?)/, '').replace(/[“”"（）()]/g, '');
}

/** The amount a list hangs from: the last amount before the first 其中/主要用于/包括 that precedes `before`. */
export function listHead(text: string, figs: Figure[], before: number): Figure | null {
  const heads = [...text.matchAll(/其中|主要用于|具体情况|主要包括|分别为/g)].map((m) => m.index!).filter((i) => i < before);
  if (!heads.length) return null;
  const at = heads[0];
  const cands = figs.filter((f) => f.kind === 'amount' && !f.change && f.end <= at);
  return cands.length ? cands[cands.length - 1] : null;
}

export function shares(text: string, figs: Figure[]): Share[] {
  const out: Share[] = [];
  figs.forEach((f, i) => {
    if (f.kind !== 'percent') return;
    const m = SHARE.exec(f.label);
    if (!m) return;
    // the part: nearest earlier amount in this sentence, in this clause or the one before
    let part: Figure | null = null;
    const g = i > 0 ? figs[i - 1] : undefined;
    if (g && g.sentence === f.sentence && g.kind !== 'percent' && g.clause >= f.clause - 1 && !g.change) part = g;
    if (!part) return;
    const wholeName = m[1] ? normaliseName(m[1]) : null;
    let whole: Figure | null = null;
    if (wholeName) {
      const named = figs.filter((g) => g.kind === 'amount' && g.start < part!.start && !g.change && normaliseName(g.label).replace(/(为|是|共计|合计|共)$/, '').endsWith(wholeName));
      whole = named.length ? named[named.length - 1] : null;
      // "占总支出的" names the list's head without repeating its words
      if (!whole && /^(总支出|支出总额|总额|总数)$/.test(wholeName)) whole = listHead(text, figs, part.start);
    } else whole = listHead(text, figs, part.start);
    if (whole === part) whole = null;
    out.push({ pct: f, part, wholeName, whole });
  });
  return out;
}

/** "年初预算为A…，支出决算为B…，完成（年初）预算的P%". */
export interface Completion {
  pct: Figure;
  budget: Figure | null;
  actual: Figure | null;
}

const COMPLETED = /完成(年初|全年)?(调整)?预算(数)?(的|为)?$/;

export function completions(figs: Figure[]): Completion[] {
  const out: Completion[] = [];
  figs.forEach((f, i) => {
    if (f.kind !== 'percent') return;
    let budget: Figure | null = null;
    let actual: Figure | null = null;
    // “支出决算为0.16万元，完成预算0万元的0%” (佛山 2019 p26): the budget is printed inside the phrase
    const prev = figs[i - 1];
    const inner = prev && prev.kind === 'amount' && !prev.change && prev.sentence === f.sentence && /^的?$/.test(f.label.replace(/\s+/g, '')) && COMPLETED.test(prev.label.replace(/\s+/g, ''));
    if (inner) budget = prev;
    else if (!COMPLETED.test(f.label)) return;
    for (let j = i - 1 - (inner ? 1 : 0); j >= 0 && f.sentence - figs[j].sentence <= 1; j--) {
      const g = figs[j];
      if (g.kind !== 'amount') continue;
      if (!actual && /决算(数)?(为|是)?$/.test(g.label)) actual = g;
      else if (!budget && /预算(数)?(为|是)?$/.test(g.label) && !/决算/.test(g.label.slice(-4))) budget = g;
      if (budget && actual) break;
    }
    out.push({ pct: f, budget, actual });
  });
  return out;
}

/** "（比上年）增加X万元，增长P%" with the current amount it changes. */
export interface Change {
  amount: Figure;
  pct: Figure | null;
  current: Figure | null;
  /** The prior-year (or budget) figure when the sentence states it: “比2025年年初预算数125462.47万元增加…”. */
  prior: Figure | null;
  direction: 'up' | 'down';
  /** The rate's word disagrees with the amount's (增加…，下降P%). */
  rateDirection: 'up' | 'down' | null;
}

/** Where the numbered item holding `at` starts ("（五）项目支出…", "2.口岸管理业务…"), else the text's start. */
function findBlockStart(text: string, at: number): number {
  const items = [...text.slice(0, at).matchAll(/(?:^|[。；;：:])\s*(?:[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])/g)];
  return items.length ? items[items.length - 1].index! : 0;
}

/** Bracket depth at each offset of the text: figures inside “（…）” are asides, not the sentence's subject. */
export function depthAt(text: string, offset: number): number {
  let d = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '（' || c === '(') d++;
    else if ((c === '）' || c === ')') && d > 0) d--;
  }
  return d;
}

// “比上年”, “较2025年年初预算数” right before the figure, and the change word right after it (“…125462.47万元增加”)
const PRIOR = /(比|较)[^，。；,;与]{0,20}$/;
const RIGHT_AFTER = /^(增加|减少|增长|下降|多|少)(了)?$/;

export function changes(figs: Figure[], text = ''): Change[] {
  const out: Change[] = [];
  figs.forEach((f, i) => {
    if (f.kind !== 'amount' || !f.change) return;
    const next = figs[i + 1];
    const pct = next && next.kind === 'percent' && next.sentence === f.sentence && /(增长|下降|降低|减少|增加|上升|增幅|减幅|降幅)(了|为)?$/.test(next.label) ? next : null;
    const rateDirection = pct ? (/(增长|增加|上升|增幅)(了|为)?$/.test(pct.label) ? 'up' : 'down') : null;
    let current: Figure | null = null;
    let prior: Figure | null = null;
    const depth = depthAt(text, f.start);
    // "收入X万元，其中：A…、B…、C…，较上年减少Y万元": the change is of X, the total before the "其中" list,
    // not of the list's last item (西安 2026).
    // Only an enumeration ("A…、B…、C…" with no ；/。 before the change) counts as such a list: "其中：(1)A…，较上年
    // 增加…；(2)B…" states each item's own change.
    let listAt = text.lastIndexOf('其中', f.start);
    if (listAt >= 0) {
      const between = text.slice(listAt, f.start);
      const listed = figs.filter((h) => h.kind === 'amount' && !h.change && h.start > listAt && h.start < f.start).length;
      if (/[；;。]/.test(between) || listed < 2 || !between.includes('、')) listAt = -1;
    }
    for (let j = i - 1; j >= 0; j--) {
      const g = figs[j];
      if (g.kind !== 'amount' || g.change || depthAt(text, g.start) !== depth) continue;
      if (listAt >= 0 && g.start > listAt && g.sentence === f.sentence && figs.some((h, k) => k < j && h.kind === 'amount' && !h.change && h.start < listAt && h.sentence === f.sentence)) continue;
      // “比上年X万元增加”: X is the base, and the level it changed to is stated before it
      if (!prior && !current && j === i - 1 && PRIOR.test(g.label) && RIGHT_AFTER.test(f.label) && g.sentence === f.sentence) {
        prior = g;
        continue;
      }
      current = g;
      break;
    }
    // "…X万元，主要包括：A…；B…；C96.81万元，用于…。较2025年年初预算减少52.44万元" (深圳口岸 2026 p8): a change opening its own
    // sentence after a list is of the amount the list hangs from, not of the list's last item; when that cannot be
    // told, the change has no current amount (not checked)
    const stop = text.lastIndexOf('。', f.start);
    if (current && current.sentence < f.sentence && stop >= 0 && depthAt(text, stop) === 0 && !figs.some((h) => h.sentence === f.sentence && h.start < f.start && h.kind === 'amount')) {
      // the list: a marker in the sentence (up to 。) that ends with the current amount's item
      const block = Math.max(findBlockStart(text, f.start), text.lastIndexOf('。', current.start) + 1);
      const marker = /其中|主要包括|具体包括|包括|主要用于|分别为/.exec(text.slice(block, current.start));
      if (marker) {
        const at = block + marker.index;
        const listed = figs.filter((h) => h.kind === 'amount' && !h.change && h.start > at && h.start < f.start).length;
        if (listed >= 2) {
          const head = figs.filter((h) => h.kind === 'amount' && !h.change && h.start >= block && h.end <= at && depthAt(text, h.start) === depth);
          current = head.length ? head[head.length - 1] : null;
        }
      }
    }
    out.push({ amount: f, pct, current, prior, direction: f.change, rateDirection });
  });
  return out;
}

/**
 * The three-number form (issue 10.1): a prior-year amount, this year's amount and the rate between them, with or
 * without the change amount: "上年执行数52871.6万元，本年安排4120.35万元，比上年增加12.48%", "…2310.52万元…1987.40万元，
 * 减少1.40%". The prior amount is the one whose words name the prior year (上年执行数, 上年预算数, 2025年预算数…);
 * this year's is the last other level before the rate. Only forms where the prior is stated apart from the change
 * ("比上年X万元增加" is narrative-change's `prior`).
 */
export interface ThreeNumber {
  prior: Figure;
  current: Figure;
  change: Figure | null;
  pct: Figure;
  /** The rate's word: 增长/增加/上升/增幅 is up. */
  direction: 'up' | 'down';
}

const RATE_WORD = /(增长|下降|降低|减少|增加|上升|增幅|减幅|降幅)(了|为)?$/;

/** Words naming last year's level of an item ("上年执行数", "2023年当年预算执行数为", "上年预算"), not a carry-over. */
export function priorYearLabel(label: string, year: number | null): boolean {
  if (/结转|结余|余额/.test(label)) return false;
  const prev = year ? `${year - 1}年` : null;
  const at = Math.max(label.search(/上年|上一年|去年/), prev ? label.indexOf(prev) : -1);
  if (at < 0 || /比|较/.test(label.slice(0, at))) return false;
  return /(执行数|预算数|决算数|预算|决算|支出|数)(为|是)?$/.test(label.slice(at));
}

export function threeNumbers(figs: Figure[], year: number | null): ThreeNumber[] {
  const out: ThreeNumber[] = [];
  figs.forEach((p, i) => {
    if (p.kind !== 'percent' || !RATE_WORD.test(p.label)) return;
    const inSentence = figs.slice(0, i).filter((g) => g.sentence === p.sentence && g.kind === 'amount');
    const prior = inSentence.find((g) => !g.change && priorYearLabel(g.label, year) && !/(比|较)[^，。；]*$/.test(g.label));
    if (!prior) return;
    const change = figs[i - 1]?.kind === 'amount' && figs[i - 1].change && figs[i - 1].sentence === p.sentence ? figs[i - 1] : null;
    // the prior right before the change is narrative-change's form
    if (change && figs[i - 2] === prior) return;
    const levels = inSentence.filter((g) => !g.change && g !== prior && g.unit === prior.unit);
    const current = levels[levels.length - 1];
    if (!current) return;
    const direction = /(增长|增加|上升|增幅)(了|为)?$/.test(p.label) ? 'up' : 'down';
    out.push({ prior, current, change, pct: p, direction });
  });
  return out;
}
