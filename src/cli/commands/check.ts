import { basename } from 'node:path';
import { checkDisclosure } from '../../audit/engine.ts';
import { toJsonReport } from '../../audit/report/json.ts';
import { toSarif } from '../../audit/report/sarif.ts';
import { formatText } from '../../audit/report/text.ts';
import { checkMany, isBatchInput } from '../../batch/index.ts';
import { parseBytes } from '../../pipeline.ts';
import { assertDisclosure } from '../../recognise/is-disclosure.ts';
import { writeSheetsCommand, isSheetOutput } from '../../sheet/cli.ts';
import { oneOf, parseCommandArgs, UsageError, type Command } from '../command.ts';
import { lang } from '../lang.ts';
import { readInputFile } from '../read-input.ts';

// `caijian check <file> [--format text|json|sarif] [--no-infos]`: audits one document.
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
  });
  const format = oneOf(values.format, ['text', 'json', 'sarif'] as const, 'text', '--format');
  if (positionals.length === 0) throw new UsageError('请指定要审核的文件', 'Name the file to check');

  // --out 检查表.xlsx|.md for one document, or --out DIR/ for a folder: the 公开情况检查表 (src/sheet/).
  if (values.out && (await isSheetOutput(positionals, values.out))) {
    return writeSheetsCommand(positionals, values.out, { sourceUrl: values['source-url'] ?? null });
  }

  // Several inputs, a folder, or --out report.xlsx|json|csv: batch on all cores, one summary row per document.
  if (values.out || (await isBatchInput(positionals))) {
    if (format === 'sarif') throw new UsageError('批量审核不支持 --format sarif', 'Batch checking does not write SARIF');
    return checkMany(positionals, { out: values.out, jobs: values.jobs, timeout: values.timeout, resume: values.resume, format: format === 'json' ? 'json' : 'text' });
  }

  const path = positionals[0];
  const bytes = await readInputFile(path);
  const d = await parseBytes(bytes, { fileName: basename(path) });
  assertDisclosure(d);
  const res = checkDisclosure(d);
  if (format === 'json') process.stdout.write(JSON.stringify(toJsonReport(path, res), null, 2) + '\n');
  else if (format === 'sarif') process.stdout.write(JSON.stringify(toSarif(path, res), null, 2) + '\n');
  else process.stdout.write(formatText(path, res, { infos: !values['no-infos'], lang: lang(), disclosure: d }));
  return res.summary.errors > 0 ? 1 : 0;
};

export default check;
