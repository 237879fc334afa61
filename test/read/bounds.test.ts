import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/read/errors.ts';
import { precheckXml } from '../../src/read/docx/xml-precheck.ts';
import { PDF_WORK_LIMITS } from '../../src/read/pdf/read-pdf.ts';
import { checkPdfStreams } from '../../src/read/pdf/stream-bounds.ts';
import { readLayout } from '../../src/read/read-layout.ts';
import { readText } from '../../src/read/text/read-text.ts';
import { readZipEntries } from '../../src/read/xlsx/safe-zip.ts';
import { seedTable, seedText, tablesToDocx } from '../fixtures/office/seed-tables.ts';

// Every reader refuses inputs whose declared or measured size would exhaust memory or time, before it
// allocates for them, with a bilingual message that names the limit. The inputs are generated here: each is
// small on disk and would expand to gigabytes (or minutes) if read without the bound.

async function refusal(run: () => unknown): Promise<InputError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected the read to be refused');
}

function expectLimit(e: InputError, limit: string, mentions: RegExp) {
  expect(e.code).toBe('too-large');
  expect(e.limit).toBe(limit);
  expect(e.messageZh).toMatch(/上限/);
  expect(e.messageEn).toMatch(/limit/);
  // The message says which bound it was, with its value.
  expect(e.messageZh + e.messageEn).toMatch(mentions);
}

/** A one-page PDF whose page content is the given stream dictionary entries and (already encoded) data. */
function pdfWithContent(filter: string, data: Uint8Array): Uint8Array {
  const head = Buffer.from(
    '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\n' +
      `4 0 obj << /Length ${data.length} /Filter ${filter} >>\nstream\n`,
    'latin1',
  );
  const tail = Buffer.from('\nendstream\nendobj\ntrailer << /Root 1 0 R /Size 5 >>\n%%EOF\n', 'latin1');
  return new Uint8Array(Buffer.concat([head, data, tail]));
}

