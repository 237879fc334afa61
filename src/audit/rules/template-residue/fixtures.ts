import { disclosure, section, table } from '../../testing/build.ts';
import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

const doc =
  (...ps: string[]) =>
  () =>
    disclosure({ sections: [section('六、一般公共预算财政拨款基本支出决算情况说明', ...ps)] });
const budget =
  (...ps: string[]) =>
  () =>
    disclosure({ kind: '预算', fiscalYear: 2026, sections: [section('四、委托业务费情况', ...ps)] });
const noted = (notes: string[], title?: string) => () =>
  disclosure({
    kind: '预算',
    tables: [
      table('budget.gov_fund', { title, rows: [], notes, emptyStatement: notes.find((n) => /无数据|空表/.test(n)) }),
    ],
  });

const fixtures: RuleFixtures = {
  valid: [
    {
      // 杭州司法局 2026 p3, 烟台财政局 2026, 泉州 (calinchow-del__renwu): names of levels, not the template's choice
      name: 'levels named in brackets: 区、县（市）, 县(市、区), 跨省（区、市）',
      disclosure: budget(
        '负责区、县（市）政府的备案审查；指导县(市、区)财政预算管理；不得跨省（区、市）从事检测活动。',
      ),
    },
    {
      name: '湖州 2026: “执行中如有新增任务” is prose, not the bracketed instruction',
      disclosure: budget('执行中如有新增任务确需增加出国（境）经费的，将按规定程序调剂。'),
    },
    {
      name: '部门（单位） is the ordinary wording of 整体支出绩效',
      disclosure: doc('部门（单位）整体支出绩效评价由本部门组织实施。'),
    },
    { name: 'the clean final account', disclosure: cleanFinal },
    {
      name: 'a footnote mark after a name (重庆 2026)',
      disclosure: doc('原渝北区规划自然资源局*、巴南区规划自然资源局。'),
    },
    {
      name: 'bold emphasis kept by text extraction',
      disclosure: doc('一是**贯彻落实医保待遇清单制度。**统一基本制度。'),
    },
    {
      name: 'ordinary text with brackets and numbers',
      disclosure: doc('公务用车保有量为0辆（含应急保障用车1辆），比上年增加（含调入）1辆。'),
    },
    {
      name: 'a product of two numbers is not a mark (7*24小时)',
      disclosure: budget('提供7*24小时热线服务，全年受理10*30批次。'),
    },
    {
      name: 'a star between words is a product (元/人*月, 长*宽*高)',
      disclosure: budget('补助标准为5000元/人*月，按长*宽*高计算。'),
    },
    {
      name: 'a document number in 【】 is not a placeholder (广州 2026)',
      disclosure: budget('根据粤财工【2024】156号文件。'),
    },
    {
      name: 'an empty table with its statement only',
      disclosure: noted(['本部门无当年政府性基金预算收支，并已公开空表。']),
    },
  ],
  invalid: [
    {
      name: '佛山 2019 决算 p27: the template’s blanks filled with 无 (主要用于无。 开支内容包括：无。)',
      disclosure: doc('下属0个单位公务用车保有量为0辆，主要用于无。', '开支内容包括：无。'),
      expect: [
        { messageId: 'residue', row: '主要用于无', severity: 'warning' },
        { messageId: 'residue', row: '开支内容包括：无', severity: 'warning' },
      ],
    },
    {
      name: '佛山 2019 决算 p27: the template’s choice of body 局（部、委、办） left in',
      disclosure: doc(
        '1.因公出国（境）费支出0万元。全年使用财政拨款安排局（部、委、办）机关及下属0个单位出国团组0个、累计0人次。',
      ),
      expect: [{ messageId: 'residue', row: '局（部、委、办）' }],
    },
    {
      // calinchow-del__renwu/015_长沙/2026年长沙市公安局2025年部门预算.pdf p11 (名词解释)
      name: '长沙公安 2025 p11: the template’s choice of level 省（市/县） left in',
      disclosure: doc(
        '2．“三公”经费：纳入省（市/县）财政预算管理的“三公”经费，是指用一般公共预算拨款安排的公务接待费。',
      ),
      expect: [{ messageId: 'residue', row: '省（市/县）' }],
    },
    {
      name: '佛山 2019 决算 p28: the instruction （如有） left in',
      disclosure: doc('主要项目绩效自评情况：共组织对0个项目开展了重点绩效评价（如有），涉及一般公共预算支出0万元。'),
      expect: [{ messageId: 'residue', row: '（如有）' }],
    },
    {
      name: 'seed 001: 增加（减少） / 增长（降低）',
      disclosure: doc('资本性支出0元，较2023年度年初预算数增加（减少）0元，增长（降低）0%。'),
      expect: [{ messageId: 'residue', table: 'narrative', row: '增加（减少）' }],
    },
    {
      name: 'seed 000: 0X 万元',
      disclosure: doc('公务用车购置费及运行维护费支出决算为 0X 万元。'),
      expect: [{ messageId: 'residue', row: '0X' }],
    },
    {
      name: 'seed 001: “80*”项目 — the mark is quoted with its number',
      disclosure: doc('原州区医保局根据年初设定的绩效目标，“80*”项目自评得分为 85 分。'),
      expect: [{ messageId: 'residue', row: '80*' }],
    },
    {
      name: '烟台 2026 住建局 p35: an instruction to delete a note before publishing',
      disclosure: budget(
        '2026年本部门委托业务费财政拨款预算为2,196.52万元，比上年预算（注：上年3,468.18万元，公开时请删除注释）减少1271.66万元，下降36.67%。',
      ),
      expect: [{ messageId: 'residue', row: '公开时请删除注释' }],
    },
    {
      name: '江苏 2018 人大办公厅 p26: which table to copy the items from',
      disclosure: budget(
        '（一）人员经费 6298.38万元。主要包括：基本工资、津贴补贴、奖金。（按“部门预算公开06表 财政拨款基本支出预算表”中实际发生经济分类支出事项填写）',
      ),
      expect: [
        { messageId: 'residue', row: '（按“部门预算公开06表 财政拨款基本支出预算表”中实际发生经济分类支出事项填写）' },
      ],
    },
    {
      name: '西安 2020 人社局 p28: the template note under the 目录 table, three instructions counted once',
      disclosure: noted([
        '注：1、封面和目录的格式不得随意改变。2、公开空表一定要在目录说明理由。3、市县部门涉及公开扶贫项目资金绩效目标表的，请在重点项目绩效目标表中添加公开。',
      ]),
      expect: [{ messageId: 'residue', table: 'budget.gov_fund', row: '封面和目录的格式不得随意改变' }],
    },
    {
      name: '上海 2024 template: keep the empty table and write a note under it',
      disclosure: noted(['无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：']),
      expect: [{ messageId: 'residue', row: '仍保留该表格式，并在本表下方作下述说明：' }],
    },
    {
      name: 'a placeholder in a table title',
      disclosure: noted([], '上海市XX局2026年政府性基金预算支出表'),
      expect: [{ messageId: 'residue', row: 'XX' }],
    },
    {
      name: 'a placeholder in a heading',
      disclosure: () => disclosure({ sections: [section('第一部分 某某区医疗保障局概况', '主要职能。')] }),
      expect: [{ messageId: 'residue', row: '某某' }],
    },
  ],
};

export default fixtures;
