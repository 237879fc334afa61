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
    {
      name: 'the district named without its city is the same body',
      disclosure: () => disclosure({ name: '上海市普陀区司法局', names: ['上海市普陀区司法局', '普陀区司法局'] }),
    },
    {
      name: 'a unit of another kind in another district is not compared',
      disclosure: () => disclosure({ name: '上海市普陀区司法局', names: ['上海市普陀区司法局', '上海市长宁区民政局'] }),
    },
  ],
  invalid: [
    {
      name: 'seed 000: cover says 医疗保局',
      disclosure: () =>
        disclosure({ name: '株洲市天元区医疗保障局', names: ['株洲市天元区医疗保局', '株洲市天元区医疗保障局'] }),
      expect: [{ messageId: 'inconsistent' }],
    },
    {
      name: "review.md: a city bureau's name heading a district bureau's tables",
      disclosure: () => disclosure({ name: '上海市普陀区司法局', names: ['上海市普陀区司法局', '上海市司法局'] }),
      expect: [{ messageId: 'otherArea' }],
    },
    {
      name: 'the same department of a neighbouring district (a template copied across)',
      disclosure: () => disclosure({ name: '上海市普陀区民政局', names: ['上海市长宁区民政局', '上海市普陀区民政局'] }),
      expect: [{ messageId: 'otherArea' }],
    },
  ],
};

export default fixtures;
