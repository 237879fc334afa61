import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Disclosure } from '../model/disclosure.ts';
import { isInputError } from '../read/errors.ts';
import { hashPassword, passwordProblem, userNameProblem, verifyPassword } from '../store/passwords.ts';
import { isVisible, visibilityOf, type Repository } from '../store/repository.ts';
import { storageProblem } from '../store/io-errors.ts';
import {
  AUDIT_ACTIONS,
  DOCUMENT_SORTS,
  REVIEW_STATUSES,
  ROLES,
  type AuditActor,
  type DocumentQuery,
  type DocumentSort,
  type ReviewStatus,
  type Role,
  type User,
} from '../store/types.ts';
import { getConnInfo } from '@hono/node-server/conninfo';
import { endSession, identify, requireUser, startSession, type AuthEnv } from './auth.ts';
import { LoginThrottle } from './login-throttle.ts';
import { ApiError, badRequest, errorBody, notFound, sendError } from './errors.ts';
import { documentCoverage, documentSheet, selectionWorkbook } from './check-sheet.ts';
import { AllowedHosts, hostCheck } from './host-check.ts';
import { findingsCsv, findingsJson, findingsXlsx } from './export.ts';
import { importFile, reprocess, type ImportResult } from './importer.ts';
import type { UploadLimits } from './limits.ts';
import { renderDocument, RENDER_FORMATS } from './render.ts';
import { PDFJS_ROOT, PROJECT_ROOT, readStatic, WEB_ROOT } from './static.ts';
import type { ParsePool } from './read-pool.ts';
import type { PageImages } from './page-image.ts';

// The HTTP API (described in docs/api/openapi.yaml) and the web app's static files. Every /api route
// answers JSON; errors use one shape with zh + en messages. Reading needs a signed-in user, as does every
// write; managing users needs an admin.

export interface AppOptions {
  repo: Repository;
  /** Draws PDF pages as PNG for API clients (optional: without it the endpoint answers 501). */
  pageImages?: PageImages;
  pool: ParsePool;
  limits: UploadLimits;
  /** Where the built web app lives (dist/web); tests may point elsewhere. */
  webRoot?: string;
  /** Host names this server answers to (DNS-rebinding guard); loopback only when not given. */
  hosts?: AllowedHosts;
}

type Env = AuthEnv;

/** The peer's address (a test calling app.fetch directly has none). Proxy headers are not trusted. */
function clientAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/** Who is acting, for the audit log. */
function actor(c: Context<Env>, user: User | null = c.get('user')): AuditActor {
  return { user, address: clientAddress(c) ?? null };
}

/** An audit line about a refusal that cannot be written (disk full) must not turn the refusal into another error. */
const logNotWritten = (e: unknown) => console.error('[caijian] audit log line not written:', e);

let dummy: Promise<string> | null = null;
const dummyHash = () => (dummy ??= hashPassword(randomUUID()));

// The app's own pages load scripts only from this server. Inline styles are allowed (ECharts and the
// highlight boxes set element styles); blob: and data: cover pdf.js's fonts and canvases. No framing.
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw badRequest('请求内容不是有效的 JSON。', 'The request body is not valid JSON.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('请求内容应为 JSON 对象。', 'The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

function text(body: Record<string, unknown>, key: string, zh: string): string {
  const v = body[key];
  if (typeof v !== 'string' || v.trim() === '') throw badRequest(`缺少${zh}（${key}）。`, `Missing ${key}.`);
  return v;
}

function query(c: Context): DocumentQuery {
  const q = c.req.query();
  const int = (v: string | undefined, name: string) => {
    if (v === undefined || v === '') return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0)
      throw badRequest(`参数 ${name} 应为非负整数。`, `Parameter ${name} must be a non-negative integer.`);
    return n;
  };
  const hasErrors =
    q.hasErrors === undefined || q.hasErrors === '' ? undefined : q.hasErrors === 'true' || q.hasErrors === '1';
  const oneOf = <T extends string>(v: string | undefined, allowed: readonly T[], name: string): T | undefined => {
    if (v === undefined || v === '') return undefined;
    if (!(allowed as readonly string[]).includes(v))
      throw badRequest(
        `参数 ${name} 只能是 ${allowed.join('、')}。`,
        `Parameter ${name} must be one of ${allowed.join(', ')}.`,
      );
    return v as T;
  };
  return {
    sort: oneOf<DocumentSort>(q.sort, DOCUMENT_SORTS, 'sort'),
    dir: oneOf(q.dir, ['asc', 'desc'] as const, 'dir'),
    coverage: oneOf(q.coverage, ['full', 'partial', 'none', 'unknown'] as const, 'coverage'),
    q: q.q || undefined,
    entity: q.entity || undefined,
    region: q.region || undefined,
    kind: q.kind || undefined,
    year: int(q.year, 'year'),
    hasErrors,
    limit: int(q.limit, 'limit'),
    offset: int(q.offset, 'offset'),
  };
}

