import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Passwords are stored only as scrypt hashes with a per-user salt, in the self-describing form
// "scrypt$N$r$p$salt$hash" so the cost can be raised later without breaking old hashes.

const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

export const MIN_PASSWORD_LENGTH = 8;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: n, r, p, maxmem: 64 * 1024 * 1024 };
  return new Promise((ok, fail) =>
    scrypt(password.normalize('NFC'), salt, KEYLEN, options, (e, key) => (e ? fail(e) : ok(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Why a proposed password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): { zh: string; en: string } | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return {
      zh: `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符。`,
      en: `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
    };
  }
  if (password.length > 512)
    return { zh: '密码过长（最多 512 个字符）。', en: 'The password is too long (at most 512 characters).' };
  return null;
}

/** Why a proposed user name is refused, or null. */
export function userNameProblem(name: string): { zh: string; en: string } | null {
  if (!/^[\p{L}\p{N}_.@-]{2,64}$/u.test(name)) {
    return {
      zh: '用户名需为 2–64 个字符（中文、字母、数字或 _ . @ -）。',
      en: 'User names are 2–64 characters: letters, digits or _ . @ -.',
    };
  }
  return null;
}
