import { stat } from 'node:fs/promises';

// Whether `check --out X` asks for check sheets or for the batch report, decided without loading the sheet writers
// (exceljs, docx, the page renderer): a batch's CLI process then never holds them (issue 13.5).

export type SheetFormat = 'xlsx' | 'docx' | 'md';

export function sheetFormatOf(path: string): SheetFormat | null {
  const m = /\.(xlsx|docx|md)$/i.exec(path);
  return m ? (m[1].toLowerCase() as SheetFormat) : null;
}

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Does `--out` ask for check sheets (rather than the batch report)? */
export async function isSheetOutput(inputs: readonly string[], out: string): Promise<boolean> {
  if (/[\\/]$/.test(out) || (await isDirectory(out))) return true;
  return inputs.length === 1 && !(await isDirectory(inputs[0])) && sheetFormatOf(out) !== null;
}
