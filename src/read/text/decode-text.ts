// Text files from government offices come in the encodings their Windows machines save: UTF-8 (with or without a
// BOM), GBK/GB18030 (Notepad's "ANSI" on a Chinese system), UTF-16 ("Unicode"), and Big5 from Hong Kong and Taiwan
// producers. The decoders are the platform's own (WHATWG TextDecoder with ICU); this module only decides which one
// applies, from byte-order marks, from whether the bytes are valid UTF-8, and otherwise by how much of the decoded
// text is common Chinese — a wrong legacy decoder yields rare characters and replacement marks, a right one
// yields the words every disclosure is made of.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** Characters frequent in any disclosure (and in Chinese prose generally), in their simplified and traditional forms. */
const COMMON = new Set(
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞预财收支经费项目单位部门决算说明情况合计总本年度增长减少上下拨款基础其他公共服务社会保障卫生健康一般政府性基金国有资本人员用房车购置运行维护接待出国境培训会议采购绩效资产万元及分类功能科目汇总额数财務預決總計說會議購國產費項單門額數據'.split(
    '',
  ),
);

function commonShare(text: string): number {
  let han = 0;
  let common = 0;
  let bad = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd) bad++;
    else if (c >= 0x3400 && c <= 0x9fff) {
      han++;
      if (COMMON.has(ch)) common++;
    } else if (c >= 0xe000 && c <= 0xf8ff) bad++; // private use: GB18030 maps unassigned bytes there
  }
  if (han === 0) return bad ? -1 : 0;
  return (common - bad * 4) / han;
}

function tryDecode(bytes: Uint8Array, encoding: TextEncoding, fatal: boolean): string | null {
  try {
    return new TextDecoder(encoding, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without a BOM: most code units of Chinese or ASCII text have a zero byte on one side. */
function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const units = n / 2;
  // ASCII (digits, punctuation, newlines) puts a zero on one side; a Chinese character has one only now and then
  // (一 is U+4E00), so that side's share stays far below the other's.
  if (oddZero / units > 0.1 && evenZero < oddZero / 4) return 'utf-16le';
  if (evenZero / units > 0.1 && oddZero < evenZero / 4) return 'utf-16be';
  return null;
}

/** A multi-byte character cut at the end of a sample (or of a truncated file) does not make bytes non-UTF-8. */
function validUtf8(bytes: Uint8Array): string | null {
  for (let cut = 0; cut <= 3 && cut < bytes.length; cut++) {
    const text = tryDecode(bytes.subarray(0, bytes.length - cut), 'utf-8', true);
    if (text !== null) return cut ? text + '\ufffd' : text;
  }
  return null;
}

/** Which decoder reads these bytes as text, or null when they are not text in any of the supported encodings. */
export function detectTextEncoding(bytes: Uint8Array): TextEncoding | null {
  if (bytes.length === 0) return null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const sample = bytes.subarray(0, Math.min(bytes.length, 256 * 1024));
  const sixteen = utf16Guess(sample);
  if (sixteen) return sixteen;
  if (validUtf8(sample) !== null) return 'utf-8';
  // Legacy double-byte encodings: both decoders accept most byte pairs, so let the words decide.
  const candidates: [TextEncoding, number][] = [];
  for (const enc of ['gb18030', 'big5'] as const) {
    const text = tryDecode(sample, enc, false);
    if (text !== null) candidates.push([enc, commonShare(text)]);
  }
  candidates.sort((a, b) => b[1] - a[1]);
  const best = candidates[0];
  return best && best[1] > 0.15 ? best[0] : null;
}

/** Decodes text bytes in their detected encoding (UTF-8 when nothing else fits); a leading BOM is dropped. */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding | null = detectTextEncoding(bytes)): DecodedText {
  const enc = encoding ?? 'utf-8';
  // TextDecoder drops the BOM of its own encoding (ignoreBOM defaults to false).
  return { text: new TextDecoder(enc).decode(bytes), encoding: enc };
}
