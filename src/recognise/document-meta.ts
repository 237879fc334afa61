import type { AmountUnit, Disclosure, DocumentKind, NarrativeSection, Table } from '../model/disclosure.ts';
import type { LineBlock } from '../model/layout.ts';
import { squash } from '../templates/normalize.ts';

// Document-level facts: kind, fiscal year, department, scope, amount unit and printed precision. Read from
// the cover first, then confirmed or filled in from the tables.

function kindOf(text: string): DocumentKind | null {
  const final = /决算/.test(text);
  const budget = /预算/.test(text);
  if (final && !budget) return '决算';
  if (budget && !final) return '预算';
  if (final && budget) return text.indexOf('决算') < text.indexOf('预算') ? '决算' : '预算';
  return null;
}

/**
 * 预算 or 决算, from the document: its cover, else its part headings, else the kinds of its tables. Never from the
 * file name (西安 卫健委's 决算 is filed as 部门预算).
 */
export function detectKind(cover: LineBlock[], tables: Table[], headings: string[] = []): DocumentKind | null {
  const fromCover = kindOf(cover.map((b) => squash(b.text)).join(' '));
  if (fromCover) return fromCover;
  const fromHeadings = kindOf(
    headings
      .map(squash)
      .filter((h) => /(部门|单位)(综合)?(预算|决算)/.test(h))
      .join(' '),
  );
  if (fromHeadings) return fromHeadings;
  const f = tables.filter((t) => t.key.startsWith('final.')).length;
  const b = tables.filter((t) => t.key.startsWith('budget.')).length;
  return f > b ? '决算' : b > f ? '预算' : null;
}

const YEAR = /(20\d{2})\s*年/;

/**
 * The year the tables' titles print ("2026年部门收支总表", a "（2026年度）" line under the title), most often first.
 * Titles, not prose: a narrative sentence names other years too.
 */
