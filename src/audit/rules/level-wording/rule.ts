import type { Rule } from '../../types.ts';
import { excerpt, quotePlace, texts, type TextPiece } from '../../wording/texts.ts';
import data from './levels.json' with { type: 'json' };

// A document names its own government level the same way throughout (review.md: another entity's name, the wrong
// level). 万里街道 2024 (a 普陀区 budget, its cover “上海市普陀区2024年区级部门预算”) explains its terms as “财政拨款收入：是
// 市级预算主管部门及所属预算单位本年度从本级财政部门取得的财政拨款” — the city template's words left in a district's
// document. Only the phrases where the level is the document's own are read (levels.json); prose about other levels
// is not judged. The document's level is what its cover declares, else what its entity's name says.

const DECLARED = data.declared.map((p) => new RegExp(p, 'gu'));
const OWN = data.own.map((p) => new RegExp(p, 'gu'));
const ENTITY = new RegExp(data.entity, 'u');

function entityLevel(name: string | null): string | null {
  if (!name) return null;
  const m = ENTITY.exec(name.replace(/\s+/g, ''));
  if (!m?.[0]) return null;
  if (m[1]) return m[1];
  if (/市/.test(m[0])) return '市';
  if (/省/.test(m[0])) return '省';
  return null;
}

const rule: Rule = {
  meta: {
    id: 'level-wording',
    code: 'CJ509',
    title: { zh: '本级名称与文件层级一致', en: 'The document names its own government level consistently' },
    category: 'wording',
    severity: 'warning',
    appliesTo: ['预算', '决算'],
    requires: [],
    messages: {
      otherLevel: {
        zh: '本文件为{level}级{kind}，文中却写作“{text}”：{excerpt}（共 {count} 处）',
        en: 'This is a {level}-level {kind}, but the text says "{text}": {excerpt} ({count} in all)',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    const all = texts(d);
    const declared = new Map<string, number>();
    for (const p of all)
      for (const re of DECLARED) for (const m of p.text.matchAll(re)) declared.set(m[1], (declared.get(m[1]) ?? 0) + 1);
    // a document declaring two levels (a district's budget quoting the city's) gives no level to judge by
    const level = declared.size === 1 ? [...declared.keys()][0] : declared.size ? null : entityLevel(d.entity.name);
    if (!level) return;
    const wrong: { p: TextPiece; at: number; text: string }[] = [];
    for (const p of all)
      for (const re of OWN)
        for (const m of p.text.matchAll(re)) if (m[1] !== level) wrong.push({ p, at: m.index!, text: m[0] });
    if (!wrong.length) return;
    const first = wrong[0];
    ctx.report({
      messageId: 'otherLevel',
      values: {
        level,
        kind: d.kind ?? '预算',
        text: first.text,
        excerpt: excerpt(first.p.text, first.at, first.at + first.text.length),
        count: String(wrong.length),
      },
      location: quotePlace(first.p, first.at, first.text),
    });
  },
};

export default rule;
