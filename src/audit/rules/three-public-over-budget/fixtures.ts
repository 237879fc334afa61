import { cleanFinal, setCell } from '../../testing/clean-final.ts';
import { section } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const over = () =>
  setCell(
    setCell(cleanFinal(), 'final.three_public', 'three_public', 'final.reception', '5.22'),
    'final.three_public',
    'three_public',
    'final.total',
    '11.21',
  );

const fixtures: RuleFixtures = {
  valid: [
    { name: 'within budget', disclosure: cleanFinal },
    {
      name: 'above budget with a reason',
      disclosure: () => {
        const d = over();
        d.sections.push(
          section(
            ['第三部分', '九、财政拨款三公经费支出决算情况说明'],
            '决算数大于预算数的主要原因是接待上级检查任务增加。',
          ),
        );
        return d;
      },
    },
    {
      name: 'above budget, the reason running on into the next paragraph, a space inside (佛山 2019)',
      disclosure: () => {
        const d = over();
        d.sections.push(
          section(
            ['第三部分', '三、 2019 年度一般公共预算财政拨款“三公”经费支出决算情况说明'],
            '2019 年度“三公”经费支出决算大于 预算数的主要情况：',
            '因为我局为 2019 年新成立单位，预算数为 0。',
          ),
        );
        return d;
      },
    },
  ],
  invalid: [
    {
      name: 'above budget, no reason',
      disclosure: over,
      expect: [
        { messageId: 'over', table: 'final.three_public', column: 'final.total' },
        { messageId: 'over', table: 'final.three_public', column: 'final.reception' },
      ],
    },
  ],
};

export default fixtures;
