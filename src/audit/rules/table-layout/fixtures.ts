import { cleanFinal } from '../../testing/clean-final.ts';
import { disclosure, table, total, item } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

// 无锡 商务局 2026 p20: the 合计 line shifted one column left, 4,670.40 under 科目名称.
const shifted = () => {
  const t = table('budget.general_basic', {
    rows: [
      total({ 'col:名称': '4,670.40', total: '4,427.64', personnel: '242.76', public: null }),
      item('x', { 'col:名称': null, total: '1.00', personnel: '1.00' }, '301 工资福利支出'),
    ],
  });
  t.columns.unshift({ key: 'col:名称', label: '部门预算支出经济分类科目' });
  return disclosure({ kind: '预算', tables: [t] });
};

const fixtures: RuleFixtures = {
  valid: [{ name: 'the clean final account', disclosure: cleanFinal }],
  invalid: [
    {
      name: 'a 合计 line shifted under the name column',
      disclosure: shifted,
      expect: [{ messageId: 'row', table: 'budget.general_basic', row: '合计' }],
    },
  ],
};

export default fixtures;
