/**
 * The application: the store, the in-memory rights index built from it, and
 * the small lookups the answers need (title names, who a contract is with).
 * Services take it as their first argument; the API and the CLI open one.
 */
import type { Kysely } from 'kysely';
import { RightsIndex } from '../domain/rightsIndex.js';
import { refreshUnits, TitleTree, type ScopedBlock } from '../domain/series.js';
import { loadTrees, loadWholeTree } from './seriesRights.js';
import { openDatabase, parseJson, type Database, type OpenOptions, type Store, type UserRole } from '../store/index.js';
import { ChangeFeed } from './changeFeed.js';
import { loadEngineBlocks } from './engineBlocks.js';
import { openIndexSnapshot, stampAt, whyNotLoadable, writeIndexSnapshot } from './indexSnapshot.js';
import type { ContractParties } from './views.js';

export interface Actor {
  id: string;
  username: string;
  role: UserRole;
  canSeeFinancials: boolean;
  /** An API token scoped read-only cannot write, whatever the role. */
  readOnly?: boolean;
  /** Asking through an API token (not a signed-in session): it cannot create API tokens. */
  viaToken?: boolean;
}

/** The actor of internal jobs (demo data, migrations), recorded as such in the audit log. */
export const SYSTEM: Actor = { id: 'system', username: 'system', role: 'admin', canSeeFinancials: true };

/** The last full build of the rights index: when, how long it took, how big it is. */
export interface IndexBuild {
  at: string;
  ms: number;
  titles: number;
  blocks: number;
  /** Built from the store, or loaded from an index snapshot and brought up to date from the change feed. */
  from: 'store' | 'snapshot';
}

/** Where the index snapshot lives and when it is written (docs/deploy.md, "Index snapshot"). */
export interface IndexSnapshotOptions {
  file: string;
  /** Write it (on close, and after `everyChanges` changes): the server does; `filmrights check` only reads. Default true. */
  write?: boolean;
  /** Changes applied since the last snapshot that make a new one (checked every `checkEveryMs`). Default 5,000. */
  everyChanges?: number;
  checkEveryMs?: number;
  /** Where its lines go (loaded, refused and why, written). Default stderr. */
  log?: (line: string) => void;
}

/** Where this process is in the rights change feed (see changeFeed.ts). */
export interface FeedStatus {
  /** A server follows the feed on a timer; the CLI reads it on demand. */
  following: boolean;
  /** The last change applied to this process's index. */
  position: number;
  /** The last change in the database. */
  head: number;
  /** Changes in the database not yet applied here. */
  lag: number;
  /** How long the oldest of them has waited, in seconds (0 when none). */
  lagSeconds: number;
}

/** Titles read per query by a build of the index from the store. */
const REBUILD_BATCH = 5_000;

export class FilmRights {
  private idx = new RightsIndex();
  /**
   * Holds with an expiry day (docs/offers.md), by contract ref: the day and the titles they hold.
   * The index drops a hold the first time it is read after that day; `nextLapse` (epoch ms, the
   * start of the day after the earliest expiry) keeps that check to one comparison per read.
   */
  private holdExpiries = new Map<string, { expiresOn: string; titles: string[] }>();
  private nextLapse = Infinity;
  /** The catalog's series, seasons and episodes (films are not in it), and the own blocks of the titles in it. */
  tree = new TitleTree();
  private ownBlocks = new Map<string, ScopedBlock[]>();
  /**
   * The series (tops of trees) whose titles' own blocks are in `ownBlocks`; null: all of them (a
   * build from the store reads them all). After a start from a snapshot a tree's are read the
   * first time a change reaches it: the index already holds what they make.
   */
  private ownBlocksRead: Set<string> | null = null;
  /** Null until the index is first built (open() builds it before returning). */
  lastIndexBuild: IndexBuild | null = null;
  private titleNames = new Map<string, string>();
  /**
   * The titles a catalog-wide question asks about (those with no titles under them), in order of
   * id, kept in step with the names and the tree as they change: a page of the answer reads only
   * its own stretch of them (askedTitles). Null: listed again when next asked for.
   */
  private askedIds: string[] | null = null;
  private parties = new Map<string, ContractParties>();
  /**
   * The titles whose contracts' parties are in `parties`: read per title when first needed
   * (ensureTitleNames), after a build from the store as after a start from a snapshot; a catalog
   * of a million titles has tens of millions of contracts, more than a Map holds.
   */
  private partiesRead = new Set<string>();
  /** Contract ref → the events its undated windows wait for, in words. */
  private waiting = new Map<string, Set<string>>();

