import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.ts';

// DNS rebinding: a page on evil.example re-points its own name at 127.0.0.1 and then talks to this server
// as "same origin" — before the first admin exists it could create one. The browser still sends
// `Host: evil.example`, so every request whose Host is not a name of this server is refused, and a write
// whose Origin is not that Host is refused too. IP literals cannot be rebound, names can: names must be
// listed (loopback, the --host given, CAIJIAN_ALLOWED_HOSTS for a reverse proxy or a LAN name).

const LOOPBACK = ['127.0.0.1', 'localhost', '::1'];
const WILDCARD = new Set(['0.0.0.0', '::', '']);

export class AllowedHosts {
  /** The bound port, set once the server listens (0 = not known yet: any port accepted). */
  port = 0;
  private readonly names: Set<string>;
  /** `name:port` entries from CAIJIAN_ALLOWED_HOSTS: accepted with that port only. */
  private readonly withPort = new Set<string>();
  /** Names from CAIJIAN_ALLOWED_HOSTS without a port: a proxy in front may use any port (80/443). */
  private readonly extraNames = new Set<string>();
  private readonly wildcard: boolean;

  constructor(bindHost = '127.0.0.1', extra: string = process.env.CAIJIAN_ALLOWED_HOSTS ?? '') {
    const bind = normalise(bindHost);
    this.wildcard = WILDCARD.has(bind);
    this.names = new Set(LOOPBACK);
    if (!this.wildcard) this.names.add(bind);
    for (const raw of extra
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean)) {
      const parsed = splitHost(raw);
      if (parsed?.port) this.withPort.add(`${parsed.name}:${parsed.port}`);
      else if (parsed) this.extraNames.add(parsed.name);
    }
  }

  allows(hostHeader: string | undefined): boolean {
    if (!hostHeader) return false;
    const parsed = splitHost(hostHeader.trim().toLowerCase());
    if (!parsed) return false;
    const { name, port } = parsed;
    if (this.extraNames.has(name)) return true;
    if (port && this.withPort.has(`${name}:${port}`)) return true;
    // Our own names must come with our own port (no port means 80).
    const portOk = this.port === 0 || (port || '80') === String(this.port);
    if (!portOk) return false;
    if (this.names.has(name)) return true;
    // Bound to every interface: any address of this machine is a way to reach it (an IP, never a name).
    return this.wildcard && isIP(name) !== 0 && localAddresses().has(name);
  }
}

function normalise(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
}

/** `name`, `name:port`, `[v6]`, `[v6]:port`; null for anything else (a bare v6 is taken whole). */
function splitHost(h: string): { name: string; port: string } | null {
  const v6 = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/.exec(h);
  if (v6) return { name: v6[1], port: v6[2] ?? '' };
  if (isIP(h) === 6) return { name: h, port: '' };
  const m = /^([a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(h);
  return m ? { name: m[1].replace(/\.$/, ''), port: m[2] ?? '' } : null;
}

let cachedAddresses: { at: number; set: Set<string> } | null = null;
function localAddresses(): Set<string> {
  // Interfaces come and go (DHCP, VPN); a few seconds of cache keeps this cheap per request.
  if (cachedAddresses && Date.now() - cachedAddresses.at < 10_000) return cachedAddresses.set;
  const set = new Set<string>();
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) set.add(a.address.toLowerCase());
  cachedAddresses = { at: Date.now(), set };
  return set;
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Refuses requests addressed to a name that is not this server's, and writes from another origin. */
export function hostCheck(hosts: AllowedHosts): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host');
    if (!hosts.allows(host)) {
      throw new ApiError(
        403,
        'bad-host',
        `拒绝访问：请求的主机名“${(host ?? '').slice(0, 100)}”不是本服务器的地址。若通过其他域名访问，请设置 CAIJIAN_ALLOWED_HOSTS。`,
        `Refused: the requested host "${(host ?? '').slice(0, 100)}" is not an address of this server. To serve under another name, set CAIJIAN_ALLOWED_HOSTS.`,
      );
    }
    const origin = c.req.header('origin');
    if (WRITE.has(c.req.method) && origin !== undefined) {
      let ok = false;
      try {
        ok = new URL(origin).host === (host ?? '').toLowerCase();
      } catch {
        ok = false; // "null" (sandboxed frames, file:) and garbage
      }
      if (!ok)
        throw new ApiError(403, 'cross-origin', '拒绝来自其他网站的请求。', 'Requests from other sites are refused.');
    }
    await next();
  };
}
