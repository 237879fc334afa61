import { disclosure } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const fixtures: RuleFixtures = {
  valid: [
    {
      name: 'one name',
      disclosure: () =>
        disclosure({
          name: '株洲市天元区医疗保障局',
          names: ['株洲市天元区医疗保障局', '株洲市天元区医疗保障局 部门决算'],
        }),
    },
    {
      name: 'a subordinate unit is not a misspelling',
      disclosure: () => disclosure({ name: '原州区医疗保障局', names: ['原州区医疗保障局', '原州区医疗保险服务中心'] }),
    },
  ],
  invalid: [
    {
      name: 'seed 000: cover says 医疗保局',
      disclosure: () =>
        disclosure({ name: '株洲市天元区医疗保障局', names: ['株洲市天元区医疗保局', '株洲市天元区医疗保障局'] }),
      expect: [{ messageId: 'inconsistent' }],
    },
  ],
};

export default fixtures;
