/**
 * The availability world map of one title: each country's status for a
 * chosen media, window and exclusivity, and why.
 */
import { fullSet, has, intersects, toIndices, type Bitset } from '../domain/bitset.js';
import { COUNTRIES } from '../domain/countries.js';
import { dayOrNull, parseDay, parseEndDay, PERPETUITY, type Day } from '../domain/dates.js';
import { languageLabel } from '../domain/languages.js';
import { mediaLabel, parseMedia } from '../domain/media.js';
import type { Actor, FilmRights } from './app.js';
import { NotFoundError } from './errors.js';
import { markNotReviewed, reasonDeals } from './reasonDeals.js';
import { reasonMessage, type ReasonView } from './views.js';

const STATUS_ORDER: PeriodStatus[] = ['available', 'on-hold', 'depends', 'sold', 'no-rights'];

/** Days in each status, counting a day once per status however many media share it. */
function daysByStatus(periods: ReadonlyArray<{ status: PeriodStatus; from: Day; to: Day }>): Partial<Record<PeriodStatus, number>> {
  const out: Partial<Record<PeriodStatus, number>> = {};
  for (const status of STATUS_ORDER) {
    const spans = periods.filter((p) => p.status === status).sort((a, b) => a.from - b.from);
    if (!spans.length) continue;
    let days = 0;
    let [lo, hi] = [spans[0].from, spans[0].to];
    for (const p of spans.slice(1)) {
      if (p.from > hi + 1) {
        days += hi - lo + 1;
        [lo, hi] = [p.from, p.to];
      } else hi = Math.max(hi, p.to);
    }
    out[status] = days + hi - lo + 1;
  }
  return out;
}

/** `depends`: waits for an event not yet dated; its reasons say which ("depends on the German theatrical release + 6 months, not yet dated"). */
export type MapStatus = 'available' | 'sold' | 'on-hold' | 'depends' | 'no-rights' | 'partial';
export type PeriodStatus = Exclude<MapStatus, 'partial'>;

/** One stretch of the window (for some of the media) and what it is, with why. */
export interface CountryPeriod {
  status: PeriodStatus;
  /** Inclusive ISO days, within the window; end null: perpetuity. */
  start: string | null;
  end: string | null;
  media: string;
  /** null: all languages. */
  languages: string | null;
  reasons: ReasonView[];
  /** A series' or season's map: the titles under it (episodes) this stretch is about, when not all of them. */
  titles?: string[];
}

export interface CountryAvail {
  status: MapStatus;
  /**
   * What each part of the window is, in date order: a partly available
   * country says which days are on hold, sold or free.
   */
  periods: CountryPeriod[];
  /** Days of the window in each status (any media); absent for an open-ended window. */
  days?: Partial<Record<PeriodStatus, number>>;
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
): Promise<{
  titleId: string;
  media: string;
  start: string;
  end: string | null;
  exclusive: boolean;
  countries: Record<string, CountryAvail>;
}> {
  const title = await app.store.db.selectFrom('titles').select('id').where('id', '=', titleId).executeTakeFirst();
  if (!title) throw new NotFoundError('title', titleId);
  // a series or season is answered through the titles under it (docs/series.md): their names are shown
  await app.ensureTitleNames(app.tree.get(titleId) ? app.tree.units(titleId) : [titleId]);
  const start = params.start ?? new Date().toISOString().slice(0, 10);
  const media = params.media?.trim() || 'All Media';
  const exclusive = params.exclusive ?? true;
  const countries = countryAvailability(app, titleId, {
    media: parseMedia(media, 'media'),
    start: parseDay(start, 'start'),
    end: parseEndDay(params.end ?? null, 'end'),
    exclusive,
  });
  // the deals named, marked while a source of theirs waits for review (one query for the map)
  await markNotReviewed(
    app.store.db,
    Object.values(countries).flatMap((c) => [...c.reasons, ...c.periods.flatMap((p) => p.reasons)]),
  );
  return { titleId, media, start, end: params.end ?? null, exclusive, countries };
}

/**
 * Each country's status for one title over a window (the map's question: every
 * country, the given media, any part of the window), from the engine's index.
 * A series or season is answered through its units (the titles with nothing
 * under them, which hold the rights inherited from above): a country is
 * available only where every unit is, and each stretch names its units when
 * it is not about all of them.
 * The title page's map and a festival line-up's sold / held / free columns
 * both read it, so they cannot disagree.
 */
