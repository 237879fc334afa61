import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

// Every error the API returns has the same JSON shape, with a Chinese and an English message and a stable
// code for programs: { "error": { "code", "messageZh", "messageEn" } }. Never a stack trace.

export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly extra: Record<string, unknown> | undefined;
  constructor(
    status: ContentfulStatusCode,
    code: string,
    messageZh: string,
    messageEn: string,
    extra?: Record<string, unknown>,
  ) {
    super(messageEn);
    this.status = status;
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.extra = extra;
  }
}

export function errorBody(code: string, messageZh: string, messageEn: string) {
  return { error: { code, messageZh, messageEn } };
}

export function sendError(c: Context, e: ApiError) {
  return c.json({ ...errorBody(e.code, e.messageZh, e.messageEn), ...(e.extra ?? {}) }, e.status);
}

export const notFound = (what: string, whatEn: string) =>
  new ApiError(404, 'not-found', `找不到${what}。`, `${whatEn} not found.`);

export const badRequest = (zh: string, en: string) => new ApiError(400, 'bad-request', zh, en);
