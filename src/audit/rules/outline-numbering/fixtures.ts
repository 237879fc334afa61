import { disclosure, section } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';
import type { NarrativeSection } from '../../../model/disclosure.ts';

const doc =
  (...sections: NarrativeSection[]) =>
  () =>
    disclosure({ kind: '预算', fiscalYear: 2026, sections });

const part = '第三部分 2026年部门预算情况说明';

const fixtures: RuleFixtures = {
  valid: [
    {
      name: 'headings and items in order',
      disclosure: doc(
        section([part, '一、收支预算总体情况'], '（一）收入预算1,000万元。', '（二）支出预算1,000万元。'),
        section([part, '二、“三公”经费预算情况'], '1.因公出国（境）费0万元。2.公务接待费5万元。'),
        section([part, '三、机关运行经费情况'], '机关运行经费20万元。'),
      ),
    },
    {
      name: 'numbers printed inside a line count as printed (无锡住建 2026 p6 “（二）法规处（三）行政审批处”)',
      disclosure: doc(
        section(
          ['第一部分 部门概况', '二、机构设置'],
          '（一）办公室',
          '（二）法规处（三）行政审批处（四）建筑节能与设计处',
          '（五）城建处',
        ),
      ),
    },
    {
      name: 'a new run at 1 and a list nested in the same style are not judged',
      disclosure: doc(
        section([part, '一、收支预算总体情况'], '（一）收入。（二）支出。'),
        section([part, '二、一般公共预算支出情况'], '（一）基本支出。1.人员经费。2.公用经费。（二）项目支出。'),
        section([part, '三、其他'], '主要包括：一、培训；二、会议。'),
        section([part, '四、政府采购情况'], '政府采购预算100万元。'),
      ),
    },
    {
      name: 'a part whose 一、 heading is printed before its items',
      disclosure: doc(
        section(['第三部分 情况说明', '一、收支预算总体情况'], '（一）收入预算。', '（二）支出预算。'),
        section(['第三部分 情况说明', '二、“三公”经费支出情况'], '“三公”经费预算共42.26万元。'),
      ),
    },
    {
      name: 'a part starts the numbering afresh',
      disclosure: doc(
        section(['第一部分 部门概况', '一、主要职能'], '负责……'),
        section(['第一部分 部门概况', '二、机构设置'], '内设3个处室。'),
        section(['第三部分 情况说明', '一、收支预算总体情况'], '收入1,000万元。'),
      ),
    },
  ],
  invalid: [
    {
      name: '烟台司法局 2026 p30: 第三部分 starts with （一）（二）（三） and then 二、 (no 一、 heading)',
      disclosure: doc(
        section(
          ['第三部分 2026年部门预算情况和重要事项说明'],
          '（一）收入预算：7,370.46万元。',
          '（二）支出预算：7,370.46万元。',
          '（三）增减变化情况。',
        ),
        section(['第三部分', '二、“三公”经费支出情况'], '“三公”经费预算共42.26万元。'),
      ),
      expect: [{ messageId: 'missingFirst', row: '二、', severity: 'warning' }],
    },
    {
      name: '福州科技 2026 p7: （一）（一）',
      disclosure: doc(
        section(['第一部分 单位概况', '三、单位主要工作任务'], '（一）（一）提升战略科技力量，打造高水平创新策源地'),
      ),
      expect: [{ messageId: 'doubledMark', row: '（一）（一）', severity: 'error' }],
    },
    {
      name: '深圳人社 2026 p30: 十六、 twice, then 十八、 (one finding: 十八 follows the slip)',
      disclosure: doc(
        section([part, '十五、深圳技师学院'], '预算1,000万元。'),
        section([part, '十六、深圳鹏城技师学院'], '预算500万元。'),
        section([part, '十六、深圳市人力资源和社会保障数据管理中心'], '预算4,077.84万元。'),
        section([part, '十八、深圳市公共就业服务中心'], '预算15,501.05万元。'),
      ),
      expect: [{ messageId: 'repeatedNumber', row: '十六、', severity: 'warning' }],
    },
    {
      name: 'a heading number skipped: 一、 then 三、',
      disclosure: doc(
        section([part, '一、收支预算总体情况'], '收入1,000万元。'),
        section([part, '三、一般公共预算支出情况'], '支出1,000万元。'),
      ),
      expect: [{ messageId: 'skippedNumber', row: '三、', severity: 'warning' }],
    },
    {
      name: 'an item number skipped inside a paragraph: 1. 2. 4.',
      disclosure: doc(
        section(
          [part, '二、“三公”经费预算情况'],
          '1.因公出国（境）费0万元；2.公务接待费5万元；4.公务用车运行费3万元。',
        ),
      ),
      expect: [{ messageId: 'skippedNumber', row: '4.', severity: 'warning' }],
    },
  ],
};

export default fixtures;
