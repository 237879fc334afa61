import { stat } from 'node:fs/promises';

// Kept apart from the batch itself: `caijian check` asks this for every run and loads the batch (job pool, report
// writers, exceljs) only when the answer is yes.

/** True when the paths name more than one document: several paths, or a folder. */
export async function isBatchInput(paths: readonly string[]): Promise<boolean> {
  if (paths.length !== 1) return paths.length > 1;
  try {
    return (await stat(paths[0])).isDirectory();
  } catch {
    return false;
  }
}
