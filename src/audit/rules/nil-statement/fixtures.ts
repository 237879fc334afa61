import { disclosure, section, table, total } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

// 上海市普陀区万里街道办事处 2024 部门预算 (corpus zxj6827111-blip__tianbaoxitong/1769438736627-418301796.pdf): its 三公 table
// (p31) prints 47.91 (三公) and 443.18 (机关运行经费); the note under it was left from a year without them.
const threePublic = (notes: string[], values: Record<string, string | null>) =>
  table('budget.three_public_and_other', {
    title: '部门“三公”经费和机关运行经费预算表',
    rows: [total(values, undefined, '')],
    notes,
  });
const filled = {
  three_public_total: '47.91',
  abroad: '0',
  reception: '1.35',
  vehicle_total: '46.56',
  operating_costs: '443.18',
};
const empty = { three_public_total: null, abroad: null, reception: null, vehicle_total: null, operating_costs: null };
const doc =
  (tables: ReturnType<typeof table>[], ...paragraphs: string[]) =>
  () =>
    disclosure({
      kind: '预算',
      fiscalYear: 2024,
      name: '上海市普陀区人民政府万里街道办事处',
      tables,
      sections: paragraphs.length ? [section(['部门预算编制说明', '其他说明'], ...paragraphs)] : [],
    });

const fixtures: RuleFixtures = {
  valid: [
    {
      name: 'the empty-table note under an empty table',
      disclosure: doc([threePublic(['注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。'], empty)]),
    },
    {
      name: 'a denial of what the tables do not print',
      disclosure: doc([threePublic([], filled)], '本单位无政府性基金预算支出、国有资本经营预算支出。'),
    },
    {
      name: 'a template condition is no statement (若无，则写…)',
      disclosure: doc(
        [threePublic([], filled)],
        '机关运行经费预算为443.18万元。（若无，则写“本部门无机关运行经费。”）',
      ),
    },
    {
      name: 'another year’s money (本部门无2021年结转…)',
      disclosure: doc([threePublic([], filled)], '本部门无2021年结转的“三公”经费。'),
    },
  ],
  invalid: [
    {
      name: '万里街道 2024 p31: 无“三公”经费和机关运行经费预算 under a table printing 47.91',
      disclosure: doc([threePublic(['注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。'], filled)]),
      expect: [{ messageId: 'denied', table: 'budget.three_public_and_other' }],
    },
    {
      name: 'the narrative denies 机关运行经费 the table prints',
      disclosure: doc([threePublic([], filled)], '本单位无机关运行经费。'),
      expect: [{ messageId: 'denied', table: 'narrative' }],
    },
    {
      name: 'a note denies the 政府性基金 money its own table prints',
      disclosure: doc([
        table('budget.gov_fund', {
          rows: [total({ total: '12.00' })],
          notes: ['注：本部门无政府性基金预算，故本表无数据。'],
        }),
      ]),
      expect: [{ messageId: 'denied', table: 'budget.gov_fund' }],
    },
    {
      name: 'a note calls a table empty that prints money',
      disclosure: doc([
        table('budget.gov_fund', {
          rows: [total({ total: '12.00' })],
          notes: ['备注：本单位无此项支出，故本表无数据。'],
        }),
      ]),
      expect: [{ messageId: 'emptyTable', table: 'budget.gov_fund' }],
    },
  ],
};

export default fixtures;
