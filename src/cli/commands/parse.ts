import type { Disclosure } from '../../model/disclosure.ts';
import { describePlace } from '../../model/place-text.ts';
import { parseBytes } from '../../pipeline.ts';
import { templateByKey } from '../../templates/catalogue.ts';
import { oneOf, parseCommandArgs, UsageError, type Command } from '../command.ts';
import { lang, tr } from '../lang.ts';
import { readInputFile } from '../read-input.ts';

// `caijian parse <file> [--format text|json]`: the model as JSON, or a readable summary of what was recognised.

const STATUS: Record<string, [string, string]> = {
  data: ['有数据', 'data'],
  empty: ['空表', 'empty'],
  illegible: ['无法辨认', 'illegible'],
};

/** What was recognised, for the terminal, in the chosen language (src/cli/lang.ts). Internal keys are not shown. */
export function summarise(d: Disclosure, fileName: string): string {
  const en = lang() === 'en';
  const lines: string[] = [];
  const kind = d.kind
    ? `${d.scope.level ?? ''}${d.kind}${d.scope.consolidation ? `（${d.scope.consolidation}）` : ''}`
    : tr('未能判断', 'unknown');
  lines.push(`${tr('文件', 'File')}: ${fileName}`);
  lines.push(
    `${tr('类型', 'Kind')}: ${kind}    ${tr('年度', 'Year')}: ${d.fiscalYear ?? tr('未知', 'unknown')}    ${tr('单位', 'Entity')}: ${d.entity.name ?? tr('未知', 'unknown')}`,
  );
  if (d.entity.names.length > 1) lines.push(`  ${tr('名称写法不一', 'Names printed')}: ${d.entity.names.join('、')}`);
  lines.push(
    `${tr('金额单位', 'Unit')}: ${d.unit ?? tr('未标明', 'not stated')}${d.precision !== null ? tr(`（${d.precision} 位小数）`, ` (${d.precision} decimals)`) : ''}`,
  );
  lines.push('');
  lines.push(`${tr('表格', 'Tables')}: ${d.tables.length}`);
  for (const t of d.tables) {
    const standard = t.key === 'unknown' ? null : templateByKey(t.key)?.title;
    const name = t.title || `${tr('（标题缺失）', '(no title) ')}${standard ?? ''}`;
    const no = t.number ? tr(`公开${t.number}表 `, `table ${t.number} `) : '';
    const kindOf =
      t.key === 'unknown'
        ? tr('未识别', 'not recognised')
        : standard && standard !== t.title
          ? tr(`识别为“${standard}”`, `recognised as ${standard}`)
          : tr('已识别', 'recognised');
    const status = STATUS[t.status][en ? 1 : 0];
    const size = tr(`${t.rows.length} 行 ${t.columns.length} 列`, `${t.rows.length} rows, ${t.columns.length} columns`);
    const reading =
      t.reading?.level === 'unsure'
        ? tr(`，读取存疑：${t.reading.reasons.join('；')}`, `, read unreliably: ${t.reading.reasons.join('; ')}`)
        : '';
    lines.push(
      `  ${t.status === 'data' ? '✓' : t.status === 'empty' ? '○' : '✗'} ${no}${name}  [${kindOf}]  ${size}，${status}${reading}  (${describePlace(t.place, en ? 'en' : 'zh')})`,
    );
  }
  const unsure = d.tables.filter((t) => t.reading?.level === 'unsure').length;
  if (d.tables.length)
    lines.push(
      tr(
        `读取可信度：${d.tables.length - unsure} 张表读取可信，${unsure} 张需人工核对`,
        `Reading: ${d.tables.length - unsure} tables read sure, ${unsure} to check by hand`,
      ),
    );
  if (d.performance.length) {
    lines.push(`${tr('绩效表', 'Performance tables')}: ${d.performance.length}`);
    for (const p of d.performance)
      lines.push(
        `  · ${p.title}${p.project ? `：${p.project}` : ''}  ${tr(`${p.rows.length} 行`, `${p.rows.length} rows`)}`,
      );
  }
  const absent = d.recognition.listed.filter((l) => l.status === 'absent');
  const illegible = d.recognition.listed.filter((l) => l.status === 'illegible');
  if (d.recognition.listed.length) {
    lines.push('');
    // A table listed again by a second contents list (西安's 第三部分 opens with its own 目录) is one table.
    const listed = d.recognition.listed.filter(
      (l, i, all) => !l.tableId || all.findIndex((x) => x.tableId === l.tableId) === i,
    );
    const found = listed.filter((l) => l.status !== 'absent').length;
    lines.push(
      tr(
        `目录列出 ${listed.length} 张表，找到 ${found} 张`,
        `Listed in the contents: ${listed.length}, found: ${found}`,
      ),
    );
  }
  if (absent.length) {
    lines.push(tr(`目录列出但未找到（${absent.length}）：`, `Listed but absent (${absent.length}):`));
    for (const l of absent) lines.push(`  - ${l.title}`);
  }
  if (illegible.length) {
    lines.push(tr(`无法辨认（${illegible.length}）：`, `Illegible (${illegible.length}):`));
    for (const l of illegible) lines.push(`  - ${l.title}`);
  }
  if (d.recognition.unknownTables.length) {
    lines.push(`${tr('未匹配模板的表格', 'Tables matching no template')}: ${d.recognition.unknownTables.join('、')}`);
  }
  if (d.recognition.missingStandard.length) {
    const names = d.recognition.missingStandard.map((k) => templateByKey(k)?.title ?? k);
    lines.push(`${tr('缺少的标准表格', 'Standard tables missing')}: ${names.join('、')}`);
  }
  if (d.source.imageOnlyPages.length)
    lines.push(`${tr('仅有图像的页', 'Image-only pages')}: ${d.source.imageOnlyPages.join(', ')}`);
  lines.push('');
  lines.push(
    tr(
      `情况说明段落：${d.sections.length}    名词解释：${d.glossary.length} 条`,
      `Narrative sections: ${d.sections.length}    Glossary terms: ${d.glossary.length}`,
    ),
  );
  if (d.warnings.length) {
    lines.push(tr(`提示（${d.warnings.length}）：`, `Warnings (${d.warnings.length}):`));
    for (const w of d.warnings)
      lines.push(
        `  ! ${en ? w.messageEn : w.message}${w.place ? `（${describePlace(w.place, en ? 'en' : 'zh')}）` : ''}`,
      );
  }
  return lines.join('\n') + '\n';
}

const parse: Command = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, { format: { type: 'string', short: 'f' } });
  const format = oneOf(values.format as string | undefined, ['text', 'json'] as const, 'text', '--format');
  if (positionals.length !== 1) {
    throw new UsageError(
      '请指定一个文件：caijian parse <文件> [--format text|json]',
      'Give one file: caijian parse <file> [--format text|json]',
    );
  }
  const file = positionals[0];
  const bytes = await readInputFile(file);
  const d = await parseBytes(bytes, { fileName: file.split('/').pop() });
  process.stdout.write(format === 'json' ? JSON.stringify(d, null, 2) + '\n' : summarise(d, file));
  return 0;
};

export default parse;