  private readonly feed: ChangeFeed;
  private snapshot: (IndexSnapshotOptions & { position: number; timer?: NodeJS.Timeout }) | null = null;

  private constructor(readonly store: Store) {
    this.feed = new ChangeFeed(store, (ids) => this.applyTitles(ids));
  }

  /**
   * Opens the store and builds the index. `follow` (the server) keeps the index
   * in step with writes made by other processes on the same database.
   */
  static async open(
    opts: OpenOptions & {
      follow?: boolean;
      followIntervalMs?: number;
      /** Following on PostgreSQL: also poll at once when another writer says so (default true; false: the timer only). */
      followWakeUps?: boolean;
      indexSnapshot?: IndexSnapshotOptions;
    } = {},
  ): Promise<FilmRights> {
    const app = new FilmRights(await openDatabase(opts));
    const wakeUps = opts.followWakeUps ?? true;
    const snap = opts.indexSnapshot;
    const position = snap ? await app.loadSnapshot(snap) : null;
    if (position !== null) {
      // from the snapshot's position: the changes made since are applied before the first question
      if (opts.follow) await app.feed.start(opts.followIntervalMs, wakeUps, position);
      else app.feed.resumeFrom(position);
      await app.feed.poll();
    } else {
      if (opts.follow) await app.feed.start(opts.followIntervalMs, wakeUps);
      await app.rebuildIndex();
    }
    if (snap && snap.write !== false && opts.follow) {
      app.snapshot = { ...snap, position: position ?? -1 };
      const timer = setInterval(() => {
        const s = app.snapshot;
        // after a build from the store, at the first check; then once enough changes were applied
        if (s && (s.position < 0 || app.feed.position - s.position >= (s.everyChanges ?? 5_000)))
          app.writeSnapshot().catch((e: unknown) => (s.log ?? logLine)(`index snapshot not written: ${(e as Error).message}`));
      }, snap.checkEveryMs ?? 60_000);
      timer.unref();
      app.snapshot.timer = timer;
    }
    return app;
  }

  /** Applies changes other processes made (the server does this on a timer). */
  async catchUp(): Promise<string[]> {
    return this.feed.catchUp();
  }

  async close(): Promise<void> {
    const snap = this.snapshot;
    if (snap?.timer) clearInterval(snap.timer);
    await this.feed.stop();
    // a clean shutdown leaves a snapshot for the next start
    if (snap) {
      try {
        await this.writeSnapshot();
      } catch (e) {
        (snap.log ?? logLine)(`index snapshot not written: ${(e as Error).message}`);
      }
      this.snapshot = null;
    }
    await this.store.close();
  }

  /**
   * Writes the index snapshot now, stamped with the change feed position it reflects (no poll
   * under way: the titles up to that position are in the index). Synchronous once stamped, so
   * no write to the index can come between the stamp and the columns.
   */
  async writeSnapshot(): Promise<{ file: string; bytes: number; ms: number; position: number } | null> {
    const snap = this.snapshot;
    if (!snap) return null;
    const started = performance.now();
    let position: number;
    let stamp: Awaited<ReturnType<typeof stampAt>>;
    // the stamp needs a query: taken again when a poll applied changes meanwhile (a poll that is
    // still reading its rows has applied nothing yet, so the columns below are at `position`)
    do {
      await this.feed.idle();
      position = this.feed.position;
      stamp = await stampAt(this.store.db, position, { titles: 0, blocks: 0 });
    } while (this.feed.position !== position);
    const index = this.idx;
    const bytes = writeIndexSnapshot(
      snap.file,
      { ...stamp, titles: index.titleCount, blocks: index.blockCount },
      index.toColumns(),
      this.waiting,
    );
    snap.position = position;
    const ms = performance.now() - started;
    (snap.log ?? logLine)(
      `index snapshot written to ${snap.file} at change ${position} (${(bytes / 1e6).toFixed(1)} MB, ${Math.round(ms)} ms)`,
    );
    return { file: snap.file, bytes, ms, position };
  }

