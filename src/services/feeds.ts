/**
 * RSS and Atom feeds the user follows (Variety's film news, Deadline's
 * international section...). Polling a feed reads it with rss-parser and
 * queues each item it has not seen (a feed item is known by its guid, else
 * its link: it is queued once and never fetched twice); the queue is then
 * ingested item by item (the page at its link), each becoming an article to
 * review; an item that fails is marked failed with the reason, not retried.
 * Feeds and their items are fetched by safeFetch (public network, or a host
 * an admin allowed; capped in time and size); rss-parser only parses.
 */
import Parser from 'rss-parser';
import { invalid } from '../domain/errors.js';
import { newId, nowIso } from '../store/index.js';
import type { Actor, FilmRights } from './app.js';
import { requireWriter } from './access.js';
import { ingestArticle } from './articles.js';
import { NotFoundError } from './errors.js';
import { fetchPolicy } from './fetchSettings.js';
import { assertFetchable, FetchError, fetchText, type FetchPolicy } from '../ingest/safeFetch.js';

/** A feed is read up to this size, like an article. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;

/** Where the reason a fetch failed goes (the server's log): the user sees a plain message, never the network's error. */
export type FetchLog = (err: unknown, context: string) => void;

export interface FeedView {
  id: string;
  url: string;
  name: string | null;
  outlet: string | null;
  intervalMinutes: number;
  lastPolledAt: string | null;
  lastError: string | null;
  queued: number;
  ingested: number;
  failed: number;
}

