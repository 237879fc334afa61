// A table cell whose text wraps ("功能分类\n科目编码", "21015\n01") is one value printed on several lines.
// The layout contract joins the parts with nothing where Chinese meets Chinese (no word spaces in Chinese)
// and with one space otherwise, which is also how the extracted-text seeds print wrapped codes ("21015 01").
// Shared by the Excel and Word readers.

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

export function joinWrapped(parts: readonly string[]): string {
  let out = '';
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    if (!out) {
      out = part;
      continue;
    }
    const glue = CJK.test(out[out.length - 1]) || CJK.test(part[0]) ? '' : ' ';
    out += glue + part;
  }
  return out;
}

/** Splits cell text on its line breaks (\n, \r\n, vertical tab used by old Excel) and joins it as above. */
export function joinCellText(text: string): string {
  return joinWrapped(text.split(/\r\n|[\r\n\v\u2028]/));
}
