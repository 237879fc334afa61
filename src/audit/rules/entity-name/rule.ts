import { tidy } from '../../cells.ts';
import type { Rule } from '../../types.ts';

// The department is named the same way throughout (domain.md §5 Completeness: "department name consistent
// throughout"). Recognition collects every spelling printed on the cover, in table headers and in the text.

function key(s: string): string {
  return tidy(s)
    .replace(/[\s（）()“”"]/g, '')
    .replace(/(部门|单位)?(决算|预算)?(汇总|本级)?$/, '');
}

/** Edit distance (Levenshtein), for telling a misspelling (医疗保局 / 医疗保障局) from another unit's name. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** An administrative area's name: one or more divisions (上海市, 上海市普陀区, 江苏省南京市, 某某县). */
const REGION = /^(?:[\u4e00-\u9fa5]{1,8}?(?:省|自治区|市|自治州|地区|盟|区|县|旗))+$/u;

/**
 * The same department of another administrative area ("上海市司法局" in a "上海市普陀区司法局" document): the two
 * names end alike and differ only in a region prefix, and neither region is a shortening of the other (普陀区司法局
 * is the same body as 上海市普陀区司法局; 上海市司法局 is not).
 */
function otherArea(a: string, b: string): boolean {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  // The shared ending may start inside the regions (普陀区民政局 / 长宁区民政局 share 区民政局): split where both
  // prefixes are whole region names.
  for (; n >= 3; n--) {
    const pa = a.slice(0, a.length - n);
    const pb = b.slice(0, b.length - n);
    if (pa && pb && REGION.test(pa) && REGION.test(pb)) return !pa.endsWith(pb) && !pb.endsWith(pa);
  }
  return false;
}

const rule: Rule = {
  meta: {
    id: 'entity-name',
    code: 'CJ503',
    title: { zh: '部门名称前后一致', en: 'The department is named consistently' },
    category: 'wording',
    severity: 'warning',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      inconsistent: {
        zh: '部门名称写法不一：“{name}”与“{other}”',
        en: 'The department is named differently: "{name}" and "{other}"',
      },
      otherArea: {
        zh: '单位名称分属不同行政区划：“{name}”与“{other}”，可能套用了其他单位的表格或模板',
        en: 'The names belong to different administrative areas: "{name}" and "{other}" (another body\'s tables or template?)',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    const names = [...new Set(d.entity.names.map((n) => tidy(n).trim()).filter(Boolean))];
    const main = d.entity.name ? tidy(d.entity.name) : names[0];
    if (!main) return;
    const m = key(main);
    const seen = new Set([m]);
    for (const n of names) {
      const k = key(n);
      if (seen.has(k)) continue;
      seen.add(k);
      // Where this spelling is printed: the first table whose header names it, else the document's start (cover).
      const table = d.tables.find((t) => t.entity && key(t.entity).includes(k));
      const source = table?.place ?? d.sections[0]?.place ?? d.tables[0]?.place ?? null;
      const location = { table: table?.key ?? null, tableTitle: table?.title ?? null, row: null, column: null, source };
      if (otherArea(k, m)) {
        ctx.report({ messageId: 'otherArea', values: { name: main, other: n }, location });
        continue;
      }
      // A consolidated unit's own name (服务中心 under a 局) is another unit, not a misspelling: only names of the
      // same kind of body (same last character) within two edits of the department's name are reported.
      if (k[k.length - 1] !== m[m.length - 1] || distance(k, m) > 2) continue;
      ctx.report({ messageId: 'inconsistent', values: { name: main, other: n }, location });
    }
  },
};

export default rule;
