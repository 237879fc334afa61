import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';

// Expands the paths a user names into the documents to process: files as given, folders recursively
// (only the formats Caijian reads, skipping Office lock files "~$x.docx" and hidden entries). Paths that do
// not exist are returned separately so the batch can give each a row saying so instead of stopping.

export const DOCUMENT_EXTENSIONS = new Set(['.pdf', '.xlsx', '.xlsm', '.xlsb', '.xls', '.docx', '.txt', '.md']);

export interface CollectedInputs {
  files: string[];
  missing: string[];
}

function wanted(name: string): boolean {
  return DOCUMENT_EXTENSIONS.has(extname(name).toLowerCase()) && !name.startsWith('~$') && !name.startsWith('.');
}

export async function collectInputs(inputs: readonly string[]): Promise<CollectedInputs> {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    const key = resolve(path);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(path);
    }
  };
  for (const input of inputs) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(input);
    } catch {
      missing.push(input);
      continue;
    }
    if (!info.isDirectory()) {
      add(input); // named explicitly: the reader decides from the content whether it can read it
      continue;
    }
    const entries = await readdir(input, { recursive: true, withFileTypes: true });
    const found: string[] = [];
    for (const e of entries) {
      const path = join(e.parentPath, e.name);
      if (!wanted(e.name) || relativeHidden(path, input)) continue;
      // A link to a document counts as the document (corpora are often assembled from links).
      if (e.isFile() || (e.isSymbolicLink() && (await isFile(path)))) found.push(path);
    }
    found.sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
    found.forEach(add);
  }
  return { files, missing };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false; // a dangling link
  }
}

/** True when a folder between `root` and the file is hidden (.git, .cache). */
function relativeHidden(path: string, root: string): boolean {
  return path
    .slice(root.length)
    .split(/[\\/]/)
    .some((part) => part.startsWith('.') && part !== '.' && part !== '..');
}
