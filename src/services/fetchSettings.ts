/**
 * The network the server may fetch from. By default only the public network
 * (src/ingest/safeFetch.ts); an admin may name hosts that may be fetched
 * although they resolve to an internal address (an intranet news mirror), and
 * so may the operator, with FILMRIGHTS_FETCH_ALLOW_HOSTS (comma-separated).
 * The admin's list is the setting `fetch_allow_hosts`; the two lists add up.
 */
import { invalid } from '../domain/errors.js';
import { environmentAllowHosts, parseAllowedHost, type FetchPolicy } from '../ingest/safeFetch.js';

export { environmentAllowHosts };
import { parseJson, toJson } from '../store/index.js';
import type { Actor, FilmRights } from './app.js';
import { requireAdmin } from './access.js';
import { audit } from './audit.js';

export const FETCH_ALLOW_HOSTS_KEY = 'fetch_allow_hosts';
export const MAX_ALLOW_HOSTS = 100;

export interface FetchSettings {
  /** Hosts the admin allows (the setting). */
  allowHosts: string[];
  /** Hosts the operator allows (FILMRIGHTS_FETCH_ALLOW_HOSTS); shown, changed only there. */
  environmentAllowHosts: string[];
}

async function storedAllowHosts(app: FilmRights): Promise<string[]> {
  const stored = await app.setting<unknown>(FETCH_ALLOW_HOSTS_KEY);
  return Array.isArray(stored) ? stored.filter((h): h is string => typeof h === 'string') : [];
}

/** What every fetch of this server may reach beyond the public network (no actor: the fetches are the server's own). FILMRIGHTS_FETCH_ALLOW_HOSTS is added by safeFetch itself. */
export async function fetchPolicy(app: FilmRights): Promise<FetchPolicy> {
  return { allowHosts: await storedAllowHosts(app) };
}

export async function getFetchSettings(app: FilmRights, actor: Actor): Promise<FetchSettings> {
  requireAdmin(actor);
  return { allowHosts: await storedAllowHosts(app), environmentAllowHosts: environmentAllowHosts() };
}

/** Replaces the admin's list of allowed hosts. Each entry is a host name or an address alone; duplicates are dropped. */
export async function setFetchSettings(app: FilmRights, actor: Actor, input: { allowHosts?: unknown }): Promise<FetchSettings> {
  requireAdmin(actor);
  const given = input.allowHosts;
  if (!Array.isArray(given)) throw invalid('allowHosts', given, 'allowHosts: expected a list of host names');
  if (given.length > MAX_ALLOW_HOSTS) throw invalid('allowHosts', given.length, `allowHosts: at most ${MAX_ALLOW_HOSTS} hosts`);
  const hosts: string[] = [];
  given.forEach((entry, i) => {
    const host = typeof entry === 'string' ? parseAllowedHost(entry) : null;
    if (!host)
      throw invalid(
        `allowHosts[${i}]`,
        entry,
        `allowHosts[${i}]: "${String(entry).slice(0, 100)}" is not a host name or address; give the name alone, like news.intranet (no http://, port or path)`,
      );
    if (!hosts.includes(host)) hosts.push(host);
  });
  await app.store.transaction(async (trx) => {
    const before = await trx.selectFrom('settings').select('value').where('key', '=', FETCH_ALLOW_HOSTS_KEY).executeTakeFirst();
    if (before)
      await trx
        .updateTable('settings')
        .set({ value: toJson(hosts) })
        .where('key', '=', FETCH_ALLOW_HOSTS_KEY)
        .execute();
    else
      await trx
        .insertInto('settings')
        .values({ key: FETCH_ALLOW_HOSTS_KEY, value: toJson(hosts) })
        .execute();
    await audit(trx, actor, {
      action: 'update',
      entity: 'settings',
      entityId: FETCH_ALLOW_HOSTS_KEY,
      before: before ? parseJson(before.value) : null,
      after: hosts,
    });
  });
  return getFetchSettings(app, actor);
}
