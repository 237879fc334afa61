import { code, disclosure, table, total } from '../../testing/build.ts';
import { cleanFinal, setCell } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

/**
 * 北京 2026 预算03表支出总表 p4: 合计 | 基本支出 | 项目支出, then 其中 over 事业单位经营支出 | 上缴上级支出 | 对附属单位补助支出.
 * “2013810 质量基础”: 合计 40.675 = 项目支出 40.675, of which 事业单位经营支出 40.675.
 */
const ofWhich = (header: string) => () => {
  const t = table('budget.expenditure', {
    rows: [
      code('2013810', { total: '40.675000', basic: null, project: '40.675000', operating: '40.675000' }, '质量基础'),
    ],
  });
  t.columns = t.columns.map((c) => (c.key === 'operating' ? { ...c, label: header } : c));
  return disclosure({ kind: '预算', tables: [t] });
};

/**
 * 江苏省委办公厅 2017 支出预算总表 p3: 合计 | 基本支出 | 项目支出 | 单位预留机动经费 | 结转下年资金, one line 20,849.45 =
 * 9,964.07 + 10,688.66 + 196.72. The fourth column is an amount, although its header begins with 单位.
 */
const jiangsuReserve = (reserve: string) => () => {
  const t = table('budget.expenditure', {
    rows: [total({ total: '20,849.45', basic: '9,964.07', project: '10,688.66', 'col:单位预留机动经费': reserve })],
  });
  t.columns = [...t.columns, { key: 'col:单位预留机动经费', label: '单位预留机动经费' }];
  return disclosure({ kind: '预算', tables: [t] });
};

const fixtures: RuleFixtures = {
  valid: [
    { name: 'a consistent final account', disclosure: cleanFinal },
    {
      name: 'a column under 其中 is part of the amounts beside it (北京 2026 预算03表)',
      disclosure: ofWhich('其中/事业单位经营支出'),
    },
    {
      name: 'a total with an amount column no template names is not Σ of the named ones (江苏 2017 单位预留机动经费)',
      disclosure: jiangsuReserve('196.72'),
    },
    {
      // 江苏 省委办公厅 2017 支出预算总表 p3: 合计 20,849.45 = 基本支出 9,964.07 + 项目支出 10,688.66 + 单位预留机动经费 196.72
      name: '单位预留机动经费 is part of 合计 (江苏 2017 支出预算总表)',
      disclosure: () => {
        const cells = { total: '20849.45', basic: '9964.07', project: '10688.66', reserve: '196.72' };
        const t = table('budget.expenditure', { rows: [{ kind: 'total', label: '合计', cells }] });
        t.columns = t.columns.filter((c) => c.key in cells);
        return disclosure({ kind: '预算', tables: [t] });
      },
    },
  ],
  invalid: [
    {
      name: 'the same column printed as a term of its own is summed',
      disclosure: ofWhich('事业单位经营支出'),
      expect: [{ messageId: 'mismatch', table: 'budget.expenditure', row: '2013810', column: 'total' }],
    },
    {
      name: '支出决算表: 基本 + 项目 ≠ 合计 on one line',
      disclosure: () => setCell(cleanFinal(), 'final.expenditure', '2101501', 'basic', '146.76'),
      expect: [{ messageId: 'mismatch', table: 'final.expenditure', row: '2101501', column: 'total' }],
    },
    {
      name: '三公: 公务用车小计 ≠ 购置 + 运行',
      disclosure: () =>
        setCell(
          setCell(cleanFinal(), 'final.three_public', 'three_public', 'final.vehicle_operation', '5.89'),
          'final.three_public',
          'three_public',
          'budget.reception',
          '5.00',
        ),
      expect: [{ messageId: 'mismatch', table: 'final.three_public', column: 'final.vehicle_total' }],
    },
  ],
};

export default fixtures;
