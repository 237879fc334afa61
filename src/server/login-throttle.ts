import { isIP } from 'node:net';

// Password guessing is slowed by two budgets shared by every request: one per account name and one per
// client address. An attempt is *reserved* before the password hash is checked, so fifty parallel guesses
// cannot all pass the check while the first is still hashing; a successful sign-in gives its reservation
// back. Spraying many names from one address runs out of the address budget. Memory is bounded: entries
// expire with their window, each map is capped, and a full map evicts its oldest entry (never clears all,
// which would hand an attacker a reset). Kept in memory: a restart forgets it, acceptable for a small
// internal tool. Behind a reverse proxy every client shares the proxy's address (X-Forwarded-For is not
// trusted: any client can send it), so the address budget then acts as a global one.

export interface ThrottleLimits {
  /** Attempts (failed or in flight) per account name per window. */
  perAccount: number;
  /** Attempts (failed or in flight) per client address per window. */
  perAddress: number;
  windowMs: number;
  /** Entries kept per map. */
  maxEntries: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { perAccount: 5, perAddress: 20, windowMs: 60_000, maxEntries: 10_000 };

interface Bucket {
  count: number;
  resetAt: number;
  /** A refusal of this key was already reported in this window (the audit log gets one line per window). */
  refusalNoted?: boolean;
}

class BudgetMap {
  private readonly map = new Map<string, Bucket>();
  private readonly budget: number;
  private readonly windowMs: number;
  private readonly maxEntries: number;
  constructor(budget: number, windowMs: number, maxEntries: number) {
    this.budget = budget;
    this.windowMs = windowMs;
    this.maxEntries = maxEntries;
  }

  get size(): number {
    return this.map.size;
  }

  /** Milliseconds until `key` may try again, or 0 if it has budget left. */
  waitFor(key: string, now: number): number {
    const b = this.map.get(key);
    if (!b || b.resetAt <= now) return 0;
    return b.count >= this.budget ? b.resetAt - now : 0;
  }

  take(key: string, now: number): void {
    let b = this.map.get(key);
    if (!b || b.resetAt <= now) {
      this.map.delete(key);
      if (this.map.size >= this.maxEntries) this.makeRoom(now);
      b = { count: 0, resetAt: now + this.windowMs };
      this.map.set(key, b);
    }
    b.count++;
  }

  /** True the first time a refusal of `key` is noted in its window. */
  noteRefusal(key: string, now: number): boolean {
    const b = this.map.get(key);
    if (!b || b.resetAt <= now || b.refusalNoted) return false;
    b.refusalNoted = true;
    return true;
  }

  giveBack(key: string): void {
    const b = this.map.get(key);
    if (b && --b.count <= 0) this.map.delete(key);
  }

  private makeRoom(now: number): void {
    for (const [k, v] of this.map) if (v.resetAt <= now) this.map.delete(k);
    // Still full: drop the oldest entries (Map keeps insertion order), a tenth at a time.
    if (this.map.size >= this.maxEntries) {
      let n = Math.max(1, Math.floor(this.maxEntries / 10));
      for (const k of this.map.keys()) {
        if (n-- <= 0) break;
        this.map.delete(k);
      }
    }
  }
}

/** One client address as a budget key: IPv6 by its /64 (one subscriber's network), IPv4 whole. */
export function addressKey(address: string | undefined): string {
  const a = (address ?? '').toLowerCase().replace(/^::ffff:(?=\d+\.)/, '');
  if (isIP(a) !== 6) return a || 'unknown';
  const [head, tail = ''] = a.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = a.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return (
    groups
      .slice(0, 4)
      .map((g) => parseInt(g || '0', 16).toString(16))
      .join(':') + '::/64'
  );
}

/**
 * `firstRefusal`: the first refusal of this account or address in its window — worth one audit line; the rest
 * of a flood is not written, so guessing cannot fill the log.
 */
export type Reservation =
  | { ok: true; release(success: boolean): void }
  | { ok: false; retryAfterSeconds: number; firstRefusal: boolean };

export class LoginThrottle {
  private readonly accounts: BudgetMap;
  private readonly addresses: BudgetMap;
  readonly limits: ThrottleLimits;
  private readonly now: () => number;
  constructor(limits: ThrottleLimits = DEFAULT_THROTTLE, now: () => number = Date.now) {
    this.limits = limits;
    this.now = now;
    this.accounts = new BudgetMap(limits.perAccount, limits.windowMs, limits.maxEntries);
    this.addresses = new BudgetMap(limits.perAddress, limits.windowMs, limits.maxEntries);
  }

  /** Entries held, for the memory bound's test. */
  get size(): number {
    return this.accounts.size + this.addresses.size;
  }

  /**
   * Takes one attempt from both budgets, synchronously (no await between the check and the take), or
   * refuses. The caller must call release(): success gives the attempt back, failure keeps it counted.
   */
  reserve(name: string, address: string | undefined): Reservation {
    const t = this.now();
    const account = name.toLowerCase();
    const addr = addressKey(address);
    const wait = Math.max(this.accounts.waitFor(account, t), this.addresses.waitFor(addr, t));
    if (wait > 0) {
      const account1 = this.accounts.waitFor(account, t) > 0 && this.accounts.noteRefusal(account, t);
      const address1 = this.addresses.waitFor(addr, t) > 0 && this.addresses.noteRefusal(addr, t);
      return { ok: false, retryAfterSeconds: Math.ceil(wait / 1000), firstRefusal: account1 || address1 };
    }
    this.accounts.take(account, t);
    this.addresses.take(addr, t);
    let done = false;
    return {
      ok: true,
      release: (success) => {
        if (done) return;
        done = true;
        if (success) {
          this.accounts.giveBack(account);
          this.addresses.giveBack(addr);
        }
      },
    };
  }
}