  /**
   * Loads the index from a snapshot whose stamp the store's change feed vouches for; returns its
   * feed position, or null (and says why) when there is none or it cannot be used.
   */
  private async loadSnapshot(o: IndexSnapshotOptions): Promise<number | null> {
    const log = o.log ?? logLine;
    const started = performance.now();
    let opened: ReturnType<typeof openIndexSnapshot>;
    try {
      opened = openIndexSnapshot(o.file);
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
      log(`index snapshot ${o.file} ${missing ? 'not found' : `not used: ${(e as Error).message}`}; building the index from the database`);
      return null;
    }
    try {
      const why = await whyNotLoadable(this.store.db, opened.stamp);
      if (why) {
        log(`index snapshot ${o.file} not used: ${why}; building the index from the database`);
        return null;
      }
      const { columns, waiting } = opened.columns();
      const index = RightsIndex.fromColumns(columns);
      // the series tree, holds and the titles' names are read from the store; the own blocks of
      // the titles in a tree when a change first reaches it, the contracts' parties when first
      // needed (by title, ensureTitleNames)
      const tree = await loadWholeTree(this.store.db);
      this.idx = index;
      this.waiting = waiting;
      this.tree = tree;
      this.askedIds = null;
      this.ownBlocks = new Map();
      this.ownBlocksRead = new Set();
      await this.refreshHoldExpiries();
      await this.readTitleNames();
      this.parties = new Map();
      this.partiesRead = new Set();
      const ms = performance.now() - started;
      this.lastIndexBuild = { at: new Date().toISOString(), ms, titles: index.titleCount, blocks: index.blockCount, from: 'snapshot' };
      log(
        `index loaded from snapshot ${o.file} (change ${opened.stamp.position}, written ${opened.stamp.writtenAt}): ${index.titleCount} titles, ${index.blockCount} blocks in ${Math.round(ms)} ms`,
      );
      return opened.stamp.position;
    } catch (e) {
      log(`index snapshot ${o.file} not used: ${(e as Error).message}; building the index from the database`);
      return null;
    } finally {
      opened.close();
    }
  }

  /** Rebuilds the whole index from the store (the store is the truth). */
  async rebuildIndex(): Promise<{ titles: number; blocks: number }> {
    const started = performance.now();
    const index = new RightsIndex();
    const waiting = new Map<string, Set<string>>();
    // series, seasons and episodes: each episode gets its own blocks and those it inherits (docs/domain.md)
    const tree = await loadWholeTree(this.store.db);
    const own = new Map<string, ScopedBlock[]>();
    // the titles' blocks a batch of titles at a time, in order of id: only the index and one
    // batch's rows are in memory (all the rows of a million titles at once are tens of GB). A
    // title written meanwhile is in the change feed, which a server follows from before the build.
    for (let after: string | null = null; ;) {
      let page = this.store.db.selectFrom('titles').select('id').orderBy('id').limit(REBUILD_BATCH);
      if (after !== null) page = page.where('id', '>', after);
      const ids = (await page.execute()).map((r) => r.id);
      if (!ids.length) break;
      after = ids[ids.length - 1];
      for (const [title, list] of await loadEngineBlocks(this.store.db, ids, undefined, undefined, waiting)) {
        if (!list.length) continue;
        if (tree.get(title)) own.set(title, list);
        else index.setTitle(title, list);
      }
    }
    this.waiting = waiting;
    refreshUnits(
      index,
      tree,
      (id) => own.get(id) ?? [],
      [...tree.values()].filter((n) => n.parent === null).map((n) => n.id),
    );
    this.tree = tree;
    this.askedIds = null;
    this.ownBlocks = own;
    this.ownBlocksRead = null;
    this.idx = index;
    await this.refreshHoldExpiries();
    await this.readTitleNames();
    this.parties = new Map();
    this.partiesRead = new Set();
    this.lastIndexBuild = {
      at: new Date().toISOString(),
      ms: performance.now() - started,
      titles: index.titleCount,
      blocks: index.blockCount,
      from: 'store',
    };
    return { titles: index.titleCount, blocks: index.blockCount };
  }

  /** The in-memory rights index, without the holds whose expiry day has passed. */
  get index(): RightsIndex {
    if (Date.now() >= this.nextLapse) this.dropLapsedHolds();
    return this.idx;
  }

