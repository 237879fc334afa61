import { code, disclosure, table, total } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const expenditure = (v201: string, v20132: string) =>
  disclosure({
    tables: [
      table('final.expenditure', {
        rows: [
          total({ total: '289.70', basic: '185.01', project: '104.69' }),
          code('201', { total: v201, project: v201 }, '一般公共服务支出'),
          code('20132', { total: v20132, project: v20132 }, '组织事务'),
          code('2013299', { total: '1.00', project: '1.00' }, '其他组织事务支出'),
          code('210', { total: '248.99', basic: '145.76', project: '103.23' }, '卫生健康支出'),
          code('2101501', { total: '145.76', basic: '145.76' }, '行政运行'),
          code('2101505', { total: '103.23', project: '103.23' }, '医疗保障政策管理'),
        ],
      }),
    ],
  });

const fixtures: RuleFixtures = {
  valid: [
    { name: 'parents equal their children', disclosure: () => expenditure('1.00', '1.00') },
    {
      name: 'children printed with a missing middle level sum to the class',
      disclosure: () =>
        disclosure({
          tables: [
            table('final.income', {
              unit: '元',
              rows: [
                code('208', { total: '678,353.66' }),
                code('2080505', { total: '345,004.16' }),
                code('2080506', { total: '333,349.5' }),
              ],
            }),
          ],
        }),
    },
  ],
  invalid: [
    {
      name: 'one code under two government classes (西安 30101 + 50101 / 30101 + 50501): distinct lines, the class is their sum',
      disclosure: () =>
        disclosure({
          tables: [
            table('budget.general_expenditure_by_econ', {
              rows: [
                code('301', { total: '10.00' }, '工资福利支出'),
                {
                  ...code('30101', { total: '3.00' }, '基本工资'),
                  otherCodes: [{ code: '50101', codeSystem: 'gov_econ', label: '工资奖金津补贴' }],
                },
                {
                  ...code('30101', { total: '2.00' }, '基本工资'),
                  otherCodes: [{ code: '50501', codeSystem: 'gov_econ', label: '工资福利支出' }],
                },
                {
                  ...code('30102', { total: '4.00' }, '津贴补贴'),
                  otherCodes: [{ code: '50101', codeSystem: 'gov_econ', label: '工资奖金津补贴' }],
                },
                code('302', { total: '5.00' }, '商品和服务支出'),
                {
                  ...code('30201', { total: '5.00' }, '办公费'),
                  otherCodes: [{ code: '50201', codeSystem: 'gov_econ', label: '办公经费' }],
                },
              ],
            }),
          ],
        }),
      expect: [{ messageId: 'mismatch', row: '301', column: 'total' }],
    },
    {
      name: 'a breakdown by second code beside the same code printed alone is not summed twice: the parent stays unjudged',
      disclosure: () =>
        disclosure({
          tables: [
            table('budget.general_expenditure_by_econ', {
              rows: [
                code('301', { total: '5.00' }),
                code('30101', { total: '5.00' }),
                {
                  ...code('30101', { total: '3.00' }),
                  otherCodes: [{ code: '50101', codeSystem: 'gov_econ', label: null }],
                },
                {
                  ...code('30101', { total: '2.00' }),
                  otherCodes: [{ code: '50501', codeSystem: 'gov_econ', label: null }],
                },
                code('302', { total: '5.00' }),
                code('30201', { total: '4.00' }),
              ],
            }),
          ],
        }),
      expect: [{ messageId: 'mismatch', row: '302', column: 'total' }],
    },
    {
      name: 'a code printed twice makes its parent unjudged (西安: 30101 under two government classes), others still judged',
      disclosure: () =>
        disclosure({
          tables: [
            table('final.general_budget_basic', {
              rows: [
                code('301', { amount: '10.00' }),
                code('30101', { amount: '3.00' }),
                code('30101', { amount: '2.00' }),
                code('302', { amount: '5.00' }),
                code('30201', { amount: '4.00' }),
              ],
            }),
          ],
        }),
      expect: [{ messageId: 'mismatch', row: '302', column: 'amount' }],
    },
    {
      name: 'a class that disagrees with its 款',
      disclosure: () => expenditure('1.10', '1.00'),
      expect: [
        { messageId: 'mismatch', table: 'final.expenditure', row: '201', column: 'total' },
        { messageId: 'mismatch', table: 'final.expenditure', row: '201', column: 'project' },
      ],
    },
    {
      name: 'a one-cent difference over three children is rounding (info)',
      disclosure: () =>
        disclosure({
          tables: [
            table('final.expenditure', {
              rows: [
                code('210', { total: '3.01' }),
                code('21011', { total: '1.00' }),
                code('21013', { total: '1.00' }),
                code('21015', { total: '1.00' }),
              ],
            }),
          ],
        }),
      expect: [{ messageId: 'mismatch.rounding', row: '210', column: 'total', severity: 'info' }],
    },
  ],
};

export default fixtures;
