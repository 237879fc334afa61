import { disclosure, section } from '../../testing/build.ts';
import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const doc = (p: string) => () => disclosure({ kind: '预算', sections: [section('五、一般公共预算拨款支出预算', p)] });

const fixtures: RuleFixtures = {
  valid: [
    { name: 'the clean final account', disclosure: cleanFinal },
    {
      name: 'seed 003: 基本支出 = 人员经费 + 公用经费',
      disclosure: doc('2021 年年初预算数为 1404.24 万元。其中：人员经费 960.99 万元，公用经费 443.25 万元。'),
    },
    {
      name: 'seed 002: a bracketed sub-list ends with its bracket',
      disclosure: doc(
        '账面累计结余491778万元（其中个人账户基金142787万元）；城乡居民医保基金收入579620万元，支出539543万元。',
      ),
    },
    {
      name: 'an outline of levels (江苏 政协 2017)',
      disclosure: doc(
        '基本支出预算5,836.27万元，其中：（一）人员经费4,704.35万元1、工资福利支出（类）2,097.51万元（1）基本工资（款）支出737.94万元。',
      ),
    },
    {
      name: 'a 其中 after a sentence ends belongs to the subject',
      disclosure: doc('收入预算200万元，包括本年收入200万元、上年结转结余0万元。其中：一般公共预算拨款200万元。'),
    },
    {
      name: 'a partial list',
      disclosure: doc('政府采购预算140.2万元。包含: 一般会议服务 10 万元、车辆运行 20 万元。'),
    },
  ],
  invalid: [
    {
      name: 'a single part larger than its whole',
      disclosure: doc('政府采购支出总额283,516.5元，其中：授予中小企业合同金额293,516.5元。'),
      expect: [{ messageId: 'over' }],
    },
    {
      name: 'parts add up to more than the total',
      disclosure: doc(
        '2021 年“三公”经费预算数 48 万元，其中：公务接待费 25 万元、公务用车运行费 13 万元、因公出国（境）费 15 万元。',
      ),
      expect: [{ messageId: 'over', table: 'narrative' }],
    },
  ],
};

export default fixtures;