  /** Reads which holds lapse when (a small table: the holds placed by accepted offers). */
  private async refreshHoldExpiries(): Promise<void> {
    // CROSS JOINs with their conditions in WHERE: SQLite then reads the few holds first and their
    // contracts by key; with inner joins its planner walked every negotiating contract (5.6 s at 1M
    // titles in the synthetic catalog, on every start). PostgreSQL plans both forms alike.
    const rows = await this.store.db
      .selectFrom('hold_expiries as hx')
      .crossJoin('contracts as c')
      .whereRef('c.id', '=', 'hx.contract_id')
      .crossJoin('contract_titles as ct')
      .whereRef('ct.contract_id', '=', 'c.id')
      .select(['c.ref', 'hx.expires_on', 'ct.title_id'])
      .where('c.status', '=', 'negotiating')
      .where('c.deleted_at', 'is', null)
      .execute();
    const map = new Map<string, { expiresOn: string; titles: string[] }>();
    for (const r of rows) {
      const e = map.get(r.ref);
      if (e) e.titles.push(r.title_id);
      else map.set(r.ref, { expiresOn: r.expires_on, titles: [r.title_id] });
    }
    this.holdExpiries = map;
    this.planNextLapse();
  }

  private planNextLapse(): void {
    let next = Infinity;
    for (const { expiresOn } of this.holdExpiries.values()) next = Math.min(next, Date.parse(`${expiresOn}T00:00:00Z`) + 86_400_000);
    this.nextLapse = next;
  }

  /** Takes the holds past their expiry day out of the index (synchronously: the blocks are in memory). */
  private dropLapsedHolds(): void {
    const today = new Date().toISOString().slice(0, 10);
    for (const [ref, { expiresOn, titles }] of this.holdExpiries) {
      if (expiresOn >= today) continue;
      // a hold on a series or season sits on the episodes it reaches (docs/domain.md)
      const units = new Set(titles.flatMap((t) => (this.tree.get(t) ? this.tree.units(t) : [t])));
      for (const t of units)
        this.idx.setTitle(
          t,
          this.idx.blocksOf(t).filter((b) => !(b.kind === 'hold' && b.contract === ref)),
        );
      this.holdExpiries.delete(ref);
    }
    this.planNextLapse();
  }

  /** Where this process is in the change feed, against the database's end of it (one or two small queries). */
  async feedStatus(): Promise<FeedStatus> {
    const head = await this.feed.head();
    const lagSeconds = head.oldestUnappliedAt ? Math.max(0, (Date.now() - Date.parse(head.oldestUnappliedAt)) / 1000) : 0;
    return {
      following: this.feed.following,
      position: this.feed.position,
      head: head.seq,
      lag: Math.max(0, head.seq - this.feed.position),
      lagSeconds,
    };
  }

  /**
   * Re-reads the rights of these titles after a committed write (and the names they are shown with).
   * `feedSeqs`: the change-feed entries the write recorded (recordRightsChange), marked applied once
   * refreshed, so this server's feed poll does not refresh the same titles a second time.
   */
  async refreshTitles(titleIds: readonly string[], feedSeqs: readonly number[] = []): Promise<void> {
    if (!titleIds.length) return;
    // the other servers' feeds are woken up (PostgreSQL) while this one refreshes its own index
    void this.feed.announce();
    await this.applyTitles(titleIds);
    this.feed.markApplied(feedSeqs);
  }

