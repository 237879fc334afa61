import { holdsAmounts, tablePlace } from '../../cells.ts';
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
      fragments: {
        zh: '本文件有 {count} 处无标题的表格（{pages}）未能确定是哪张表，未按公开表格核对；请人工核对它们是否为某表的续页',
        en: '{count} untitled table parts ({pagesEn}) could not be identified and were not checked as disclosure tables; check whether they continue a table',
      },
    },
  },
  check(ctx) {
    // Untitled parts no template knows (a 绩效目标表 continued on pages without its title, a unit list, a 重点项目
    // table in the narrative) have one thing in common for the reviewer: they were not checked. One notice for
    // the document, listing where they are, instead of one per part.
    // A part without a single amount (the 部门预算单位构成 list 序号 | 单位名称 | 拟变动情况, 西安民政 2021 p17) leaves no
    // money unchecked: it is not one of them.
    const fragments = ctx.disclosure.tables.filter(
      (t) => t.key === 'unknown' && !t.title && t.reading?.level === 'unsure' && holdsAmounts(t),
    );
    if (fragments.length) {
      const pages = [
        ...new Set(fragments.map((t) => (t.place.kind === 'pdf' ? t.place.page : null)).filter((p) => p !== null)),
      ];
      ctx.report({
        messageId: 'fragments',
        values: {
          count: String(fragments.length),
          pages: pages.length ? `第${pages.join('、')}页` : '位置见下',
          pagesEn: pages.length ? `pages ${pages.join(', ')}` : 'places below',
        },
        location: { ...tablePlace(fragments[0]), tableTitle: null },
        related: fragments.slice(1).map(tablePlace),
      });
    }
    for (const t of ctx.disclosure.tables) {
      if (t.reading?.level !== 'unsure' || fragments.includes(t)) continue;
      if (t.key === 'unknown' && !t.title) continue; // an untitled part without amounts, above
      const reasons = t.reading.reasons.join('；') || '结构证据不足';
      ctx.report({
        messageId: 'unsure',
        values: {
          title: t.title || '无标题表格',
          titleEn: t.title || t.key,
          reasons,
          score: t.reading.score.toFixed(2),
        },
        location: tablePlace(t),
      });
    }
  },
};

export default rule;
