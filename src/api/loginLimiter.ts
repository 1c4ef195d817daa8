/**
 * Slows down password guessing: after 5 failures for one (address, username)
 * the next attempt must wait, doubling from 1 s up to 5 minutes; a success
 * clears the count. Kept in memory: each server process counts its own.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(private readonly free = 5, private readonly now: () => number = Date.now) {}

  retryAfter(key: string): number {
    const f = this.failures.get(key);
    return f ? Math.max(0, f.until - this.now()) : 0;
  }

  failed(key: string): void {
    const f = this.failures.get(key) ?? { count: 0, until: 0 };
    f.count++;
    if (f.count >= this.free) f.until = this.now() + Math.min(300_000, 1000 * 2 ** (f.count - this.free));
    this.failures.set(key, f);
    if (this.failures.size > 10_000) this.failures.clear();
  }

  succeeded(key: string): void {
    this.failures.delete(key);
  }
}
