import { disclosure, section } from '../../testing/build.ts';
import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const doc = (...ps: string[]) => () => disclosure({ sections: [section('六、一般公共预算财政拨款基本支出决算情况说明', ...ps)] });

const fixtures: RuleFixtures = {
  valid: [
    { name: 'the clean final account', disclosure: cleanFinal },
    { name: 'a footnote mark after a name (重庆 2026)', disclosure: doc('原渝北区规划自然资源局*、巴南区规划自然资源局。') },
    { name: 'bold emphasis kept by text extraction', disclosure: doc('一是**贯彻落实医保待遇清单制度。**统一基本制度。') },
    { name: 'ordinary text with brackets and numbers', disclosure: doc('公务用车保有量为0辆（含应急保障用车1辆），比上年增加（含调入）1辆。') },
  ],
  invalid: [
    {
      name: 'seed 001: 增加（减少） / 增长（降低）',
      disclosure: doc('资本性支出0元，较2023年度年初预算数增加（减少）0元，增长（降低）0%。'),
      expect: [{ messageId: 'residue', table: 'narrative', row: '增加（减少）' }],
    },
    { name: 'seed 000: 0X 万元', disclosure: doc('公务用车购置费及运行维护费支出决算为 0X 万元。'), expect: [{ messageId: 'residue', row: '0X' }] },
    { name: 'seed 001: “80*”项目', disclosure: doc('原州区医保局根据年初设定的绩效目标，“80*”项目自评得分为 85 分。'), expect: [{ messageId: 'residue', row: '*' }] },
  ],
};

export default fixtures;
