import type { Disclosure, Table } from '../../model/disclosure.ts';
import { describePlace } from '../../model/place.ts';
import { parseBytes } from '../../pipeline.ts';
import { templateByKey } from '../../templates/catalogue.ts';
import { oneOf, parseCommandArgs, UsageError, type Command } from '../command.ts';
import { readInputFile } from '../read-input.ts';

// `caijian parse <file> [--format text|json]`: the model as JSON, or a readable summary of what was recognised.

const STATUS_ZH = { data: '有数据', empty: '空表', illegible: '无法辨认' } as const;

/** The reader's confidence in one table: 读取可信 (sure) or 需人工核对 (unsure), with its score. */
export function readingText(t: Table): string {
  if (!t.reading) return '';
  return `${t.reading.level === 'sure' ? '读取可信 sure' : '需人工核对 unsure'} ${t.reading.score.toFixed(2)}`;
}

export function summarise(d: Disclosure, fileName: string): string {
  const lines: string[] = [];
  const kind = d.kind ? `${d.scope.level ?? ''}${d.kind}${d.scope.consolidation ? `（${d.scope.consolidation}）` : ''}` : '未能判断 / unknown';
  lines.push(`文件 / file: ${fileName}`);
  lines.push(`类型 / kind: ${kind}    年度 / year: ${d.fiscalYear ?? '未知'}    单位 / entity: ${d.entity.name ?? '未知'}`);
  if (d.entity.names.length > 1) lines.push(`  名称写法不一 / names printed: ${d.entity.names.join('、')}`);
  lines.push(`金额单位 / unit: ${d.unit ?? '未标明'}${d.precision !== null ? `（${d.precision} 位小数）` : ''}`);
  lines.push('');
  lines.push(`表格 / tables: ${d.tables.length}`);
  for (const t of d.tables) {
    const name = t.title || `（标题缺失）${templateByKey(t.key)?.title ?? ''}`;
    const no = t.number ? `公开${t.number}表 ` : '';
    const key = t.key === 'unknown' ? '未识别 / unknown' : t.key;
    lines.push(`  ${t.status === 'data' ? '✓' : t.status === 'empty' ? '○' : '✗'} ${no}${name}  [${key}]  ${t.rows.length} 行 rows, ${t.columns.length} 列 columns, ${STATUS_ZH[t.status]}  ${readingText(t)}  (${describePlace(t.place)})`);
    if (t.reading?.level === 'unsure') lines.push(`      需人工核对 / check by hand: ${t.reading.reasons.join('；')}`);
  }
  const unsure = d.tables.filter((t) => t.reading?.level === 'unsure').length;
  if (d.tables.length) lines.push(`读取可信度 / reading: ${d.tables.length - unsure} 表可信 sure, ${unsure} 表需人工核对 unsure`);
  if (d.performance.length) {
    lines.push(`绩效表 / performance tables: ${d.performance.length}`);
    for (const p of d.performance) lines.push(`  · ${p.title}${p.project ? `：${p.project}` : ''}  ${p.rows.length} 行`);
  }
  const absent = d.recognition.listed.filter((l) => l.status === 'absent');
  const illegible = d.recognition.listed.filter((l) => l.status === 'illegible');
  if (d.recognition.listed.length) {
    lines.push('');
    lines.push(`目录列出 / listed in contents: ${d.recognition.listed.length}，找到 / found: ${d.recognition.listed.filter((l) => l.status !== 'absent').length}`);
  }
  if (absent.length) {
    lines.push(`目录列出但未找到 / listed but absent (${absent.length}):`);
    for (const l of absent) lines.push(`  - ${l.title}`);
  }
  if (illegible.length) {
    lines.push(`无法辨认 / illegible (${illegible.length}):`);
    for (const l of illegible) lines.push(`  - ${l.title}`);
  }
  if (d.recognition.unknownTables.length) {
    lines.push(`未匹配模板的表格 / tables matching no template: ${d.recognition.unknownTables.join('、')}`);
  }
  if (d.recognition.missingStandard.length) {
    const names = d.recognition.missingStandard.map((k) => templateByKey(k)?.title ?? k);
    lines.push(`缺少的标准表格 / standard tables missing: ${names.join('、')}`);
  }
  if (d.source.imageOnlyPages.length) lines.push(`仅有图像的页 / image-only pages: ${d.source.imageOnlyPages.join(', ')}`);
  lines.push('');
  lines.push(`情况说明段落 / narrative sections: ${d.sections.length}    名词解释 / glossary terms: ${d.glossary.length}`);
  if (d.warnings.length) {
    lines.push(`提示 / warnings (${d.warnings.length}):`);
    for (const w of d.warnings) lines.push(`  ! ${w.message}${w.place ? `（${describePlace(w.place)}）` : ''}`);
  }
  return lines.join('\n') + '\n';
}

const parse: Command = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, { format: { type: 'string', short: 'f' } });
  const format = oneOf(values.format as string | undefined, ['text', 'json'] as const, 'text', '--format');
  if (positionals.length !== 1) {
    throw new UsageError('请指定一个文件：caijian parse <文件> [--format text|json]', 'Give one file: caijian parse <file> [--format text|json]');
  }
  const file = positionals[0];
  const bytes = await readInputFile(file);
  const d = await parseBytes(bytes, { fileName: file.split('/').pop() });
  process.stdout.write(format === 'json' ? JSON.stringify(d, null, 2) + '\n' : summarise(d, file));
  return 0;
};

export default parse;
