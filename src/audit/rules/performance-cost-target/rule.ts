import type { PerformanceTable } from '../../../model/disclosure.ts';
import type { FindingPlace, Rule } from '../../types.ts';

// A project's cost target (成本指标 “项目总成本 ≤8万元”) is a bound on what the project spends in the year; above the
// project's whole budget printed on the same form (“年度预算资金总额：5.00”) it is copied from another project or another
// year (烟台宣传部 2026 p35 实施公车统管: ≤100万元 on a 30.00 budget, where the two other 实施公车统管 forms give ≤5 / ≤3
// on 5.00 / 3.00). Only a bound in money on a total (总成本, 经费总额, 财政投入总数, …) is judged: a standard per unit
// (奖补标准, 单价, 人均, 每…) or a loan's principal (本金) may exceed the year's budget; a form whose budget is 0 or whose
// amounts' unit is not printed as 万元 is not judged. A warning: the page says which of the two figures is wrong.

/** The cell introducing the form's budget (squashed: no spaces, quotes or brackets). */
const BUDGET_LABEL =
  /^(年度)?(本级)?(预算资金总额|预算金额|资金总额|项目金额|预算资金|项目资金总额|年度资金总额)(万元)?[：:]?$/;
/** A per-unit standard or a principal: not a bound on the year's spending. */
const NOT_TOTAL = /标准|单价|单位成本|人均|次均|平均|每|\/|本金|债券规模|定额/;
/** An indicator naming a total in money. */
const TOTAL = /成本|费|资金|投入|支出|总额/;
/** A bound in money: “≤100万元”, “<=8万元”, “不超过60万元”, “13.56万元”. */
const BOUND = /^(?:≤|<=|＜|<|不超过|不高于|控制在)?([\d,]+(?:\.\d+)?)(亿元|万元|元)(?:以内|以下)?$/;

const squash = (s: string) => s.replace(/[\s“”"（）()]/g, '');

function budgetOf(f: PerformanceTable): { value: number; text: string } | null {
  for (const r of f.rows)
    for (let i = 0; i < r.length - 1; i++) {
      if (!BUDGET_LABEL.test(squash(r[i]))) continue;
      const next = r.slice(i + 1).find((c) => c.trim() !== '');
      if (next && /^[\d,]+(\.\d+)?$/.test(next.trim()))
        return { value: Number(next.trim().replace(/,/g, '')), text: next.trim() };
    }
  return null;
}

const TO_WAN: Record<string, number> = { 元: 1e-4, 万元: 1, 亿元: 1e4 };

const rule: Rule = {
  meta: {
    id: 'performance-cost-target',
    code: 'CJ703',
    title: {
      zh: '成本指标不高于项目预算资金',
      en: 'A cost target does not exceed the project budget',
    },
    category: 'plausibility',
    severity: 'warning',
    appliesTo: ['预算'],
    requires: [],
    messages: {
      aboveBudget: {
        zh: '项目“{project}”成本指标“{indicator} {bound}”高于本表年度预算资金 {budget}万元，目标与预算不一致，请核对',
        en: 'Project {project}: the cost target "{indicator} {bound}" is above the form\'s annual budget of {budget} 万元; target and budget disagree',
      },
    },
  },
  check(ctx) {
    for (const f of ctx.disclosure.performance) {
      const budget = budgetOf(f);
      if (!budget || !(budget.value > 0)) continue;
      // the form's amounts in 万元 (“项目资金（万元）”, “专项资金情况（万元）”): otherwise the budget's unit is a guess
      if (!f.rows.some((r) => r.some((c) => /[（(]\s*万元\s*[)）]/.test(c)))) continue;
      for (const r of f.rows) {
        const cells = r.map(squash).filter((c) => c !== '');
        if (cells.length < 3 || !cells.slice(0, -2).some((c) => /成本/.test(c))) continue;
        const indicator = cells[cells.length - 2];
        const value = cells[cells.length - 1];
        const m = value.match(BOUND);
        if (!m || NOT_TOTAL.test(indicator) || !TOTAL.test(indicator)) continue;
        const wan = Number(m[1].replace(/,/g, '')) * TO_WAN[m[2]];
        // a bound above the budget by more than the last printed digit
        if (!(wan > budget.value + 0.005)) continue;
        const place: FindingPlace = {
          table: 'performance',
          tableTitle: f.title,
          row: f.project ?? f.title,
          column: null,
          source: f.place,
        };
        ctx.report({
          messageId: 'aboveBudget',
          values: { project: f.project ?? f.title, indicator, bound: value, budget: budget.text },
          location: place,
        });
      }
    }
  },
};

export default rule;
