import type { Row, Table } from '../../../model/disclosure.ts';
import { rowByItem } from '../../../model/query.ts';
import { grandTotalRow } from '../../refs.ts';
import { templateByKey } from '../../../templates/catalogue.ts';
import { checkCodedSum } from '../../equation.ts';
import { distinctClasses, families, segments, topLevel } from '../../structure.ts';
import type { Rule } from '../../types.ts';
import { isCodedTable } from '../../structure.ts';

// 合计 = Σ 类 (domain.md §5 Hierarchy): the total line of a coded table equals the sum of its topmost coded
// lines; in the 总表 (01, 04, 收支总表) the 本年支出合计 equals the sum of the functional classes listed by name.
// Tables cut into unit blocks (038 / 038001) are left to the unit lines: their total is not a sum of classes.

const BALANCE_LINES = /\.(total|grand_total|carryover|closing_balance|balance_distribution)$/;

/**
 * Budget tables cut into unit blocks (038 部门 / 038001 单位): the 合计 line is the sum of the top units, a unit
 * with sub-units the sum of those, and a unit without sub-units the sum of the top coded lines printed under it.
 */
function unitTargets(t: Table): { total: Row; classes: Row[] }[] {
  const out: { total: Row; classes: Row[] }[] = [];
  const units = t.rows.filter((r) => r.kind === 'unit' && r.code);
  const parentOf = (u: Row) =>
    units
      .filter((p) => p !== u && u.code!.startsWith(p.code!) && p.code!.length < u.code!.length)
      .sort((a, b) => b.code!.length - a.code!.length)[0];
  for (const u of units) {
    const subs = units.filter((s) => parentOf(s) === u);
    if (subs.length) {
      out.push({ total: u, classes: subs });
      continue;
    }
    const i = t.rows.indexOf(u);
    const block: Row[] = [];
    for (const r of t.rows.slice(i + 1)) {
      if (r.kind === 'unit' || r.kind === 'total') break;
      if (r.kind === 'code' && r.code) block.push(r);
    }
    if (block.length) out.push({ total: u, classes: topLevel(block) });
  }
  const total = grandTotalRow(t);
  const tops = units.filter((u) => !parentOf(u));
  if (total && tops.length) out.push({ total, classes: tops });
  return out;
}

function targets(t: Table): { total: Row; classes: Row[] }[] {
  const out: { total: Row; classes: Row[] }[] = [];
  const sections = [...new Set(t.rows.filter((r) => r.kind === 'code' && r.section).map((r) => r.section!))];
  if (sections.length && t.rows.some((r) => r.item?.endsWith('.total'))) {
    for (const s of sections) {
      const total = rowByItem(t, `${s}.total`) ?? rowByItem(t, `${s}.current`);
      if (!total) continue;
      // A part with lines of its own between the classes (收支总表 按部门预算经济分类: 一、基本支出 301…,
      // 二、项目支出 …) does not sum its classes to its total.
      if (t.rows.some((r) => r.section === s && r.item && !BALANCE_LINES.test(r.item))) continue;
      // A part with an amount on a line that is neither a class nor a known line (西安 "3、机关资本性支出": no
      // catalogue name matches it) cannot be summed from its classes: the sum would miss that line.
      if (
        t.rows.some(
          (r) =>
            r.section === s &&
            r.kind === 'item' &&
            !r.item &&
            // a 项 recognition placed under a coded 款 without finding its code (src/recognise/codes-by-name.ts)
            !r.level &&
            r.cells.some((c) => c.value !== null && !/^-?0+(\.0+)?$/.test(c.value)),
        )
      )
        continue;
      const coded = t.rows.filter((r) => r.kind === 'code' && r.section === s && r.code);
      out.push({ total, classes: topLevel(coded) });
    }
    return out;
  }
  // Unit blocks add up only in tables of functional lines; listing tables (分类汇总表: one line per project under a
  // unit) print running figures beside the unit lines that are not sums.
  if (t.rows.some((r) => r.kind === 'unit'))
    return templateByKey(t.key)?.codeSystem === 'function' ? unitTargets(t) : out;
  const total = grandTotalRow(t);
  const segs = segments(t);
  if (!total || segs.length !== 1) return out;
  out.push({ total, classes: topLevel(segs[0]) });
  return out;
}

const rule: Rule = {
  meta: {
    id: 'total-equals-classes',
    code: 'CJ102',
    title: { zh: '合计等于各类科目之和', en: 'The total line equals the sum of the classes' },
    category: 'arithmetic',
    severity: 'error',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      mismatch: {
        zh: '{target}为 {actual}，各类科目合计为 {expected}，相差 {difference}{unit}',
        en: '{targetEn} is {actual} but the classes add up to {expected} (difference {difference} {unit})',
      },
      'mismatch.rounding': {
        zh: '{target}为 {actual}，各类科目合计为 {expected}，相差 {difference}{unit}，属尾数误差',
        en: '{targetEn} is {actual}, the classes add up to {expected}: difference {difference} {unit} is explained by rounding',
      },
    },
  },
  check(ctx) {
    for (const t of ctx.disclosure.tables.filter(isCodedTable)) {
      // each class's printed 款 (and their 项): the 合计 may have been added up from them rather than from the class
      const childrenOf = new Map<Row, Row[]>();
      for (const seg of segments(t)) for (const f of families(seg)) childrenOf.set(f.parent, f.children);
      for (const target of targets(t)) {
        const classes = distinctClasses(target.classes);
        if (classes?.length) checkCodedSum(ctx, t, target.total, classes, childrenOf);
      }
    }
  },
};

export default rule;