  /** Re-reads the rights of these titles from the store into the index (a write's own, or the feed's). */
  private async applyTitles(titleIds: readonly string[]): Promise<void> {
    const unique = [...new Set(titleIds)];
    if (!unique.length) return;
    // independent of the rights read below: in parallel (on PostgreSQL, on other pooled connections)
    const lookups = this.refreshLookups(unique);
    lookups.catch(() => undefined); // awaited below; not an unhandled rejection if the rights read fails first
    // where they sat before (a title moved or removed leaves its old series to be refreshed too)
    const oldTops = unique.filter((id) => this.tree.get(id)).map((id) => this.tree.root(id));
    const waiting = new Map<string, Set<string>>();
    // the titles' own rights are read while their trees are (one wait for a pooled connection instead of two)
    const own = loadEngineBlocks(this.store.db, unique, undefined, undefined, waiting);
    own.catch(() => undefined); // awaited below
    const trees = await loadTrees(this.store.db, unique);
    // a title gaining or losing the titles under it is asked about, or no longer (askedIds)
    const leafChanges = new Set(unique);
    for (const id of unique) {
      const before = this.tree.get(id)?.parent;
      if (before) leafChanges.add(before);
      const after = trees.get(id)?.parent;
      if (after) leafChanges.add(after);
    }
    for (const id of unique) {
      const n = trees.get(id);
      if (n) this.tree.put(n);
      else if (this.tree.get(id)) this.tree.remove(id);
    }
    // titles under the changed ones, loaded now, join the tree (a series read first time whole)
    const missing = [...trees.values()].filter((n) => !this.tree.get(n.id));
    for (const n of missing) {
      this.tree.put(n);
      leafChanges.add(n.id);
      if (n.parent) leafChanges.add(n.parent);
    }
    const blocks = await own;
    const more = missing.map((n) => n.id).filter((id) => !blocks.has(id));
    if (more.length)
      for (const [id, list] of await loadEngineBlocks(this.store.db, more, undefined, undefined, waiting)) blocks.set(id, list);
    for (const [ref, words] of waiting) this.waiting.set(ref, words);
    for (const [id, list] of blocks) {
      if (this.tree.get(id)) this.ownBlocks.set(id, list);
      else this.ownBlocks.delete(id);
    }
    await this.readOwnBlocks([...unique, ...oldTops], blocks);
    refreshUnits(this.idx, this.tree, (id) => (this.tree.get(id) ? (this.ownBlocks.get(id) ?? []) : (blocks.get(id) ?? [])), [
      ...unique,
      ...oldTops,
    ]);
    // the holds' expiry days matter only where a hold is (or was) among these titles' blocks
    const top = (id: string) => (this.tree.get(id) ? this.tree.root(id) : id);
    const refreshed = new Set([...unique, ...missing.map((n) => n.id), ...oldTops].map(top));
    const holdsHere =
      [...blocks.values()].some((list) => list.some((b) => b.kind === 'hold')) ||
      [...this.holdExpiries.values()].some((h) => h.titles.some((t) => refreshed.has(top(t))));
    if (holdsHere) await this.refreshHoldExpiries();
    await lookups;
    this.syncAsked(leafChanges);
  }

  /**
   * After a start from a snapshot: reads the own blocks of every title in the trees of these
   * titles not read yet (refreshUnits makes each episode's blocks from its whole tree's).
   * `fresh`: blocks just read, by title.
   */
  private async readOwnBlocks(titleIds: readonly string[], fresh: ReadonlyMap<string, ScopedBlock[]>): Promise<void> {
    const read = this.ownBlocksRead;
    if (!read) return;
    const tops = new Set(titleIds.filter((id) => this.tree.get(id)).map((id) => this.tree.root(id)));
    const unread = [...tops].filter((top) => !read.has(top));
    const ids = unread.flatMap((top) => [top, ...this.tree.descendants(top)]).filter((id) => !fresh.has(id));
    for (let i = 0; i < ids.length; i += 5_000)
      for (const [id, list] of await loadEngineBlocks(this.store.db, ids.slice(i, i + 5_000))) this.ownBlocks.set(id, list);
    for (const top of unread) read.add(top);
  }

  /**
   * Makes sure these titles' names are known (titles created since the last refresh), and the
   * parties of the contracts on them and on the rest of their series (an episode's rights come
   * from contracts on its season and series too): what the answers about them name. Inside a
   * transaction, pass it as `via` (a SQLite database has one connection: reading outside the
   * transaction would wait for it), before it writes the contracts the answer will name.
   */
  async ensureTitleNames(titleIds: readonly string[], via: Kysely<Database> = this.store.db): Promise<void> {
    const need = new Set(titleIds.filter((id) => !this.titleNames.has(id)));
    const read = this.partiesRead;
    const tops = new Set<string>();
    for (const id of titleIds) {
      if (!read.has(id)) need.add(id);
      if (this.tree.get(id)) tops.add(this.tree.root(id));
    }
    for (const top of tops) for (const id of [top, ...this.tree.descendants(top)]) if (!read.has(id)) need.add(id);
    if (need.size) await this.refreshLookups([...need], via);
  }

