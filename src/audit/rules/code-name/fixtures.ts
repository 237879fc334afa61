import { code, disclosure, table } from '../../testing/build.ts';
import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const fixtures: RuleFixtures = {
  valid: [
    { name: 'the clean final account', disclosure: cleanFinal },
    {
      name: 'the right name with a neighbouring cell joined (西安 2026)',
      disclosure: () =>
        disclosure({
          tables: [
            table('final.general_budget_basic', { rows: [code('30103', { amount: '1.00' }, '奖金工资奖金津补贴')] }),
          ],
        }),
    },
    {
      name: 'class lines numbered with digits (西安 2022 收支总表 p36: “1、一般公共服务支出”, “(1)工资福利支出”)',
      disclosure: () =>
        disclosure({
          tables: [
            table('budget.summary', {
              rows: [
                code('201', { amount: '1.00' }, '1、一般公共服务支出'),
                code('301', { amount: '1.00' }, '(1)工资福利支出'),
                code('215', { amount: '1.00' }, '15、资源勘探工业信息等支出'),
              ],
            }),
          ],
        }),
    },
    {
      name: 'a purchase list filed under function codes: its labels name the items (西安 2022 科技局 政府采购 p60)',
      disclosure: () =>
        disclosure({
          tables: [
            table('budget.procurement', {
              rows: [
                code('2060302', { total: '1.00' }, '“魅力中国—外籍人才眼中最美中国城市”活动'),
                code('2060302', { total: '1.00' }, '西安市科学技术局'),
              ],
            }),
          ],
        }),
    },
    {
      name: 'a truncated name',
      disclosure: () =>
        disclosure({
          tables: [
            table('final.expenditure', { rows: [code('2080505', { total: '1.00' }, '机关事业单位基本养老保险缴')] }),
          ],
        }),
    },
    {
      // calinchow-del__renwu/020_西安/民政局_2026年部门预算.pdf p46: the catalogue's 2081004 “殡葬业务经” was harvested
      // from this one document (observedDocs 1); the document prints 殡葬, the code's name
      name: '西安民政 2021 p46: a 项 name seen in a single document does not judge the printed one',
      disclosure: () =>
        disclosure({
          tables: [table('budget.general_expenditure', { rows: [code('2081004', { total: '1.00' }, '殡葬')] })],
        }),
    },
  ],
  invalid: [
    {
      name: 'a different name is still reported when a neighbouring name is joined',
      disclosure: () =>
        disclosure({
          tables: [
            table('final.general_budget_basic', {
              rows: [code('30103', { amount: '1.00' }, '津贴补贴工资奖金津补贴')],
            }),
          ],
        }),
      expect: [{ messageId: 'mismatch', row: '30103' }],
    },
    {
      name: "a numbered line with another class's name is still reported",
      disclosure: () =>
        disclosure({ tables: [table('budget.summary', { rows: [code('201', { amount: '1.00' }, '1、外交支出')] })] }),
      expect: [{ messageId: 'mismatch', row: '201' }],
    },
    {
      name: "a code printed with another code's name",
      disclosure: () =>
        disclosure({
          tables: [table('final.expenditure', { rows: [code('2101501', { total: '1.00' }, '城乡医疗救助')] })],
        }),
      expect: [{ messageId: 'mismatch', table: 'final.expenditure', row: '2101501' }],
    },
  ],
};

export default fixtures;
