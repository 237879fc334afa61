import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDisclosure } from '../../src/audit/engine.ts';
import { CORPUS_DIR } from '../../src/audit/testing/defect-set.ts';
import { parseBytes } from '../../src/pipeline.ts';

// The wording and completeness rules added for recall (issue 10, session 4) on a real budget outside the defect
// set: 广州市应急管理局 2026 部门预算. Its p33 prints “主要原因是：无增减变化无增减变化。” (read on the page image); its
// narrative explains 机关运行经费, 政府采购, 国有资产占用 and 绩效目标 under headings of their own.

const FILE = 'calinchow-del__renwu/005_广州/2026年广州市应急管理局部门预算.pdf';

async function guangzhou() {
  return parseBytes(new Uint8Array(readFileSync(join(CORPUS_DIR, FILE))), { fileName: FILE.split('/').pop() });
}

describe('recall rules on 广州应急管理局 2026 预算', () => {
  it('reports the phrase doubled on p33, quoting it, and nothing else of doubled-word', async () => {
    const d = await guangzhou();
    const found = checkDisclosure(d).findings.filter((f) => f.ruleId === 'doubled-word');
    expect(found.map((f) => [f.messageId, f.severity, f.location.row])).toEqual([
      ['doubledPhrase', 'warning', '无增减变化无增减变化'],
    ]);
    const src = found[0].location.source;
    expect(src?.kind === 'pdf' ? src.page : null).toBe(33);
  });

  it('finds every required matter explained, and reports one whose section is taken out', async () => {
    const d = await guangzhou();
    const topics = (x: typeof d) => checkDisclosure(x).findings.filter((f) => f.ruleId === 'narrative-topics');
    expect(topics(d)).toEqual([]);
    const without = { ...d, sections: d.sections.filter((s) => !s.headingPath.join(' ').includes('政府采购')) };
    expect(without.sections.length).toBeLessThan(d.sections.length);
    const found = topics(without);
    expect(found.map((f) => f.values.topic)).toEqual(['政府采购']);
    expect(found[0].location.source).not.toBeNull();
  });
});
