import { isBatchInput } from '../../batch/is-batch-input.ts';
import { isSheetOutput } from '../../sheet/is-sheet-output.ts';
import { oneOf, parseCommandArgs, UsageError, type Command } from '../command.ts';

// `caijian check <file> [--prior LAST] [--format text|json|sarif] [--no-infos]`: audits one document; with --prior,
// also against the entity's earlier document (last year's budget or final, or that year's budget for a final account:
// the cross-document rules, issue 12).
// Exit codes: 0 no error-severity finding, 1 errors found, 2 the input could not be read (InputError → main.ts).

const check: Command = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, {
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    jobs: { type: 'string', short: 'j' },
    timeout: { type: 'string' },
    'no-infos': { type: 'boolean' },
    'source-url': { type: 'string' },
    resume: { type: 'boolean' },
    prior: { type: 'string' },
  });
  const format = oneOf(values.format, ['text', 'json', 'sarif'] as const, 'text', '--format');
  if (positionals.length === 0) throw new UsageError('请指定要审核的文件', 'Name the file to check');

  // --out 检查表.xlsx|.md for one document, or --out DIR/ for a folder: the 公开情况检查表 (src/sheet/). The sheet
  // writers, the batch (exceljs, docx, the job pool) and the pipeline with the audit are each loaded only when asked
  // for: one document's check starts without the first two, and a batch's own process (whose reading processes read
  // and audit) without the first and the last (issue 13.5: the batch CLI 134 → ≈ 70 MB resident).
  if (values.out && (await isSheetOutput(positionals, values.out))) {
    const sheets = await import('../../sheet/cli.ts');
    return sheets.writeSheetsCommand(positionals, values.out, { sourceUrl: values['source-url'] ?? null });
  }

  // Several inputs, a folder, or --out report.xlsx|json|csv: batch on all cores, one summary row per document.
  if (values.out || (await isBatchInput(positionals))) {
    if (values.prior)
      throw new UsageError(
        '--prior 只用于单个文件；文件夹按单位和年度自动配对',
        '--prior is for one file; a folder pairs documents by entity and year itself',
      );
    if (format === 'sarif')
      throw new UsageError('批量审核不支持 --format sarif', 'Batch checking does not write SARIF');
    const { checkMany } = await import('../../batch/check-many.ts');
    return checkMany(positionals, {
      out: values.out,
      jobs: values.jobs,
      timeout: values.timeout,
      resume: values.resume,
      format: format === 'json' ? 'json' : 'text',
    });
  }

  const { checkOne } = await import('./check-one.ts');
  return checkOne(positionals[0], { format, prior: values.prior, infos: !values['no-infos'] });
};

export default check;
