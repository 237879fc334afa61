import { formatBytes, InputError, limitExceeded } from '../errors.ts';

// xmldom recovers from damage by stepping one character forward and parsing again, and some of its steps scan
// to the end of the part each time: one flipped byte in a 200 KB document.xml kept it busy for minutes. Word
// always writes well-formed XML, so a single linear pass decides first whether the part is well-formed (tags
// balanced, attributes quoted, no DOCTYPE), how deep it nests and how many element names it uses; only a part
// that passes reaches xmldom, on the input where its work is linear.

export interface XmlLimits {
  /** Characters of one XML part. */
  maxChars: number;
  /** Elements open at once. Word documents nest to 20–30 (tables in tables, text boxes). */
  maxDepth: number;
  /**
   * Distinct element names of one part. WordprocessingML has a few hundred; xmldom looks for each name's last
   * end tag once per name, so many names in one large part make its work quadratic.
   */
  maxNames: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = {
  maxChars: 64 * 1024 * 1024,
  maxDepth: 256,
  maxNames: 4096,
};

function damaged(part: string, what: string, whatEn: string, at: number): InputError {
  return new InputError(
    'unreadable',
    `Word 文件已损坏：${part} 不是有效的 XML（第 ${at} 个字符处${what}）。`,
    `The Word file is damaged: ${part} is not valid XML (${whatEn} at character ${at}).`,
  );
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
/** Characters that end an element or attribute name. */
const endsName = (c: number) =>
  isSpace(c) ||
  c === 0x2f /* / */ ||
  c === 0x3e /* > */ ||
  c === 0x3d /* = */ ||
  c === 0x3c /* < */ ||
  c === 0x22 ||
  c === 0x27;

/** Throws InputError unless `text` is a well-formed XML part within the limits; linear in its length. */
export function precheckXml(text: string, part: string, limits: XmlLimits = DEFAULT_XML_LIMITS): void {
  if (text.length > limits.maxChars) {
    throw limitExceeded(
      'docx-xml-bytes',
      { zh: `${part} 有 ${formatBytes(text.length)}`, en: `${part} is ${formatBytes(text.length)}` },
      { zh: `每个部件 ${formatBytes(limits.maxChars)}`, en: `${formatBytes(limits.maxChars)} per part` },
    );
  }
  const n = text.length;
  const stack: string[] = [];
  const names = new Set<string>();
  let sawRoot = false;
  let i = 0;
  const skipTo = (token: string, from: number, what: string, whatEn: string) => {
    const at = text.indexOf(token, from);
    if (at < 0) throw damaged(part, what, whatEn, from);
    return at + token.length;
  };
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    const c = text.charCodeAt(lt + 1);
    if (c === 0x3f /* ? */) {
      i = skipTo('?>', lt + 2, '处理指令未结束', 'unterminated processing instruction');
      continue;
    }
    if (c === 0x21 /* ! */) {
      if (text.startsWith('<!--', lt)) i = skipTo('-->', lt + 4, '注释未结束', 'unterminated comment');
      else if (text.startsWith('<![CDATA[', lt))
        i = skipTo(']]>', lt + 9, 'CDATA 未结束', 'unterminated CDATA section');
      // Word never writes a DOCTYPE; refusing it also refuses entity declarations and their expansion.
      else throw damaged(part, '有文档类型声明', 'a document type declaration', lt);
      continue;
    }
    if (c === 0x2f /* / */) {
      let j = lt + 2;
      while (j < n && !endsName(text.charCodeAt(j))) j++;
      const name = text.slice(lt + 2, j);
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 0x3e) throw damaged(part, '结束标记不完整', 'an incomplete end tag', lt);
      if (stack.pop() !== name)
        throw damaged(part, `结束标记 ${name} 与开始标记不匹配`, `end tag ${name} does not match its start tag`, lt);
      i = j + 1;
      continue;
    }
    // A start tag: name, attributes name="value" or name='value', then > or />.
    let j = lt + 1;
    while (j < n && !endsName(text.charCodeAt(j))) j++;
    const name = text.slice(lt + 1, j);
    if (name === '') throw damaged(part, '标记没有名称', 'a tag without a name', lt);
    if (stack.length === 0 && sawRoot)
      throw damaged(part, '根元素之后还有元素', 'an element after the root element', lt);
    let closed = false;
    for (;;) {
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      const d = text.charCodeAt(j);
      if (d === 0x3e) {
        j++;
        break;
      }
      if (d === 0x2f && text.charCodeAt(j + 1) === 0x3e) {
        closed = true;
        j += 2;
        break;
      }
      const attrStart = j;
      while (j < n && !endsName(text.charCodeAt(j))) j++;
      if (j === attrStart) throw damaged(part, '标记不完整', 'an incomplete tag', lt);
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 0x3d) throw damaged(part, '属性缺少等号', 'an attribute without "="', attrStart);
      j++;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      const quote = text.charCodeAt(j);
      if (quote !== 0x22 && quote !== 0x27)
        throw damaged(part, '属性值缺少引号', 'an attribute value without quotes', attrStart);
      j++;
      while (j < n && text.charCodeAt(j) !== quote) {
        if (text.charCodeAt(j) === 0x3c)
          throw damaged(part, '属性值中有“<”', 'a "<" inside an attribute value', attrStart);
        j++;
      }
      if (j >= n) throw damaged(part, '属性值未结束', 'an unterminated attribute value', attrStart);
      j++;
    }
    sawRoot = true;
    if (!names.has(name)) {
      names.add(name);
      if (names.size > limits.maxNames) {
        throw limitExceeded(
          'docx-xml-names',
          {
            zh: `${part} 使用了超过 ${limits.maxNames} 种元素名`,
            en: `${part} uses more than ${limits.maxNames} element names`,
          },
          { zh: `${limits.maxNames} 种`, en: `${limits.maxNames} names` },
        );
      }
    }
    if (!closed) {
      stack.push(name);
      if (stack.length > limits.maxDepth) {
        throw limitExceeded(
          'docx-xml-depth',
          {
            zh: `${part} 的元素嵌套超过 ${limits.maxDepth} 层`,
            en: `${part} nests elements deeper than ${limits.maxDepth} levels`,
          },
          { zh: `${limits.maxDepth} 层`, en: `${limits.maxDepth} levels` },
        );
      }
    }
    i = j;
  }
  if (stack.length > 0)
    throw damaged(
      part,
      `元素 ${stack[stack.length - 1]} 未结束`,
      `element ${stack[stack.length - 1]} is not closed`,
      n,
    );
  if (!sawRoot) throw damaged(part, '没有根元素', 'no root element', 0);
}
