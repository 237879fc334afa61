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
    {
      name: 'list items sharing words are not a doubled phrase (西安医保 2022 p20)',
      disclosure: doc('主要用于行政在职人员医疗定额补助、全额事业在职人员医疗定额补助、全额事业退休人员医疗定额补助。'),
    },
    { name: '的的确确 and 目的的 are words', disclosure: doc('的的确确做到了，达到目的的措施已落实。') },
    {
      name: 'two form fields ending alike are not a lead-in doubled (西安 2022 审签情况)',
      disclosure: doc('保密审查情况：已审查 部门主要负责人审签情况：已审签。'),
    },
    {
      name: 'a unit read beside a project named after it is a name, not a slip (西安卫健 2022 p52)',
      disclosure: doc('78.西安市红会医院西安市红会医院高铁新城院区（二期）项目。'),
    },
    {
      name: 'a phrase doubled where two printed lines meet is a reading join (上海 2026 p1 预算单位)',
      disclosure: () => {
        const d = doc('预算单位：上海市数据服务中心上海市数据服务中心是主管数据工作的事业单位。')();
        const p = d.sections[0].paragraphs[0];
        p.segments = [p.segments[0], { offset: p.text.indexOf('上海市数据服务中心是'), place: p.place }];
        return d;
      },
    },
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
    {
      name: '西安卫健委 2022 决算 p142: 的的',
      disclosure: doc('组织对本部门2022年度主管的的卫生健康事业发展专项资金等1个专项资金项目进行自评。'),
      expect: [{ messageId: 'doubled', row: '的的' }],
    },
    {
      name: '福州科技 2026 p4: the template lead-in and the pasted text lead-in',
      disclosure: doc(
        '福州市科学技术局(本级)的主要职责是：福州市科学技术局的主要职责是：负责贯彻落实党中央关于科技工作的方针政策。',
      ),
      expect: [
        {
          messageId: 'doubledLeadIn',
          row: '的主要职责是：福州市科学技术局的主要职责是：',
          severity: 'warning',
        },
      ],
    },
    {
      name: '广州应急管理局 2026 p33: 无增减变化无增减变化 (a phrase doubled on one line)',
      disclosure: doc('公务接待费2026年预算数为5万元，比上年增加0万元，增长0%，主要原因是：无增减变化无增减变化。'),
      expect: [{ messageId: 'doubledPhrase', row: '无增减变化无增减变化', severity: 'warning' }],
    },
    {
      name: '无锡住建 2026 p3: a sentence repeating the end of the one before it',
      disclosure: doc(
        '制定国有土地上房屋征收、房屋安全鉴定、白蚁防治等规章制度并监督执行。房屋征收、房屋安全鉴定、白蚁防治等规章制度并监督执行。',
      ),
      expect: [
        {
          messageId: 'repeatedSentence',
          row: '房屋征收、房屋安全鉴定、白蚁防治等规章制度并监督执行',
          severity: 'warning',
        },
      ],
    },
  ],
};

export default fixtures;
