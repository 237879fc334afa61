import { tablePlace } from '../../cells.ts';
import type { Rule } from '../../types.ts';

// The reader's own doubt about a table (Table.reading, set by src/recognise/reading.ts from the table's evidence:
// codes in the catalogue, names that agree, labelled rows, numbers in value columns, parent = Σ children, header).
// One warning per unsure table, with the reasons, so the reviewer checks it against the page; the engine keeps
// every other finding about that table at warning at most, since its numbers may sit in the wrong rows or columns.

const rule: Rule = {
  meta: {
    id: 'reading-confidence',
    code: 'CJ409',
    title: { zh: '表格未能可靠读取', en: 'Table not read reliably' },
    category: 'completeness',
    severity: 'warning',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      unsure: {
        zh: '“{title}”表格未能可靠读取，请人工核对：{reasons}（读取可信度 {score}）',
        en: '"{titleEn}" was not read reliably; check it by hand: {reasons} (reading confidence {score})',
      },
    },
  },
  check(ctx) {
    for (const t of ctx.disclosure.tables) {
      if (t.reading?.level !== 'unsure') continue;
      const reasons = t.reading.reasons.join('；') || '结构证据不足';
      ctx.report({
        messageId: 'unsure',
        values: { title: t.title || '无标题表格', titleEn: t.title || t.key, reasons, score: t.reading.score.toFixed(2) },
        location: tablePlace(t),
      });
    }
  },
};

export default rule;
