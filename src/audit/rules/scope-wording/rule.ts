import type { Rule } from '../../types.ts';
import { excerpt, quotePlace, texts } from '../../wording/texts.ts';
import words from './words.json' with { type: 'json' };

// A 单位预算 speaks of 本单位 and the 单位预算, a 部门预算 of 本部门 and the 部门预算: a 单位 document that says
// “部门预算安排购置车辆” copied a 部门 template (review.md, “Wording”), and the reverse. The words are data by scope
// (words.json). The document's own self-designations decide: when most of them name the other scope, either the
// scope was read wrong or the document is consistent in itself, and nothing is reported.

type Scope = keyof typeof words & ('单位' | '部门');
const other: Record<Scope, Scope> = { 单位: '部门', 部门: '单位' };

const rule: Rule = {
  meta: {
    id: 'scope-wording',
    code: 'CJ506',
    title: { zh: '部门、单位用语与公开主体一致', en: '部门 / 单位 wording matches the document' },
    category: 'wording',
    severity: 'warning',
    appliesTo: ['决算', '预算'],
    requires: [],
    messages: {
      foreign: {
        zh: '本文件为{scope}{kind}，文中却写“{text}”（{other}用语）：{excerpt}',
        en: 'This is a {scopeEn} {kindEn} document, but the text says "{text}" ({otherEn} wording): {excerpt}',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    const scope = d.scope.level as Scope | null;
    if (!scope) return;
    const pieces = texts(d);
    const count = (pattern: string) =>
      pieces.reduce((n, p) => n + [...p.text.matchAll(new RegExp(pattern, 'gu'))].length, 0);
    if (count(words[scope].self) <= count(words[other[scope]].self)) return;
    const foreign = new RegExp(words[scope].foreign, 'gu');
    for (const p of pieces) {
      const seen = new Set<string>();
      for (const m of p.text.matchAll(foreign)) {
        if (seen.has(m[0])) continue;
        seen.add(m[0]);
        ctx.report({
          messageId: 'foreign',
          values: {
            scope,
            scopeEn: scope,
            other: other[scope],
            otherEn: other[scope],
            kind: d.kind ?? '',
            kindEn: d.kind ?? '',
            text: m[0],
            excerpt: excerpt(p.text, m.index!, m.index! + m[0].length),
          },
          location: quotePlace(p, m.index!, m[0]),
        });
      }
    }
  },
};

export default rule;
