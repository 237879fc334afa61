import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/pipeline.ts';
import { detectFormat } from '../../src/read/detect.ts';
import { readZipEntries } from '../../src/read/xlsx/safe-zip.ts';
import { detectTextEncoding } from '../../src/read/text/decode-text.ts';
import { seedModel } from '../helpers/seeds.ts';
import { makeZip } from '../fixtures/office/zip.ts';

// Text saved by Chinese Windows offices (GBK/GB18030 "ANSI", UTF-16 "Unicode", Big5) is read like UTF-8;
// content sniffing does not take a text that mentions %PDF- for a PDF; a zip entry whose CRC fails is refused.

const FIX = join(import.meta.dirname, '../fixtures/text');
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIX, name)));

function sameTables(a: Awaited<ReturnType<typeof parseBytes>>, b: Awaited<ReturnType<typeof parseBytes>>) {
  expect(a.tables.map((t) => t.key)).toEqual(b.tables.map((t) => t.key));
  expect(a.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.value)))).toEqual(
    b.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.value))),
  );
  expect(a.entity.name).toBe(b.entity.name);
}

describe('text encodings', () => {
  const utf8 = seedModel('000');
  for (const [file, encoding] of [
    ['seed000.gb18030.txt', 'gb18030'],
    ['seed000.utf16le-bom.txt', 'utf-16le'],
    ['seed000.utf16be.txt', 'utf-16be'],
  ] as const) {
    it(`${file} is read as ${encoding}, to the same model as the UTF-8 seed`, async () => {
      expect(detectTextEncoding(bytes(file))).toBe(encoding);
      expect(detectFormat(bytes(file), file)).toEqual({ format: 'text', encoding });
      sameTables(await parseBytes(bytes(file), { fileName: file }), utf8);
    });
  }

  it('Big5 narrative is decoded to its traditional characters', async () => {
    expect(detectTextEncoding(bytes('narrative.big5.txt'))).toBe('big5');
    const d = await parseBytes(bytes('narrative.big5.txt'), { fileName: 'x.txt' });
    expect(d.sections.flatMap((s) => s.paragraphs.map((p) => p.text)).join('')).toContain('財政撥款收入289.70萬元');
  });

  it('UTF-8 stays UTF-8, and random bytes are not text', () => {
    expect(detectTextEncoding(new TextEncoder().encode('收支总计289.70万元'))).toBe('utf-8');
    const noise = new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24);
    expect(detectFormat(noise)).toMatchObject({ format: 'unsupported', reason: 'binary' });
  });
});

describe('content sniffing', () => {
  it('a text that mentions %PDF- in its first kilobyte is text, not a broken PDF', () => {
    const t = new TextEncoder().encode(
      '说明：上传的文件应为 PDF（以 %PDF-1.7 开头）或 Excel。\n收支总计289.70万元。\n',
    );
    expect(detectFormat(t, 'note.txt').format).toBe('text');
  });
  it('a PDF with a few bytes of junk before its header is still a PDF', () => {
    const junk = new Uint8Array([0x00, 0x01, 0x02, 0xff]);
    const pdf = new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/pdf/shenzhen-wide-2026.pdf')));
    const both = new Uint8Array(junk.length + pdf.length);
    both.set(junk);
    both.set(pdf, junk.length);
    expect(detectFormat(both).format).toBe('pdf');
    expect(detectFormat(pdf).format).toBe('pdf');
  });
});

describe('zip integrity', () => {
  it('an entry whose bytes were changed after writing fails its CRC with a clear message', () => {
    // level 0: deflate's stored blocks keep the digits readable in the archive, so one can be changed in place
    const zip = makeZip([{ name: 'xl/workbook.xml', data: '<workbook>12345.67</workbook>' }], { level: 0 });
    const i = Buffer.from(zip).indexOf('12345');
    const bad = new Uint8Array(zip);
    bad[i] = '9'.charCodeAt(0);
    expect(readZipEntries(new Uint8Array(zip)).get('xl/workbook.xml')).toBeTruthy();
    expect(() => readZipEntries(bad)).toThrow(
      expect.objectContaining({
        messageZh: expect.stringMatching(/校验和不符/),
        messageEn: expect.stringMatching(/CRC/),
      }),
    );
  });
});
