import { code, disclosure, section, table, total } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

// 上海市普陀区人民政府万里街道办事处 (corpus zxj6827111-blip__tianbaoxitong): the 2023 部门支出预算总表 (1770007475548-818404804.pdf
// p16) lists 208 02 民政管理事务 / 208 02 06 社会组织管理 215,000元; the 2024 table (1769438736627-418301796.pdf p17–p18)
// goes from 208 straight to 208 05, and the 2024 narrative (p6–p9) names neither. Cut to the lines of class 208.
const NAME = '上海市普陀区人民政府万里街道办事处';

const lines2023 = [
  total({ total: '27073236', basic: '18285736', project: '8787500' }),
  code('208', { total: '27073236', basic: '18285736', project: '8787500' }, '社会保障和就业支出'),
  code('20802', { total: '215000', basic: '0', project: '215000' }, '民政管理事务'),
  code('2080206', { total: '215000', basic: '0', project: '215000' }, '社会组织管理'),
  code('20805', { total: '6851259', basic: '6851259', project: '0' }, '行政事业单位养老支出'),
  code('2080501', { total: '177240', basic: '177240', project: '0' }, '行政单位离退休'),
];
const lines2024 = [
  total({ total: '19604064', basic: '13368164', project: '6235900' }),
  code('208', { total: '19604064', basic: '13368164', project: '6235900' }, '社会保障和就业支出'),
  code('20805', { total: '7234970', basic: '7234970', project: '0' }, '行政事业单位养老支出'),
  code('2080501', { total: '243120', basic: '243120', project: '0' }, '行政单位离退休'),
];

const NARRATIVE =
  '12. “社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）”24.31万元，主要用于行政单位离退休。2023年当年预算执行数为20.30万元，2024年预算安排24.31万元，比2023年预算执行数增加19.75%。主要原因是：行政单位离退休经费增加。' +
  '13. “社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）”7.66万元，主要用于事业单位离退休。2023年当年预算执行数为6.26万元，2024年预算安排7.66万元，比2023年预算执行数增加22.36%。';
const HEALTH =
  '22. “卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）”142.22万元，主要用于行政单位医疗。2023年当年预算执行数为95.16万元，2024年预算安排142.22万元，比2023年预算执行数增加49.45%。主要原因是：行政单位医疗经费增加。' +
  '23. “卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）”160.14万元，主要用于事业单位医疗。2023年当年预算执行数为132.56万元，2024年预算安排160.14万元，比2023年预算执行数增加20.81%。';
const MENTION = '社会保障和就业支出（类）民政管理事务（款）本年不再安排，相关社会组织管理经费调整至其他科目。';

const doc =
  (year: number, rows: ReturnType<typeof code>[], paragraphs: string[], kind: '预算' | '决算' = '预算') =>
  () =>
    disclosure({
      kind,
      fiscalYear: year,
      name: NAME,
      unit: '元',
      tables: [table(kind === '预算' ? 'budget.expenditure' : 'final.expenditure', { unit: '元', rows })],
      sections: paragraphs.length ? [section(['2024年部门预算编制说明'], ...paragraphs)] : [],
    });

const fixtures: RuleFixtures = {
  valid: [
    {
      name: '万里街道 2024 against 2023 where the 2024 narrative says why 民政管理事务 is gone',
      disclosure: doc(2024, lines2024, [NARRATIVE, MENTION]),
      prior: doc(2023, lines2023, [NARRATIVE]),
    },
    {
      name: 'a line last year printed with zeros only is no spending that ended',
      disclosure: doc(2024, lines2024, [NARRATIVE]),
      prior: doc(
        2023,
        [
          ...lines2023.filter((r) => !r.code?.startsWith('20802')),
          code('20802', { total: '0', basic: '0', project: '0' }, '民政管理事务'),
        ],
        [NARRATIVE],
      ),
    },
    {
      name: 'this year’s document has no narrative (tables published as a file of their own): not judged',
      disclosure: doc(2024, lines2024, []),
      prior: doc(2023, lines2023, [NARRATIVE]),
    },
    {
      name: 'this year’s table lists classes only: an item missing from it says nothing',
      disclosure: doc(2024, [lines2024[0], lines2024[1]], [NARRATIVE]),
      prior: doc(2023, lines2023, [NARRATIVE]),
    },
    {
      name: 'last year’s final account against this year’s budget: different tables, not compared',
      disclosure: doc(2024, lines2024, [NARRATIVE]),
      prior: doc(2023, lines2023, [NARRATIVE], '决算'),
    },
    { name: 'no prior document: the rule does not run', disclosure: doc(2024, lines2024, [NARRATIVE]) },
  ],
  invalid: [
    {
      name: '万里街道 2024 (real): 20802 民政管理事务 215,000元 in the 2023 table, gone in 2024, not mentioned',
      disclosure: doc(2024, lines2024, [NARRATIVE]),
      prior: doc(2023, lines2023, [NARRATIVE]),
      expect: [{ messageId: 'gone', table: 'budget.expenditure', row: null, severity: 'info' }],
    },
    {
      name: 'a whole class gone takes its items with it: one finding, at the class',
      disclosure: doc(
        2024,
        [
          total({ total: '1000', basic: '1000', project: '0' }),
          code('210', { total: '1000', basic: '1000', project: '0' }, '卫生健康支出'),
          code('21011', { total: '1000', basic: '1000', project: '0' }, '行政事业单位医疗'),
        ],
        [HEALTH],
      ),
      prior: doc(2023, lines2023, [NARRATIVE]),
      expect: [{ messageId: 'gone', table: 'budget.expenditure', severity: 'info' }],
    },
  ],
};

export default fixtures;
