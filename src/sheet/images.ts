import { PageRenderer, type Crop } from '../render/page-image.ts';
import type { CheckSheet } from './build.ts';

// The pictures of a check sheet: one crop of the page per problem that has a PDF place, the problem's box drawn in
// red and its related cells on the same page in blue. Other inputs have no page image (the sheet says so).

export type SheetImages = Map<string, Crop>;

export function imageKey(itemId: string, n: number): string {
  return `${itemId}#${n}`;
}

export interface ImageOutcome {
  images: SheetImages;
  /** Why there are no pictures, Chinese; null when every problem with a PDF place got one. */
  missing: string | null;
}

export async function sheetImages(
  sheet: CheckSheet,
  pdf: Uint8Array | null,
  renderer?: PageRenderer,
): Promise<ImageOutcome> {
  const images: SheetImages = new Map();
  const wanted = sheet.items.flatMap((i) =>
    i.problems.filter((p) => p.image).map((p) => ({ key: imageKey(i.id, p.n), image: p.image! })),
  );
  if (!wanted.length || !pdf) return { images, missing: null };
  if (!PageRenderer.available()) return { images, missing: '未安装 Chromium，未能生成问题截图' };
  const r = renderer ?? new PageRenderer();
  try {
    const crops = await r.crops(
      pdf,
      wanted.map((w) => ({ page: w.image.page, box: w.image.box, marks: w.image.marks })),
    );
    crops.forEach((c, i) => {
      if (c) images.set(wanted[i].key, c);
    });
    return { images, missing: null };
  } catch (e) {
    if (process.env.CAIJIAN_DEBUG) console.error('[caijian] page crops failed:', e);
    return { images, missing: '页面截图生成失败（文件可能已损坏）' };
  } finally {
    if (!renderer) await r.close();
  }
}
