import { child, children, parseXml, val, type XmlElement } from './ooxml.ts';

// Heading levels and list kinds come from word/styles.xml and word/numbering.xml. Chinese Word names its
// heading styles "heading 1" (shown as 标题 1) with style ids "1", "2" …, so the level is read from the
// style name or from the outline level the style (or a style it is based on) declares, never from the id.

export interface StyleInfo {
  name: string;
  outlineLevel: number | null;
  basedOn: string | null;
}

export function readStyles(xml: Uint8Array | undefined): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!xml) return styles;
  const doc = parseXml(xml, 'word/styles.xml');
  for (const style of children(doc.documentElement, 'style')) {
    let id: string | null = null;
    for (let i = 0; i < style.attributes.length; i++)
      if (style.attributes[i].localName === 'styleId') id = style.attributes[i].value;
    if (!id) continue;
    const outline = val(child(child(style, 'pPr'), 'outlineLvl'));
    styles.set(id, {
      name: val(child(style, 'name')) ?? id,
      outlineLevel: outline === null ? null : Number(outline),
      basedOn: val(child(style, 'basedOn')),
    });
  }
  return styles;
}

const HEADING_NAME = /^(?:heading|标题)\s*([1-6])$/i;

/** Heading level 1–6 of a paragraph style, or undefined for body text. */
export function headingLevel(
  styles: Map<string, StyleInfo>,
  styleId: string | null,
  ownOutline: number | null,
): number | undefined {
  if (ownOutline !== null && ownOutline >= 0 && ownOutline <= 5) return ownOutline + 1;
  const seen = new Set<string>();
  for (let id = styleId; id && !seen.has(id); id = styles.get(id)?.basedOn ?? null) {
    seen.add(id);
    const style = styles.get(id);
    if (!style) break;
    const m = HEADING_NAME.exec(style.name.trim());
    if (m) return Number(m[1]);
    if (style.outlineLevel !== null && style.outlineLevel >= 0 && style.outlineLevel <= 5)
      return style.outlineLevel + 1;
  }
  return undefined;
}

/** numId → list levels whose number format is "bullet". */
export function readBulletLists(xml: Uint8Array | undefined): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  if (!xml) return out;
  const doc = parseXml(xml, 'word/numbering.xml');
  const abstractBullets = new Map<string, Set<string>>();
  const attrOf = (el: XmlElement, name: string) => {
    for (let i = 0; i < el.attributes.length; i++)
      if (el.attributes[i].localName === name) return el.attributes[i].value;
    return null;
  };
  for (const abs of children(doc.documentElement, 'abstractNum')) {
    const levels = new Set<string>();
    for (const lvl of children(abs, 'lvl'))
      if (val(child(lvl, 'numFmt')) === 'bullet') levels.add(attrOf(lvl, 'ilvl') ?? '0');
    abstractBullets.set(attrOf(abs, 'abstractNumId') ?? '', levels);
  }
  for (const num of children(doc.documentElement, 'num')) {
    const abs = val(child(num, 'abstractNumId'));
    out.set(attrOf(num, 'numId') ?? '', abstractBullets.get(abs ?? '') ?? new Set());
  }
  return out;
}
