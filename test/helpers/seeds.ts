import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Disclosure } from '../../src/model/disclosure.ts';
import { readText } from '../../src/read/text/read-text.ts';
import { recognise } from '../../src/recognise/recognise.ts';

/** The five reference disclosures in ../shared/seeds (text extracted from their PDFs). */
export const SEEDS_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');

export function seedPath(prefix: string): string {
  const f = readdirSync(SEEDS_DIR).find((n) => n.startsWith(prefix));
  if (!f) throw new Error(`seed ${prefix} not found in ${SEEDS_DIR}`);
  return join(SEEDS_DIR, f);
}

export function seedText(prefix: string): string {
  return readFileSync(seedPath(prefix), 'utf8');
}

const cache = new Map<string, Disclosure>();
/** The recognised model of a seed (cached: recognition is deterministic). */
export function seedModel(prefix: string): Disclosure {
  let d = cache.get(prefix);
  if (!d) {
    d = recognise(readText(seedText(prefix)), { fileName: seedPath(prefix).split('/').pop() });
    cache.set(prefix, d);
  }
  return structuredClone(d);
}

export const SEED_IDS = ['000', '001', '002', '003', '004'] as const;
