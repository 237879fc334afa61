import { disclosure, section } from '../../testing/build.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

// 无锡市发展和改革委员会 2025 部门预算 p34 (corpus calinchow-del__renwu/014_无锡/发展和改革局_2026年部门预算.pdf).
const doc =
  (...paragraphs: string[]) =>
  () =>
    disclosure({
      kind: '预算',
      fiscalYear: 2025,
      name: '无锡市发展和改革委员会',
      sections: [section(['部门预算情况说明', '五、一般公共预算支出预算情况说明'], ...paragraphs)],
    });
const other = '1.其他支出（款）支出502万元，与上年相比增加15万元，增长3.08%。主要原因是预算口径调整。';

const fixtures: RuleFixtures = {
  valid: [
    {
      name: '无锡 p34 （七）: three different 项',
      disclosure: doc(
        '（七）住房保障支出（类）1.住房改革支出（款）住房公积金（项）支出425.9万元，与上年相比减少25.64万元，减少5.68%。主要原因是政策性调整。2.住房改革支出（款）提租补贴（项）支出398.79万元，与上年相比减少57.86万元，减少12.67%。主要原因是政策性调整。',
      ),
    },
    { name: 'short items without amounts', disclosure: doc('1.无。2.无。') },
    {
      name: 'the same words under two kinds of number',
      disclosure: doc(`（一）其他支出（款）支出502万元。1.其他支出（款）支出502万元。`),
    },
  ],
  invalid: [
    {
      name: '无锡 2025 p34 （六）: item 2 repeats item 1',
      disclosure: doc(`${other}${other.replace('1.', '2.')}`),
      expect: [{ messageId: 'repeated', table: 'narrative' }],
    },
  ],
};

export default fixtures;
