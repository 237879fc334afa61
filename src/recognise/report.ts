import type { DocumentKind, ListedTable, RecognitionReport, Table } from '../model/disclosure.ts';
import { matchTitle, requiredTemplates, stoodInFor } from '../templates/catalogue.ts';
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
  return { listed, unknownTables, missingStandard };
}
