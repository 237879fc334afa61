import { writeFile } from 'node:fs/promises';
import { writeNarrative } from '../../author/narrative.ts';
import { Disclosure } from '../../model/disclosure.ts';
import { parseBytes } from '../../pipeline.ts';
import { InputError } from '../../read/errors.ts';
import { oneOf, parseCommandArgs, UsageError, type Command } from '../command.ts';
import { readInputFile } from '../read-input.ts';

// `caijian render <model.json | filled.xlsx | document> --to html|docx|pdf|xlsx -o out [--force]`: the complete
// disclosure document. The audit runs first; findings of error severity stop the render unless --force, so a
// document that contradicts itself is not published by accident.

const HELP = `用法 / usage: caijian render <模型.json | 填报模板.xlsx | 公开文件> --to html|docx|pdf|xlsx -o 输出文件 [--force] [--rewrite-narrative]
  先审核，有“错误”级问题时不生成（--force 强制生成）。模型中没有情况说明时按数字自动撰写；
  --rewrite-narrative 用按数字撰写的情况说明替换原有的（再审核）。
  Audits first; error findings stop the render unless --force. Writes the narrative from the numbers when the
  model has none; --rewrite-narrative replaces the printed one (and the audit then checks the new text).
`;

const FORMATS = ['html', 'docx', 'pdf', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

/** Reads the input as a model: JSON as `caijian parse` prints it, a filled Caijian workbook, or any document. */
export async function loadModel(path: string): Promise<Disclosure> {
  const bytes = await readInputFile(path);
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 64)).trimStart();
  if (head.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8').decode(bytes));
    } catch (e) {
      throw new InputError('unreadable', `不是有效的 JSON：${path}`, `Not valid JSON: ${path}`, { cause: e });
    }
    const parsed = Disclosure.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') ?? '';
      throw new InputError('unreadable', `JSON 不符合财鉴模型（${where}：${issue?.message ?? ''}）`, `The JSON is not a Caijian model (${where}: ${issue?.message ?? ''})`);
    }
    return parsed.data;
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && new TextDecoder('latin1').decode(bytes).includes('xl/')) {
    const { readTemplateWorkbook } = await import('../../author/read-workbook.ts');
    try {
      return (await readTemplateWorkbook(bytes, path)).disclosure;
    } catch (e) {
      // Not a fill-in workbook: read it as a disclosure workbook.
      if (!(e instanceof InputError) || !e.messageZh.includes('财鉴填报模板')) throw e;
    }
  }
  return parseBytes(bytes, { fileName: path });
}

interface AuditFinding {
  severity: string;
  message: string;
  messageEn: string;
  location: { tableTitle: string | null; row: string | null };
}

/** The audit's error findings, or null when the audit is not available in this build. */
async function auditErrors(d: Disclosure): Promise<AuditFinding[] | null> {
  let engine: { checkDisclosure: (d: Disclosure) => { findings: AuditFinding[] } };
  try {
    engine = (await import('../../audit/engine.ts')) as typeof engine;
  } catch {
    return null;
  }
  return engine.checkDisclosure(d).findings.filter((f) => f.severity === 'error');
}

export async function renderTo(d: Disclosure, format: Format): Promise<Uint8Array> {
  const narrative = d.sections.some((s) => s.part === 3) ? undefined : writeNarrative(d);
  // (The command has already put the narrative into the model; other callers may not have.)
  switch (format) {
    case 'html': {
      const { renderHtml } = await import('../../render/html.ts');
      return new TextEncoder().encode(renderHtml(d, { narrative }));
    }
    case 'docx': {
      const { renderDocx } = await import('../../render/docx.ts');
      return renderDocx(d, { narrative });
    }
    case 'pdf': {
      const { renderPdf } = await import('../../render/pdf.ts');
      return renderPdf(d, { narrative });
    }
    case 'xlsx': {
      const { renderXlsx } = await import('../../render/xlsx.ts');
      return renderXlsx(d);
    }
  }
}

const command: Command = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, {
    to: { type: 'string' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    'rewrite-narrative': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('请指定一个输入文件（模型 JSON、填报模板或公开文件）', 'give one input file (model JSON, filled workbook or document)');
  const inferred = values.output?.match(/\.(html|docx|pdf|xlsx)$/i)?.[1]?.toLowerCase();
  const format = oneOf(values.to ?? inferred, FORMATS, 'html', '--to');
  if (!values.output) throw new UsageError('缺少 -o 输出文件', 'missing -o output file');

  const d = await loadModel(positionals[0]);
  // The narrative printed is the one audited: written from the tables when the model has none, or when asked
  // to replace a printed one that went stale (--rewrite-narrative).
  if (values['rewrite-narrative'] || !d.sections.some((s) => s.part === 3)) d.sections = [...d.sections.filter((s) => s.part !== 3), ...writeNarrative(d)];
  const errors = await auditErrors(d);
  if (errors === null) process.stderr.write('提示：审核模块不可用，未审核即生成。\nNote: the audit is not available; rendering without it.\n');
  else if (errors.length) {
    const list = errors.slice(0, 20).map((f) => `  ✗ ${f.message}${f.location.tableTitle ? `（${f.location.tableTitle}${f.location.row ? ` ${f.location.row}` : ''}）` : ''}\n    ${f.messageEn}`);
    process.stderr.write(`审核发现 ${errors.length} 个错误${values.force ? '，因 --force 仍生成' : '，未生成（确认无误可加 --force）'}：\nThe audit found ${errors.length} error(s)${values.force ? '; rendering anyway (--force)' : '; nothing written (add --force to render anyway)'}:\n${list.join('\n')}\n${errors.length > 20 ? `  … 另有 ${errors.length - 20} 个\n` : ''}`);
    if (!values.force) return 1;
  }
  const bytes = await renderTo(d, format);
  try {
    await writeFile(values.output, bytes);
  } catch (e) {
    throw new InputError('unreadable', `无法写入文件：${values.output}`, `Cannot write file: ${values.output}`, { cause: e });
  }
  process.stdout.write(`已生成 / written: ${values.output}（${format.toUpperCase()}，${d.tables.length} 张表）\n`);
  return 0;
};

export default command;
