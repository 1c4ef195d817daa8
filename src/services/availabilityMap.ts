/**
 * The availability world map of one title: each country's status for a
 * chosen media, window and exclusivity, and why.
 */
import { fullSet, has, intersects, toIndices, type Bitset } from '../domain/bitset.js';
import { COUNTRIES } from '../domain/countries.js';
import { parseDay, parseEndDay, type Day } from '../domain/dates.js';
import { parseMedia } from '../domain/media.js';
import type { Actor, FilmRights } from './app.js';
import { NotFoundError } from './errors.js';
import { reasonMessage, type ReasonView } from './views.js';

export type MapStatus = 'available' | 'sold' | 'on-hold' | 'no-rights' | 'partial';

export interface CountryAvail {
  status: MapStatus;
  reasons: ReasonView[];
  /** The contracts behind the status: what blocks it, or, where it is available, the rights-in it comes from. */
  contracts: string[];
  /** The rights-in contracts that cover the country in the window (who we hold it from). */
  heldUnder: Array<{ contract: string; licensor: string | null }>;
}

export async function availabilityMap(
  app: FilmRights,
  _actor: Actor,
  titleId: string,
  params: { media?: string; start?: string; end?: string | null; exclusive?: boolean },
): Promise<{ titleId: string; media: string; start: string; end: string | null; exclusive: boolean; countries: Record<string, CountryAvail> }> {
  const title = await app.store.db.selectFrom('titles').select('id').where('id', '=', titleId).executeTakeFirst();
  if (!title) throw new NotFoundError('title', titleId);
  const start = params.start ?? new Date().toISOString().slice(0, 10);
  const media = params.media?.trim() || 'All Media';
  const exclusive = params.exclusive ?? true;
  const countries = countryAvailability(app, titleId, { media: parseMedia(media, 'media'), start: parseDay(start, 'start'), end: parseEndDay(params.end ?? null, 'end'), exclusive });
  return { titleId, media, start, end: params.end ?? null, exclusive, countries };
}

/**
 * Each country's status for one title over a window (the map's question: every
 * country, the given media, any part of the window), from the engine's index.
 * The title page's map and a festival line-up's sold / held / free columns
 * both read it, so they cannot disagree.
 */
export function countryAvailability(app: FilmRights, titleId: string, w: { media: Bitset; start: Day; end: Day; exclusive: boolean }): Record<string, CountryAvail> {
  const rows = app.index.avails([titleId], {
    territories: fullSet(COUNTRIES.size),
    media: w.media,
    languages: null,
    start: w.start,
    end: w.end,
    exclusive: w.exclusive,
    match: 'overlap-part',
  }, { include: 'all' });
  const per = new Map<string, { statuses: Set<string>; reasons: Map<string, ReasonView> }>();
  for (const row of rows) {
    for (const i of toIndices(row.territories)) {
      const code = COUNTRIES.codeAt(i);
      let e = per.get(code);
      if (!e) per.set(code, (e = { statuses: new Set(), reasons: new Map() }));
      const sold = row.outcome.reasons.some((r) => r.code === 'rights-out-exist' || r.code === 'holdback');
      e.statuses.add(row.outcome.status === 'unavailable' ? (sold ? 'sold' : 'no-rights') : row.outcome.status);
      for (const r of row.outcome.reasons) {
        const k = r.code + ':' + r.contracts.join(',');
        if (!e.reasons.has(k)) e.reasons.set(k, { code: r.code, contracts: r.contracts, message: reasonMessage(r, app.contractParties) });
      }
    }
  }
  const rightsIn = app.index.blocksOf(titleId).filter((b) => b.kind === 'in' && b.start <= w.end && b.end >= w.start && intersects(b.media, w.media));
  const countries: Record<string, CountryAvail> = {};
  for (const [code, e] of per) {
    const i = COUNTRIES.indexOf(code);
    const heldUnder = [...new Set(rightsIn.filter((b) => has(b.territories, i)).map((b) => b.contract))].sort().map((contract) => ({ contract, licensor: app.contractParties(contract)?.licensor ?? null }));
    const s = [...e.statuses];
    const status: MapStatus =
      s.length === 1 ? (s[0] as MapStatus) : s.includes('available') ? 'partial' : s.includes('sold') ? 'sold' : s.includes('on-hold') ? 'on-hold' : 'no-rights';
    const reasons = [...e.reasons.values()];
    const blocking = [...new Set(reasons.flatMap((r) => r.contracts))].sort();
    countries[code] = { status, reasons, contracts: blocking.length ? blocking : heldUnder.map((h) => h.contract), heldUnder };
  }
  return countries;
}
