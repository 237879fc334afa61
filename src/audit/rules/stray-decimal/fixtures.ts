import { cleanFinal, setCell } from '../../testing/clean-final.ts';
import { section } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const fixtures: RuleFixtures = {
  valid: [
    {
      name: 'the clean final account (2 decimals, some printed with fewer)',
      disclosure: () => setCell(cleanFinal(), 'final.income', '2101504', 'total', '1.2'),
    },
  ],
  invalid: [
    {
      name: 'a narrative amount with a third decimal',
      disclosure: () => {
        const d = cleanFinal();
        d.sections.push(
          section(['第三部分', '十、机关运行经费'], '机关运行经费支出33.101万元；绩效自评涉及资金277.656337万元。'),
        );
        return d;
      },
      expect: [{ messageId: 'extraNarrative', table: 'narrative' }],
    },
    {
      name: 'seed 000: 151.911 in the 06表',
      disclosure: () => setCell(cleanFinal(), 'final.general_budget_basic', '301', 'amount', '151.911'),
      expect: [{ messageId: 'extra', table: 'final.general_budget_basic', row: '301', column: 'amount' }],
    },
  ],
};

export default fixtures;
