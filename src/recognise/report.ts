import type { DocumentKind, ListedTable, RecognitionReport, Table } from '../model/disclosure.ts';
import { matchTitle, requiredTemplates, stoodInFor } from '../templates/catalogue.ts';
import type { SourcePlace } from '../model/place.ts';
import type { TocEntry } from './segment.ts';

// The recognition report: for each table the 目录 lists, whether a body was found (with data, declared empty,
// illegible) or is absent; unknown tables found; standard tables neither found nor listed.

export function buildReport(
  toc: TocEntry[],
  tables: Table[],
  /** Keys of the performance (绩效) tables found: they are listed in the 目录 like any table. */
  performanceKeys: ReadonlySet<string>,
  kind: DocumentKind | null,
): RecognitionReport {
  const listed: ListedTable[] = [];
  const claimed = new Set<string>();
  for (const entry of toc) {
    const template = matchTitle(entry.text, kind);
    if (!template) continue;
    const key = template.key;
    const table = tables.find((t) => t.key === key && !claimed.has(t.id));
    if (table) {
      claimed.add(table.id);
      listed.push({
        title: entry.text,
        key,
        status: table.status === 'data' ? 'found' : table.status,
        tableId: table.id,
        ...(entry.declaredEmpty !== undefined ? { declaredEmpty: entry.declaredEmpty } : {}),
        place: entry.place,
      });
      continue;
    }
    // A second contents list further on (西安's 第三部分 部门决算表 opens with its own 目录 of the tables, after the
    // document's): the entry names a table an earlier list already matched, not a second table of that title.
    const first = listed.find(
      (l) => l.tableId && l.key === key && sameTitle(l.title, entry.text) && apart(l.place, entry.place),
    );
    if (first) {
      listed.push({
        title: entry.text,
        key,
        status: first.status,
        tableId: first.tableId,
        ...(entry.declaredEmpty !== undefined ? { declaredEmpty: entry.declaredEmpty } : {}),
        place: entry.place,
      });
      continue;
    }
    listed.push({
      title: entry.text,
      key,
      status: performanceKeys.has(key) ? 'found' : 'absent',
      ...(entry.declaredEmpty !== undefined ? { declaredEmpty: entry.declaredEmpty } : {}),
      place: entry.place,
    });
  }
  const unknownTables = tables.filter((t) => t.key === 'unknown').map((t) => t.title || '(无标题)');
  const found = new Set([...tables.map((t) => t.key), ...listed.map((l) => l.key)]);
  const missingStandard = kind
    ? requiredTemplates(kind)
        .filter((t) => !found.has(t.key) && !stoodInFor(t, (k) => found.has(k)))
        .map((t) => t.key)
    : [];
  const contents = toc.length ? { entries: toc.length, place: toc[0].place } : null;
  return { listed, contents, unknownTables, missingStandard };
}

/** Titles as listed, without spacing and numbering (“一、收入决算表”, “表2 收入决算表”). */
function sameTitle(a: string, b: string): boolean {
  const bare = (t: string) =>
    t.replace(/\s+/g, '').replace(/^(?:[一二三四五六七八九十]+、|表?\d+[、.．:：]?|（[一二三四五六七八九十\d]+）)/, '');
  return bare(a) === bare(b);
}

/**
 * Two 目录 lines far enough apart to belong to two lists: more than two pages (a contents list runs over a page or
 * two), or more than 100 lines of a text document.
 */
function apart(a: SourcePlace, b: SourcePlace): boolean {
  if (a.kind === 'pdf' && b.kind === 'pdf') return Math.abs(a.page - b.page) > 2;
  if (a.kind === 'text' && b.kind === 'text') return Math.abs(a.line - b.line) > 100;
  return false;
}