export function countryAvailability(
  app: FilmRights,
  titleId: string,
  w: { media: Bitset; start: Day; end: Day; exclusive: boolean },
): Record<string, CountryAvail> {
  const units = app.tree.get(titleId) ? app.tree.units(titleId) : [titleId];
  const rows = app.index.avails(
    units,
    {
      territories: fullSet(COUNTRIES.size),
      media: w.media,
      languages: null,
      start: w.start,
      end: w.end,
      exclusive: w.exclusive,
      match: 'overlap-part',
    },
    { include: 'all' },
  );
  const q0 = w.start;
  const q1 = w.end;
  const deals = reasonDeals(app);
  const per = new Map<
    string,
    { statuses: Set<string>; reasons: Map<string, ReasonView>; periods: Map<string, CountryPeriod & { from: Day; to: Day }> }
  >();
  for (const row of rows) {
    const sold = row.outcome.reasons.some((r) => r.code === 'rights-out-exist' || r.code === 'holdback');
    const status: PeriodStatus = row.outcome.status === 'unavailable' ? (sold ? 'sold' : 'no-rights') : row.outcome.status;
    const from = Math.max(row.start, q0);
    const to = Math.min(row.end, q1);
    const views = row.outcome.reasons.map((r): ReasonView => ({
      code: r.code,
      contracts: r.contracts,
      message: reasonMessage(r, app.contractParties),
      ...(r.contracts.length ? { deals: deals(r, { titles: row.titles, territories: row.territories, media: row.media }) } : {}),
    }));
    const languages =
      row.languages === null
        ? row.languagesExcept.length
          ? `all languages excl. ${languageLabel(row.languagesExcept)}`
          : null
        : languageLabel(row.languages);
    const some = row.titles.length < units.length ? { titles: row.titles.map((t) => app.titleName(t)) } : {};
    const period = {
      status,
      start: dayOrNull(from),
      end: dayOrNull(to),
      media: mediaLabel(row.media),
      languages,
      reasons: views,
      ...some,
      from,
      to,
    };
    const periodKey = [status, from, to, period.media, languages, row.titles.join(',')].join('|');
    for (const i of toIndices(row.territories)) {
      const code = COUNTRIES.codeAt(i);
      let e = per.get(code);
      if (!e) per.set(code, (e = { statuses: new Set(), reasons: new Map(), periods: new Map() }));
      e.statuses.add(status);
      for (const r of views) {
        const k = r.code + ':' + r.contracts.join(',');
        if (!e.reasons.has(k)) e.reasons.set(k, r);
      }
      if (!e.periods.has(periodKey)) e.periods.set(periodKey, period);
    }
  }
  const rightsIn = units
    .flatMap((u) => app.index.blocksOf(u))
    .filter((b) => b.kind === 'in' && b.start <= w.end && b.end >= w.start && intersects(b.media, w.media));
  const countries: Record<string, CountryAvail> = {};
  for (const [code, e] of per) {
    const i = COUNTRIES.indexOf(code);
    const heldUnder = [...new Set(rightsIn.filter((b) => has(b.territories, i)).map((b) => b.contract))]
      .sort()
      .map((contract) => ({ contract, licensor: app.contractParties(contract)?.licensor ?? null }));
    const s = [...e.statuses];
    const status: MapStatus =
      s.length === 1
        ? (s[0] as MapStatus)
        : s.includes('available')
          ? 'partial'
          : s.includes('sold')
            ? 'sold'
            : s.includes('depends')
              ? 'depends'
              : s.includes('on-hold')
                ? 'on-hold'
                : 'no-rights';
    const reasons = [...e.reasons.values()];
    const blocking = [...new Set(reasons.flatMap((r) => r.contracts))].sort();
    const periods = [...e.periods.values()].sort(
      (a, b) => a.from - b.from || a.to - b.to || STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
    );
    countries[code] = {
      status,
      periods: periods.map(({ from: _f, to: _t, ...p }) => p),
      ...(q1 < PERPETUITY ? { days: daysByStatus(periods) } : {}),
      reasons,
      contracts: blocking.length ? blocking : heldUnder.map((h) => h.contract),
      heldUnder,
    };
  }
  return countries;
}
