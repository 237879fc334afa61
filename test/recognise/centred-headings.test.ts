import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, LineBlock } from '../../src/model/layout.ts';
import { parseBytes } from '../../src/pipeline.ts';
import { centredHeadings } from '../../src/recognise/centred-headings.ts';
import { segment } from '../../src/recognise/segment.ts';
import { buildCheckSheet } from '../../src/sheet/build.ts';
import { checkDisclosure } from '../../src/audit/engine.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/pdf', name)));

describe('unnumbered centred headings (上海市数据局 2026 单位预算: 上海 市级 template)', () => {
  it('reads 主要职能, 机构设置, 名词解释, 编制说明 and 其他相关情况说明 as the sections they are', async () => {
    const d = await parseBytes(fixture('shanghai-image-page-2026.pdf'), { fileName: 'shanghai.pdf' });
    const tops = [...new Set(d.sections.map((s) => s.headingPath[0]))];
    expect(tops).toEqual([
      '上海市2026年市级单位预算预算单位：上海市数据局',
      '上海市数据局（单位）主要职能',
      '上海市数据局（单位）机构设置',
      '名词解释',
      '2026年单位预算编制说明',
      '其他相关情况说明',
    ]);
    // the numbered headings sit under the centred one they follow
    expect(d.sections.find((s) => s.heading.startsWith('一、2026年“三公”'))?.headingPath[0]).toBe('其他相关情况说明');
    expect(d.glossary.map((g) => g.term)).toEqual([
      '财政拨款收入',
      '事业收入',
      '事业单位经营收入',
      '其他收入',
      '基本支出预算',
      '项目支出预算',
      '“三公”经费',
      '机关运行经费',
    ]);
    // the contents end where the body begins: nine tables listed, the first heading is not a contents entry
    expect(d.recognition.listed).toHaveLength(9);
    expect(d.entity.name).toBe('上海市数据局');
    const sheet = buildCheckSheet(d, checkDisclosure(d));
    const row = (label: string) => sheet.items.find((i) => i.label === label);
    for (const label of ['主要职能', '机构设置', '名词解释', '编制说明']) expect(row(label)?.verdict).toBe('是');
  });
});

describe('centredHeadings on constructed pages', () => {
  const W = 595;
  const line = (page: number, text: string, x0: number, x1: number, y: number): LineBlock => ({
    type: 'line',
    text,
    place: { kind: 'pdf', page, box: [x0, y, x1, y + 14] },
  });
  const brk = (page: number): Block => ({
    type: 'break',
    kind: 'page',
    place: { kind: 'pdf', page, box: [0, 0, W, 842] },
  });
  const body = (page: number, y: number) =>
    line(page, '本部门2026年收入预算合计100万元，比上年增加10万元，主要原因是……。', 72, 523, y);
  const headingsOf = (blocks: Block[]) => {
    const seg = segment(blocks);
    return [...centredHeadings(seg.narrative, blocks)].map((b) => b.text);
  };

  it('takes a centred line at the top of its page, not one lower down, beside another, or over a grid', () => {
    const blocks: Block[] = [
      line(1, '名词解释', 270, 326, 60),
      body(1, 100),
      body(1, 120),
      brk(1),
      body(2, 60),
      line(2, '部门预算编制说明', 250, 346, 200), // centred, but not at the top of its page
      body(2, 240),
      brk(2),
      line(3, '预算11表项', 240, 300, 60), // a title split in two at the same height
      line(3, '目支出绩效目标表', 300, 380, 60),
      body(3, 100),
      brk(3),
      line(4, '项目支出绩效目标表', 250, 346, 60), // a form's title over its grid
      {
        type: 'grid',
        rows: [],
        place: { kind: 'pdf', page: 4, box: [72, 80, 523, 400] },
      } as Block,
      brk(4),
      line(5, '其他相关情况说明', 250, 346, 60),
      body(5, 100),
      brk(5),
    ];
    expect(headingsOf(blocks)).toEqual(['名词解释', '其他相关情况说明']);
  });

  it('leaves a document with part headings (第一部分 …) to its numbered headings', () => {
    const blocks: Block[] = [
      line(1, '第一部分 部门概况', 72, 200, 60),
      body(1, 100),
      brk(1),
      line(2, '名词解释', 270, 326, 60),
      body(2, 100),
      brk(2),
    ];
    expect(headingsOf(blocks)).toEqual([]);
  });

  it('does not take a centred date, caption, amount line or a line cut from a quotation', () => {
    const blocks: Block[] = [
      '2026年1月',
      '图1：收入预算',
      '收入预算665964.37万元',
      '生安全教育日”“北京市道路交通安全宣传日',
    ].flatMap((t, i) => [line(i + 1, t, 220, 376, 60), body(i + 1, 100), brk(i + 1)]);
    expect(headingsOf(blocks)).toEqual([]);
  });
});
