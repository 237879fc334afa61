import { basename } from 'node:path';
import { checkDisclosure } from '../../audit/engine.ts';
import { rules } from '../../audit/rules/index.ts';
import { entityIdentity, sameEntity } from '../../catalog/entity.ts';
import type { Disclosure } from '../../model/disclosure.ts';
import { toJsonReport } from '../../audit/report/json.ts';
import { toSarif } from '../../audit/report/sarif.ts';
import { formatText } from '../../audit/report/text.ts';
import { parseBytes } from '../../pipeline.ts';
import { assertDisclosure } from '../../recognise/is-disclosure.ts';
import { lang } from '../lang.ts';
import { readInputFile } from '../read-input.ts';

// One document: read, recognise, audit, print; with `prior`, also against the entity's earlier document (the
// cross-document rules, issue 12). Loaded by the check command only for one document (a batch's own process does not
// read or audit).
// Exit codes: 0 no error-severity finding, 1 errors found; an unreadable input throws InputError (main.ts: exit 2).

export async function checkOne(
  path: string,
  options: { format: 'text' | 'json' | 'sarif'; prior?: string; infos: boolean },
): Promise<number> {
  const format = options.format;
  const bytes = await readInputFile(path);
  const d = await parseBytes(bytes, { fileName: basename(path) });
  assertDisclosure(d);
  const prior = options.prior ? await readPrior(options.prior) : undefined;
  if (prior) process.stderr.write(pairNote(d, prior));
  const res = checkDisclosure(d, { prior });
  if (format === 'json') process.stdout.write(JSON.stringify(toJsonReport(path, res), null, 2) + '\n');
  else if (format === 'sarif') process.stdout.write(JSON.stringify(toSarif(path, res), null, 2) + '\n');
  else process.stdout.write(formatText(path, res, { infos: options.infos, lang: lang(), disclosure: d }));
  return res.summary.errors > 0 ? 1 : 0;
}

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