export function yearOfTitles(titles: string[]): number | null {
  const counts = new Map<number, number>();
  for (const t of titles) {
    const m = YEAR.exec(t);
    if (m) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  return best ? best[0] : null;
}

/** A cover title's year printed without 年 ("北京市人民政府国有资产监督管理委员会" / "2026 部门预算情况的说明"). */
const COVER_YEAR = /(?<!\d)(20\d{2})\s*(?:年度?)?\s*(?:部门|单位)?(?:综合)?(?:预算|决算)/;

export function detectYear(cover: LineBlock[], sections: NarrativeSection[], titles: string[] = []): number | null {
  for (const b of cover) {
    const m = YEAR.exec(b.text) ?? COVER_YEAR.exec(b.text);
    if (m) return Number(m[1]);
  }
  const fromTitles = yearOfTitles(titles);
  if (fromTitles) return fromTitles;
  for (const s of sections.slice(0, 5)) {
    const m = YEAR.exec(s.heading);
    if (m) return Number(m[1]);
  }
  return null;
}

const ENTITY_END = /(局|委员会|委|办公室|办公厅|厅|院|中心|部|政府|站|所|馆|会|队|处|街道办事处|室|校|团)$/;
/** A bracket after a name ("西安市统计局（汇总）", "…研究院（上海市统计数据管理中心）"): not the name's ending. */
const TRAILING_BRACKET = /[（(][^（()）]*[)）]$/;
const FIELD = /^(?:单位名称|部门名称|预算主管部门|主管部门|资金主管部门|预算单位|编制单位|填报单位)[:：](.+)$/;
/** Where the next printed field starts on a line that joined several ("…局（汇总）保密审查情况：已审查"). */
const NEXT_FIELD = /[\u4e00-\u9fa5]{2,10}[:：]/;

/**
 * A department name as printed: Chinese text (brackets allowed), no sentence punctuation; outside a name field
 * (单位名称：…) it must also end like a name (局, 委员会, 中心 …).
 */
function asEntity(raw: string | undefined, field = false): string | undefined {
  if (!raw) return undefined;
  let s = raw.replace(/\s+/g, '').replace(/^\d{3,9}-/, '');
  const next = NEXT_FIELD.exec(s);
  if (next && next.index > 0) s = s.slice(0, next.index);
  if (s.length < 3 || s.length > 40 || /[，,。；;：:、！？0-9]/.test(s)) return undefined;
  return field || ENTITY_END.test(s.replace(TRAILING_BRACKET, '')) ? s : undefined;
}

/** "2023 年度 邵阳市医疗保障局部门决算", "中共西安市委宣传部2021年部门综合预算", "2018年度江苏省高级人民法院预算公开". */
function entityInTitle(line: string): string | undefined {
  const m =
    /^(?:\d{4}年度?)?(.+?)(?:\d{4}年度?)?(?:部门|单位)?(?:综合)?(?:预算|决算)(?:公开|信息公开|公开说明|情况说明|报表|表)*$/.exec(
      line,
    );
  if (!m) return undefined;
  return asEntity(
    m[1]
      .replace(/^\d{4}年度?/, '')
      .replace(/(?:\d{4}年度?)$/, '')
      .replace(/部门$/, ''),
  );
}

/**
 * The document naming its own tables as an attachment ("附件：江苏省政协办公厅2019年度部门预算公开表"): a last resort
 * when the cover is an image and no table prints the department.
 */
function entityOfAttachment(lines: string[]): string | undefined {
  for (const l of lines) {
    const m = /^附件\d*[:：](.+)$/.exec(l.replace(/\s+/g, ''));
    const e = m ? entityInTitle(m[1]) : undefined;
    if (e) return e;
  }
  return undefined;
}

/** A name field printed as a form's first cells ("部门名称 | 广州市生态环境局"): the field name, then its value. */
const FIELD_NAME =
  /^(?:单位名称|部门名称|部门\(单位\)名称|预算主管部门|主管部门|资金主管部门|预算单位|编制单位|填报单位)$/;

/**
 * The department a form names in its own fields (绩效目标申报表: "部门名称 | 广州市生态环境局" as the first row): the
 * value right of a name field in a form's first rows. Fields only, never a caption or a sentence.
 */
export function entityOfFields(rows: readonly (readonly string[])[]): string | undefined {
  for (const row of rows.slice(0, 4)) {
    const cells = row.map((c) => c.replace(/\s+/g, '')).filter(Boolean);
    const at = cells.findIndex((c) => FIELD_NAME.test(squash(c)));
    const e = at >= 0 ? asEntity(cells[at + 1], true) : undefined;
    if (e && !FIELD_NAME.test(squash(e))) return e;
  }
  return undefined;
}

export function detectEntity(
  cover: LineBlock[],
  tables: Table[],
  narrative: string[] = [],
  forms: readonly (readonly (readonly string[])[])[] = [],
): { name: string | null; names: string[] } {
  const names: string[] = [];
  const add = (n: string | undefined) => {
    if (n && !names.includes(n)) names.push(n);
  };
  // The cover's first lines, alone and joined with the next one or two: a title may wrap ("2018年度江苏省高级" /
  // "人民法院预算公开"). A field (单位名称：…) wins over a title, a title over a bare name line.
  const lines = cover.slice(0, 8).map((b) => b.text.replace(/\s+/g, ''));
  let fromField: string | undefined;
  let fromTitle: string | undefined;
  let bare: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const f = FIELD.exec(lines[i]);
    if (f) fromField ??= asEntity(f[1], true);
    for (const n of [1, 2, 3]) {
      if (i + n > lines.length) break;
      fromTitle ??= entityInTitle(lines.slice(i, i + n).join(''));
    }
    if (!/\d/.test(lines[i])) bare ??= asEntity(lines[i]);
  }
  const coverName = fromField ?? fromTitle ?? bare;
  add(coverName);
  const counts = new Map<string, number>();
  if (coverName) counts.set(coverName, 1);
  for (const t of tables) {
    const e = asEntity(t.entity, true);
    if (e) {
      counts.set(e, (counts.get(e) ?? 0) + 1);
      add(e);
    }
  }
  // No cover and no table names it: the name fields of its forms (a document that is one 绩效目标申报表).
  for (const rows of counts.size ? [] : forms) {
    const e = entityOfFields(rows);
    if (e) {
      counts.set(e, (counts.get(e) ?? 0) + 1);
      add(e);
    }
  }
  if (!counts.size) {
    const attached = entityOfAttachment(narrative);
    if (attached) {
      counts.set(attached, 1);
      add(attached);
    }
  }
  const mostPrinted = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  // The spelling printed most often names the department; a one-off typo (seed 000's cover) stays in `names`.
  return { name: mostPrinted ?? null, names };
}

/**
 * The scope a document states in its cover's title lines, else its part headings; a document that is only forms
 * (绩效目标申报表) in its forms' titles: "…部门整体预算绩效目标申报表" is a 部门 document; else what its tables' entity
 * fields say (`fieldLevel`, from levelOfFields).
 */
