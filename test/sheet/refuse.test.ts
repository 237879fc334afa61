import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { parseBytes } from '../../src/pipeline.ts';
import { disclosureVerdict } from '../../src/recognise/is-disclosure.ts';
import { SHARED } from './goldens.ts';

// A file that is not a disclosure at all is refused (exit 2, a clear message in Chinese and English), never audited
// into a green "0 errors". The cases are files corpus/sources.tsv marks NOT A DISCLOSURE or IMAGE-ONLY (the small
// ones; scripts/check-refusals.ts runs all thirteen and every real disclosure of the corpus).

const CORPUS = join(SHARED, 'corpus/calinchow-del__renwu');
const REFUSED: readonly [string, 'not-a-disclosure' | 'image-only'][] = [
  ['008_杭州/2026年杭州市政府办公厅部门预算.pdf', 'not-a-disclosure'],
  ['017_福州/商务局_2025年福州市物流业运行情况报告.pdf', 'not-a-disclosure'],
  ['040_长春/交通运输局_2026年部门预算.pdf', 'not-a-disclosure'],
  ['040_长春/统计局_2026年部门预算.pdf', 'not-a-disclosure'],
  ['015_长沙/文化广电旅游体育局_长财文指[2025]037号_关于下达2025年文化和旅游项目资金的通知.pdf.pdf', 'image-only'],
  [
    '015_长沙/财政局_长财金指〔2025〕6号--长沙市财政局关于下达2025年普惠金融发展专项资金预算的通知.pdf.pdf',
    'image-only',
  ],
];
// Real disclosures that look thin: a Beijing budget with narrative only (its tables are a separate file) and a
// Guangzhou attachment of performance-goal tables only.
const ACCEPTED = ['002_北京/2026年北京市信访办公室部门预算.pdf'];

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err.push(String(s));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe.skipIf(!existsSync(CORPUS))('files that are not disclosures', () => {
  for (const [file, code] of REFUSED) {
    it(`refuses ${basename(file)} (${code})`, async () => {
      const path = join(CORPUS, file);
      const d = await parseBytes(new Uint8Array(readFileSync(path)), { fileName: basename(path) });
      const v = disclosureVerdict(d);
      expect(v.ok).toBe(false);
      expect(v.error!.code).toBe(code);
      expect(v.error!.messageZh).toMatch(code === 'image-only' ? /图片（扫描件）/ : /不是部门预算或决算公开文件/);
      expect(v.error!.messageEn.length).toBeGreaterThan(40);
    }, 60_000);
  }

  for (const file of ACCEPTED) {
    it(`accepts ${basename(file)}`, async () => {
      const path = join(CORPUS, file);
      const d = await parseBytes(new Uint8Array(readFileSync(path)), { fileName: basename(path) });
      expect(disclosureVerdict(d)).toEqual({ ok: true, error: null });
    }, 60_000);
  }

  it('check exits 2 with the message on a non-disclosure, and on a 9-byte text file named .pdf', async () => {
    expect(await main(['check', join(CORPUS, REFUSED[2][0])])).toBe(2);
    // one language per line (src/cli/lang.ts): Chinese by default, English with --lang en
    expect(err.join('')).toContain('不是部门预算或决算公开文件');
    expect(out.join('')).not.toContain('错误');
    err = [];
    expect(await main(['check', join(CORPUS, REFUSED[2][0]), '--lang', 'en'])).toBe(2);
    expect(err.join('')).toContain('not a department budget or final-account disclosure');
    err = [];
    const dir = mkdtempSync(join(tmpdir(), 'caijian-refuse-'));
    const tiny = join(dir, 'report.pdf');
    writeFileSync(tiny, 'hello wor');
    expect(await main(['check', tiny])).toBe(2);
    expect(err.join('')).toContain('该文件名为 .pdf，但内容不是 PDF');
    // The check sheet is refused the same way: no sheet for a file that is not a disclosure.
    err = [];
    expect(await main(['check', tiny, '--out', join(dir, '检查表.xlsx')])).toBe(2);
    expect(existsSync(join(dir, '检查表.xlsx'))).toBe(false);
  }, 60_000);
});

describe('seeds are disclosures', () => {
  it('every seed passes', async () => {
    for (const f of ['000', '001', '002', '003', '004']) {
      const { seedModel } = await import('../helpers/seeds.ts');
      expect(disclosureVerdict(seedModel(f)).ok).toBe(true);
    }
  });
});
