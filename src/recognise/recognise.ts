import type { Disclosure, PerformanceTable, Table } from '../model/disclosure.ts';
import type { Layout, ReadWarning } from '../model/layout.ts';
import {
  detectEntity,
  detectKind,
  detectScope,
  detectUnits,
  detectYear,
  dominantUnit,
  levelOfFields,
} from './document-meta.ts';
import { codesByName } from './codes-by-name.ts';
import { joinContinuations } from './continuation.ts';
import { buildNarrative } from './narrative.ts';
import { centredHeadings } from './centred-headings.ts';
import { templateByKey } from '../templates/catalogue.ts';
import { readingConfidence } from './reading.ts';
import { buildReport } from './report.ts';
import { partNumber, segment } from './segment.ts';
import { recogniseRegion } from './table.ts';

// Layout → Disclosure. Recognition never throws on odd layouts: what it cannot place becomes a warning or an
// "unknown" table, so that a partial model with warnings is always returned.

export interface RecogniseOptions {
  fileName?: string;
  sha256?: string;
}

export function recognise(layout: Layout, options: RecogniseOptions = {}): Disclosure {
  const warnings: ReadWarning[] = [...layout.warnings];
  const seg = segment(layout.blocks);
  // Kind first from the cover; tables are recognised with it, then it is confirmed from the tables.
  // The document's part headings ("第二部分 2019年度部门预算表") say what it is when it prints no cover.
  const headings = seg.narrative.filter((l) => partNumber(l.block.text) !== undefined).map((l) => l.block.text);
  let kind = detectKind(seg.cover, [], headings);
  const tables: Table[] = [];
  const performance: PerformanceTable[] = [];
  const performanceKeys = new Set<string>();
  // Forms keyed by their printed title: an untitled page keyed by its header's captions (指标名称, 绩效目标 …) cannot
  // tell a budget's 绩效目标表 from a final account's 绩效自评表, so it does not say what the document is.
  const titledFormKeys = new Set<string>();
  // Continuation pages the segmenter left on their own are joined to their table first.
  const regions = joinContinuations(seg.tables);
  // The metadata lines of the standard tables' regions (部门：… 单位：万元), for the level when nothing else says it.
  const tableMeta: string[][] = [];
  regions.forEach((region, i) => {
    const r = recogniseRegion(region, `t${i + 1}`, kind, warnings);
    if (r.kind === 'performance') {
      performance.push({ ...r.table, id: `p${performance.length + 1}` });
      performanceKeys.add(r.template.key);
      if (r.table.title.trim()) titledFormKeys.add(r.template.key);
    } else {
      tables.push(r.table);
      tableMeta.push(region.meta.map((m) => m.text));
    }
  });
  kind ??= detectKind([], tables);
  // 款 and 项 printed by name under their 类: codes from the document's own coded lines and the catalogue
  codesByName(tables);
  // A document of forms only (one 绩效目标申报表): the kind its forms are, when they agree.
  const formKinds = new Set([...titledFormKeys].map((k) => templateByKey(k)?.kind));
  if (!kind && formKinds.size === 1) kind = [...formKinds][0] ?? null;

  const { unit, precision } = dominantUnit(tables);
  for (const t of tables) {
    if (!t.unit && t.status === 'data') {
      warnings.push({
        code: 'table-unit-missing',
        message: `“${t.title || t.key}”未标明金额单位${unit ? `，按全文通用的${unit}读取` : ''}。`,
        messageEn: `"${t.title || t.key}" states no amount unit${unit ? `; read as ${unit} like the other tables` : ''}.`,
        place: t.place,
      });
    }
  }
  const narrative = buildNarrative(seg.narrative, centredHeadings(seg.narrative, layout.blocks));
  const entity = detectEntity(
    seg.cover,
    tables,
    seg.narrative.map((l) => l.block.text),
    performance.map((p) => p.rows),
  );
  const imageOnlyPages = layout.imageOnlyPages ?? [];
  // The PDF reader warns once per image-only page, with the page as the place (image-only-page); a page it did
  // not warn about (a layout built another way) gets the same warning here, never a second, differently named one.
  const warnedPages = new Set(
    layout.warnings.flatMap((w) => (w.code === 'image-only-page' && w.place?.kind === 'pdf' ? [w.place.page] : [])),
  );
  for (const page of imageOnlyPages) {
    if (warnedPages.has(page)) continue;
    warnings.push({
      code: 'image-only-page',
      message: `第${page}页只有图像、没有文字层，内容无法读取。`,
      messageEn: `Page ${page} is an image without a text layer and could not be read.`,
    });
  }
  // Table titles and the year lines printed under them ("（2026年度）"), performance tables included.
  const titles = regions.flatMap((r) => [
    r.title,
    ...r.meta.filter((m) => /^[(（]?\s*20\d{2}\s*年度?\s*[)）]?$/.test(m.text.trim())).map((m) => m.text),
  ]);
  const fiscalYear = detectYear(seg.cover, narrative.sections, titles);
  // Confidence last: it judges codes against the catalogue of the document's year.
  for (const t of tables) t.reading = readingConfidence(t, fiscalYear);
  const disclosure: Disclosure = {
    schemaVersion: 1,
    kind,
    scope: detectScope(
      seg.cover,
      headings,
      performance.map((p) => p.title),
      levelOfFields(tableMeta),
    ),
    fiscalYear,
    entity: { name: entity.name, names: entity.names, units: detectUnits(narrative.sections) },
    unit,
    precision,
    source: {
      format: layout.format,
      ...(options.fileName ? { fileName: options.fileName } : {}),
      ...(options.sha256 ? { sha256: options.sha256 } : {}),
      ...(layout.pageCount !== undefined ? { pageCount: layout.pageCount } : {}),
      imageOnlyPages,
    },
    tables,
    sections: narrative.sections,
    glossary: narrative.glossary,
    performance,
    recognition: buildReport(seg.toc, tables, performanceKeys, kind),
    warnings,
  };
  if (!tables.length && !performance.length) {
    warnings.push({
      code: 'nothing-recognised',
      message: '未识别出任何预决算表格。',
      messageEn: 'No budget or final-account table was recognised.',
    });
  }
  return disclosure;
}