export async function listFeeds(app: FilmRights): Promise<FeedView[]> {
  const db = app.store.db;
  const feeds = await db.selectFrom('feeds').selectAll().orderBy('created_at').execute();
  const counts = await db
    .selectFrom('feed_items')
    .select(['feed_id', 'status'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy(['feed_id', 'status'])
    .execute();
  return feeds.map((f) => {
    const n = (s: string) => Number(counts.find((c) => c.feed_id === f.id && c.status === s)?.n ?? 0);
    return {
      id: f.id,
      url: f.url,
      name: f.name,
      outlet: f.outlet,
      intervalMinutes: f.interval_minutes,
      lastPolledAt: f.last_polled_at,
      lastError: f.last_error,
      queued: n('queued'),
      ingested: n('ingested'),
      failed: n('failed'),
    };
  });
}

export async function addFeed(
  app: FilmRights,
  actor: Actor,
  input: { url: string; name?: string | null; outlet?: string | null; intervalMinutes?: number },
): Promise<FeedView> {
  requireWriter(actor);
  let u: URL;
  try {
    u = new URL(String(input.url ?? '').trim());
  } catch {
    throw invalid('url', input.url, `url: "${String(input.url)}" is not a URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw invalid('url', input.url, 'url: a feed is read over http or https');
  // an address that will never be fetched is refused now (a name is checked, once resolved, at every poll)
  assertFetchable(u, { ...(await fetchPolicy(app)), what: 'the feed' });
  const interval = input.intervalMinutes ?? 60;
  if (!Number.isInteger(interval) || interval < 5)
    throw invalid('intervalMinutes', interval, 'intervalMinutes: at least 5 minutes between polls');
  const db = app.store.db;
  const existing = await db.selectFrom('feeds').select('id').where('url', '=', u.toString()).executeTakeFirst();
  const id = existing?.id ?? newId();
  if (!existing) {
    await db
      .insertInto('feeds')
      .values({
        id,
        url: u.toString(),
        name: input.name?.trim() || null,
        outlet: input.outlet?.trim() || null,
        interval_minutes: interval,
        last_polled_at: null,
        last_error: null,
        created_at: nowIso(),
      })
      .execute();
  }
  return (await listFeeds(app)).find((f) => f.id === id)!;
}

export async function removeFeed(app: FilmRights, actor: Actor, id: string): Promise<void> {
  requireWriter(actor);
  const r = await app.store.db.deleteFrom('feeds').where('id', '=', id).executeTakeFirst();
  if (!Number(r.numDeletedRows)) throw new NotFoundError('feed', id);
}

type Item = Parser.Item & { 'content:encoded'?: string; id?: string };

/** Reads the feed and queues the items it has not seen; answers how many are new. */
export async function pollFeed(
  app: FilmRights,
  actor: Actor,
  feedId: string,
  opts: { fetch?: FetchPolicy; log?: FetchLog } = {},
): Promise<{ queued: number; ingested: number; failed: number }> {
  requireWriter(actor);
  const db = app.store.db;
  const feed = await db.selectFrom('feeds').selectAll().where('id', '=', feedId).executeTakeFirst();
  if (!feed) throw new NotFoundError('feed', feedId);
  let queued = 0;
  let parsed: Parser.Output<Item>;
  try {
    // fetched by safeFetch (never by rss-parser): public network or an allowed host, capped in time and size
    const xml = await fetchText(feed.url, {
      ...(await fetchPolicy(app)),
      maxBytes: MAX_FEED_BYTES,
      what: 'the feed',
      accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9',
      ...opts.fetch,
    });
    parsed = await new Parser<Record<string, unknown>, Item>({ customFields: { item: ['content:encoded', 'id'] } }).parseString(xml.text);
  } catch (e) {
    opts.log?.(e, `feed ${feed.id}`);
    const shown = e instanceof FetchError ? e.plain : 'the feed could not be read: it is not RSS or Atom';
    await db.updateTable('feeds').set({ last_polled_at: nowIso(), last_error: shown }).where('id', '=', feed.id).execute();
    if (e instanceof FetchError) throw e;
    throw invalid('url', feed.url, `url: ${shown}`);
  }
  for (const item of parsed.items) {
    const guid = (item.guid ?? item.id ?? item.link ?? '').toString().trim();
    if (!guid) continue;
    const seen = await db.selectFrom('feed_items').select('id').where('feed_id', '=', feed.id).where('guid', '=', guid).executeTakeFirst();
    if (seen) continue;
    await db
      .insertInto('feed_items')
      .values({
        id: newId(),
        feed_id: feed.id,
        guid,
        link: item.link ?? null,
        title: item.title ?? null,
        published_on: item.isoDate ? item.isoDate.slice(0, 10) : null,
        status: 'queued',
        article_id: null,
        error: null,
        created_at: nowIso(),
      })
      .execute();
    queued++;
  }
  await db
    .updateTable('feeds')
    .set({ last_polled_at: nowIso(), last_error: null, name: feed.name ?? parsed.title ?? null })
    .where('id', '=', feed.id)
    .execute();
  const done = await ingestQueued(app, actor, { feedId: feed.id, fetch: opts.fetch, log: opts.log });
  return { queued, ...done };
}

/** Ingests the queued items, each once: the page at its link. */
export async function ingestQueued(
  app: FilmRights,
  actor: Actor,
  opts: { feedId?: string; limit?: number; fetch?: FetchPolicy; log?: FetchLog } = {},
): Promise<{ ingested: number; failed: number }> {
  const db = app.store.db;
  let q = db
    .selectFrom('feed_items as i')
    .innerJoin('feeds as f', 'f.id', 'i.feed_id')
    .select(['i.id', 'i.link', 'i.title', 'i.published_on', 'f.outlet'])
    .where('i.status', '=', 'queued');
  if (opts.feedId) q = q.where('i.feed_id', '=', opts.feedId);
  const items = await q
    .orderBy('i.created_at')
    .limit(opts.limit ?? 50)
    .execute();
  let ingested = 0;
  let failed = 0;
  for (const it of items) {
    // taken off the queue before the fetch: an item is never fetched twice, even if this run dies
    await db.updateTable('feed_items').set({ status: 'failed', error: 'interrupted' }).where('id', '=', it.id).execute();
    try {
      if (!it.link) throw new Error('the item has no link');
      const { article } = await ingestArticle(
        app,
        actor,
        { url: it.link, date: it.published_on, outlet: it.outlet, title: it.title },
        { fetch: opts.fetch },
      );
      await db.updateTable('feed_items').set({ status: 'ingested', article_id: article.id, error: null }).where('id', '=', it.id).execute();
      ingested++;
    } catch (e) {
      if (e instanceof FetchError) opts.log?.(e, `feed item ${it.id}`);
      await db
        .updateTable('feed_items')
        .set({ status: 'failed', error: (e instanceof FetchError ? e.plain : (e as Error).message).slice(0, 500) })
        .where('id', '=', it.id)
        .execute();
      failed++;
    }
  }
  return { ingested, failed };
}

/** Polls every feed whose interval has passed; the server calls it on a timer. */
export async function pollDueFeeds(app: FilmRights, actor: Actor, now = Date.now(), opts: { log?: FetchLog } = {}): Promise<number> {
  const feeds = await app.store.db.selectFrom('feeds').selectAll().execute();
  let polled = 0;
  for (const f of feeds) {
    const last = f.last_polled_at ? Date.parse(f.last_polled_at) : 0;
    if (now - last < f.interval_minutes * 60_000) continue;
    try {
      await pollFeed(app, actor, f.id, { log: opts.log });
    } catch {
      /* recorded on the feed as last_error */
    }
    polled++;
  }
  return polled;
}
