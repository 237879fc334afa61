import { entries, type CatalogEntry } from '../../../catalog/catalog.ts';
import { namedCodeLines } from '../code-name/rule.ts';
import type { Rule } from '../../types.ts';
import { excerpt, quotePlace, texts } from '../../wording/texts.ts';

// Class names change over the years (before 2018, 210 was 医疗卫生与计划生育支出; domain.md §4): a document that
// prints a former name for its year copied an old template — in a table line, or in its text (“医疗卫生与计划生育
// 支出（210类）” in a 2026 说明 whose tables say 卫生健康支出). The renamings are catalogue data (`renamed`).

let renamedCache: { entry: CatalogEntry; name: string; until: number }[] | undefined;
function renamed() {
  renamedCache ??= entries('function').flatMap((e) =>
    (e.renamed ?? []).filter((r) => r.name.length >= 4).map((r) => ({ entry: e, name: r.name, until: r.until })),
  );
  return renamedCache;
}

const WHERE = {
  paragraph: '正文',
  heading: '标题',
  title: '表题',
  note: '表注',
  'empty-statement': '空表说明',
} as const;

const rule: Rule = {
  meta: {
    id: 'code-name-outdated',
    code: 'CJ602',
    title: { zh: '科目名称已过时', en: 'An outdated class name' },
    category: 'codes',
    severity: 'warning',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      outdated: {
        zh: '{table}科目 {code} 印为旧名称“{printed}”，{year}年度应为“{name}”',
        en: '{tableEn}: code {code} is printed with its former name "{printed}"; for {year} it is "{name}"',
      },
      outdatedText: {
        zh: '{where}使用旧科目名称“{printed}”（{code}），{year}年度应为“{name}”：{excerpt}',
        en: '{whereEn} uses the former class name "{printed}" ({code}); for {year} it is "{name}": {excerpt}',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    for (const { values, location } of namedCodeLines(d, 'outdated'))
      ctx.report({ messageId: 'outdated', values: { ...values, year: String(d.fiscalYear ?? '') }, location });
    const year = d.fiscalYear;
    if (year === null) return;
    const former = renamed().filter((r) => year > r.until);
    for (const p of texts(d))
      for (const f of former) {
        const at = p.text.replace(/\s+/g, (m) => ' '.repeat(m.length)).indexOf(f.name);
        if (at === -1) continue;
        ctx.report({
          messageId: 'outdatedText',
          values: {
            where: WHERE[p.kind],
            whereEn: p.kind,
            printed: f.name,
            code: f.entry.code,
            name: f.entry.name,
            year: String(year),
            excerpt: excerpt(p.text, at, at + f.name.length),
          },
          location: quotePlace(p, at, f.name),
        });
      }
  },
};

export default rule;
