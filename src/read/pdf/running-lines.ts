import type { Block } from '../../model/layout.ts';

// Running heads and feet: a line printed in the top or bottom margin of many pages (the document title,
// "第 3 页 共 40 页", a department name) is page furniture, not content. Left in, it would sit between a
// table and its continuation on the next page and split the table for recognition. It is removed when the
// same text (digits aside) appears in the same margin on at least three pages and a third of all pages.

const MARGIN = 0.08;
const TABLE_TITLE = /表\s*$|^[（(]\s*\d{4}\s*年度?\s*[)）]$/;

export function dropRunningLines(blocks: Block[], pageCount: number): Block[] {
  const heights = new Map<number, number>();
  for (const b of blocks) if (b.type === 'break' && b.place.kind === 'pdf') heights.set(b.place.page, b.place.box[3]);
  const keyOf = (b: Block): string | null => {
    if (b.type !== 'line' || b.place.kind !== 'pdf') return null;
    const height = heights.get(b.place.page);
    if (!height) return null;
    const [, y0, , y1] = b.place.box;
    const edge = y1 < height * MARGIN ? 'top' : y0 > height * (1 - MARGIN) ? 'bottom' : null;
    // A table's title and its year line repeat at the top of every page of per-project tables; they are
    // content, not furniture.
    if (!edge || TABLE_TITLE.test(b.text)) return null;
    return `${edge}:${b.text.replace(/\d+/g, '#').replace(/\s+/g, '')}`;
  };
  const pages = new Map<string, Set<number>>();
  for (const b of blocks) {
    const key = keyOf(b);
    if (key === null || b.place.kind !== 'pdf') continue;
    let set = pages.get(key);
    if (!set) {
      set = new Set();
      pages.set(key, set);
    }
    set.add(b.place.page);
  }
  const running = new Set(
    [...pages].filter(([, set]) => set.size >= 3 && set.size >= pageCount / 3).map(([key]) => key),
  );
  if (running.size === 0) return blocks;
  return blocks.filter((b) => {
    const key = keyOf(b);
    return key === null || !running.has(key);
  });
}
