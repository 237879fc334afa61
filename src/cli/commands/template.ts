import { writeFile } from 'node:fs/promises';
import { writeTemplate } from '../../author/template.ts';
import { InputError } from '../../read/errors.ts';
import { oneOf, parseCommandArgs, UsageError, type Command } from '../command.ts';
import { tr } from '../lang.ts';

// `caijian template --kind 决算|预算 --year YYYY [--entity NAME] [--unit 万元|元] -o file.xlsx`: the fill-in
// workbook a department completes and hands to `caijian render`.

const command: Command = async (argv) => {
  const { values } = parseCommandArgs(
    argv,
    {
      kind: { type: 'string' },
      year: { type: 'string' },
      entity: { type: 'string' },
      unit: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
    false,
  );
  if (!values.kind) throw new UsageError('缺少 --kind（决算 或 预算）', 'missing --kind (决算 or 预算)');
  const kind = oneOf(values.kind, ['决算', '预算'] as const, '决算', '--kind');
  if (!values.year || !/^(19|20)\d{2}$/.test(values.year))
    throw new UsageError('--year 须为四位年度，如 2024', '--year must be a four-digit year such as 2024');
  if (!values.output) throw new UsageError('缺少 -o 输出文件（.xlsx）', 'missing -o output file (.xlsx)');
  const unit = oneOf(values.unit, ['万元', '元'] as const, '万元', '--unit');
  const bytes = await writeTemplate({ kind, year: Number(values.year), entity: values.entity, unit });
  try {
    await writeFile(values.output, bytes);
  } catch (e) {
    throw new InputError('unreadable', `无法写入文件：${values.output}`, `Cannot write file: ${values.output}`, {
      cause: e,
    });
  }
  process.stdout.write(
    tr(
      `已生成填报模板：${values.output}（${kind}，${values.year}年${values.entity ? `，${values.entity}` : ''}）`,
      `Template written: ${values.output} (${kind}, ${values.year}${values.entity ? `, ${values.entity}` : ''})`,
    ) + '\n',
  );
  return 0;
};

export default command;
