import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const place = { kind: 'text' as const, line: 20, column: 3 };
const pdf = (page: number) => ({
  kind: 'pdf' as const,
  page,
  box: [0, 0, 841.9, 595.3] as [number, number, number, number],
});

/** The clean final account with an untitled page without text (the reader's illegible region) on `page`, its
 * 收入支出决算总表 on p10. */
function withImagePage(page: number) {
  const d = cleanFinal();
  d.tables[0].place = pdf(10);
  d.tables.push({
    ...d.tables[1],
    id: 'image-page',
    key: 'unknown',
    title: '',
    status: 'illegible',
    rows: [],
    place: pdf(page),
  });
  return d;
}

const fixtures: RuleFixtures = {
  valid: [
    {
      name: 'every listed table found',
      disclosure: () => {
        const d = cleanFinal();
        d.recognition.listed = [
          { title: '收入决算表', key: 'final.income', status: 'found', tableId: d.tables[1].id, place },
        ];
        return d;
      },
    },
    {
      name: 'a required table listed but absent is left to required-tables-final (one finding per missing table)',
      disclosure: () => {
        const d = cleanFinal();
        d.recognition.listed = [{ title: '收入决算表', key: 'final.income', status: 'absent', place }];
        d.tables = d.tables.filter((t) => t.key !== 'final.income');
        return d;
      },
    },
    {
      // calinchow-del__renwu/020_西安/医疗保障局_2026年部门预算.pdf p16: the 人员构成 pie chart, text pages around it
      name: '西安医保 2022 p16: a page without text in the narrative is no table',
      disclosure: () => withImagePage(16),
    },
  ],
  invalid: [
    {
      // calinchow-del__renwu/001_上海/2026年上海市政务服务和数据管理局_部门预算.pdf p11: an empty grid page after the tables
      name: '上海数据局 2026 p11: a page without text beside a table, to check by hand',
      disclosure: () => withImagePage(11),
      expect: [{ messageId: 'illegiblePage', table: 'unknown' }],
    },
    {
      name: 'listed but absent, and an illegible table',
      disclosure: () => {
        const d = cleanFinal();
        d.recognition.listed = [{ title: '政府采购预算表', key: 'budget.procurement', status: 'absent', place }];
        d.tables[1].status = 'illegible';
        return d;
      },
      expect: [
        { messageId: 'absent', table: 'budget.procurement' },
        { messageId: 'illegible', table: 'final.income' },
      ],
    },
    {
      // 北京 信访办 2026 (a narrative whose 13 tables are the separate 附件2 部门预算报表), 江苏 政协 2019, seed 003
      name: 'a file with none of its listed tables and no table at all: one warning for the tables part',
      disclosure: () => {
        const d = cleanFinal();
        d.tables = [];
        d.recognition.listed = [
          { title: '一、收入支出决算总表', key: 'final.income_expenditure_summary', status: 'absent', place },
          { title: '二、收入决算表', key: 'final.income', status: 'absent', place },
          { title: '三、支出决算表', key: 'final.expenditure', status: 'absent', place },
          { title: '四、政府采购预算表', key: 'budget.procurement', status: 'absent', place },
        ];
        return d;
      },
      expect: [{ messageId: 'partAbsent', table: null }],
    },
  ],
};

export default fixtures;