  /**
   * Every title of the catalog, by id: the names known, read again from the store when it
   * holds a different number of titles (titles written by another process, or without rights).
   */
  async allTitleIds(): Promise<string[]> {
    const row = await this.store.db
      .selectFrom('titles')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(row.n) !== this.titleNames.size) await this.readTitleNames();
    return [...this.titleNames.keys()];
  }

  /**
   * The titles a catalog-wide question asks about (every title with no titles under them), in
   * order of id: the same titles as allTitleIds less the series and seasons, without listing the
   * catalog again on each question (one COUNT query; listed again after a refresh of every name).
   * Read only: the list is the app's own.
   */
  async askedTitles(): Promise<readonly string[]> {
    const row = await this.store.db
      .selectFrom('titles')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(row.n) !== this.titleNames.size) await this.readTitleNames();
    this.askedIds ??= [...this.titleNames.keys()].filter((id) => this.tree.children(id).length === 0).sort(byId);
    return this.askedIds;
  }

  /** Puts these titles in the asked list, or takes them out, as their names and the tree now say. */
  private syncAsked(titleIds: Iterable<string>): void {
    const list = this.askedIds;
    if (!list) return;
    for (const id of titleIds) {
      const want = this.titleNames.has(id) && this.tree.children(id).length === 0;
      const i = firstNotBefore(list, id);
      const has = list[i] === id;
      if (want && !has) list.splice(i, 0, id);
      else if (!want && has) list.splice(i, 1);
    }
  }

  /** Every title's name (one query: a million titles in a second or two; the parties are not read). */
  private async readTitleNames(): Promise<void> {
    const rows = await this.store.db.selectFrom('titles').select(['id', 'original_title', 'english_title']).execute();
    const names = new Map<string, string>();
    for (const t of rows) names.set(t.id, t.english_title ?? t.original_title);
    this.titleNames = names;
    this.askedIds = null;
  }

  /** The names of the given titles and the parties of their contracts. */
  private async refreshLookups(titleIds: readonly string[], db: Kysely<Database> = this.store.db): Promise<void> {
    if (titleIds.length > 5_000) {
      for (let i = 0; i < titleIds.length; i += 5_000) await this.refreshLookups(titleIds.slice(i, i + 5_000), db);
      return;
    }
    const names = (
      await db
        .selectFrom('titles')
        .select(['id', 'original_title', 'english_title'])
        .where('id', 'in', [...titleIds])
        .execute()
    ).map((t) => [t.id, t.english_title ?? t.original_title] as const);
    const parties = (
      await db
        .selectFrom('contracts as c')
        .leftJoin('companies as lor', 'lor.id', 'c.licensor_id')
        .leftJoin('companies as lee', 'lee.id', 'c.licensee_id')
        .select(['c.id', 'c.ref', 'lor.name as licensor', 'lee.name as licensee'])
        .where(
          'c.id',
          'in',
          db
            .selectFrom('contract_titles')
            .select('contract_id')
            .where('title_id', 'in', [...titleIds]),
        )
        .execute()
    ).map((c) => [c.ref, { id: c.id, licensor: c.licensor, licensee: c.licensee }] as const);
    // a title deleted (or merged into another) leaves the names too
    const found = new Set(names.map(([id]) => id));
    for (const id of titleIds) if (!found.has(id)) this.titleNames.delete(id);
    for (const [id, name] of names) this.titleNames.set(id, name);
    for (const [ref, p] of parties) this.parties.set(ref, p);
    for (const id of titleIds) this.partiesRead.add(id);
    this.syncAsked(titleIds);
  }

  titleName = (id: string): string => this.titleNames.get(id) ?? id;
  /** Whether the title is known to the lookups (false once deleted or merged away). */
  knowsTitle = (id: string): boolean => this.titleNames.has(id);
  contractParties = (ref: string): ContractParties | undefined => {
    const p = this.parties.get(ref);
    const words = this.waiting.get(ref);
    return words?.size ? { ...(p ?? { licensor: null, licensee: null }), waitsFor: [...words] } : p;
  };

  async setting<T>(key: string): Promise<T | undefined> {
    const row = await this.store.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row ? (parseJson(row.value) as T) : undefined;
  }
}

const logLine = (line: string): void => console.error(`filmrights: ${line}`);

/** Title ids in the order the index pages them (code units, as `<` compares strings). */
function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Where an id is, or would go, in a list in order of id. */
export function firstNotBefore(list: readonly string[], id: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
