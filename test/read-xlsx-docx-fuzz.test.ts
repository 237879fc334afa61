import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isInputError } from '../src/read/errors.ts';
import { readLayout } from '../src/read/read-layout.ts';
import { seedTable, seedText, tablesToDocx, tablesToXlsx } from './fixtures/office/seed-tables.ts';

// Damaged office files must end in a layout or a bilingual InputError: never another exception, never a
// hang, never library chatter on the user's terminal. Each file is damaged the same way every run (a fixed
// pseudo-random sequence overwrites a few bytes), so a failure here is reproducible.

const XLS = join(import.meta.dirname, '../../shared/corpus/zxj6827111-blip__tianbaoxitong/budget_template.xls');
/** Damaged copies per file; the .xls is larger and slower to parse, so it gets fewer. */
const ROUNDS: Record<string, number> = { 'seed.xlsx': 40, 'seed.docx': 40, 'budget_template.xls': 16 };

function damage(bytes: Uint8Array, round: number): Uint8Array {
  let state = 7919 * (round + 1);
  const next = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const out = bytes.slice();
  const count = 1 + Math.floor(next() * 8);
  for (let i = 0; i < count; i++) out[Math.floor(next() * out.length)] = Math.floor(next() * 256);
  return out;
}

describe('damaged xlsx, docx and xls files', () => {
  const files: Record<string, Uint8Array> = {};
  beforeAll(async () => {
    const text = seedText('000');
    const income = seedTable(text, '收入决算表');
    files['seed.xlsx'] = await tablesToXlsx([{ sheet: '收入决算表', table: income }]);
    files['seed.docx'] = await tablesToDocx([income]);
    files['budget_template.xls'] = new Uint8Array(readFileSync(XLS));
  });
  afterEach(() => vi.restoreAllMocks());

  it.each(['seed.xlsx', 'seed.docx', 'budget_template.xls'])(
    '%s: every damaged copy reads or is refused with a clear message',
    async (name) => {
      const errorSpy = vi.spyOn(console, 'error');
      const logSpy = vi.spyOn(console, 'log');
      const outcomes = { read: 0, refused: 0 };
      for (let round = 0; round < ROUNDS[name]; round++) {
        try {
          const layout = await readLayout(damage(files[name], round), name);
          expect(Array.isArray(layout.blocks)).toBe(true);
          outcomes.read++;
        } catch (e) {
          if (!isInputError(e)) throw new Error(`round ${round}: ${(e as Error)?.stack ?? e}`);
          expect(e.messageZh).toMatch(/[\u4e00-\u9fff]/);
          expect(e.messageEn).toMatch(/[a-z]/);
          outcomes.refused++;
        }
      }
      expect(outcomes.read + outcomes.refused).toBe(ROUNDS[name]);
      expect(errorSpy).not.toHaveBeenCalled();
      expect(logSpy).not.toHaveBeenCalled();
    },
    60_000,
  );
});