/** A zip of stored (uncompressed) entries: enough for a test-made Office file. */
function storedZip(entries: Record<string, string | Uint8Array>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
function docx(body: string): Uint8Array {
  return storedZip({
    '[Content_Types].xml':
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  });
}
const para = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

describe('PDF: inflated streams are measured before pdf.js sees them', () => {
  it('refuses a content stream that inflates past the per-stream bound (49 MB of operators from 50 KB)', async () => {
    const content = deflateSync(Buffer.alloc(49 * 1024 * 1024, '0 0 m\n'), { level: 9 });
    const pdf = pdfWithContent('/FlateDecode', content);
    expect(pdf.length).toBeLessThan(1024 * 1024);
    const e = await refusal(() => readLayout(pdf, 'bomb.pdf'));
    expectLimit(e, 'pdf-stream-bytes', /48 MB/);
  });

  it('refuses a stream deflated twice (a bomb inside a bomb), counting through both layers', async () => {
    const inner = deflateSync(Buffer.alloc(60 * 1024 * 1024), { level: 9 });
    const outer = deflateSync(inner, { level: 9 });
    const e = await refusal(() => checkPdfStreams(pdfWithContent('[/FlateDecode /FlateDecode]', outer)));
    expectLimit(e, 'pdf-stream-bytes', /48 MB/);
  });

  it('refuses a file whose streams together inflate past the per-file bound', async () => {
    const one = deflateSync(Buffer.alloc(300 * 1024));
    const parts = ['%PDF-1.7\n'];
    const chunks: Buffer[] = [Buffer.from(parts[0], 'latin1')];
    for (let i = 0; i < 10; i++) {
      chunks.push(
        Buffer.from(`${i + 1} 0 obj << /Length ${one.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
        one,
        Buffer.from('\nendstream\nendobj\n', 'latin1'),
      );
    }
    chunks.push(Buffer.from('%%EOF\n', 'latin1'));
    const pdf = new Uint8Array(Buffer.concat(chunks));
    const limits = { maxStreamBytes: 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024 };
    expectLimit(await refusal(() => checkPdfStreams(pdf, limits)), 'pdf-inflated-bytes', /2 MB/);
    // The same file within a larger budget passes: the bound is on the measured total, not on the count.
    await expect(
      checkPdfStreams(pdf, { maxStreamBytes: 1024 * 1024, maxTotalBytes: 4 * 1024 * 1024 }),
    ).resolves.toBeUndefined();
  });

  it('refuses a page with more drawing operators than the per-page bound, and too many pages', async () => {
    const pdf = pdfWithContent('/FlateDecode', deflateSync(Buffer.from('1 w 2 w\n'.repeat(6000), 'latin1')));
    const saved = { ...PDF_WORK_LIMITS };
    try {
      PDF_WORK_LIMITS.maxPageOperators = 5000;
      expectLimit(await refusal(() => readLayout(pdf, 'ops.pdf')), 'pdf-page-operators', /第 1 页有 1\d{4} 个/);
      Object.assign(PDF_WORK_LIMITS, saved);
      PDF_WORK_LIMITS.maxOperators = 5000;
      expectLimit(await refusal(() => readLayout(pdf, 'ops.pdf')), 'pdf-operators', /5000/);
      Object.assign(PDF_WORK_LIMITS, saved);
      PDF_WORK_LIMITS.maxPages = 0;
      expectLimit(await refusal(() => readLayout(pdf, 'pages.pdf')), 'pdf-pages', /1 页/);
    } finally {
      Object.assign(PDF_WORK_LIMITS, saved);
    }
  });

  it('an ordinary page still reads', async () => {
    const pdf = pdfWithContent(
      '/FlateDecode',
      deflateSync(Buffer.from('BT /F1 12 Tf 72 720 Td (Hello) Tj ET\n0 0 m 100 0 l S\n', 'latin1')),
    );
    await expect(checkPdfStreams(pdf)).resolves.toBeUndefined();
  });
});

describe('Word: grid spans, table area and the XML itself are bounded', () => {
  it('refuses a gridSpan of 10^9 from its declared value, before building the row', async () => {
    const table = `<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000000000"/></w:tcPr>${para('a')}</w:tc></w:tr></w:tbl>`;
    const e = await refusal(() => readLayout(docx(table), 'span.docx'));
    expectLimit(e, 'docx-grid-span', /1000000000.*1000|1000 列/);
  });

  it('refuses a gridBefore of 10^8', async () => {
    const table = `<w:tbl><w:tr><w:trPr><w:gridBefore w:val="100000000"/></w:trPr><w:tc>${para('a')}</w:tc></w:tr></w:tbl>`;
    expectLimit(await refusal(() => readLayout(docx(table), 'before.docx')), 'docx-grid-span', /100000001/);
  });

  it('refuses a table whose width × height passes the cell bound, and names both', async () => {
    const row = `<w:tr><w:tc><w:tcPr><w:gridSpan w:val="900"/></w:tcPr>${para('x')}</w:tc></w:tr>`;
    const e = await refusal(() => readLayout(docx(`<w:tbl>${row.repeat(600)}</w:tbl>`), 'area.docx'));
    expectLimit(e, 'docx-table-cells', /900 列 × 600 行[\s\S]*900 columns × 600 rows/);
  });

  it('refuses nesting deeper than the depth bound', async () => {
    const deep = '<w:sdt><w:sdtContent>'.repeat(300) + para('x') + '</w:sdtContent></w:sdt>'.repeat(300);
    expectLimit(await refusal(() => readLayout(docx(deep), 'deep.docx')), 'docx-xml-depth', /256/);
  });

  it('refuses damaged XML at once: a flipped byte in a tag does not keep the parser busy', async () => {
    const good = await tablesToDocx([seedTable(seedText('000'), '收入决算表')]);
    const entries = readZipEntries(good);
    const xml = Buffer.from(entries.get('word/document.xml')!).toString('utf8');
    // Every kind of one-character damage at many places of a real document part.
    const damages = ['<', '>', '"', '/', '='];
    const started = performance.now();
    let refused = 0;
    for (let k = 0; k < 40; k++) {
      const at = Math.floor(((k + 1) * xml.length) / 41);
      const text = xml.slice(0, at) + damages[k % damages.length] + xml.slice(at + 1);
      try {
        precheckXml(text, 'word/document.xml');
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        expect((e as InputError).messageZh).toMatch(/已损坏/);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(20);
    expect(performance.now() - started).toBeLessThan(3000);
    // The undamaged part passes.
    expect(() => precheckXml(xml, 'word/document.xml')).not.toThrow();
    // And a damaged copy in a valid zip is refused by the reader as damage (not a crash, not a hang).
    const broken = xml.replace('<w:body>', '<w:body><w:p<w:r>');
    const e = await refusal(() =>
      readLayout(docx(broken.slice(broken.indexOf('<w:body>') + 8, broken.lastIndexOf('</w:body>'))), 'flip.docx'),
    );
    expect(e.code).toBe('unreadable');
    expect(e.messageEn).toMatch(/not valid XML/);
  });

  it('a table of ordinary size still reads', async () => {
    const row = `<w:tr><w:tc>${para('项目')}</w:tc><w:tc>${para('100')}</w:tc></w:tr>`;
    const layout = await readLayout(docx(`<w:tbl>${row.repeat(50)}</w:tbl>`), 'ok.docx');
    expect(layout.blocks.filter((b) => b.type === 'grid')).toHaveLength(1);
  });
});

describe('Excel: table area and merges are bounded on the used range', () => {
  it('refuses a sheet with values in columns A and XFD (16384 columns × 200 rows) and names the range', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    for (let r = 1; r <= 200; r++) {
      ws.getCell(r, 1).value = `a${r}`;
      ws.getCell(r, 16384).value = r;
    }
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const e = await refusal(() => readLayout(bytes, 'wide.xlsx'));
    expectLimit(e, 'xlsx-sheet-area', /A1 到 XFD200[\s\S]*16384 columns × 200 rows/);
  });

  it('reads an xlsb with full-column merges by clipping them to the rows used', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['项目', '金额', '备注'],
      ['合计', 100, ''],
      ['工资', 100, ''],
    ]);
    ws['!merges'] = [0, 1, 2, 3, 4, 5].map((c) => ({ s: { r: 3, c: c + 3 }, e: { r: 1_048_575, c: c + 3 } }));
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const bytes = new Uint8Array(XLSX.write(wb, { bookType: 'xlsb', type: 'array' }) as ArrayBuffer);
    const started = performance.now();
    const layout = await readLayout(bytes, 'merges.xlsb');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(layout.blocks.some((b) => b.type === 'grid')).toBe(true);
  });

  it('refuses an .xls whose merges cover more of the used range than the bound', async () => {
    const rows = Array.from({ length: 300 }, (_, r) => [`r${r}`, ...Array.from({ length: 9 }, () => 1)]);
    const ws = XLSX.utils.aoa_to_sheet(rows);
    // 2000 overlapping merges, each over the whole used range: 2000 × 300 × 10 cells.
    ws['!merges'] = Array.from({ length: 2000 }, () => ({ s: { r: 0, c: 0 }, e: { r: 299, c: 9 } }));
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const bytes = new Uint8Array(XLSX.write(wb, { bookType: 'biff8', type: 'array' }) as ArrayBuffer);
    expectLimit(await refusal(() => readLayout(bytes, 'merges.xls')), 'xlsx-sheet-area', /5000000/);
  });
});

describe('text: size, line length and cells are measured in one pass before splitting', () => {
  it('refuses 50 MB of tab-separated text by its byte size', async () => {
    const bytes = new Uint8Array(Buffer.alloc(50 * 1024 * 1024, '1\t2\t3\n'));
    expectLimit(await refusal(() => readLayout(bytes, 'big.tsv')), 'text-bytes', /50 MB[\s\S]*32 MB/);
  });

  it('refuses a 10 MB line and names the line', async () => {
    const text = '一、部门职责\n' + '经费'.repeat(5 * 1024 * 1024) + '\n结束\n';
    expectLimit(await refusal(() => readText(text)), 'text-line-length', /第 2 行[\s\S]*line 2/);
  });

  it('refuses more table cells than the bound, counted from the separators', async () => {
    const text = 'a\tb\tc\td\n'.repeat(400_000);
    expectLimit(await refusal(() => readText(text)), 'text-cells', /1000000/);
  });

  it('a seed still reads', () => {
    expect(readText(seedText('000')).blocks.length).toBeGreaterThan(100);
  });
});
