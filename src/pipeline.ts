import { createHash } from 'node:crypto';
import type { Disclosure } from './model/disclosure.ts';
import { readLayout } from './read/read-layout.ts';
import { recognise } from './recognise/recognise.ts';

// The reading half of the pipeline as one call: bytes → layout → Disclosure. Interfaces (CLI, HTTP, batch
// workers) call this and never reach into readers or recognition directly.

export interface ParseOptions {
  fileName?: string;
}

export async function parseBytes(bytes: Uint8Array, options: ParseOptions = {}): Promise<Disclosure> {
  const layout = await readLayout(bytes, options.fileName);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return recognise(layout, { fileName: options.fileName, sha256 });
}
