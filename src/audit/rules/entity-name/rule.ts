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
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    const names = [...new Set(d.entity.names.map((n) => tidy(n).trim()).filter(Boolean))];
    const main = d.entity.name ? tidy(d.entity.name) : names[0];
    if (!main) return;
    const seen = new Set([key(main)]);
    for (const n of names) {
      const k = key(n);
      if (seen.has(k)) continue;
      seen.add(k);
      // A consolidated unit's own name (服务中心 under a 局) is another unit, not a misspelling: only names of the
      // same kind of body (same last character) within two edits of the department's name are reported.
      const m = key(main);
      if (k[k.length - 1] !== m[m.length - 1] || distance(k, m) > 2) continue;
      ctx.report({
        messageId: 'inconsistent',
        values: { name: main, other: n },
        location: {
          table: null,
          tableTitle: null,
          row: null,
          column: null,
          source: d.tables[0]?.place ?? d.sections[0]?.place ?? null,
        },
      });
    }
  },
};

export default rule;
