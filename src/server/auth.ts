import { createHash, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { Repository } from '../store/repository.ts';
import type { Role, User } from '../store/types.ts';
import { ApiError } from './errors.ts';

// Sessions: a random token handed to the browser in an HttpOnly, SameSite=Strict cookie (or to programs as
// a bearer token). Only its SHA-256 is stored, so a leaked database does not leak live sessions. SameSite=
// Strict plus the Origin check on writes (host-check.ts) keeps other sites from acting with a reviewer's cookie.

export const SESSION_COOKIE = 'caijian_session';
const SESSION_DAYS = 7;

export type AuthEnv = { Variables: { user: User | null } };

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a session for `user`; the sign-in is recorded in the audit log with the session, in one transaction. */
export async function startSession(
  c: Context,
  repo: Repository,
  user: User,
  address: string | null = null,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(Date.now() + SESSION_DAYS * 86400_000);
  await repo.createSession(hashToken(token), user.id, expires.toISOString(), { user, address });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    // Behind a TLS-terminating proxy the request arrives as http: CAIJIAN_SECURE_COOKIES=1 marks the cookie
    // Secure anyway (the header X-Forwarded-Proto is not trusted by default: any client can send it).
    secure: new URL(c.req.url).protocol === 'https:' || process.env.CAIJIAN_SECURE_COOKIES === '1',
    expires,
  });
  return token;
}

function tokenOf(c: Context): string | undefined {
  const header = c.req.header('authorization');
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim();
  return getCookie(c, SESSION_COOKIE);
}

export async function endSession(c: Context, repo: Repository): Promise<void> {
  const token = tokenOf(c);
  if (token) await repo.deleteSession(hashToken(token));
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** Finds the signed-in user (or null) for every request. */
export function identify(repo: Repository): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const token = tokenOf(c);
    c.set('user', token ? await repo.sessionUser(hashToken(token)) : null);
    await next();
  };
}

/**
 * The signed-in user, refusing anyone below `role`: 'admin' needs an admin; 'reviewer' needs bureau staff (admin or
 * reviewer), refusing department users, who check their own documents but do not decide on findings.
 */
export function requireUser(c: Context<AuthEnv>, role?: Exclude<Role, 'department'>): User {
  const user = c.get('user');
  if (!user) throw new ApiError(401, 'unauthenticated', '请先登录。', 'Please sign in first.');
  if (role === 'admin' && user.role !== 'admin')
    throw new ApiError(403, 'forbidden', '只有管理员可以执行此操作。', 'Only administrators may do this.');
  if (role === 'reviewer' && user.role === 'department') {
    throw new ApiError(
      403,
      'forbidden',
      '只有财政局复核员可以复核审核结果。',
      'Only finance-bureau reviewers may review findings.',
    );
  }
  return user;
}
