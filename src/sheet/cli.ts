import { writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { coverageLine } from '../audit/coverage.ts';
import { collectInputs } from '../batch/collect-inputs.ts';
import { parseBytes } from '../pipeline.ts';
import { type InputError, isInputError } from '../read/errors.ts';
import { assertDisclosure } from '../recognise/is-disclosure.ts';
import { PageRenderer } from '../render/page-image.ts';
import { UsageError } from '../cli/command.ts';
import { readInputFile } from '../cli/read-input.ts';
import { prepareSheet, sheetFormatOf, writeSheet, type PreparedSheet } from './export.ts';
import { summaryWorkbook, type SummaryRow } from './summary.ts';
import { ensureDir } from '../store/ensure-dir.ts';
import { isDirectory } from './is-sheet-output.ts';

// `caijian check FILE --out 检查表.xlsx|.md` and `caijian check DIR --out DIR/`: the check sheets of documents
// (one per document, plus 汇总.xlsx for a folder). Documents are done one after another in this process: each
// needs its model and its bytes for the page pictures, and one Chromium serves them all.
// Exit codes as for `check`: 2 when a document could not be read or is not a disclosure, else 1 when errors.

export { isSheetOutput } from './is-sheet-output.ts';

export interface SheetCommandOptions {
  sourceUrl?: string | null;
  stdout?: { write(text: string): unknown };
  stderr?: { write(text: string): unknown };
}

function sheetLine(out: string, p: PreparedSheet): string {
  const c = p.sheet.counts;
  const cov = p.result.coverage ? `；${coverageLine(p.result.coverage)}` : '';
  return `检查表：${out}（${c.items} 项：不符合 ${c.failed} 项，未能核对 ${c.unchecked} 项，问题 ${c.problems} 处${cov}）\n`;
}

async function prepareFile(path: string, renderer: PageRenderer, sourceUrl: string | null): Promise<PreparedSheet> {
  const bytes = await readInputFile(path);
  const d = await parseBytes(bytes, { fileName: basename(path) });
  assertDisclosure(d);
  return prepareSheet(d, bytes, { sourceUrl, renderer });
}

export async function writeSheetsCommand(
  inputs: string[],
  out: string,
  options: SheetCommandOptions = {},
): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const renderer = new PageRenderer();
  try {
    const toDir = /[\\/]$/.test(out) || (await isDirectory(out)) || inputs.length > 1 || (await isDirectory(inputs[0]));
    if (!toDir) {
      const format = sheetFormatOf(out)!;
      const p = await prepareFile(inputs[0], renderer, options.sourceUrl ?? null);
      await writeFile(out, await writeSheet(p, format));
      stdout.write(sheetLine(out, p));
      return p.result.summary.errors > 0 ? 1 : 0;
    }

    const { files, missing } = await collectInputs(inputs);
    if (!files.length && !missing.length)
      throw new UsageError('没有找到可检查的文件', 'No documents to check were found');
    ensureDir(out);
    const rows: SummaryRow[] = missing.map((file) => ({
      file,
      sheetFile: null,
      prepared: null,
      refused: `找不到文件：${file}`,
    }));
    const names = new Set<string>();
    let errors = 0;
    for (const [i, file] of files.entries()) {
      stderr.write(`[${i + 1}/${files.length}] ${file}\n`);
      try {
        const p = await prepareFile(file, renderer, options.sourceUrl ?? null);
        // One name per document, also for two files of the same name in different folders.
        let name = `${basename(file, extname(file))}-检查表.xlsx`;
        for (let k = 2; names.has(name); k++) name = `${basename(file, extname(file))}-${k}-检查表.xlsx`;
        names.add(name);
        await writeFile(join(out, name), await writeSheet(p, 'xlsx'));
        rows.push({ file, sheetFile: name, prepared: p, refused: null });
        if (p.result.summary.errors) errors++;
      } catch (e) {
        if (!isInputError(e)) throw e;
        rows.push({ file, sheetFile: null, prepared: null, refused: (e as InputError).messageZh });
      }
    }
    await writeFile(join(out, '汇总.xlsx'), await summaryWorkbook(rows));
    const refused = rows.filter((r) => r.refused);
    stdout.write(`检查表 ${rows.length - refused.length} 份及汇总表已写入 ${out}（汇总.xlsx）\n`);
    for (const r of refused) stdout.write(`未能检查：${r.file}：${r.refused}\n`);
    return refused.length ? 2 : errors ? 1 : 0;
  } finally {
    await renderer.close();
  }
}
