import ExcelJS from 'exceljs';
import { computeCoverage } from '../audit/coverage.ts';
import type { AuditResult, Coverage, Finding } from '../audit/types.ts';
import type { Disclosure } from '../model/disclosure.ts';
import type { PageRenderer } from '../render/page-image.ts';
import { buildCheckSheet } from '../sheet/build.ts';
import { prepareSheet, type PreparedSheet } from '../sheet/export.ts';
import { addCheckSheet } from '../sheet/xlsx.ts';
import { addSummarySheets } from '../sheet/summary.ts';
import type { Repository } from '../store/repository.ts';
import type { StoredFinding } from '../store/types.ts';

// Check sheets of stored documents, from the stored model and findings. A finding the reviewer dismissed is not a
// problem of the department and does not go on its sheet; coverage is computed from the model (the same function
// the audit uses), so documents stored before coverage existed get it too.

function auditResultOf(findings: readonly StoredFinding[]): Finding[] {
  return findings.filter((f) => f.review?.status !== 'dismissed').map((f) => f.finding);
}

function resultOf(model: Disclosure, findings: Finding[]): AuditResult {
  const summary = { errors: 0, warnings: 0, infos: 0, skipped: 0 };
  for (const f of findings) {
    if (f.messageId === 'skipped') summary.skipped++;
    else if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return { findings, summary, coverage: computeCoverage(model, findings) };
}

export async function documentCoverage(repo: Repository, id: string, model: Disclosure): Promise<Coverage> {
  return computeCoverage(model, auditResultOf(await repo.listFindings(id)));
}

export async function documentSheet(
  repo: Repository,
  id: string,
  renderer: PageRenderer | undefined,
  sourceUrl: string | null,
): Promise<PreparedSheet | null> {
  const d = await repo.getDocument(id);
  if (!d) return null;
  const model = JSON.parse(d.modelJson) as Disclosure;
  const result = resultOf(model, auditResultOf(await repo.listFindings(id)));
  const bytes = model.source.format === 'pdf' && renderer ? await repo.getFile(d.summary.sha256) : null;
  if (!renderer)
    return {
      sheet: buildCheckSheet(model, result, { sourceUrl }),
      images: new Map(),
      imagesMissing: '此服务器不提供页面图片',
      result,
    };
  return prepareSheet(model, bytes, { result, renderer, sourceUrl });
}

/** Worksheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(base: string, used: Set<string>): string {
  const clean = base.replace(/[[\]:*?/\\]/g, '').slice(0, 28) || '检查表';
  let name = clean;
  for (let k = 2; used.has(name); k++) name = `${clean.slice(0, 26)}-${k}`;
  used.add(name);
  return name;
}

/** One workbook for a selection: 汇总 and 按规则 first, then one check sheet per document. */
export async function selectionWorkbook(
  sheets: readonly { fileName: string; prepared: PreparedSheet }[],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Caijian 财鉴';
  addSummarySheets(
    wb,
    sheets.map((s) => ({ file: s.fileName, sheetFile: null, prepared: s.prepared, refused: null })),
  );
  const used = new Set<string>(['汇总', '按规则']);
  for (const s of sheets)
    addCheckSheet(wb, s.prepared.sheet, sheetName(s.prepared.sheet.entity ?? s.fileName, used), {
      images: s.prepared.images,
      imagesMissing: s.prepared.imagesMissing,
    });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
