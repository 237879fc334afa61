import type { DocumentKind } from '../model/disclosure.ts';
import { budgetTemplates } from './budget.ts';
import { finalAccountTemplates } from './final-account.ts';
import { squash, titleKey } from './normalize.ts';
import type { TableTemplate } from './types.ts';

export type { TableTemplate } from './types.ts';

/** Every known table kind. Order matters only for titles that two patterns accept: the more specific comes first. */
export const templates: readonly TableTemplate[] = [...finalAccountTemplates, ...budgetTemplates];

const byKey = new Map(templates.map((t) => [t.key, t]));

export function templateByKey(key: string): TableTemplate | undefined {
  return byKey.get(key);
}

/**
 * Is a coded line's label its code's name in this table? Only in a table of a classification (the template names the
 * code system, or its parts do) or one no template knows; in a list of purchases or projects filed under a function
 * code (西安 政府采购: 功能科目 | 单位编码 | 采购项目 | …) the label names the item, not the code.
 */
export function labelsNameCodes(key: string): boolean {
  const tpl = byKey.get(key);
  return !tpl || !!tpl.codeSystem || tpl.layout === 'sections';
}

/** Standard tables a complete document of this kind must contain (or declare empty). */
/** Do the tables found stand in for this template (any one of `replacedBy`, or a whole set of `replacedByAll`)? */
export function stoodInFor(tpl: TableTemplate, found: (key: string) => boolean): boolean {
  return (
    (tpl.replacedBy ?? []).some(found) || (tpl.replacedByAll ?? []).some((set) => set.length > 0 && set.every(found))
  );
}

export function requiredTemplates(kind: DocumentKind): TableTemplate[] {
  return templates.filter((t) => t.kind === kind && t.required);
}

/**
 * The template whose title patterns accept this printed title. `kind` breaks ties between a 预算 and a
 * 决算 reading of the same words; with no kind known, either is accepted.
 */
export function matchTitle(printed: string, kind?: DocumentKind | null): TableTemplate | undefined {
  const key = titleKey(printed);
  if (!key) return undefined;
  const candidates = templates.filter((t) => t.titles.some((re) => re.test(key)));
  if (candidates.length === 0) return undefined;
  return candidates.find((t) => t.kind === kind) ?? candidates[0];
}

/** The template a note under a table names (`notes`), for a table whose title was lost. */
export function matchNote(note: string): TableTemplate | undefined {
  const text = squash(note);
  return templates.find((t) => t.notes?.some((re) => re.test(text)));
}

/** The form an untitled page is (`untitledPage`), from its first cell and the texts of its first rows. */
export function matchUntitledPage(firstCell: string, texts: readonly string[]): TableTemplate | undefined {
  const first = squash(firstCell);
  const fits = templates.filter((t) => t.untitledPage?.firstCell.test(first));
  return (
    fits.find((t) => t.untitledPage?.marks && texts.some((x) => t.untitledPage?.marks?.test(x))) ??
    fits.find((t) => !t.untitledPage?.marks)
  );
}

/**
 * The form an untitled page is by the captions its first rows print (`untitledPage.header`): two different captions of
 * the form, each a whole cell ("指标名称" | "指标值"). A form with `marks` is chosen when they are found, else the one
 * without.
 */
export function matchUntitledHeader(texts: readonly string[]): TableTemplate | undefined {
  const cells = texts.map(squash).filter(Boolean);
  const fits = templates.filter((t) => {
    const header = t.untitledPage?.header;
    return !!header && header.filter((re) => cells.some((c) => re.test(c))).length >= 2;
  });
  return (
    fits.find((t) => t.untitledPage?.marks && texts.some((x) => t.untitledPage?.marks?.test(x))) ??
    fits.find((t) => !t.untitledPage?.marks)
  );
}

/** Cheap pre-test: could this line be a table title at all (ends like one, short enough)? */
export function looksLikeTableTitle(line: string): boolean {
  const s = squash(line)
    .replace(/(\([^()]*\))+$/, '')
    .replace(/表-+.*$/, '表');
  return s.length <= 60 && /(表|总表|计划)(\(续(表)?\))?$|公开\d{1,2}表$|^专户|^政府性基金(\(政府预算\))?$/.test(s);
}
