import type { NarrativeSection } from '../../../model/disclosure.ts';
import { disclosure, section, table } from '../../testing/build.ts';
import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const budget =
  (...sections: NarrativeSection[]) =>
  () =>
    disclosure({ kind: '预算', fiscalYear: 2026, sections });
const doc = (...ps: string[]) => budget(section('二、“三公”经费安排情况', ...ps));

/** Two sections printed on one PDF page: the first one's last line ends at `bottom`, the next heading starts at `top`. */
const onPage = (last: string, bottom: number, top: number) => () => {
  const a = section('三、机关运行经费情况', last);
  const b = section('四、委托业务费情况', '委托业务费指委托外单位办理业务而支付的各项资金。');
  a.paragraphs[0].segments = [
    { offset: 0, place: { kind: 'pdf', page: 31, box: [60.88, bottom - 14, 522.88, bottom] } },
  ];
  b.place = { kind: 'pdf', page: 31, box: [88.88, top, 214.88, top + 14] };
  b.paragraphs[0].segments = [
    { offset: 0, place: { kind: 'pdf', page: 31, box: [60.88, top + 20, 522.88, top + 34] } },
  ];
  return disclosure({ kind: '预算', fiscalYear: 2026, sections: [a, b] });
};

const fixtures: RuleFixtures = {
  valid: [
    {
      name: 'a verb that ends its clause with its subject before it is a sentence (“部分培训采取视频形式开展。”)',
      disclosure: doc('主要原因是合并部分培训项目，且部分培训采取视频形式开展。'),
    },
    { name: 'the clean final account', disclosure: cleanFinal },
    {
      name: 'a mixed-width pair of brackets is a pair (上海 2026 “(一）”)',
      disclosure: doc('(一）组织编制并实施综合行政执法计划。（含职业年金补记支出。)'),
    },
    {
      name: 'a closing bracket after a list number opens nothing',
      disclosure: doc('主要包括：1）办公费；2）印刷费；二)差旅费。'),
    },
    {
      name: 'a heading that runs on into its paragraph (无锡 2026 名词解释 “七、机关运行经费：指行政单位（含参照…”)',
      disclosure: budget(
        section(
          '七、机关运行经费：指行政单位（含参照公务员法管理的事业',
          '单位）使用一般公共预算安排的基本支出中的日常公用经费支出。',
        ),
      ),
    },
    {
      name: 'an ellipsis and a reason given',
      disclosure: doc('主要包括：基本工资、津贴补贴、奖金……主要原因是：人员增加。'),
    },
    {
      name: 'a reason introduced by a colon and given in the next paragraphs',
      disclosure: doc('比上年减少0.90万元，下降12.00%，下降的主要原因是：', '1.严格控制公务接待。'),
    },
    {
      name: 'a list item without a stop before the next item printed as a heading (无锡 2026 住建局 p5)',
      disclosure: budget(
        section('二、机构设置', '根据单位职责分工，本单位内设机构包括：(一）办公室'),
        section('（二）法规处', '负责法规工作。'),
      ),
    },
    {
      name: 'a paragraph without its stop, but lines are missing before the next heading (江苏 2017 检察院 p23: the reader lost two lines)',
      disclosure: onPage('本年数小于上年预算数220万元，主要', 288, 362),
    },
    {
      name: 'a table read as prose (北京 2026 project codes) is not judged',
      disclosure: doc('11000023T000002开展计量比对（综合8.566400 8.566400'),
    },
    {
      name: 'a table note with balanced brackets',
      disclosure: () =>
        disclosure({
          tables: [
            table('final.gov_fund', {
              rows: [],
              notes: ['注：本表反映部门本年度政府性基金预算财政拨款收入支出（含结转）情况。'],
            }),
          ],
        }),
    },
  ],
  invalid: [
    {
      name: '福州 2026 生态环境局 p4: “取得积极成效。。”',
      disclosure: doc('持续推进生态文明建设和环境保护工作，取得积极成效。。围绕上述任务，重点抓好以下工作：'),
      expect: [{ messageId: 'doubled', table: 'narrative', row: '取得积极成效。。' }],
    },
    {
      name: '长沙 2025 公安局 p10: “人数800人，；”',
      disclosure: doc('拟召开总结会议，人数800人，；培训费预算163.46万元。'),
      expect: [{ messageId: 'doubled', row: '人数800人，；' }],
    },
    {
      name: '烟台 2026 商务局 p10: “部门预算包括：。”',
      disclosure: doc('烟台市商务局部门预算包括：。'),
      expect: [{ messageId: 'doubled', row: '部门预算包括：。' }],
    },
    {
      name: 'a reason announced and not given: “主要原因是。”',
      disclosure: doc('比上年减少2.04万元，主要原因是。'),
      expect: [{ messageId: 'cutOff', row: '原因是。' }],
    },
    {
      name: '江苏政协 2019 p7: a clause that is its verb alone, “组织召开。”',
      disclosure: doc(
        '组织召开2次住苏全国政协委员座谈会（含赴山西异地视察），组织召开。结合建军节等重要节日开展走访。',
      ),
      expect: [{ messageId: 'verbCutOff', row: '组织召开。' }],
    },
    {
      name: '广州 2026 政务服务和数据管理局 p44: a closing bracket without its opening one',
      disclosure: doc(
        '因公出国（境）费24万元，比上年增加0万元，增长0%，主要原因是与上年持平，无增减变化）；公务接待费8.3万元。',
      ),
      expect: [{ messageId: 'unbalanced', row: '）' }],
    },
    {
      name: '上海 2026 应急管理局 p3: “（含地质勘探〉” — the bracket is closed with another mark',
      disclosure: doc('（一）承担危险化学品、非煤矿山（含地质勘探〉、工贸等行业领域安全生产监管。'),
      expect: [{ messageId: 'unbalanced', row: '（' }],
    },
    {
      name: 'an unclosed quotation mark in a table title',
      disclosure: () =>
        disclosure({ tables: [table('final.three_public', { title: '“三公经费财政拨款支出决算表', rows: [] })] }),
      expect: [{ messageId: 'unbalanced', table: 'final.three_public', row: '“' }],
    },
    {
      name: '烟台 2026 司法局 p31: the paragraph stops at a comma right above the next heading',
      disclosure: onPage('2026年本部门机关运行经费安排604.53万元，', 250, 264),
      expect: [{ messageId: 'noStop', severity: 'warning', row: '2026年本部门机关运行经费安排604.53万元，' }],
    },
    {
      name: '佛山 2019 交通运输局 p27: no full stop before the next heading',
      disclosure: onPage('发生国内接待1次，接待人数共13人，主要包括接待其他省市交通局参观所产生的费用', 408, 423),
      expect: [{ messageId: 'noStop', row: '接待人数共13人，主要包括接待其他省市交通局参观所产生的费用' }],
    },
  ],
};

export default fixtures;
