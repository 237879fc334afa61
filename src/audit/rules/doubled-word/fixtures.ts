import { disclosure, section } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const doc =
  (...paragraphs: string[]) =>
  () =>
    disclosure({
      kind: '预算',
      fiscalYear: 2026,
      sections: [section(['部门预算情况说明', '一般公共预算拨款支出情况'], ...paragraphs)],
    });

const fixtures: RuleFixtures = {
  valid: [
    {
      name: 'the sentence as it should read',
      disclosure: doc('资源勘探工业信息等支出（类）支出630万元，主要用于贯彻落实“产业强市”主导战略。'),
    },
    { name: 'reduplicated words are words (常常, 等等)', disclosure: doc('常常开展调研、座谈等等工作，人人参与。') },
  ],
  invalid: [
    {
      name: '无锡发改 2025 p29: 主要用于用于',
      disclosure: doc('资源勘探工业信息等支出（类）支出630万元，主要用于用于贯彻落实“产业强市”主导战略。'),
      expect: [{ messageId: 'doubled', table: 'narrative', row: '用于用于' }],
    },
    {
      name: '西安商务 2022 p23: 6.03万元万元 (a line break between the two)',
      disclosure: doc('（4）事业运行（2011350）189.71万元，较上年减少6.03万元 万元，原因是下属事业单位人员减少。'),
      expect: [{ messageId: 'doubled', row: '万元 万元' }],
    },
    {
      name: '上海工信 2026 p6 (上海水产老干部活动室): 主要用于主要用于 — two listed words doubled as a run',
      disclosure: doc('2.“农林水支出”科目83万元，主要用于主要用于人员经费18万元、公用经费58万元、项目支出7万元。'),
      expect: [{ messageId: 'doubled', row: '主要用于主要用于' }],
    },
  ],
};

export default fixtures;
