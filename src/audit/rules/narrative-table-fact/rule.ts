import { toFixedString } from '../../../model/decimal.ts';
import { cellPlace, columnLabel, rowLabel } from '../../cells.ts';
import { compareFact } from '../../narrative/tied.ts';
import { figurePlace, figureText } from '../../narrative/tokens.ts';
import { inExplanation, targetOf } from '../narrative-amount/targets.ts';
import type { Rule } from '../../types.ts';

// Every figure the narrative states about a table line or total agrees with a cell printing it (issue 10.1,
// domain.md §5 Narrative vs tables). Which figure is about what is the narrative extractor's job
// (src/audit/narrative/subjects.ts vocabulary, tied.ts targets); this rule only compares, on intervals. In a final
// account a figure that narrative-amount maps by its section (the 三公 预算数/决算数, 收、支总计 …) is left to it: one
// finding per figure.

const rule: Rule = {
  meta: {
    id: 'narrative-table-fact',
    code: 'CJ308',
    title: {
      zh: '说明中的数与表格对应数一致',
      en: 'Figures the narrative states about table lines agree with the tables',
    },
    category: 'narrative',
    severity: 'error',
    appliesTo: ['预算', '决算'],
    requires: [],
    messages: {
      mismatch: {
        zh: '说明中“{label}”为 {stated}，而{table}为 {tableValue}{unit}，不一致',
        en: 'The narrative states {label} as {stated}, but {tableEn} prints {tableValue} {unit}',
      },
      'mismatch.rounding': {
        zh: '说明中“{label}”为 {stated}，{table}为 {tableValue}{unit}，差异可由尾数误差解释',
        en: 'The narrative states {label} as {stated}; {tableEn} prints {tableValue} {unit}, a difference rounding explains',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    for (const fact of ctx.narrativeFacts()) {
      // narrative-amount's 决算 tables exist only in a final account: nothing is skipped in a budget
      const mapped = inExplanation(fact.located.heading)
        ? targetOf(fact.located.heading, fact.located.text, fact.figure)
        : undefined;
      if (mapped && ctx.table(mapped.table)) continue;
      const cmp = compareFact(d, fact);
      if (!cmp || cmp.status === 'equal') continue;
      const { table, row, column } = cmp.cell;
      ctx.report({
        messageId: cmp.status === 'rounding' ? 'mismatch.rounding' : 'mismatch',
        severity: cmp.status === 'rounding' ? 'info' : undefined,
        values: {
          label: fact.label,
          stated: figureText(fact.figure),
          table: `${table.title}“${rowLabel(row)}”${columnLabel(table, column, row.section)}`,
          tableEn: `${table.key} [${row.code ?? row.item ?? row.label ?? ''}] ${column}`,
          tableValue: toFixedString(cmp.tableValue),
          unit: cmp.unit,
        },
        location: figurePlace(fact.located, fact.figure),
        // every cell the figure restates: a change to any of them is what the finding is about
        related: [
          cellPlace(table, row, column),
          ...fact.cells.filter((c) => c !== cmp.cell).map((c) => cellPlace(c.table, c.row, c.column)),
        ],
        expected: cmp.tableValue,
        actual: fact.figure.value,
      });
    }
  },
};

export default rule;
