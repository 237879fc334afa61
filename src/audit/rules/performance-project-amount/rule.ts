import { cmp, mul, fromUnits, toFixedString } from '../../../model/decimal.ts';
import { parseAmount } from '../../../model/amount.ts';
import type { Disclosure, Row, Table } from '../../../model/disclosure.ts';
import { cellPlace, cellValue, tidy } from '../../cells.ts';
import { mayEqual, printed } from '../../interval.ts';
import type { FindingPlace, Rule } from '../../types.ts';

// A project's amount printed in its 项目支出绩效目标表 (“年度本级预算金额 10”, “资金总额”) is the amount the budget tables
// list for that project (domain.md §5: project totals agree with 专项/绩效 tables). Projects are matched by their
// printed name; a name listed twice, or a table whose unit cannot be told apart from the form's, is not judged.

/** Words of the cell that introduces a project's amount in a performance form, as data. */
const AMOUNT_LABEL =
  /^(年度)?(本级)?(预算金额|资金总额|项目金额|预算资金|项目资金总额|年度资金总额)(\(万元\)|（万元）)?$/;
/** Columns of budget tables that print a project's amount on a line named by the project. */
const PROJECT_COLUMNS = ['project_amount', 'total'];
const PROJECT_TABLES =
  /^budget\.(general_classified_summary|special_funds|project_expenditure|general_project_expenditure)$/;

const squash = (s: string) => tidy(s).replace(/[\s“”"（）()]/g, '');

function formAmount(rows: string[][]): { text: string; value: ReturnType<typeof parseAmount> } | null {
  for (const r of rows)
    for (let i = 0; i < r.length - 1; i++) {
      if (!AMOUNT_LABEL.test(squash(r[i]))) continue;
      const next = r.slice(i + 1).find((c) => c.trim() !== '');
      const v = next ? parseAmount(next.trim()) : null;
      if (v?.value) return { text: next!.trim(), value: v };
    }
  return null;
}

function projectLines(d: Disclosure, name: string): { table: Table; row: Row; column: string }[] {
  const out: { table: Table; row: Row; column: string }[] = [];
  for (const t of d.tables) {
    if (!PROJECT_TABLES.test(t.key) || t.status !== 'data') continue;
    for (const r of t.rows) {
      if (!r.label || squash(r.label) !== name) continue;
      const column = PROJECT_COLUMNS.find((k) => r.cells.some((c) => c.column === k && c.value !== null));
      if (column) out.push({ table: t, row: r, column });
    }
  }
  return out;
}

const rule: Rule = {
  meta: {
    id: 'performance-project-amount',
    code: 'CJ203',
    title: {
      zh: '绩效目标表中的项目金额与预算表一致',
      en: 'Project amounts in performance forms agree with the budget tables',
    },
    category: 'cross-table',
    severity: 'error',
    appliesTo: ['预算'],
    requires: [],
    messages: {
      mismatch: {
        zh: '项目“{project}”绩效目标表中金额为 {stated}，而{table}为 {tableValue}，不一致',
        en: 'The performance form of project {project} states {stated}, but {tableEn} prints {tableValue}',
      },
      'mismatch.rounding': {
        zh: '项目“{project}”绩效目标表中金额为 {stated}，{table}为 {tableValue}，差异可由尾数误差解释',
        en: 'The performance form of project {project} states {stated}; {tableEn} prints {tableValue}, a difference rounding explains',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    const forms = d.performance.filter((p) => p.kind === 'project_goals' && p.project);
    const counts = new Map<string, number>();
    for (const p of forms) counts.set(squash(p.project!), (counts.get(squash(p.project!)) ?? 0) + 1);
    for (const p of forms) {
      const name = squash(p.project!);
      if (counts.get(name) !== 1) continue;
      const amount = formAmount(p.rows);
      if (!amount?.value?.value) continue;
      const lines = projectLines(d, name);
      if (lines.length !== 1) continue;
      const { table, row, column } = lines[0];
      const cv = cellValue(table, row, column);
      if (!cv || cv.blank) continue;
      const stated = amount.value.value;
      // the form may print 元 where the table prints 万元 (or the reverse): the same digits 10^4 apart are one amount
      const k = fromUnits(10000n, 0);
      if (cmp(stated, cv.value) === 0 || cmp(mul(stated, k), cv.value) === 0 || cmp(stated, mul(cv.value, k)) === 0)
        continue;
      const ok = mayEqual(printed(stated, amount.value.decimals), cv.interval);
      const place: FindingPlace = {
        table: 'performance',
        tableTitle: p.title,
        row: p.project!,
        column: null,
        source: p.place,
      };
      ctx.report({
        messageId: ok ? 'mismatch.rounding' : 'mismatch',
        severity: ok ? 'info' : undefined,
        values: {
          project: p.project!,
          stated: amount.text,
          table: `${table.title}“${row.label}”`,
          tableEn: `${table.key} [${row.label}] ${column}`,
          tableValue: toFixedString(cv.value),
        },
        location: place,
        related: [cellPlace(table, row, column)],
        expected: cv.value,
        actual: stated,
      });
    }
  },
};

export default rule;
