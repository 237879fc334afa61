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
    {
      // calinchow-del__renwu/015_长沙/2026年长沙市公安局2025年部门预算.pdf p10
      name: '长沙公安 2025 p10: vehicles by kind add up to their total; the equipment is another whole',
      disclosure: doc(
        '截至2024年12月底，本单位共有公务用车102辆，其中，机要通信用车1辆，应急保障用车1辆，执法执勤用车84辆，特种专业技术用车12辆，其他按照规定配备的公务用车4辆；单位价值50万元以上设备18台，其中，单位价值100万元以上设备15台。',
      ),
    },
    {
      // calinchow-del__renwu/020_西安/人力资源和社会保障局_2026年部门预算.pdf p10
      name: '西安人社 2020 p10: the retired after a ； are not a part of the staff',
      disclosure: doc(
        '截止2019年底，本部门在职人员编制408人，其中行政编制91人、事业编制317人；实有在职人员380人，其中行政89人,事业291人；单位管理的离退休人员203人。',
      ),
    },
    {
      // calinchow-del__renwu/020_西安/医疗保障局_2026年部门预算.pdf p15
      name: '西安医保 2022 p15: two wholes with their 其中 in one sentence',
      disclosure: doc(
        '截止2021年底，本部门人员编制142人，其中行政编制32人、事业编制110人；实有人员102人，其中行政40人、事业61人、工勤1人。',
      ),
    },
  ],
  invalid: [
    {
      // calinchow-del__renwu/015_长沙/2026年长沙市公安局2025年部门预算.pdf p10 (twice: the stock and the new purchases)
      name: '长沙公安 2025 p10: 100万元-and-over equipment more than the 50万元-and-over equipment it is part of',
      disclosure: doc(
        '本单位共有公务用车102辆，其中，机要通信用车1辆，执法执勤用车101辆；单位价值50万元以上设备8台，其中，单位价值100万元以上设备15台。',
      ),
      expect: [{ messageId: 'over', table: 'narrative' }],
    },
    {
      name: 'vehicles by kind more than the vehicles',
      disclosure: doc('2025年拟新增配置公务用车6辆，其中，执法执勤用车6辆，特种专业技术用车1辆。'),
      expect: [{ messageId: 'over' }],
    },
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
