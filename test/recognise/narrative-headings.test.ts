import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Disclosure } from '../../src/model/disclosure.ts';
import { parseBytes } from '../../src/pipeline.ts';

// 杭州市司法局 2026 (the whole document, test/fixtures/pdf/hangzhou-wrapped-numbers-2026.pdf) prints 一、部门职能 and
// then （二）机构设置情况 with no （一） and no 一、 between its part heading and it: the heading path skipped a level
// and held a hole (null in JSON, against the model's string[]).

const file = join(import.meta.dirname, '..', 'fixtures', 'pdf', 'hangzhou-wrapped-numbers-2026.pdf');

describe('narrative heading paths', () => {
  it('hold only the headings printed, no holes, and the document validates against the model', async () => {
    const d = await parseBytes(new Uint8Array(readFileSync(file)), { fileName: 'hangzhou-wrapped-numbers-2026.pdf' });
    const sec = d.sections.find((s) => s.heading.includes('机构设置情况'));
    expect(sec?.headingPath.every((h) => typeof h === 'string')).toBe(true);
    expect(sec?.headingPath.at(-1)).toBe(sec?.heading);
    for (const s of d.sections) expect(s.headingPath.every((h) => typeof h === 'string')).toBe(true);
    expect(Disclosure.safeParse(JSON.parse(JSON.stringify(d))).success).toBe(true);
  }, 60_000);
});
