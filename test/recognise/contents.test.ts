import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDisclosure } from '../../src/audit/engine.ts';
import { parseBytes } from '../../src/pipeline.ts';
import { buildCheckSheet } from '../../src/sheet/build.ts';

// The 目录 is found however it is printed: check sheets said 目录 未能核对 on documents that print one (reading every
// corpus sheet): 江苏's entries end with a full stop (“一、主要职能。” was taken for a sentence, the end of the
// contents); 长沙's letter-spaced “目    录” over “第一部分  2025年部门预算说明” was read as a two-row table; 杭州's
// contents list sections and “四、…预算公开表” but no table by name, and only listed tables counted as a 目录.

const read = async (path: string) => parseBytes(new Uint8Array(readFileSync(path)), { fileName: path });
const fixture = (name: string) => join(import.meta.dirname, '../fixtures/pdf', name);
const corpus = (path: string) => join(import.meta.dirname, '../../../shared/corpus', path);
const contentsVerdict = (d: Awaited<ReturnType<typeof read>>) =>
  buildCheckSheet(d, checkDisclosure(d)).items.find((i) => i.id === 'contents')?.verdict;

describe('the 目录', () => {
  it('江苏 省检察院 2017: entries ending with “。” are entries, and the twelve tables it lists are matched', async () => {
    const d = await read(fixture('jiangsu-procuratorate-2017.pdf'));
    expect(d.recognition.contents?.entries).toBeGreaterThanOrEqual(17);
    expect(d.recognition.listed.map((l) => l.title)).toContain('收支预算总表');
    expect(d.recognition.listed.length).toBe(12);
    expect(contentsVerdict(d)).not.toBe('未能核对');
  });

  it('长沙 公安局 2025: a letter-spaced “目 录” and a part heading are no table', async () => {
    const d = await read(corpus('calinchow-del__renwu/015_长沙/2026年长沙市公安局2025年部门预算.pdf'));
    expect(d.tables.filter((t) => t.place.kind === 'pdf' && t.place.page === 2)).toEqual([]);
    expect(d.recognition.contents?.entries).toBeGreaterThanOrEqual(20);
    expect(d.recognition.listed.map((l) => l.title)).toContain('部门收支总表');
    expect(contentsVerdict(d)).not.toBe('未能核对');
  });

  it('杭州 司法局 2026: contents of sections only still make a 目录', async () => {
    const d = await read(fixture('hangzhou-wrapped-numbers-2026.pdf'));
    expect(d.recognition.contents?.entries).toBeGreaterThanOrEqual(10);
    expect(contentsVerdict(d)).toBe('是');
  });
});
