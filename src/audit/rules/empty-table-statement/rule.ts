import { tablePlace } from '../../cells.ts';
import { paragraphs } from '../../narrative/tokens.ts';
import type { Rule } from '../../types.ts';

// An empty table is still published, with a statement that it has no data and why (domain.md §2: “本单位没有政府性
// 基金收入…故本表无数据”). The statement may sit under the table or in the table's narrative section.

const NO_DATA = /无数据|没有.{0,30}(收入|支出|经费)|无.{0,12}(收支|支出|收入)|本表为空|空表/;

const rule: Rule = {
  meta: {
    id: 'empty-table-statement',
    code: 'CJ404',
    title: { zh: '空表说明无数据原因', en: 'An empty table states why it has no data' },
    category: 'completeness',
    severity: 'warning',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      unexplained: {
        zh: '“{title}”为空表，但未说明无数据的原因',
        en: 'The table "{title}" is empty but does not say why',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    const narrative = paragraphs(d)
      .map((l) => l.text)
      .join('\n');
    for (const t of d.tables) {
      // A table no template knows may have no amounts to begin with (a list of units, a contents grid, the text of
      // a 绩效目标表): "no values" does not make it an empty amount table.
      if (t.key === 'unknown') continue;
      if (t.status !== 'empty' || t.emptyStatement || t.notes.some((n) => NO_DATA.test(n))) continue;
      // The contents may declare it empty with the reason (西安's 报表目录: 是否空表 “是”, 公开空表理由 “不涉及”).
      if (d.recognition.listed.some((l) => (l.tableId === t.id || (!l.tableId && l.key === t.key)) && l.declaredEmpty))
        continue;
      // the narrative may carry the statement: "本单位无政府性基金收支" names the table's subject
      const subject = t.key.includes('gov_fund')
        ? '政府性基金'
        : t.key.includes('state_capital')
          ? '国有资本经营'
          : t.key.includes('three_public')
            ? '三公'
            : null;
      if (
        subject &&
        new RegExp(`(无|没有|未发生).{0,10}${subject}|${subject}.{0,30}(无数据|为0|为零|均为0)`).test(narrative)
      )
        continue;
      ctx.report({ messageId: 'unexplained', values: { title: t.title }, location: tablePlace(t) });
    }
  },
};

export default rule;
