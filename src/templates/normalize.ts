// Printed titles and headers vary in spacing, bracket width and quote style ("项 目", "因公出国 （境）费",
// “三公”/"三公"). Matching is done on a squashed form: no whitespace, half-width brackets, no quotes.

// Recognition squashes the same short labels many times per document; a bounded memo keeps it cheap.
const memo = new Map<string, string>();

export function squash(text: string): string {
  let out = memo.get(text);
  if (out === undefined) {
    out = squashUncached(text);
    if (memo.size > 20_000) memo.clear();
    memo.set(text, out);
  }
  return out;
}

function squashUncached(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[“”"‘’'「」『』]/g, '')
    .replace(/：/g, ':')
    .replace(/—|－/g, '-');
}

/** Removes list numbering at the start of a label: "一、", "（十一）", "1.", "(3)", "①". */
export function stripNumbering(label: string): string {
  return label
    .replace(/^\s*(?:[（(][一二三四五六七八九十百]+[)）]|[一二三四五六七八九十百]+[、.．])[、.．]?\s*/, '')
    .replace(/^\s*[（(]\d{1,2}[)）][、.．]?\s*/, '')
    .replace(/^\s*\d{1,2}[、.．]\s*/, '')
    .replace(/^[①②③④⑤⑥⑦⑧⑨⑩]\s*/, '');
}

/**
 * Squashed title without what surrounds the table name: a leading year ("2023年", "2023年度"), a leading
 * entity name ending in 局/委/办/厅/院/会/部/中心, a trailing "公开NN表", and "(续)" continuation marks.
 */
export function titleKey(title: string): string {
  let t = squash(stripNumbering(title));
  t = t.replace(/^公开\d{1,2}表[:：]?/, '').replace(/^表\d{1,2}[:：\-—]/, '');
  // "(不含上年结转)", "(按支出经济分类科目-不含上年结转)": the scope note does not change the kind.
  t = t.replace(/[-—]?不含上年结转/, '').replace(/\(\)$/, '');
  t = t.replace(/\(?续(表)?\)?$/, '');
  t = t.replace(/公开\d{1,2}表$/, '');
  t = t.replace(/^附件\d*[:：]?/, '');
  t = t.replace(/^(\d{4}|\d{2})年?度?(?=[\u4e00-\u9fa5])/, '');
  t = t.replace(
    /^[\u4e00-\u9fa5]{2,30}?(?:局|委员会|委|办公室|办公厅|厅|院|中心|部|政府)(?=\d{4}年|部门|单位|收|支|财|一般|政府|国有|项目|专项)/,
    '',
  );
  t = t.replace(/^\d{4}年度?/, '');
  // Regional prefixes that do not change the table kind: "预算01表收支总表" (北京), "预算单位收入预算总表" (上海),
  // "部门综合预算收入总表" (西安), "部门预算基本支出预算表", "单位“三公”经费…".
  t = t.replace(/^预算\d{1,2}(-\d{1,2})?表/, '');
  t = t.replace(/^(部门综合预算|部综合预算|预算单位|部门预算(?=项目|基本)|单位(?=三公))/, '');
  t = t.replace(/^(市级|区级|县级|省级)?(部门|单位)(?=一般|政府|国有|项目|财政|基本|三公)/, '');
  t = t.replace(/^(市级|区级|县级|省级)(部门|单位)(?=收|支)/, '');
  return t;
}
