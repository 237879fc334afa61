import type { Disclosure } from '../model/disclosure.ts';
import type {
  AuditLogPage,
  DocumentPage,
  DocumentSummary,
  Facets,
  Review,
  ReviewStatus,
  SeriesPoint,
  StoredFinding,
  User,
} from '../store/types.ts';
import type { Coverage } from '../audit/types.ts';

// The browser's client of the HTTP API. Errors arrive as { error: { messageZh, messageEn } } and are thrown
// as ApiFailure so views can show the Chinese message.

export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;
  constructor(status: number, code: string, messageZh: string, messageEn: string) {
    super(messageEn);
    this.status = status;
    this.code = code;
    this.messageZh = messageZh;
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiFailure(0, 'network', '无法连接服务器，请检查网络或服务是否运行。', 'Cannot reach the server.');
  }
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = data?.error;
    throw new ApiFailure(
      res.status,
      e?.code ?? 'http',
      e?.messageZh ?? `请求失败（${res.status}）`,
      e?.messageEn ?? `Request failed (${res.status})`,
    );
  }
  return data as T;
}

export const api = {
  setup: () => call<{ needsSetup: boolean }>('GET', '/api/setup'),
  createFirstAdmin: (name: string, password: string) => call<{ user: User }>('POST', '/api/setup', { name, password }),
  login: (name: string, password: string) => call<{ user: User }>('POST', '/api/login', { name, password }),
  logout: () => call<{ ok: true }>('POST', '/api/logout'),
  me: () => call<{ user: User }>('GET', '/api/me'),
  documents: (params: Record<string, string>) =>
    call<DocumentPage>('GET', `/api/documents?${new URLSearchParams(params)}`),
  facets: () => call<Facets>('GET', '/api/facets'),
  document: (id: string) =>
    call<{ document: DocumentSummary; model: Disclosure; coverage?: Coverage }>(
      'GET',
      `/api/documents/${encodeURIComponent(id)}`,
    ),
  /** The documents of this document's entity (same entity key), oldest year first, as far as the user may see. */
  history: (id: string) =>
    call<{ entityKey: string | null; documents: DocumentSummary[] }>(
      'GET',
      `/api/documents/${encodeURIComponent(id)}/history`,
    ),
  findings: (id: string) =>
    call<{ document: DocumentSummary; findings: StoredFinding[] }>(
      'GET',
      `/api/documents/${encodeURIComponent(id)}/findings`,
    ),
  reprocess: (id: string) =>
    call<{ document: DocumentSummary; carriedReviews: number }>(
      'POST',
      `/api/documents/${encodeURIComponent(id)}/reprocess`,
    ),
  /** One decision with one reason for several findings; answers the documents touched with their new counts. */
  reviewMany: (findingIds: string[], status: ReviewStatus, reason: string) =>
    call<{ reviews: Record<string, Review>; documents: DocumentSummary[] }>('POST', '/api/reviews', {
      findingIds,
      status,
      reason,
    }),
  deleteDocument: (id: string, reason: string) =>
    call<{ deleted: DocumentSummary }>('DELETE', `/api/documents/${encodeURIComponent(id)}`, { reason }),
  review: (findingId: string, status: ReviewStatus, reason: string) =>
    call<{ review: Review }>('PUT', `/api/findings/${encodeURIComponent(findingId)}/review`, { status, reason }),
  reviews: (findingId: string) =>
    call<{ reviews: Review[] }>('GET', `/api/findings/${encodeURIComponent(findingId)}/reviews`),
  series: (params: Record<string, string>) =>
    call<{ points: SeriesPoint[] }>('GET', `/api/series?${new URLSearchParams(params)}`),
  users: () => call<{ users: User[] }>('GET', '/api/users'),
  auditLog: (params: Record<string, string>) =>
    call<AuditLogPage & { limit: number; offset: number }>('GET', `/api/audit-log?${new URLSearchParams(params)}`),
  rules: () => call<{ rules: { id: string; code: string; zh: string; category: string }[] }>('GET', '/api/rules'),
  createUser: (name: string, password: string, role: string, department?: string) =>
    call<{ user: User }>('POST', '/api/users', { name, password, role, department }),
};

export type UploadOutcome = {
  status: 'created' | 'duplicate' | 'failed';
  document?: DocumentSummary;
  error?: { code?: string; messageZh: string; messageEn?: string };
};

/** Uploads one file with progress reports (fetch cannot report upload progress; XMLHttpRequest can). */
export function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let data: { results?: UploadOutcome[]; error?: { messageZh: string; messageEn?: string } } | null = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = null;
      }
      const r = data?.results?.[0];
      if (r) resolve(r);
      else resolve({ status: 'failed', error: { messageZh: data?.error?.messageZh ?? `上传失败（${xhr.status}）` } });
    };
    xhr.onerror = () => resolve({ status: 'failed', error: { messageZh: '网络错误，上传未完成。' } });
    const form = new FormData();
    form.append('files', file, file.name);
    xhr.send(form);
  });
}
