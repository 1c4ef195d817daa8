/**
 * The rights change feed. A write that changes a title's rights records the
 * title in `rights_changes` inside its own transaction; every app server polls
 * the table and refreshes those titles in its index. Sequence numbers can
 * commit out of order on PostgreSQL, so each poll looks back a window of
 * sequence numbers and skips the ones it has already applied.
 *
 * On PostgreSQL a writer also sends a wake-up after its commit (NOTIFY on
 * FEED_CHANNEL, no payload) and every following server LISTENs for it and
 * polls at once: another server sees a deal within a round trip or two instead
 * of up to a poll interval. The timer's poll stays as the fallback (a lost
 * wake-up, a lost listening connection: it listens again on a later tick).
 */
import type { Kysely } from 'kysely';
import type { Database, Store } from '../store/index.js';
import { timed } from './writeTiming.js';

/**
 * Records the titles in the feed (inside the write's transaction); returns the sequence numbers taken,
 * which the writer marks applied once it has refreshed its own index (ChangeFeed.markApplied).
 */
export async function recordRightsChange(trx: Kysely<Database>, titleIds: readonly string[]): Promise<number[]> {
  const unique = [...new Set(titleIds)];
  if (!unique.length) return [];
  const rows = await trx
    .insertInto('rights_changes')
    .values(unique.map((title_id) => ({ title_id, at: new Date().toISOString() })))
    .returning('seq')
    .execute();
  return rows.map((r) => Number(r.seq));
}

const LOOKBACK = 1000;
/** The PostgreSQL channel of the feed's wake-ups. */
export const FEED_CHANNEL = 'filmrights_rights_changes';
/** A lost listening connection is opened again at most this often (the poll covers the gap). */
const RELISTEN_MS = 5_000;

export class ChangeFeed {
  private last = 0;
  private readonly applied = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** A wake-up came while a poll was running: poll again when it ends (it may have read too early). */
  private again = false;
  private unlisten: (() => Promise<void>) | undefined;
  private listenTried = -Infinity;
  private readonly db: Kysely<Database>;

  constructor(
    private readonly store: Store,
    private readonly refresh: (titleIds: string[]) => Promise<void>,
  ) {
    this.db = store.db;
  }

  /**
   * Starts from the current end of the feed (what the index was built from is already applied),
   * or from `from`: the position an index snapshot was taken at (docs/deploy.md, "Index snapshot").
   * With `wakeUps` (PostgreSQL), also polls at once when another writer says so.
   */
  async start(intervalMs = 300, wakeUps = true, from?: number): Promise<void> {
    if (from === undefined) {
      const row = await this.db
        .selectFrom('rights_changes')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirst();
      this.last = Number(row?.seq ?? 0);
    } else this.resumeFrom(from);
    this.timer = setInterval(() => {
      if (wakeUps) void this.listen();
      this.kick();
    }, intervalMs);
    this.timer.unref();
    if (wakeUps) await this.listen();
  }

  /** Whether wake-ups are being listened for (PostgreSQL, the listening connection up). */
  get listening(): boolean {
    return this.unlisten !== undefined;
  }

  /** Listens for other writers' wake-ups (PostgreSQL), unless already listening or tried lately. */
  private async listen(): Promise<void> {
    const listen = this.store.listen;
    if (!listen || this.unlisten || performance.now() - this.listenTried < RELISTEN_MS) return;
    this.listenTried = performance.now();
    let close: (() => Promise<void>) | undefined;
    try {
      close = await listen(
        FEED_CHANNEL,
        () => this.kick(),
        () => {
          if (close && this.unlisten === close) this.unlisten = undefined;
        },
      );
      if (this.timer) this.unlisten = close;
      else await close(); // stopped meanwhile
    } catch {
      // the timer's poll goes on; listening is tried again on a later tick
    }
  }

  /** Polls now, or once more after the running poll. */
  private kick(): void {
    if (!this.timer) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.poll()
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Wakes the other servers up after a committed write (PostgreSQL; nothing on SQLite). Never throws. */
  async announce(): Promise<void> {
    try {
      await this.store.notify(FEED_CHANNEL);
    } catch {
      // the others' polls will find the change
    }
  }

  /** Whether the feed is being followed (a server), rather than polled on demand (the CLI). */
  get following(): boolean {
    return this.timer !== undefined;
  }

  /** The highest sequence number applied so far: how far along the feed this process is. */
  get position(): number {
    return this.last;
  }

  /** The feed's end now, and the oldest change this process has not applied yet (null when none). */
  async head(): Promise<{ seq: number; oldestUnappliedAt: string | null }> {
    const end = await this.db
      .selectFrom('rights_changes')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    const seq = Number(end?.seq ?? 0);
    if (seq <= this.last) return { seq, oldestUnappliedAt: null };
    const oldest = await this.db
      .selectFrom('rights_changes')
      .select('at')
      .where('seq', '>', this.last)
      .orderBy('seq')
      .limit(1)
      .executeTakeFirst();
    return { seq, oldestUnappliedAt: oldest?.at ?? null };
  }

  /** Takes the index as having every change up to `position` (the next poll re-reads its lookback window too). */
  resumeFrom(position: number): void {
    this.last = position;
    this.applied.clear();
  }

  /** Resolves when no poll of the timer is under way (its titles are in the index). */
  async idle(): Promise<void> {
    await this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const close = this.unlisten;
    this.unlisten = undefined;
    await close?.();
    await this.running;
  }

  /**
   * Changes this process wrote and has already applied to its own index (after refreshing the titles
   * from the store, after the commit): the poll skips them instead of refreshing the titles again.
   */
  markApplied(seqs: readonly number[]): void {
    for (const seq of seqs) if (seq > this.last - LOOKBACK) this.applied.add(seq);
  }

  /**
   * Applies everything written so far: waits for a poll already under way (woken or on the timer),
   * whose titles may not be in the index yet, then polls. Returns the titles this poll refreshed.
   */
  async catchUp(): Promise<string[]> {
    while (this.running) await this.running;
    return this.poll();
  }

  /** Applies what other writers changed since the last poll; returns the titles refreshed. */
  async poll(): Promise<string[]> {
    return timed('feed-poll', () => this.pollOnce());
  }

  private async pollOnce(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('rights_changes')
      .select(['seq', 'title_id'])
      .where('seq', '>', Math.max(0, this.last - LOOKBACK))
      .orderBy('seq')
      .execute();
    const fresh = rows.filter((r) => !this.applied.has(Number(r.seq)) && Number(r.seq) > this.last - LOOKBACK);
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq > this.last - LOOKBACK) this.applied.add(seq);
      if (seq > this.last) this.last = seq;
    }
    for (const seq of this.applied) if (seq <= this.last - LOOKBACK) this.applied.delete(seq);
    const titles = [...new Set(fresh.map((r) => r.title_id))];
    if (titles.length) await this.refresh(titles);
    return titles;
  }
}
