import { disclosure, section } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

// 上海市普陀区万里街道办事处 2024 部门预算 p6 (corpus zxj6827111-blip__tianbaoxitong/1769438736627-418301796.pdf).
const doc =
  (...paragraphs: string[]) =>
  () =>
    disclosure({
      kind: '预算',
      fiscalYear: 2024,
      name: '上海市普陀区人民政府万里街道办事处',
      sections: [section(['部门预算编制说明', '财政拨款支出主要内容'], ...paragraphs)],
    });

const item3 =
  '3. “一般公共服务支出（类）组织事务（款）一般行政管理事务（项）”88.87万元，主要用于组织事务一般行政管理事务。2023年当年预算执行数为60.79万元，2024年预算安排88.87万元，比2023年预算执行数增加46.19%。主要原因是：组织事务一般行政管理事务经费增加。';
const item4 = (reason: string) =>
  `4. “一般公共服务支出（类）宣传事务（款）一般行政管理事务（项）”110.60万元，主要用于宣传事务一般行政管理事务。2023年当年预算执行数为114.00万元，2024年预算安排110.60万元，比2023年预算执行数减少2.98%。主要原因是：${reason}。`;

const fixtures: RuleFixtures = {
  valid: [
    { name: '万里街道 p6 item 3: an increase explained by the item’s money increasing', disclosure: doc(item3) },
    {
      name: 'a decrease explained by the item’s money decreasing',
      disclosure: doc(item4('宣传事务一般行政管理事务经费减少')),
    },
    { name: 'a reason about something else may point either way', disclosure: doc(item4('人员经费增加')) },
    {
      name: 'a reason of several clauses is not judged',
      disclosure: doc(item4('宣传事务一般行政管理事务经费增加，专项业务经费减少')),
    },
  ],
  invalid: [
    {
      name: '万里街道 2024 p6 item 4: 减少2.98%, reason “…经费增加”',
      disclosure: doc(item3 + item4('宣传事务一般行政管理事务经费增加')),
      expect: [{ messageId: 'contradicts', table: 'narrative', row: '宣传事务一般行政管理事务经费增加' }],
    },
  ],
};

export default fixtures;
