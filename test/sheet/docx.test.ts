import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { prepareSheet, writeSheet } from '../../src/sheet/export.ts';
import { seedModel } from '../helpers/seeds.ts';

// The Word form of the check sheet, read back with mammoth: the same items, verdicts and numbered problems.

describe('check sheet docx', () => {
  it('holds the title, the entity, every item and the numbered problems with their lines', async () => {
    const p = await prepareSheet(seedModel('000'), null);
    const bytes = await writeSheet(p, 'docx');
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(text).toContain('2023年度部门决算公开情况检查表');
    expect(text).toContain('株洲市天元区医疗保障局');
    let at = 0;
    for (const item of p.sheet.items) {
      const i = text.indexOf(item.label, at);
      expect(i, item.label).toBeGreaterThanOrEqual(0);
      at = i;
    }
    expect(text).toMatch(
      /1\. 一般公共预算财政拨款基本支出决算明细表“301 工资福利支出”决算数印为“151\.911”.*（第308行）/,
    );
    expect(text).toContain('未能核对');
    expect(text).toContain('没有页面图像');
  });
});
