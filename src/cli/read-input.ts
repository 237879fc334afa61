import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../read/errors.ts';

/** Reads a file named on the command line, turning file-system failures into bilingual input errors. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new InputError('not-found', `找不到文件：${path}`, `File not found: ${path}`);
  }
  if (info.isDirectory())
    throw new InputError('unreadable', `这是一个文件夹，不是文件：${path}`, `This is a folder, not a file: ${path}`);
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw new InputError('unreadable', `无法读取文件：${path}`, `Cannot read file: ${path}`, { cause: e });
  }
}