export function detectScope(
  cover: LineBlock[],
  headings: string[] = [],
  formTitles: string[] = [],
  fieldLevel: Disclosure['scope']['level'] = null,
): Disclosure['scope'] {
  const scope = scopeOf(cover, headings);
  if (scope.level) return scope;
  const titles = formTitles.map(squash).join(' ');
  const formLevel = /单位整体/.test(titles) ? '单位' : /部门整体/.test(titles) ? '部门' : null;
  return { ...scope, level: formLevel ?? fieldLevel };
}

/** An entity field of a table's metadata lines: 部门：X, 部门名称：X, 编制单位：X … (not 单位：万元). */
const ENTITY_FIELD =
  /^((?:公开|编制|填报)?部门(?:名称)?|部门[（(]单位[)）]|(?:编制|填报|预算)?单位(?:名称)?)[:：](.+)$/;

/**
 * The level a document's tables say by the field that names their entity, for a document that states it nowhere
 * else (江苏's tables-only files: no cover, every table "部门：中共江苏省委办公厅 … 单位：万元"): 部门 when at least two
 * tables name it as 部门 (部门：, 部门名称：, 编制部门：, 填报部门：) and none under another key. A 单位 key says
 * nothing (广州 prints 单位名称： over its department's tables), nor does 烟台's 部门（单位）：.
 */
export function levelOfFields(tableMeta: readonly (readonly string[])[]): Disclosure['scope']['level'] {
  let department = 0;
  let other = 0;
  for (const lines of tableMeta) {
    const parts = lines.flatMap((l) =>
      l
        .replace(/\s+/g, '')
        .split(/(?=(?:金额|计量)?单位[:：])|(?<!主管)(?=(?:公开|编制|填报)?部门(?:名称|[（(]单位[)）])?[:：])/)
        .filter(Boolean),
    );
    for (const part of parts) {
      if (/^(?:金额|计量)?单位[:：](?:万元|元|万)(?![\u4e00-\u9fa5])/.test(part)) continue;
      const f = ENTITY_FIELD.exec(part);
      if (!f) continue;
      if (/^(?:公开|编制|填报)?部门(?:名称)?$/.test(f[1])) department++;
      else other++;
    }
  }
  return department >= 2 && other === 0 ? '部门' : null;
}

function scopeOf(cover: LineBlock[], headings: string[]): Disclosure['scope'] {
  // The cover's title lines, joined as printed: a title may wrap between 部门 and 预算 ("2026年烟台市文化和旅游局部门" /
  // "预算"). Not its prose: a document without 第N部分 headings runs its cover into part one (湖州: "…局属市水上应急
  // 救援中心单位预算。" is no scope).
  const coverText = cover
    .slice(0, 12)
    .map((b) => squash(b.text))
    .filter((t) => !/[。；;]/.test(t))
    .join('');
  const text = /(部门|单位)(综合)?(预算|决算)/.test(coverText)
    ? coverText
    : `${coverText} ${headings.map(squash).join(' ')}`;
  const level = /单位(综合)?(预算|决算)/.test(text) ? '单位' : /部门(综合)?(预算|决算)/.test(text) ? '部门' : null;
  const consolidation = /汇总/.test(text) ? '汇总' : /本级/.test(text) ? '本级' : null;
  return { level, consolidation };
}

/** The unit most tables print, and the decimals most of their amounts carry. */
export function dominantUnit(tables: Table[]): { unit: AmountUnit | null; precision: number | null } {
  const units = new Map<AmountUnit, number>();
  for (const t of tables) if (t.unit) units.set(t.unit, (units.get(t.unit) ?? 0) + 1);
  const unit = [...units.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const decimals = new Map<number, number>();
  for (const t of tables)
    for (const r of t.rows)
      for (const c of r.cells)
        if (c.value !== null && c.value !== '0' && /\./.test(c.text))
          decimals.set(c.decimals, (decimals.get(c.decimals) ?? 0) + 1);
  const precision = [...decimals.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { unit, precision };
}

/** Units consolidated: numbered lines after "…单位构成" / "…编报范围的单位" in part one. */
export function detectUnits(sections: NarrativeSection[]): string[] {
  const out: string[] = [];
  for (const s of sections.filter((x) => x.part <= 1)) {
    let listing = /单位构成|编制范围|编报范围/.test(s.heading);
    for (const p of s.paragraphs) {
      if (/单位构成|编制范围|编报范围|单位.*包括[:：]?$/.test(p.text)) {
        listing = true;
        continue;
      }
      const m = /^\s*\d+[.、．]\s*([^（(，,。；;]+)/.exec(p.text);
      if (listing && m && p.text.length <= 40) out.push(m[1].trim());
    }
  }
  return out;
}
