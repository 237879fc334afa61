import type { NarrativeSection } from '../../../model/disclosure.ts';
import type { FindingPlace, Rule } from '../../types.ts';
import data from './topics.json' with { type: 'json' };

// The narrative explains, besides its tables, the matters the check sheet's 其他相关说明 row asks for (review.md):
// 机关运行经费, 政府采购, 国有资产占用, 绩效目标. Templates give each a heading (“五、政府采购情况”), a numbered paragraph
// (杭州 “2.政府采购情况2026年本部门…”) or a sentence under a common heading (烟台 “2026年本部门机关运行经费安排…”); 北京
// publishes its 绩效目标 as tables. A matter none of these names is reported missing. The glossary's definitions
// (“机关运行经费：指…”) do not count: a glossary entry is not the statement.

interface Topic {
  key: string;
  zh: string;
  en: string;
  appliesTo: string[];
  since?: number;
  words: RegExp;
  opening: RegExp;
  statement: RegExp;
  tables?: RegExp;
}

const TOPICS: Topic[] = data.topics.map((t) => ({
  ...t,
  words: new RegExp(t.words, 'u'),
  // the paragraph opens with the matter, after its list number (“（一）机关运行经费。”, “1.机关运行经费2026年…”)
  opening: new RegExp(`^\\s*(?:[（(]?[一二三四五六七八九十\\d]{1,3}[)）、.．]\\s*)?[^，。；]{0,8}?(?:${t.words})`, 'u'),
  statement: new RegExp(t.statement, 'u'),
  tables: t.tables ? new RegExp(t.tables, 'u') : undefined,
}));
const GLOSSARY = new RegExp(data.glossary, 'u');
const DEFINITION = new RegExp(data.definition, 'u');

/** A narrative the rule can judge: several sections with headings and text (not a file of tables only). */
function judged(sections: NarrativeSection[]): boolean {
  // a heading path may hold an empty level (null from the reader on 杭州/湖州 2026: “”, null, “（二）机构设置情况”)
  return sections.filter((s) => s.paragraphs.length && s.headingPath.some((h) => (h ?? '').trim())).length >= 3;
}

const rule: Rule = {
  meta: {
    id: 'narrative-topics',
    code: 'CJ411',
    title: { zh: '其他相关说明齐全', en: 'The narrative explains the required other matters' },
    category: 'completeness',
    severity: 'warning',
    appliesTo: ['预算', '决算'],
    requires: [],
    messages: {
      missing: {
        zh: '情况说明中未找到“{topic}”的说明（无此标题，也无说明其金额或数量的文字）',
        en: 'The narrative does not explain {topicEn} (no heading for it and no text stating its amount or count)',
      },
    },
  },
  check(ctx) {
    const d = ctx.disclosure;
    if (!d.kind || !judged(d.sections)) return;
    const inGlossary = (s: NarrativeSection) => s.headingPath.some((h) => GLOSSARY.test(h ?? ''));
    const body = d.sections.filter((s) => !inGlossary(s));
    const texts = body.flatMap((s) => s.paragraphs.map((p) => p.text)).filter((t) => !DEFINITION.test(t));
    const headings = body.map((s) => s.headingPath.join(' '));
    const tableTitles = [
      ...d.performance.map((t) => t.title),
      ...d.tables.map((t) => t.title),
      ...d.recognition.listed.map((l) => l.title),
    ];
    // where the missing matter belongs: the section of other matters, else the last one before the glossary
    const other = body.find((s) => /其他/.test(s.heading ?? '')) ?? body[body.length - 1];
    const place: FindingPlace = {
      table: 'narrative',
      tableTitle: other?.headingPath.join(' / ') ?? null,
      row: null,
      column: null,
      source: other?.place ?? null,
    };
    for (const t of TOPICS) {
      if (!t.appliesTo.includes(d.kind)) continue;
      if (t.since !== undefined && (d.fiscalYear === null || d.fiscalYear < t.since)) continue;
      if (headings.some((h) => t.words.test(h))) continue;
      if (texts.some((x) => t.opening.test(x) || t.statement.test(x))) continue;
      if (t.tables && tableTitles.some((x) => t.tables!.test(x))) continue;
      // a file without its tables (北京's 情况说明, the 报表 and 绩效目标表 published as another file): a matter the
      // tables may carry cannot be judged from this one
      if (t.tables && !d.tables.length && !d.recognition.listed.length) continue;
      ctx.report({ messageId: 'missing', values: { topic: t.zh, topicEn: t.en }, location: place });
    }
  },
};

export default rule;
