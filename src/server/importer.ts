import { createHash } from 'node:crypto';
import { computeCoverage } from '../audit/coverage.ts';
import type { Coverage, Finding } from '../audit/types.ts';
import type { Disclosure } from '../model/disclosure.ts';
import { isVisible, visibilityOf, type Repository, type SaveResult } from '../store/repository.ts';
import { storageProblem } from '../store/io-errors.ts';
import type { AuditActor, AuditFinding, AuditOutcome, CoverageSummary, DocumentSummary, User } from '../store/types.ts';
import { entityIdentity } from '../catalog/entity.ts';
import { figuresOf, mediaTypeOf, regionOf } from './facts.ts';
import type { UploadLimits } from './limits.ts';
import type { ParsePool } from './read-pool.ts';
import { auditDocument, counterpartYearOffsets, crossDocumentFindings } from './run-audit.ts';

// One uploaded file → one stored document. Reading happens in the worker pool; storing is one transaction
// in the repository. The same bytes uploaded again are recognised by their SHA-256 before any reading.

export type ImportResult =
  | { fileName: string; status: 'created' | 'duplicate'; document: DocumentSummary }
  | { fileName: string; status: 'failed'; error: { code: string; messageZh: string; messageEn: string } };

function sizeText(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

type Failure = { code: string; messageZh: string; messageEn: string };

/**
 * Reads, audits and stores one uploaded file. Every outcome is in the audit log: stored (with the document, in its
 * transaction), a duplicate, or refused (too large, not a disclosure, stopped by a bound, the deadline or the memory
 * cap). A full disk or another storage failure is a refusal that names it; the transaction leaves nothing behind.
 */
export async function importFile(
  repo: Repository,
  pool: ParsePool,
  limits: UploadLimits,
  file: { name: string; bytes: Uint8Array },
  user: User,
  by: AuditActor = { user },
): Promise<ImportResult> {
  const fileName = file.name || 'upload';
  const refused = async (error: Failure & { detail?: string }, sha256?: string): Promise<ImportResult> => {
    const { detail, ...shown } = error;
    if (detail) console.error(`[caijian] ${error.code} while reading ${fileName}: ${detail}`);
    // the audit log keeps the detail for the administrator; the uploader is shown the message only
    await repo
      .logRefusal(by, {
        fileName,
        size: file.bytes.byteLength,
        ...(sha256 ? { sha256 } : {}),
        ...shown,
        ...(detail ? { detail } : {}),
      })
      .catch((e) => console.error('[caijian] audit log line not written:', e));
    return { fileName, status: 'failed', error: shown };
  };
  try {
    return await importChecked(repo, pool, limits, { name: fileName, bytes: file.bytes }, user, by, refused);
  } catch (e) {
    const storage = storageProblem(e, '数据库');
    if (!storage) throw e;
    console.error(`[caijian] storage error (${storage.cause}) while storing ${fileName}:`, e);
    return refused({ code: storage.code, messageZh: storage.messageZh, messageEn: storage.messageEn });
  }
}

async function importChecked(
  repo: Repository,
  pool: ParsePool,
  limits: UploadLimits,
  file: { name: string; bytes: Uint8Array },
  user: User,
  by: AuditActor,
  refused: (error: Failure & { detail?: string }, sha256?: string) => Promise<ImportResult>,
): Promise<ImportResult> {
  const fileName = file.name;
  if (file.bytes.byteLength > limits.maxFileBytes) {
    return refused({
      code: 'too-large',
      messageZh: `文件过大（${sizeText(file.bytes.byteLength)}），上限为 ${sizeText(limits.maxFileBytes)}。`,
      messageEn: `The file is too large (${sizeText(file.bytes.byteLength)}); the limit is ${sizeText(limits.maxFileBytes)}.`,
    });
  }
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const existing = await repo.findBySha(sha256);
  // A department user is never shown another department's document, not even through a duplicate upload.
  if (existing && !isVisible(existing, visibilityOf(user))) {
    return refused(
      {
        code: 'duplicate-elsewhere',
        messageZh: '相同的文件已由其他用户上传，请联系财政局复核员。',
        messageEn: 'The same file was already uploaded by another user; please contact the finance bureau reviewer.',
      },
      sha256,
    );
  }
  if (existing) {
    await repo
      .logUpload(by, fileName, existing)
      .catch((e) => console.error('[caijian] audit log line not written:', e));
    return { fileName, status: 'duplicate', document: existing };
  }

  const reply = await pool.parse({ bytes: file.bytes, fileName, limits }, limits.parseSeconds);
  if (!reply.ok)
    return refused(
      { code: reply.code, messageZh: reply.messageZh, messageEn: reply.messageEn, detail: reply.detail },
      sha256,
    );
  logAuditFailure(fileName, reply.audit);
  const audit = await withPriorYear(repo, reply.modelJson, reply.audit, user);

  const saved: SaveResult = await repo.saveDocument(
    {
      fileName,
      format: reply.format,
      mediaType: mediaTypeOf(reply.format),
      bytes: file.bytes,
      sha256,
      ...readFields(reply.modelJson, audit),
      department: user.role === 'department' ? (user.department ?? null) : null,
      uploadedBy: user.id,
    },
    by,
  );
  if (!saved.duplicate) await reauditLater(repo, saved.document);
  return { fileName, status: saved.duplicate ? 'duplicate' : 'created', document: saved.document };
}

/** What a stored document's own department may see (a bureau's document: everything). */
function ownerOf(d: DocumentSummary): Pick<User, 'role' | 'department'> {
  return d.department ? { role: 'department', department: d.department } : { role: 'admin', department: null };
}

/**
 * A new document may be the prior year of documents stored before it (a folder uploaded in any order): those of the
 * same entity key that compare with it get their cross-document findings again — their other findings and the
 * reviews of all of them kept (Repository.reprocessDocument carries reviews by finding). A failure here is logged and
 * costs those findings only, never the upload.
 */
async function reauditLater(repo: Repository, added: DocumentSummary): Promise<void> {
  if (!added.entityKey || added.fiscalYear === null) return;
  const years = new Set(counterpartYearOffsets().map((k) => (added.fiscalYear as number) - k));
  try {
    for (const later of await repo.documentsOfEntity(added.entityKey)) {
      if (
        later.id === added.id ||
        later.fiscalYear === null ||
        !years.has(later.fiscalYear) ||
        later.auditStatus !== 'done'
      )
        continue;
      const stored = await repo.getDocument(later.id);
      if (!stored) continue;
      const own = (await repo.listFindings(later.id)).map((f) => f.finding).filter((f) => !f.counterpart);
      const audit = await withPriorYear(
        repo,
        stored.modelJson,
        { status: 'done', findings: own },
        ownerOf(later),
        later.id,
      );
      if (
        audit.findings.length === own.length &&
        !(await repo.listFindings(later.id)).some((f) => f.finding.counterpart)
      )
        continue;
      await repo.reprocessDocument(later.id, readFields(stored.modelJson, audit));
    }
  } catch (e) {
    console.error('[caijian] cross-document audit of later documents failed:', e);
  }
}

/**
 * The cross-document rules against the entity's stored documents (issue 12): each stored document of the same entity
 * key that a rule compares with (last year's budget or final account), as far as the uploading user may see it — a
 * department user's audit never quotes a document it could not open. Their findings join the document's audit.
 */
async function withPriorYear(
  repo: Repository,
  modelJson: string,
  audit: AuditOutcome,
  user: Pick<User, 'role' | 'department'>,
  self?: string,
): Promise<AuditOutcome> {
  if (audit.status !== 'done') return audit;
  const model = JSON.parse(modelJson) as Disclosure;
  const key = entityIdentity(model)?.key;
  if (!key || model.fiscalYear === null) return audit;
  const years = new Set(counterpartYearOffsets().map((k) => (model.fiscalYear as number) + k));
  const others = (await repo.documentsOfEntity(key, visibilityOf(user))).filter(
    (d) => d.id !== self && d.sha256 !== model.source.sha256,
  );
  const priors: Disclosure[] = [];
  for (const o of others) {
    if (o.fiscalYear === null || !years.has(o.fiscalYear)) continue;
    const stored = await repo.getDocument(o.id);
    if (stored) priors.push(JSON.parse(stored.modelJson) as Disclosure);
  }
  const extra = crossDocumentFindings(model, priors);
  return extra.length ? { ...audit, findings: [...audit.findings, ...extra] } : audit;
}

/** The list's coverage: standard tables checked, and the ones that were not with their reason. */
export function coverageSummary(c: Coverage): CoverageSummary {
  return {
    level: c.level,
    standardTables: c.standardTables,
    checkedStandard: c.checkedStandard,
    unchecked: c.tables.filter((t) => t.standard && !t.checked).map((t) => ({ title: t.title, reason: t.reason })),
  };
}

function coverageFor(model: Disclosure, findings: readonly AuditFinding[]): CoverageSummary {
  return coverageSummary(computeCoverage(model, findings as unknown as Finding[]));
}

/** A failed audit's error text in the server log (the document's page says only that the audit failed). */
function logAuditFailure(fileName: string, audit: AuditOutcome): void {
  if (audit.detail) console.error(`[caijian] audit of ${fileName} failed: ${audit.detail}`);
}

/** What a read (and audited) document stores besides its original: the model and the facts listed and charted. */
function readFields(modelJson: string, audit: AuditOutcome) {
  const model = JSON.parse(modelJson) as Disclosure;
  return {
    kind: model.kind,
    fiscalYear: model.fiscalYear,
    entity: model.entity.name,
    entityKey: entityIdentity(model)?.key ?? null,
    region: regionOf(model.entity.name),
    pageCount: model.source.pageCount ?? null,
    tableCount: model.tables.length,
    modelJson,
    figures: figuresOf(model),
    audit,
    // Unknown until the audit ran: a document never audited is not "checked".
    coverage: audit.status === 'done' ? coverageFor(model, audit.findings) : null,
  };
}

/** Fills in the coverage of documents stored before it was kept. Returns how many were filled. */
export async function coveragePending(repo: Repository): Promise<number> {
  let n = 0;
  for (const { id, modelJson } of await repo.documentsWithoutCoverage()) {
    const findings = (await repo.listFindings(id)).map((f) => f.finding);
    await repo.setCoverage(id, coverageFor(JSON.parse(modelJson) as Disclosure, findings));
    n++;
  }
  return n;
}

/** Audits documents stored without an audit (by an earlier version whose audit could not load). Returns how many. */
export async function auditPending(repo: Repository): Promise<number> {
  let n = 0;
  for (const { id, modelJson } of await repo.documentsWithoutAudit()) {
    const model = JSON.parse(modelJson) as Disclosure;
    const outcome = auditDocument(model);
    logAuditFailure(model.source.fileName ?? id, outcome);
    if (outcome.status === 'done' && (await repo.attachAudit(id, outcome))) {
      await repo.setCoverage(id, coverageFor(model, outcome.findings));
      n++;
    }
  }
  return n;
}

/** Gives documents stored before the entity key existed their key, from the stored model. Returns how many. */
export async function entityKeysPending(repo: Repository): Promise<number> {
  let n = 0;
  for (const { id, modelJson } of await repo.documentsWithoutEntityKey()) {
    const key = entityIdentity(JSON.parse(modelJson) as Disclosure)?.key;
    if (!key) continue;
    await repo.setEntityKey(id, key);
    n++;
  }
  return n;
}

export type ReprocessResult =
  | { status: 'done'; document: DocumentSummary; carried: number }
  | { status: 'failed'; error: { code: string; messageZh: string; messageEn: string } }
  | { status: 'not-found' };

/**
 * Reads and audits a stored original again (after readers or rules improved). On failure nothing changes;
 * on success the model and findings are replaced and reviews carried over (see Repository.reprocessDocument).
 */
export async function reprocess(
  repo: Repository,
  pool: ParsePool,
  limits: UploadLimits,
  id: string,
  by?: AuditActor,
): Promise<ReprocessResult> {
  const d = await repo.getDocument(id);
  if (!d) return { status: 'not-found' };
  const bytes = await repo.getFile(d.summary.sha256);
  if (!bytes) return { status: 'not-found' };
  const reply = await pool.parse({ bytes, fileName: d.summary.fileName, limits }, limits.parseSeconds);
  if (!reply.ok) {
    if (reply.detail)
      console.error(`[caijian] ${reply.code} while reading ${d.summary.fileName} again: ${reply.detail}`);
    return { status: 'failed', error: { code: reply.code, messageZh: reply.messageZh, messageEn: reply.messageEn } };
  }
  logAuditFailure(d.summary.fileName, reply.audit);
  // against what the document's own department may see
  const done = await repo.reprocessDocument(
    id,
    readFields(reply.modelJson, await withPriorYear(repo, reply.modelJson, reply.audit, ownerOf(d.summary), id)),
    by,
  );
  if (!done) return { status: 'not-found' };
  const after = await repo.getDocument(id);
  return { status: 'done', document: after!.summary, carried: done.carried };
}
