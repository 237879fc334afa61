import type { Disclosure } from '../../../model/disclosure.ts';
import { disclosure, section, table } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const pdf = (page: number) => ({ kind: 'pdf' as const, page, box: [0, 0, 1, 1] as [number, number, number, number] });

/** A PDF-shaped document: narrative sections and tables given their pages. */
function onPages(d: Disclosure, paragraphPage: number, tablePage: number): Disclosure {
  for (const s of d.sections) {
    s.place = pdf(paragraphPage);
    for (const p of s.paragraphs) {
      p.place = pdf(paragraphPage);
      p.segments = [{ offset: 0, place: pdf(paragraphPage) }];
    }
  }
  for (const t of d.tables) t.place = pdf(tablePage);
  return d;
}

const fixtures: RuleFixtures = {
  valid: [
    { name: 'glossary entries', disclosure: () => disclosure() },
    {
      name: 'an unnumbered 名词解释 heading kept as a paragraph, definitions below (上海 2026 p5)',
      disclosure: () =>
        disclosure({
          glossary: false,
          sections: [
            section(
              [],
              '上海市数据局单位设8个内设机构。',
              '名词解释',
              '（一）财政拨款收入：是市级预算主管部门及所属预算单位本年度从本级财政部门取得的财政拨款。',
            ),
          ],
        }),
    },
    {
      name: 'a tables-only attachment (西安 2019 附件2): cover, then tables — an info, not a warning',
      disclosure: () =>
        onPages(
          disclosure({
            kind: '预算',
            glossary: false,
            sections: [section([], '附件2 2019年部门综合预算公开报表', '部门名称：西安市安全生产监督管理局')],
            tables: [table('budget.summary', { rows: [] })],
          }),
          1,
          3,
        ),
    },
    {
      name: 'a performance-forms attachment (广州 生态环境局 2026 项目支出绩效目标表, 140 pp): forms only — an info',
      disclosure: () => {
        const d = disclosure({
          kind: '预算',
          glossary: false,
          sections: [
            section([], '广州市生态环境局2026年项目支出绩效目标表（含转移支付项目）', '部门名称：广州市生态环境局'),
          ],
          tables: [],
        });
        d.performance = [
          { id: 'p1', kind: 'project_goals', title: '项目支出绩效目标表', rows: [['项目名称', '总计']], place: pdf(1) },
        ];
        return onPages(d, 1, 1);
      },
    },
  ],
  invalid: [
    {
      name: 'no glossary',
      disclosure: () => disclosure({ glossary: false }),
      expect: [{ messageId: 'missing', table: null }],
    },
    {
      name: 'the word 名词解释 in a contents line is no glossary',
      disclosure: () =>
        disclosure({ glossary: false, sections: [section([], '目录', '三、名词解释', '四、单位预算编制说明')] }),
      expect: [{ messageId: 'missing', table: null }],
    },
    {
      name: 'a narrative after the first table without a glossary is still reported',
      disclosure: () =>
        onPages(
          disclosure({
            kind: '预算',
            glossary: false,
            sections: [section('一、收支预算总体情况', '2026年收支总预算100万元。')],
            tables: [table('budget.summary', { rows: [] })],
          }),
          5,
          3,
        ),
      expect: [{ messageId: 'missing', table: null }],
    },
  ],
};

export default fixtures;
