import { code, disclosure, table } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const doc = (year: number) => () => disclosure({ fiscalYear: year, tables: [table('final.expenditure', { rows: [code('210', { total: '1.00' }, '医疗卫生与计划生育支出')] })] });

const fixtures: RuleFixtures = {
  valid: [{ name: 'the former name in a 2017 document', disclosure: doc(2017) }],
  invalid: [{ name: 'the former name in a 2023 document', disclosure: doc(2023), expect: [{ messageId: 'outdated', table: 'final.expenditure', row: '210' }] }],
};

export default fixtures;
