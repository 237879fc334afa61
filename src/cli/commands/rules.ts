import { rules } from '../../audit/rules/index.ts';
import { oneOf, parseCommandArgs, type Command } from '../command.ts';
import { lang, tr } from '../lang.ts';

// `caijian rules [--format text|json]`: the rule catalogue (id, code, category, severity, applies to, title).

const CATEGORY_ZH: Record<string, string> = {
  completeness: '完整性',
  arithmetic: '表内勾稽',
  'cross-table': '表间勾稽',
  narrative: '说明与表格',
  codes: '科目编码',
  wording: '文字规范',
  plausibility: '合理性',
};
const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;
const KIND_EN: Record<string, string> = { 决算: 'final', 预算: 'budget' };

const list: Command = async (argv) => {
  const { values } = parseCommandArgs(argv, { format: { type: 'string', short: 'f' } }, false);
  const format = oneOf(values.format, ['text', 'json'] as const, 'text', '--format');
  if (format === 'json') {
    const out = rules.map(({ meta }) => ({
      id: meta.id,
      code: meta.code,
      title: meta.title,
      category: meta.category,
      severity: meta.severity,
      appliesTo: meta.appliesTo,
      requires: meta.requires,
      messages: meta.messages,
    }));
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return 0;
  }
  const en = lang() === 'en';
  const lines = [tr(`审核规则（${rules.length} 条）`, `Audit rules (${rules.length})`), ''];
  for (const { meta } of rules) {
    const kinds = en ? meta.appliesTo.map((k) => KIND_EN[k] ?? k).join('/') : meta.appliesTo.join('/');
    const head = en
      ? `${meta.severity}  ${meta.category}`
      : `${SEVERITY_ZH[meta.severity]}  ${CATEGORY_ZH[meta.category] ?? meta.category}`;
    lines.push(`${meta.code}  ${meta.id.padEnd(28)} ${head}  [${kinds}]`);
    lines.push(`       ${en ? meta.title.en : meta.title.zh}`);
  }
  lines.push('', tr('详细说明见 docs/rules/', 'Details in docs/rules/'), '');
  process.stdout.write(lines.join('\n'));
  return 0;
};

export default list;
