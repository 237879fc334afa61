import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDisclosure } from '../../src/audit/engine.ts';
import { parseBytes } from '../../src/pipeline.ts';
import { buildCheckSheet } from '../../src/sheet/build.ts';

// The check sheet's 内容规范性 items are found by the headings each template uses. 深圳's template titles the
// 机构设置 part “二、机构编制” (its 科室 and staff under 第一部分 部门概况): all 12 深圳 budgets of the corpus were
// 机构设置 未能核对 before.

const fixture = join(import.meta.dirname, '../fixtures/pdf/shenzhen-wide-2026.pdf');

describe('check-sheet items on 深圳 医疗保障局 2026', () => {
  it('takes “二、机构编制” for 机构设置 and “一、部门职责” for 主要职能', async () => {
    const d = await parseBytes(new Uint8Array(readFileSync(fixture)), { fileName: 'shenzhen-wide-2026.pdf' });
    expect(d.sections.some((s) => s.headingPath.some((h) => /^二、机构编制$/.test(h.replace(/\s+/g, ''))))).toBe(true);
    const sheet = buildCheckSheet(d, checkDisclosure(d));
    const verdict = (label: string) => sheet.items.find((i) => i.label === label)?.verdict;
    expect(verdict('机构设置')).toBe('是');
    expect(verdict('主要职能')).toBe('是');
  });
});
