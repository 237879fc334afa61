import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import XLSX from '@e965/xlsx';
import { makeZip, sheetXml, workbookZip } from '../fixtures/office/zip.ts';

// The hostile inputs of issue 13, generated (none is stored): each class once, small on disk and ruinous to read
// naively. `writeHostileInputs(dir)` writes them and returns their paths; the hostile tests run them through the
// job pool and the server. Sizes are those that took down the reader before it had bounds.

export interface HostileInput {
  /** What it is (test names). */
  name: string;
  path: string;
}

/** A real small PDF of the corpus, to damage: 上海市财政局 2025 budget, 21 pages, 263 KB. */
export const CORPUS_PDF = join(
  import.meta.dirname,
  '../../../shared/corpus/zxj6827111-blip__tianbaoxitong/上海市财政局25年预算.pdf',
);

/** A one-page PDF around one content stream (already Flate-compressed), with a correct xref table. */
export function pdfWithContent(compressed: Uint8Array, declaredLength = compressed.length): Uint8Array {
  const parts: (string | Uint8Array)[] = [];
  const offsets: number[] = [];
  let size = 0;
  const put = (p: string | Uint8Array) => {
    parts.push(p);
    size += typeof p === 'string' ? Buffer.byteLength(p, 'latin1') : p.length;
  };
  const obj = (n: number, body: string | Uint8Array[], tail = '') => {
    offsets[n] = size;
    put(`${n} 0 obj\n`);
    if (typeof body === 'string') put(body);
    else body.forEach(put);
    put(`${tail}\nendobj\n`);
  };
  put('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  obj(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>');
  obj(
    4,
    [Buffer.from(`<< /Length ${declaredLength} /Filter /FlateDecode >>\nstream\n`, 'latin1'), compressed],
    '\nendstream',
  );
  const xref = size;
  put(
    `xref\n0 5\n0000000000 65535 f \n${offsets
      .slice(1)
      .map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)
      .join('')}`,
  );
  put(`trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))),
  );
}

/**
 * A zlib stream of `total` bytes made of `chunk` repeated, built without compressing (or holding) them: one
 * 1 MiB block is deflated with a full flush (so its compressed form stands alone) and repeated, then a final
 * empty block. The Adler-32 trailer is left zero; pdf.js does not check it. 1 GiB costs ≈ 1 MiB and a few ms.
 */
export function deflateRepeated(chunk: Buffer, total: number, head = '', tail = ''): Uint8Array {
  const block = Buffer.concat(Array.from({ length: Math.ceil((1 << 20) / chunk.length) }, () => chunk)).subarray(
    0,
    1 << 20,
  );
  const packed = deflateRawSync(block, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const blocks = Math.ceil(total / block.length);
  // `head` and `tail` (latin1) frame the repeated bytes: an operator around a huge operand, say.
  const start = deflateRawSync(Buffer.from(head, 'latin1'), { finishFlush: constants.Z_FULL_FLUSH });
  const end = deflateRawSync(Buffer.from(tail, 'latin1'));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x78, 0xda]),
      start,
      ...Array.from({ length: blocks }, () => packed),
      end,
      Buffer.alloc(4),
    ]),
  );
}

function docx(documentXml: string): Uint8Array {
  return makeZip([
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    { name: 'word/document.xml', data: documentXml },
  ]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const cell = (text: string, props = '') =>
  `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
const wordBody = (inner: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${inner}</w:body></w:document>`;
const heading = '<w:p><w:r><w:t>2025年部门收支总表</w:t></w:r></w:p>';

/** A Word table whose cells declare gridSpan / gridBefore of 1e8–1e9 columns. */
function docxHugeSpans(): Uint8Array {
  const rows = [
    `<w:tr>${cell('项目', '<w:gridSpan w:val="100000000"/>')}${cell('金额')}</w:tr>`,
    `<w:tr><w:trPr><w:gridBefore w:val="999999999"/></w:trPr>${cell('一般公共预算拨款收入')}${cell('1,234.56')}</w:tr>`,
    `<w:tr>${cell('合计', '<w:gridSpan w:val="900000000"/>')}${cell('1,234.56')}</w:tr>`,
  ];
  return docx(
    wordBody(
      `${heading}<w:tbl><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>${rows.join('')}</w:tbl>`,
    ),
  );
}

/** A large plain Word document with one byte of its XML flipped (an unclosed tag mid-body), zipped correctly. */
function docxFlippedByte(): Uint8Array {
  const paragraphs = Array.from(
    { length: 20000 },
    (_, i) =>
      `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">第${i}项 一般公共预算拨款收入 ${i}.00 万元</w:t></w:r></w:p>`,
  ).join('');
  const xml = wordBody(heading + paragraphs);
  const bytes = Buffer.from(xml, 'utf8');
  const at = bytes.indexOf('<w:p>', Math.floor(bytes.length / 3));
  bytes[at] = 'x'.charCodeAt(0); // "<w:p>" → "xw:p>": the element is never opened, every later close mismatches
  return docx(bytes.toString('utf8'));
}

/** A workbook with cells in column A and in column XFD (16,384 columns) on many rows. */
function xlsxAandXfd(): Uint8Array {
  const rows = Array.from(
    { length: 2000 },
    (_, i) =>
      `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>项目${i}</t></is></c><c r="XFD${i + 1}"><v>${i}</v></c></row>`,
  );
  return workbookZip(sheetXml(rows.join('')));
}

/** A workbook whose merges cover whole columns (A:A … J:J, 1,048,576 rows each). */
function xlsxColumnMerges(): Uint8Array {
  const rows = `<row r="1"><c r="A1" t="inlineStr"><is><t>2025年部门收支总表</t></is></c></row>`;
  const merges = Array.from({ length: 10 }, (_, i) => {
    const col = String.fromCharCode(65 + i);
    return `<mergeCell ref="${col}1:${col}1048576"/>`;
  });
  return workbookZip(sheetXml(rows, `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>`));
}

/** The same whole-column merges in the binary workbook format (written by SheetJS). */
function xlsbColumnMerges(): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([['2025年部门收支总表'], ['项目', '金额'], ['合计', 1]]);
  ws['!merges'] = Array.from({ length: 10 }, (_, c) => ({ s: { r: 0, c }, e: { r: 1048575, c } }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  return new Uint8Array(XLSX.write(wb, { bookType: 'xlsb', type: 'buffer' }) as Buffer);
}

/** The same whole-column merges in the old binary format (BIFF8 .xls, written by SheetJS): a few KB on disk. */
function xlsColumnMerges(): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([['2025年部门收支总表'], ['项目', '金额'], ['合计', 1]]);
  ws['!merges'] = Array.from({ length: 10 }, (_, c) => ({ s: { r: 0, c }, e: { r: 65535, c } }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  return new Uint8Array(XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer);
}

/**
 * A workbook with one digit of an amount changed after it was zipped: the entry's CRC no longer matches. Read without the check, it would become audit errors blaming the
 * department for a number it never wrote.
 */
function xlsxBadCrc(): Uint8Array {
  const rows = `<row r="1"><c r="A1" t="inlineStr"><is><t>部门收支总表</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>合计</t></is></c><c r="B2"><v>1234.56</v></c></row>`;
  // level 0: deflate's stored blocks keep the digits readable in the archive, so one can be changed in place
  const zip = Buffer.from(workbookZip(sheetXml(rows), {}, { level: 0 }));
  const at = zip.indexOf('1234.56');
  if (at < 0) throw new Error('the stored sheet was expected uncompressed');
  zip[at] = '7'.charCodeAt(0);
  return new Uint8Array(zip);
}

/** 50 MB of tab-separated numbers, 20 columns a line. */
function tabSeparated(): Buffer {
  const line = Array.from({ length: 20 }, (_, i) => `${1000 + i}.00`).join('\t') + '\n';
  return Buffer.from(line.repeat(Math.ceil((50 << 20) / line.length)), 'utf8');
}

/** A 10 MB disclosure-like text on one line (no line break): narrative rules once took minutes on it. */
function singleLine(): Buffer {
  const sentence = '2025年部门预算收入合计1,234.56万元，比上年增加12.34万元，增长1.0%，主要原因是人员经费增加。';
  const bytes = Buffer.from(sentence, 'utf8').length;
  return Buffer.from('部门收支总表' + sentence.repeat(Math.ceil((10 << 20) / bytes)), 'utf8');
}

export async function writeHostileInputs(dir: string): Promise<HostileInput[]> {
  const inputs: HostileInput[] = [];
  const put = (name: string, file: string, bytes: Uint8Array) => {
    const path = join(dir, file);
    writeFileSync(path, bytes);
    inputs.push({ name, path });
  };
  // pdf.js inflates and tokenises the whole content stream: 1 GiB of drawing operators from 1 MiB on disk.
  put(
    'PDF content stream inflating to 1 GiB',
    'inflate-1gib.pdf',
    pdfWithContent(deflateRepeated(Buffer.from('0 0 m 1 1 l S\n'), 1 << 30)),
  );
  put('1 MB PDF of zeros', 'zeros.pdf', new Uint8Array(1 << 20));
  put(
    'PDF header then 1 MB of zeros',
    'header-zeros.pdf',
    Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1 << 20)]),
  );
  const real = readFileSync(CORPUS_PDF);
  put('corpus PDF cut in half', 'truncated.pdf', real.subarray(0, real.length >> 1));
  const noXref = Buffer.from(real);
  const startxref = noXref.lastIndexOf('startxref');
  noXref.fill(0x20, Math.max(0, startxref - 2000)); // the xref table and trailer blanked: pdf.js must scan
  put('corpus PDF with its xref and trailer blanked', 'no-xref.pdf', noXref);
  const scrambled = Buffer.from(real);
  for (let i = 4096; i < scrambled.length; i += 997) scrambled[i] ^= 0x5a; // every ~1 KB a byte flipped
  put('corpus PDF with a byte flipped every KB', 'scrambled.pdf', scrambled);
  put('docx with gridSpan/gridBefore 1e8–1e9', 'grid-span.docx', docxHugeSpans());
  put('docx with one flipped byte in its XML', 'flipped.docx', docxFlippedByte());
  put('xlsx with cells in columns A and XFD', 'a-xfd.xlsx', xlsxAandXfd());
  put('xlsx with full-column merges', 'column-merges.xlsx', xlsxColumnMerges());
  put('xlsb with full-column merges', 'column-merges.xlsb', xlsbColumnMerges());
  put('12 KB-class xls with full-column merges', 'column-merges.xls', xlsColumnMerges());
  put('xlsx with a digit changed after zipping (CRC)', 'bad-crc.xlsx', xlsxBadCrc());
  put('50 MB of tab-separated text', 'tabs.txt', tabSeparated());
  put('10 MB text on a single line', 'one-line.txt', singleLine());
  return inputs;
}
