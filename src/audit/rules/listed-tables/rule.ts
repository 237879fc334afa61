import { missingRequiredTables, requiredTablesNotFound, tablesPartAbsent } from '../../completeness/missing-tables.ts';
import type { Table } from '../../../model/disclosure.ts';
import type { Rule } from '../../types.ts';

// Tables listed in the 目录 must be in the document (Disclosure.recognition.listed): listed but absent, or
// present only as an image or unreadable text, is reported with the 目录 line as its place. A listed standard
// table that the document's kind requires is left to required-tables-final/-budget, which report it with the
// same place and say it was listed: one missing table, one finding.

const rule: Rule = {
  meta: {
    id: 'listed-tables',
    code: 'CJ403',
    title: { zh: '目录所列表格均已公开且可辨认', en: 'Tables listed in the contents are present and legible' },
    category: 'completeness',
    severity: 'warning',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      absent: {
        zh: '目录列出的“{title}”在正文中未找到',
        en: 'The table "{title}" listed in the contents was not found in the document',
      },
      partAbsent: {
        zh: '目录列出的{count}张表格（{titles}）本文件中一张也没有：报表部分可能另行公开（如单独的报表附件），请将报表文件一并审核；若未公开，则缺少全部表格',
        en: 'None of the {count} tables listed in the contents ({titles}) is in this file: the tables may be published separately (an attachment of tables); audit that file too, or, if they were not published, every table is missing',
      },
      illegible: { zh: '“{title}”无法辨认（可能为图片）', en: 'The table "{title}" is illegible (possibly an image)' },
      illegiblePage: {
        zh: '第{page}页没有可读的文字（可能为图片或空白页），紧邻公开表格，未能确认其内容，请人工核对',
        en: 'Page {page} has no readable text (possibly an image or a blank page) next to the tables; check it by hand',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    const part = tablesPartAbsent(d);
    if (part) {
      const names = part.map((l) => l.title.replace(/^(?:[一二三四五六七八九十]+、|表?\d+[、.．]?)\s*/, ''));
      ctx.report({
        messageId: 'partAbsent',
        values: {
          count: String(part.length),
          titles: `${names.slice(0, 3).join('、')}${names.length > 3 ? '等' : ''}`,
        },
        location: { table: null, tableTitle: null, row: null, column: null, source: part[0].place },
        // The standard tables this file lacks, each where the 目录 lists it (if it does).
        related: (d.kind ? requiredTablesNotFound(d, d.kind) : []).map(({ template: tpl, listed }) => ({
          table: tpl.key,
          tableTitle: tpl.title,
          row: null,
          column: null,
          source: listed?.place ?? null,
        })),
      });
      return;
    }
    const required = new Set(d.kind ? missingRequiredTables(d, d.kind).map((m) => m.template.key) : []);
    for (const l of d.recognition.listed) {
      if (l.status !== 'absent' && l.status !== 'illegible') continue;
      if (l.status === 'absent' && l.key && required.has(l.key)) continue;
      ctx.report({
        messageId: l.status,
        values: { title: l.title },
        location: { table: l.key, tableTitle: l.title, row: null, column: null, source: l.place },
      });
    }
    const listedIds = new Set(d.recognition.listed.map((l) => l.tableId));
    const pageOf = (t: Table) => (t.place.kind === 'pdf' ? t.place.page : null);
    const tablePages = new Set(d.tables.filter((t) => t.key !== 'unknown').map(pageOf));
    for (const t of d.tables) {
      if (t.status !== 'illegible' || listedIds.has(t.id)) continue;
      if (t.title) {
        ctx.report({
          messageId: 'illegible',
          values: { title: t.title },
          location: { table: t.key, tableTitle: t.title, row: null, column: null, source: t.place },
        });
        continue;
      }
      // A page without text and without a title is no known table: a chart or photo in the narrative (西安医保 2022
      // p16 人员构成, 西安卫健委 2022 p8 人员对比图), a blank page between attached reports (西安卫健委 p167). A table
      // printed whole as an image is absent by its title (required-tables-*, listed-tables above). Beside the tables
      // such a page may be an extra blank or empty-table page (上海数据局 2026 p11): one check by hand.
      const page = pageOf(t);
      if (page === null || !(tablePages.has(page - 1) || tablePages.has(page + 1))) continue;
      ctx.report({
        messageId: 'illegiblePage',
        values: { page: String(page) },
        location: { table: t.key, tableTitle: t.title, row: null, column: null, source: t.place },
      });
    }
  },
};

export default rule;
