import { basename } from 'node:path';
import { checkDisclosure } from '../../audit/engine.ts';
import { rules } from '../../audit/rules/index.ts';
import { entityIdentity, sameEntity } from '../../catalog/entity.ts';
import type { Disclosure } from '../../model/disclosure.ts';
import { toJsonReport } from '../../audit/report/json.ts';
import { toSarif } from '../../audit/report/sarif.ts';
import { formatText } from '../../audit/report/text.ts';
import { isBatchInput } from '../../batch/is-batch-input.ts';
import { parseBytes } from '../../pipeline.ts';
import { assertDisclosure } from '../../recognise/is-disclosure.ts';
import { oneOf, parseCommandArgs, UsageError, type Command } from '../command.ts';
import { lang } from '../lang.ts';
import { readInputFile } from '../read-input.ts';

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
  // writers and the batch (exceljs, docx, the job pool) are loaded only when asked for: one document's check starts
  // without them.
  const sheets = values.out ? await import('../../sheet/cli.ts') : null;
  if (values.out && sheets && (await sheets.isSheetOutput(positionals, values.out))) {
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

  const path = positionals[0];
  const bytes = await readInputFile(path);
  const d = await parseBytes(bytes, { fileName: basename(path) });
  assertDisclosure(d);
  const prior = values.prior ? await readPrior(values.prior) : undefined;
  if (prior) process.stderr.write(pairNote(d, prior));
  const res = checkDisclosure(d, { prior });
  if (format === 'json') process.stdout.write(JSON.stringify(toJsonReport(path, res), null, 2) + '\n');
  else if (format === 'sarif') process.stdout.write(JSON.stringify(toSarif(path, res), null, 2) + '\n');
  else process.stdout.write(formatText(path, res, { infos: !values['no-infos'], lang: lang(), disclosure: d }));
  return res.summary.errors > 0 ? 1 : 0;
};

async function readPrior(path: string): Promise<Disclosure> {
  const p = await parseBytes(await readInputFile(path), { fileName: basename(path) });
  assertDisclosure(p);
  return p;
}

/** What the pair is, and why a cross-document rule would not run for it: on stderr, so the report stays clean. */
export function pairNote(d: Disclosure, prior: Disclosure): string {
  const a = entityIdentity(d);
  const b = entityIdentity(prior);
  const lines: string[] = [];
  const name = (x: Disclosure) => `${x.fiscalYear ?? '?'}年${x.kind ?? ''} ${x.entity.name ?? ''}`.trim();
  lines.push(`对照文件 / other document: ${name(prior)}`);
  if (a?.key && b?.key && !sameEntity(a, b))
    lines.push(
      `注意：两份文件的单位不同（${a.key} / ${b.key}），跨文件比对的结果请谨慎看待 / Note: the two documents name different entities (${a.key} / ${b.key})`,
    );
  const fits = rules.some(
    (r) =>
      r.meta.counterpart &&
      d.kind &&
      r.meta.appliesTo.includes(d.kind) &&
      prior.kind &&
      r.meta.counterpart.kinds.includes(prior.kind) &&
      (d.fiscalYear === null ||
        prior.fiscalYear === null ||
        prior.fiscalYear - d.fiscalYear === r.meta.counterpart.yearOffset),
  );
  if (!fits)
    lines.push(
      `跨文件规则未执行：对照文件应为上一年度的预算或决算（决算也可对照同年度预算） / No cross-document rule ran: the other document must be last year's budget or final account (or, for a final account, that year's budget)`,
    );
  return lines.join('\n') + '\n';
}

export default check;
