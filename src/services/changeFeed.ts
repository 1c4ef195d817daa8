/**
 * The rights change feed. A write that changes a title's rights records the
 * title in `rights_changes` inside its own transaction; every app server polls
 * the table and refreshes those titles in its index. Sequence numbers can
 * commit out of order on PostgreSQL, so each poll looks back a window of
 * sequence numbers and skips the ones it has already applied.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';

export async function recordRightsChange(trx: Kysely<Database>, titleIds: readonly string[]): Promise<void> {
  const unique = [...new Set(titleIds)];
  if (unique.length)
    await trx
      .insertInto('rights_changes')
      .values(unique.map((title_id) => ({ title_id, at: new Date().toISOString() })))
      .execute();
}

const LOOKBACK = 1000;

export class ChangeFeed {
  private last = 0;
  private readonly applied = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly refresh: (titleIds: string[]) => Promise<void>,
  ) {}

  /**
   * Starts from the current end of the feed (what the index was built from is already applied),
   * or from `from`: the position an index snapshot was taken at (docs/deploy.md, "Index snapshot").
   */
  async start(intervalMs = 300, from?: number): Promise<void> {
    if (from === undefined) {
      const row = await this.db
        .selectFrom('rights_changes')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirst();
      this.last = Number(row?.seq ?? 0);
    } else this.resumeFrom(from);
    this.timer = setInterval(() => {
      this.running ??= this.poll()
        .then(
          () => undefined,
          () => undefined,
        )
        .finally(() => (this.running = undefined));
    }, intervalMs);
    this.timer.unref();
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
    await this.running;
  }

  /** Applies what other writers changed since the last poll; returns the titles refreshed. */
  async poll(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('rights_changes')
      .select(['seq', 'title_id'])
      .where('seq', '>', Math.max(0, this.last - LOOKBACK))
      .orderBy('seq')
      .execute();
    const fresh = rows.filter((r) => !this.applied.has(Number(r.seq)) && Number(r.seq) > this.last - LOOKBACK);
    for (const r of fresh) {
      const seq = Number(r.seq);
      this.applied.add(seq);
      if (seq > this.last) this.last = seq;
    }
    for (const seq of this.applied) if (seq <= this.last - LOOKBACK) this.applied.delete(seq);
    const titles = [...new Set(fresh.map((r) => r.title_id))];
    if (titles.length) await this.refresh(titles);
    return titles;
  }
}