function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Bytes of a sign-in or first-run body (a name and a password), and of any other JSON body but an upload. */
export const BODY_LIMITS = { signIn: 8 * 1024, json: 256 * 1024 };

function jsonLimit(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: (c) =>
      c.json(
        errorBody(
          'too-large',
          `请求内容过大，上限为 ${maxSize / 1024} KB。`,
          `The request body is too large; the limit is ${maxSize / 1024} KB.`,
        ),
        413,
      ),
  });
}
const signInBodyLimit = jsonLimit(BODY_LIMITS.signIn);
const jsonBodyLimit = jsonLimit(BODY_LIMITS.json);

export function createApp(options: AppOptions): Hono<Env> {
  const { repo, pool, limits } = options;
  const webRoot = options.webRoot ?? WEB_ROOT;
  const throttle = new LoginThrottle();
  const app = new Hono<Env>();

  /** Records a refused upload; a log that cannot be written (the disk is full) never hides the answer itself. */
  async function logRefusal(c: Context<Env>, detail: Parameters<Repository['logRefusal']>[1]): Promise<void> {
    await repo.logRefusal(actor(c), detail).catch(logNotWritten);
  }
  const declaredLength = (c: Context) => {
    const n = Number(c.req.header('content-length'));
    return Number.isFinite(n) ? n : null;
  };

  app.onError((e, c) => {
    if (e instanceof ApiError) return sendError(c, e);
    if (isInputError(e)) return c.json(errorBody(e.code, e.messageZh, e.messageEn), 422);
    // Disk full, I/O error, no permission on the store: named as such (507 / 503); the transaction was rolled back,
    // so nothing stored before is touched.
    const storage = storageProblem(e, '数据库');
    if (storage) {
      console.error(`[caijian] storage error (${storage.cause}):`, e);
      return c.json(errorBody(storage.code, storage.messageZh, storage.messageEn), storage.status);
    }
    // A bug or a failing database: say so in both languages, keep the detail in the server log only.
    console.error('[caijian] internal error:', e);
    return c.json(
      errorBody('internal', '服务器内部错误，操作未完成。', 'Internal server error; the operation did not complete.'),
      500,
    );
  });

  // Every request, pages included (the first-run screen is one): see host-check.ts.
  app.use('*', hostCheck(options.hosts ?? new AllowedHosts()));
  // Every body but an upload's is small JSON: refused past its bound before it is read (issue 13.4), so that
  // an anonymous client cannot make the server hold megabytes per sign-in attempt.
  app.use('/api/*', (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    if (c.req.method === 'POST' && c.req.path === '/api/documents') return next(); // its own limit, after sign-in
    const small = c.req.path === '/api/login' || c.req.path === '/api/setup';
    return (small ? signInBodyLimit : jsonBodyLimit)(c, next);
  });
  app.use('/api/*', identify(repo));

  // ---- setup, sign-in --------------------------------------------------------------------------------

  app.get('/api/health', (c) => c.json({ ok: true }));

  app.get('/api/setup', async (c) => c.json({ needsSetup: (await repo.countUsers()) === 0 }));

  // First-run screen: creates the first admin while no user exists. There is no default password.
  app.post('/api/setup', async (c) => {
    const body = await jsonBody(c);
    const name = text(body, 'name', '用户名').trim();
    const password = text(body, 'password', '密码');
    const problem = userNameProblem(name) ?? passwordProblem(password);
    if (problem) throw badRequest(problem.zh, problem.en);
    const user = await repo.createFirstAdmin(name, await hashPassword(password), clientAddress(c) ?? null);
    if (!user)
      throw new ApiError(409, 'already-set-up', '系统已有用户，请直接登录。', 'Users already exist; please sign in.');
    await startSession(c, repo, user, clientAddress(c) ?? null);
    return c.json({ user }, 201);
  });

  app.post('/api/login', async (c) => {
    const body = await jsonBody(c);
    const name = text(body, 'name', '用户名').trim();
    const password = text(body, 'password', '密码');
    // A name no account can have is refused at once: it costs no hash and is not remembered by the throttle,
    // so failed names kept in memory are at most 64 characters each (and the throttle's entries are capped).
    if (userNameProblem(name))
      throw new ApiError(401, 'bad-credentials', '用户名或密码不正确。', 'Wrong user name or password.');
    // Reserved before any await: parallel guesses share the budget (login-throttle.ts).
    const address = clientAddress(c) ?? null;
    const attempt = throttle.reserve(name, address ?? undefined);
    if (!attempt.ok) {
      // One line per account or address and window: a flood of refused guesses cannot fill the log.
      if (attempt.firstRefusal) await repo.logSignInFailure(name, address, 'throttled', null).catch(logNotWritten);
      c.header('retry-after', String(attempt.retryAfterSeconds));
      throw new ApiError(
        429,
        'too-many-attempts',
        `登录尝试过多，请 ${attempt.retryAfterSeconds} 秒后再试。`,
        `Too many sign-in attempts; try again in ${attempt.retryAfterSeconds} s.`,
        { retryAfterSeconds: attempt.retryAfterSeconds },
      );
    }
    let signedIn = false;
    try {
      const user = await repo.findUserByName(name);
      // An unknown name costs the same scrypt work as a wrong password, so timing does not reveal names.
      const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
      if (!user || !ok) {
        // Bounded by the throttle: at most its budgets of these lines per window.
        await repo.logSignInFailure(name, address, 'bad-credentials', user?.id ?? null).catch(logNotWritten);
        throw new ApiError(401, 'bad-credentials', '用户名或密码不正确。', 'Wrong user name or password.');
      }
      const { passwordHash: _, ...publicUser } = user;
      const token = await startSession(c, repo, publicUser, address);
      signedIn = true;
      return c.json({ user: publicUser, token });
    } finally {
      attempt.release(signedIn);
    }
  });

  app.post('/api/logout', async (c) => {
    await endSession(c, repo);
    return c.json({ ok: true });
  });

  app.get('/api/me', (c) => c.json({ user: requireUser(c) }));

  app.get('/api/users', async (c) => {
    requireUser(c, 'admin');
    return c.json({ users: await repo.listUsers() });
  });

  app.post('/api/users', async (c) => {
    const admin = requireUser(c, 'admin');
    const body = await jsonBody(c);
    const name = text(body, 'name', '用户名').trim();
    const password = text(body, 'password', '密码');
    const role = (body.role ?? 'reviewer') as Role;
    if (!ROLES.includes(role))
      throw badRequest(
        '角色只能是 admin（管理员）、reviewer（复核员）或 department（部门用户）。',
        'Role must be admin, reviewer or department.',
      );
    const department = typeof body.department === 'string' ? body.department.trim() : '';
    if (role === 'department' && !department)
      throw badRequest(
        '部门用户须填写所属部门（与公开文件上的单位名称一致）。',
        'A department user needs its department (the entity name printed on its documents).',
      );
    if (department.length > 200)
      throw badRequest('部门名称过长（最多 200 字）。', 'The department name is too long (at most 200 characters).');
    const problem = userNameProblem(name) ?? passwordProblem(password);
    if (problem) throw badRequest(problem.zh, problem.en);
    if (await repo.findUserByName(name))
      throw new ApiError(409, 'user-exists', `用户 ${name} 已存在。`, `User ${name} already exists.`);
    return c.json(
      {
        user: await repo.createUser(
          name,
          await hashPassword(password),
          role,
          role === 'department' ? department : null,
          actor(c, admin),
        ),
      },
      201,
    );
  });

  // The audit log (admin): sign-ins and their failures, uploads and refusals, reviews, deletions; newest first, paged.
  app.get('/api/audit-log', async (c) => {
    requireUser(c, 'admin');
    const q = c.req.query();
    const int = (v: string | undefined, name: string, fallback: number, max: number) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > max)
        throw badRequest(
          `参数 ${name} 应为 0 到 ${max} 之间的整数。`,
          `Parameter ${name} must be an integer from 0 to ${max}.`,
        );
      return n;
    };
    const limit = Math.max(1, int(q.limit, 'limit', 50, 500));
    const offset = int(q.offset, 'offset', 0, Number.MAX_SAFE_INTEGER);
    const action = q.action || undefined;
    if (action && !(AUDIT_ACTIONS as readonly string[]).includes(action)) {
      throw badRequest(
        `参数 action 只能是 ${AUDIT_ACTIONS.join('、')}。`,
        `Parameter action must be one of ${AUDIT_ACTIONS.join(', ')}.`,
      );
    }
    const page = await repo.auditLogPage({ limit, offset, action });
    return c.json({ ...page, limit, offset });
  });

  // ---- documents -------------------------------------------------------------------------------------

  const requestLimit = limits.maxFileBytes * Math.min(limits.maxFiles, 4) + 1024 * 1024;
  app.post(
    '/api/documents',
    async (c, next) => {
      // Refuse before reading a body: anonymous uploads never cost the server anything.
      requireUser(c);
      await next();
    },
    bodyLimit({
      maxSize: requestLimit,
      // @hono/node-server reads and discards what the client still sends (bounded in time and bytes), so
      // the client gets to read this answer.
      onError: async (c) => {
        const messageZh = `上传内容过大，单次上传不能超过 ${(requestLimit / 1048576).toFixed(1)} MB，请分批上传。`;
        const messageEn = `The upload is too large; one request may carry at most ${(requestLimit / 1048576).toFixed(1)} MB. Upload in smaller batches.`;
        await logRefusal(c, { fileName: '', size: declaredLength(c), code: 'too-large', messageZh, messageEn });
        return c.json(errorBody('too-large', messageZh, messageEn), 413);
      },
    }),
    async (c) => {
      const user = requireUser(c);
      // A request refused as a whole (not multipart, malformed, no file, too many files): one line in the audit log.
      const refuse = async (e: ApiError): Promise<never> => {
        await logRefusal(c, {
          fileName: '',
          size: declaredLength(c),
          code: e.code,
          messageZh: e.messageZh,
          messageEn: e.messageEn,
        });
        throw e;
      };
      if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
        await refuse(
          new ApiError(
            415,
            'not-multipart',
            '请以 multipart/form-data 上传文件（字段名 files）。',
            'Upload files as multipart/form-data (field name "files").',
          ),
        );
      }
      let form: Record<string, unknown> = {};
      try {
        form = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
      } catch {
        await refuse(
          badRequest(
            '上传内容无法解析（multipart 格式错误）。',
            'The upload could not be parsed (malformed multipart body).',
          ),
        );
      }
      const files = Object.values(form)
        .flat()
        .filter((v): v is File => typeof v === 'object' && v !== null && 'arrayBuffer' in v);
      if (files.length === 0) await refuse(badRequest('没有收到文件。', 'No file was received.'));
      if (files.length > limits.maxFiles) {
        await refuse(
          new ApiError(
            413,
            'too-many-files',
            `一次最多上传 ${limits.maxFiles} 个文件，本次为 ${files.length} 个。`,
            `At most ${limits.maxFiles} files per upload; got ${files.length}.`,
          ),
        );
      }
      const by = actor(c, user);
      const results: ImportResult[] = await Promise.all(
        files.map(async (f) =>
          importFile(repo, pool, limits, { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }, user, by),
        ),
      );
      const failed = results.filter((r) => r.status === 'failed');
      if (failed.length === results.length) {
        const first = failed[0];
        if (first.status !== 'failed') throw new Error('unreachable');
        const status =
          first.error.code === 'too-large'
            ? 413
            : first.error.code === 'disk-full'
              ? 507
              : first.error.code.startsWith('storage-')
                ? 503
                : 422;
        return c.json(
          { ...errorBody(first.error.code, first.error.messageZh, first.error.messageEn), results },
          status,
        );
      }
      return c.json({ results }, results.some((r) => r.status === 'created') ? 201 : 200);
    },
  );

  app.get('/api/documents', async (c) => {
    const user = requireUser(c);
    return c.json(await repo.listDocuments(query(c), visibilityOf(user)));
  });

  app.get('/api/facets', async (c) => {
    const user = requireUser(c);
    return c.json(await repo.facets(visibilityOf(user)));
  });

  app.get('/api/series', async (c) => {
    const user = requireUser(c);
    return c.json({
      points: await repo.series(
        { entity: c.req.query('entity') || undefined, kind: c.req.query('kind') || undefined },
        visibilityOf(user),
      ),
    });
  });

  /** The document, when it exists and this user may see it (another department's document is "not found" too). */
  async function documentOr404(id: string, user: User) {
    const d = await repo.getDocument(id);
    if (!d || !isVisible(d.summary, visibilityOf(user))) throw notFound('该文档', 'Document');
    return d;
  }

  // Delete one document with its findings, reviews and original (admin). The audit log keeps who, when and what.
  app.delete('/api/documents/:id', async (c) => {
    const user = requireUser(c, 'admin');
    const body = (c.req.header('content-type') ?? '').includes('json') ? await jsonBody(c) : {};
    const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
    if (reason.length > 2000)
      throw badRequest('删除理由过长（最多 2000 字）。', 'The reason is too long (at most 2000 characters).');
    const deleted = await repo.deleteDocument(c.req.param('id'), user, reason, clientAddress(c) ?? null);
    if (!deleted) throw notFound('该文档', 'Document');
    return c.json({ deleted });
  });

  app.get('/api/documents/:id', async (c) => {
    const user = requireUser(c);
    const d = await documentOr404(c.req.param('id'), user);
    // What the audit could check (issue 11): computed from the model and the findings, also for older documents.
    const coverage = await documentCoverage(repo, d.summary.id, JSON.parse(d.modelJson) as Disclosure);
    // The model is stored as JSON text already; splice it in rather than parse and re-serialise it.
    return c.body(
      `{"document":${JSON.stringify(d.summary)},"coverage":${JSON.stringify(coverage)},"model":${d.modelJson}}`,
      200,
      { 'content-type': 'application/json; charset=utf-8' },
    );
  });

  // A department's history (issue 12): the documents stored with this document's entity key, oldest year first, as
  // far as this user may see them (a department user sees their department's only). A document whose name has no
  // place part has no key: its history is itself.
  app.get('/api/documents/:id/history', async (c) => {
    const user = requireUser(c);
    const d = await documentOr404(c.req.param('id'), user);
    const key = d.summary.entityKey ?? null;
    const documents = key ? await repo.documentsOfEntity(key, visibilityOf(user)) : [d.summary];
    return c.json({ entityKey: key, documents });
  });

  // The 公开情况检查表 of one document (xlsx or docx, with page pictures for PDFs); dismissed findings are left out.
  const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  app.get('/api/documents/:id/check-sheet', async (c) => {
    const user = requireUser(c);
    const format = c.req.query('format') ?? 'xlsx';
    if (format !== 'xlsx' && format !== 'docx')
      throw badRequest('检查表格式只能是 xlsx 或 docx。', 'The check sheet format must be xlsx or docx.');
    const d = await documentOr404(c.req.param('id'), user);
    const p = (await documentSheet(repo, d.summary.id, options.pageImages?.renderer, c.req.query('source') || null))!;
    const { writeSheet } = await import('../sheet/export.ts');
    const body = await writeSheet(p, format);
    const base = d.summary.fileName.replace(/\.[^.]+$/, '');
    return c.body(body as Uint8Array<ArrayBuffer>, 200, {
      'content-type':
        format === 'xlsx' ? XLSX_TYPE : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': contentDisposition(`${base}-检查表.${format}`),
    });
  });

  // Check sheets of a selection as one workbook: 汇总, 按规则, then one sheet per document. ?ids=a,b,c
  app.get('/api/check-sheets', async (c) => {
    const user = requireUser(c);
    const ids = (c.req.query('ids') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (!ids.length)
      throw badRequest('请选择要导出检查表的文档。', 'Select the documents whose check sheets to export.');
    if (ids.length > 200) throw badRequest('一次最多导出 200 份检查表。', 'At most 200 check sheets at a time.');
    const sheets = [];
    for (const id of ids) {
      const d = await documentOr404(id, user);
      sheets.push({
        fileName: d.summary.fileName,
        prepared: (await documentSheet(repo, id, options.pageImages?.renderer, null))!,
      });
    }
    return c.body((await selectionWorkbook(sheets)) as Uint8Array<ArrayBuffer>, 200, {
      'content-type': XLSX_TYPE,
      'content-disposition': contentDisposition('检查表汇总.xlsx'),
    });
  });

  // Read and audit the stored original again (admin): for documents imported before a reader or rule fix.
  app.post('/api/documents/:id/reprocess', async (c) => {
    const admin = requireUser(c, 'admin');
    const r = await reprocess(repo, pool, limits, c.req.param('id'), actor(c, admin));
    if (r.status === 'not-found') throw notFound('该文档', 'Document');
    if (r.status === 'failed') throw new ApiError(422, r.error.code, r.error.messageZh, r.error.messageEn);
    return c.json({ document: r.document, carriedReviews: r.carried });
  });

  app.get('/api/documents/:id/findings', async (c) => {
    const user = requireUser(c);
    const id = c.req.param('id');
    const d = await documentOr404(id, user);
    return c.json({ document: d.summary, findings: await repo.listFindings(id) });
  });

  app.get('/api/documents/:id/findings/export', async (c) => {
    const user = requireUser(c);
    const id = c.req.param('id');
    const d = await documentOr404(id, user);
    const findings = await repo.listFindings(id);
    const format = c.req.query('format') ?? 'json';
    const base = d.summary.fileName.replace(/\.[^.]+$/, '') + '-审核结果';
    if (format === 'json')
      return c.body(findingsJson(d.summary, findings), 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': contentDisposition(`${base}.json`),
      });
    if (format === 'csv')
      return c.body(findingsCsv(findings), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': contentDisposition(`${base}.csv`),
      });
    if (format === 'xlsx') {
      return c.body((await findingsXlsx(d.summary, findings)) as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': contentDisposition(`${base}.xlsx`),
      });
    }
    throw badRequest('导出格式只能是 json、csv 或 xlsx。', 'Export format must be json, csv or xlsx.');
  });

  app.get('/api/documents/:id/original', async (c) => {
    const user = requireUser(c);
    const d = await documentOr404(c.req.param('id'), user);
    const bytes = await repo.getFile(d.summary.sha256);
    if (!bytes) throw notFound('原始文件', 'Original file');
    const inline = c.req.query('inline') !== undefined;
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': d.summary.mediaType,
      'content-disposition': inline ? 'inline' : contentDisposition(d.summary.fileName),
      // Stored files are immutable (content-addressed), so the browser may keep them.
      'cache-control': 'private, max-age=86400, immutable',
      'x-content-type-options': 'nosniff',
      // An uploaded HTML file must never run as a page of this site.
      'content-security-policy': "sandbox; default-src 'none'",
    });
  });

  app.get('/api/documents/:id/pages/:page', async (c) => {
    const user = requireUser(c);
    const d = await documentOr404(c.req.param('id'), user);
    if (d.summary.format !== 'pdf')
      throw badRequest('只有 PDF 文件有页面图片。', 'Only PDF documents have page images.');
    const pageNo = Number(c.req.param('page').replace(/\.png$/, ''));
    if (!Number.isInteger(pageNo) || pageNo < 1)
      throw badRequest('页码应为正整数。', 'The page number must be a positive integer.');
    const scale = c.req.query('scale') === undefined ? 1.5 : Number(c.req.query('scale'));
    if (!(scale >= 0.25 && scale <= 4))
      throw badRequest('scale 应在 0.25 到 4 之间。', 'scale must be between 0.25 and 4.');
    const boxText = c.req.query('box');
    const box = boxText ? boxText.split(',').map(Number) : null;
    if (box && (box.length !== 4 || box.some((v) => !Number.isFinite(v))))
      throw badRequest('box 应为 x0,y0,x1,y1（PDF 点）。', 'box must be x0,y0,x1,y1 in PDF points.');
    if (!options.pageImages)
      throw new ApiError(
        501,
        'page-image-unavailable',
        '此服务器不提供页面图片。',
        'This server does not draw page images.',
      );
    const bytes = await repo.getFile(d.summary.sha256);
    if (!bytes) throw notFound('原始文件', 'Original file');
    const png = await options.pageImages.render(new URL(c.req.url).origin, bytes, pageNo, scale, box);
    return c.body(png as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'image/png',
      'cache-control': 'private, max-age=86400',
    });
  });

  app.get('/api/documents/:id/render', async (c) => {
    const user = requireUser(c);
    const format = c.req.query('format') ?? 'html';
    if (!(RENDER_FORMATS as readonly string[]).includes(format)) {
      throw badRequest(
        `生成格式只能是 ${RENDER_FORMATS.join('、')}。`,
        `Render format must be one of ${RENDER_FORMATS.join(', ')}.`,
      );
    }
    const d = await documentOr404(c.req.param('id'), user);
    const out = await renderDocument(JSON.parse(d.modelJson) as Disclosure, format as (typeof RENDER_FORMATS)[number]);
    const base = d.summary.fileName.replace(/\.[^.]+$/, '');
    return c.body(out.body as Uint8Array<ArrayBuffer>, 200, {
      'content-type': out.type,
      'content-disposition': format === 'html' ? 'inline' : contentDisposition(`${base}.${format}`),
      ...(format === 'html'
        ? { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:" }
        : {}),
    });
  });

  // ---- reviews ---------------------------------------------------------------------------------------

  /** A review decision from a request body: status and reason, validated the same way for one or many findings. */
  function decision(body: Record<string, unknown>): { status: ReviewStatus; reason: string } {
    const status = body.status as ReviewStatus;
    if (!REVIEW_STATUSES.includes(status)) {
      throw badRequest(
        '复核状态只能是 open（待复核）、confirmed（确认问题）或 dismissed（排除）。',
        'Status must be open, confirmed or dismissed.',
      );
    }
    const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
    if (status === 'dismissed' && !reason)
      throw badRequest('排除一条审核结果时请填写理由。', 'Please give a reason when dismissing a finding.');
    if (reason.length > 2000)
      throw badRequest('复核意见过长（最多 2000 字）。', 'The reason is too long (at most 2000 characters).');
    return { status, reason };
  }

  app.put('/api/findings/:id/review', async (c) => {
    const user = requireUser(c, 'reviewer');
    const { status, reason } = decision(await jsonBody(c));
    const review = await repo.setReview(c.req.param('id'), status, reason, user, clientAddress(c) ?? null);
    if (!review) throw notFound('该审核结果', 'Finding');
    return c.json({ review });
  });

  // One decision with one reason for many findings (the reviewer's selection), all or none; answers the documents
  // touched with their counts after the decision, so the list and the document view update at once.
  app.post('/api/reviews', async (c) => {
    const user = requireUser(c, 'reviewer');
    const body = await jsonBody(c);
    const ids = body.findingIds;
    if (!Array.isArray(ids) || ids.length === 0 || ids.some((x) => typeof x !== 'string' || x === '')) {
      throw badRequest('请选择要复核的审核结果（findingIds）。', 'Select the findings to review (findingIds).');
    }
    if (ids.length > 1000) throw badRequest('一次最多复核 1000 条审核结果。', 'At most 1000 findings at a time.');
    const { status, reason } = decision(body);
    const done = await repo.setReviews(ids as string[], status, reason, user, clientAddress(c) ?? null);
    if (!done) throw notFound('所选审核结果中有一条', 'One of the selected findings');
    const documents = [];
    for (const id of done.documents) documents.push((await repo.getDocument(id))!.summary);
    return c.json({ reviews: Object.fromEntries(done.reviews), documents });
  });

  app.get('/api/findings/:id/reviews', async (c) => {
    const user = requireUser(c);
    const id = c.req.param('id');
    const documentId = await repo.findingDocument(id);
    const d = documentId ? await repo.getDocument(documentId) : null;
    if (!d || !isVisible(d.summary, visibilityOf(user))) throw notFound('该审核结果', 'Finding');
    return c.json({ reviews: await repo.reviewHistory(id) });
  });

  // The rule catalogue's names, for the findings list's rule filter (Chinese name and CJ code instead of an id).
  app.get('/api/rules', async (c) => {
    requireUser(c);
    const { rules } = await import('../audit/rules/index.ts');
    return c.json(
      {
        rules: rules.map((r) => ({ id: r.meta.id, code: r.meta.code, zh: r.meta.title.zh, category: r.meta.category })),
      },
      200,
      { 'cache-control': 'private, max-age=3600' },
    );
  });

  // ---- API description, static files -----------------------------------------------------------------

  app.get('/api/openapi.yaml', async (c) => {
    const yaml = await readFile(join(PROJECT_ROOT, 'docs/api/openapi.yaml'));
    return c.body(yaml, 200, { 'content-type': 'application/yaml; charset=utf-8' });
  });

  app.all('/api/*', (c) => c.json(errorBody('not-found', '没有这个接口。', 'No such API endpoint.'), 404));

  app.get('/vendor/pdfjs/*', async (c) => {
    const rel = c.req.path.slice('/vendor/pdfjs/'.length);
    const f = await readStatic(PDFJS_ROOT, rel);
    if (!f) return c.text('Not found', 404);
    return c.body(f.body as Uint8Array<ArrayBuffer>, 200, {
      'content-type': f.type,
      'cache-control': 'public, max-age=86400',
    });
  });

  app.get('*', async (c) => {
    const path = c.req.path === '/' ? 'index.html' : c.req.path.slice(1);
    const f =
      (await readStatic(webRoot, path)) ?? (path.includes('.') ? null : await readStatic(webRoot, 'index.html'));
    if (!f) return c.text('Not found / 未找到', 404);
    const cache = path.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    return c.body(f.body as Uint8Array<ArrayBuffer>, 200, {
      'content-type': f.type,
      'cache-control': cache,
      ...PAGE_HEADERS,
    });
  });

  return app;
}
