import { writeFile } from 'node:fs/promises';
import { checkDisclosure } from '../../audit/engine.ts';
import { writeNarrative } from '../../author/narrative.ts';
import type { Disclosure } from '../../model/disclosure.ts';
import { parseBytes } from '../../pipeline.ts';
import { InputError } from '../../read/errors.ts';
import { oneOf, parseCommandArgs, UsageError, type Command } from '../command.ts';
import { tr } from '../lang.ts';
import { readInputFile } from '../read-input.ts';

// `caijian render <model.json | filled.xlsx | document> --to html|docx|pdf|xlsx -o out [--force]`: the complete
// disclosure document. The audit runs first; findings of error severity stop the render unless --force, so a
// document that contradicts itself is not published by accident.

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
    // the schemas (zod) are loaded only here, where a model comes from a file
    const { Disclosure } = await import('../../model/disclosure.ts');
    const parsed = Disclosure.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') ?? '';
      throw new InputError(
        'unreadable',
        `JSON 不符合财鉴模型（${where}：${issue?.message ?? ''}）`,
        `The JSON is not a Caijian model (${where}: ${issue?.message ?? ''})`,
      );
    }
    return parsed.data;
  }
  // A filled Caijian workbook is recognised by parseBytes itself (src/pipeline.ts), as by `check` and the upload.
  return parseBytes(bytes, { fileName: path });
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
  });
  if (positionals.length !== 1)
    throw new UsageError(
      '请指定一个输入文件（模型 JSON、填报模板或公开文件）',
      'give one input file (model JSON, filled workbook or document)',
    );
  const inferred = values.output?.match(/\.(html|docx|pdf|xlsx)$/i)?.[1]?.toLowerCase();
  const format = oneOf(values.to ?? inferred, FORMATS, 'html', '--to');
  if (!values.output) throw new UsageError('缺少 -o 输出文件', 'missing -o output file');

  const d = await loadModel(positionals[0]);
  // The narrative printed is the one audited: written from the tables when the model has none, or when asked
  // to replace a printed one that went stale (--rewrite-narrative).
  if (values['rewrite-narrative'] || !d.sections.some((s) => s.part === 3))
    d.sections = [...d.sections.filter((s) => s.part !== 3), ...writeNarrative(d)];
  const errors = checkDisclosure(d).findings.filter((f) => f.severity === 'error');
  if (errors.length) {
    const where = (f: (typeof errors)[number]) =>
      f.location.tableTitle ? `（${f.location.tableTitle}${f.location.row ? ` ${f.location.row}` : ''}）` : '';
    const list = errors.slice(0, 20).map((f) => `  ✗ ${tr(f.message, f.messageEn)}${where(f)}`);
    const head = values.force
      ? tr(
          `审核发现 ${errors.length} 个错误，因 --force 仍生成：`,
          `The audit found ${errors.length} error(s); rendering anyway (--force):`,
        )
      : tr(
          `审核发现 ${errors.length} 个错误，未生成（改正后再生成，确认无误可加 --force）：`,
          `The audit found ${errors.length} error(s); nothing written (fix them, or add --force to render anyway):`,
        );
    const more =
      errors.length > 20 ? `${tr(`  … 另有 ${errors.length - 20} 个`, `  … ${errors.length - 20} more`)}\n` : '';
    process.stderr.write(`${head}\n${list.join('\n')}\n${more}`);
    if (!values.force) return 1;
  }
  const bytes = await renderTo(d, format);
  try {
    await writeFile(values.output, bytes);
  } catch (e) {
    throw new InputError('unreadable', `无法写入文件：${values.output}`, `Cannot write file: ${values.output}`, {
      cause: e,
    });
  }
  process.stdout.write(
    tr(
      `已生成：${values.output}（${format.toUpperCase()}，${d.tables.length} 张表）`,
      `Written: ${values.output} (${format.toUpperCase()}, ${d.tables.length} tables)`,
    ) + '\n',
  );
  return 0;
};

export default command;
