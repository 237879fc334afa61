import { DOMParser } from '@xmldom/xmldom';
import { InputError } from '../errors.ts';
import { precheckXml } from './xml-precheck.ts';

// Small helpers over the WordprocessingML DOM. Elements are matched by local name ("p", "tbl", "tc"), which
// holds for both the transitional (w:) and strict namespaces Word writes.

export type XmlElement = Element;

export function parseXml(bytes: Uint8Array, part: string): Document {
  const text = new TextDecoder('utf-8').decode(bytes);
  // Damage and hostile shapes are refused in one linear pass before xmldom, whose recovery is not linear.
  precheckXml(text, part);
  let fatal: string | null = null;
  const parser = new DOMParser({
    errorHandler: {
      // Word always writes well-formed XML, so xmldom's recoverable "error" (an unclosed element, a
      // truncated part) means damage too, not a quirk to read past.
      warning: () => {},
      error: (msg: string) => {
        fatal ??= msg;
      },
      fatalError: (msg: string) => {
        fatal ??= msg;
      },
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'application/xml') as unknown as Document;
  } catch (e) {
    fatal = e instanceof Error ? e.message : String(e);
    doc = null as unknown as Document;
  }
  if (fatal !== null || !doc || !doc.documentElement) {
    throw new InputError(
      'unreadable',
      `Word 文件已损坏：${part} 不是有效的 XML。`,
      `The Word file is damaged: ${part} is not valid XML.`,
    );
  }
  return doc;
}

export function children(el: XmlElement, localName?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (localName === undefined || (n as XmlElement).localName === localName))
      out.push(n as XmlElement);
  }
  return out;
}

export function child(el: XmlElement | null | undefined, localName: string): XmlElement | null {
  if (!el) return null;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as XmlElement).localName === localName) return n as XmlElement;
  }
  return null;
}

/** The w:val attribute (any prefix). */
export function val(el: XmlElement | null | undefined): string | null {
  if (!el) return null;
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes[i];
    if (a.localName === 'val') return a.value;
  }
  return null;
}

export function attr(el: XmlElement, localName: string): string | null {
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes[i];
    if (a.localName === localName) return a.value;
  }
  return null;
}
