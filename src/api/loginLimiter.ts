/**
 * Slows down password guessing: after 5 failures for one key (address and username)
 * the next attempt must wait, doubling from 1 s up to 5 minutes; a success
 * clears the count. Kept in memory: each server process counts its own.
 *
 * An attempt is counted when it starts (`begin`), before its password is checked,
 * so guesses sent at the same moment are counted at once: of 200 sent together,
 * 5 are checked and the rest wait (counting only after the slow check let every
 * guess already in flight through).
 *
 * The table is bounded (least recently used keys go first) and never forgets a key
 * that is locked: when every key it holds is locked, it fails closed, and a new key
 * waits as long as the shortest lock (an attacker who fills it locks out only new
 * guesses, never frees a locked user).
 */
export class LoginLimiter {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(
    private readonly free = 5,
    private readonly now: () => number = Date.now,
    private readonly capacity = 50_000,
  ) {}

  retryAfter(key: string): number {
    const f = this.failures.get(key);
    if (f) return Math.max(0, f.until - this.now());
    return this.failures.size >= this.capacity && !this.makeRoom() ? this.shortestLock() : 0;
  }

  /**
   * Starts an attempt: the wait in ms when the key is locked (the attempt is refused), else 0 and the attempt is
   * counted as a failure until `succeeded` clears it or `abandon` takes it back.
   */
  begin(key: string): number {
    const wait = this.retryAfter(key);
    if (wait > 0) return wait;
    this.failed(key);
    return 0;
  }

  /** Takes back an attempt that ended without a verdict on the password (the database failed, say). */
  abandon(key: string): void {
    const f = this.failures.get(key);
    if (!f) return;
    f.count--;
    if (f.count <= 0) this.failures.delete(key);
    else if (f.count < this.free) f.until = 0;
  }

  failed(key: string): void {
    let f = this.failures.get(key);
    if (f)
      this.failures.delete(key); // re-inserted below: most recently used last
    else {
      if (this.failures.size >= this.capacity && !this.makeRoom()) return;
      f = { count: 0, until: 0 };
    }
    f.count++;
    if (f.count >= this.free) f.until = this.now() + Math.min(300_000, 1000 * 2 ** (f.count - this.free));
    this.failures.set(key, f);
  }

  succeeded(key: string): void {
    this.failures.delete(key);
  }

  /** How many keys are remembered (for tests and metrics). */
  get size(): number {
    return this.failures.size;
  }

  /** Forgets the least recently used key that is not locked; false when every key is locked. */
  private makeRoom(): boolean {
    const t = this.now();
    for (const [key, f] of this.failures) {
      if (f.until <= t) {
        this.failures.delete(key);
        return true;
      }
    }
    return false;
  }

  private shortestLock(): number {
    const t = this.now();
    let min = Infinity;
    for (const f of this.failures.values()) min = Math.min(min, f.until - t);
    return Math.max(1, min);
  }
}
