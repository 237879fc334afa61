import { readingConfidence } from '../../../recognise/reading.ts';
import { disclosure, item, table } from '../../testing/build.ts';
import { cleanFinal } from '../../testing/clean-final.ts';
import type { RuleFixtures } from '../../testing/fixture.ts';

// The confidence is computed by the reader's own function, so these fixtures also show which evidence moves it.
const withReading = (edit?: (d: ReturnType<typeof cleanFinal>) => void) => () => {
  const d = cleanFinal();
  edit?.(d);
  for (const t of d.tables) t.reading = readingConfidence(t, d.fiscalYear);
  return d;
};

/** An untitled part no template knows, one line of one cell. */
const part = (label: string, value: string) => {
  const t = { ...table('unknown', { rows: [item('x', { value }, label)] }), title: '' };
  t.reading = readingConfidence(t, 2026);
  return t;
};

const fixtures: RuleFixtures = {
  valid: [
    { name: 'the clean final account, every table read sure', disclosure: withReading() },
    {
      // calinchow-del__renwu/020_西安/民政局_2026年部门预算.pdf p17: the 部门预算单位构成 list (序号 | 单位名称 | 拟变动情况)
      name: '西安民政 2021 p17: an untitled part without a single amount leaves no money unchecked',
      disclosure: () => disclosure({ kind: '预算', tables: [part('西安市第一社会福利院', '2')] }),
    },
  ],
  invalid: [
    {
      // 深圳 2026 一般公共预算支出表: the narrow code and name columns were lost, every line has amounts only
      name: '支出决算表 whose code and name columns were lost',
      disclosure: withReading((d) => {
        const t = d.tables.find((x) => x.key === 'final.expenditure')!;
        for (const r of t.rows)
          if (r.kind === 'code')
            Object.assign(r, { kind: 'item', code: undefined, codeSystem: undefined, level: undefined, label: null });
      }),
      expect: [{ messageId: 'unsure', table: 'final.expenditure', severity: 'warning' }],
    },
    {
      name: '收入决算表 whose codes were misread (digits of amounts taken for codes)',
      disclosure: withReading((d) => {
        const t = d.tables.find((x) => x.key === 'final.income')!;
        let n = 0;
        for (const r of t.rows) if (r.kind === 'code') r.code = `9${String(n++).padStart(2, '0')}${r.code!.slice(3)}`;
      }),
      expect: [{ messageId: 'unsure', table: 'final.income' }],
    },
    {
      // 重庆 2026 商务委 p25, p28: a 绩效目标表's indicator grid and a project table, both without a title
      name: 'untitled parts no template knows: one notice for the document',
      disclosure: () => {
        return disclosure({
          kind: '预算',
          tables: [part('建成15分钟商业服务圈', '63'), part('市商务发展一般性项目', '1,063.50')],
        });
      },
      expect: [{ messageId: 'fragments', table: 'unknown', severity: 'warning' }],
    },
  ],
};

export default fixtures;
