/**
 * The live check of an offer against avails, as the deal editor checks a deal: the titles'
 * rights as the in-memory index holds them (as the avails questions read them), each (title, country, media leaf)
 * answered by the engine over the offer's term (src/domain/offers.ts checkOffer), shown per title
 * x territory with the media grouped by answer, each with its reasons and the contracts in the
 * way; and the other open offers that ask for some of the same rights.
 */
import { fromIndices } from '../../domain/bitset.js';
import { COUNTRIES, countryName } from '../../domain/countries.js';
import { MEDIA, mediaLabel } from '../../domain/media.js';
import {
  checkOffer,
  offerOverlap,
  OFFER_CELL_STATUSES,
  type OfferCell,
  type OfferCellStatus,
  type ParsedOffer,
} from '../../domain/offers.js';
import { territoryLabel } from '../../domain/territories.js';
import type { CompetingOffer, OfferCheck, OfferCheckQuestion } from '../../contract/index.js';
import type { Actor, FilmRights } from '../app.js';
import { visibleTo } from '../access.js';
import { reasonMessage } from '../views.js';
import { DomainError } from '../../domain/errors.js';
import { checkTerms, parsedOf } from './terms.js';
import { openOffersOf } from './read.js';

/** Worst first: the answer of a title x territory is the worst of its media. */
const SEVERITY: Record<OfferCellStatus, number> = { 'not-held': 5, sold: 4, holdback: 3, depends: 2, 'on-hold': 1, available: 0 };

export async function ensureTitles(app: FilmRights, titleIds: readonly string[], field = 'titleIds'): Promise<void> {
  const found = new Set(
    (
      await app.store.db
        .selectFrom('titles')
        .select('id')
        .where('id', 'in', [...titleIds])
        .execute()
    ).map((r) => r.id),
  );
  const missing = titleIds.find((t) => !found.has(t));
  if (missing) throw new DomainError('unknown-id', field, missing, `${field}: no title with id "${missing}"`);
}

/** The check's answer for parsed rights (no money involved). */
export async function checkParsed(app: FilmRights, actor: Actor, parsed: ParsedOffer, exceptOffer?: string): Promise<OfferCheck> {
  await app.ensureTitleNames(parsed.titles);
  // the in-memory index, as the avails questions read it (expired holds already left out); the
  // accept checks again against the store inside its transaction
  const index = app.index;
  // an offer's own hold or sale is not in its way
  const own = exceptOffer
    ? (
        await app.store.db
          .selectFrom('offers as o')
          .innerJoin('contracts as c', 'c.id', 'o.contract_id')
          .select('c.ref')
          .where('o.id', '=', exceptOffer)
          .executeTakeFirst()
      )?.ref
    : undefined;
  const cells = checkOffer((t) => (own ? index.blocksOf(t).filter((b) => b.contract !== own) : index.blocksOf(t)), parsed);
  const counts = Object.fromEntries(OFFER_CELL_STATUSES.map((s) => [s, 0])) as OfferCheck['counts'];
  for (const c of cells) counts[c.status]++;
  return {
    // a cell that depends on an undated event is not clear: the sale would have to wait for its date
    clear: counts.sold + counts['not-held'] + counts.holdback + counts.depends === 0,
    held: counts['on-hold'] > 0,
    titles: parsed.titles.map((id) => ({ id, name: app.titleName(id) })),
    territories: uniqueCountries(cells).map((i) => ({ code: COUNTRIES.codeAt(i), name: countryName(COUNTRIES.codeAt(i)) })),
    cells: gridOf(app, cells),
    counts,
    // money can only be in the competing offers' summaries
    competing: visibleTo(actor, await competingWith(app, parsed, exceptOffer)),
  };
}

/** POST /api/offers/check: terms being edited, checked live. */
export async function checkOfferTerms(app: FilmRights, actor: Actor, input: OfferCheckQuestion): Promise<OfferCheck> {
  const { offerId, ...terms } = input;
  const { parsed } = checkTerms(actor, terms);
  await ensureTitles(app, parsed.titles);
  return checkParsed(app, actor, parsed, offerId);
}

function uniqueCountries(cells: readonly OfferCell[]): number[] {
  return [...new Set(cells.map((c) => c.country))];
}

function gridOf(app: FilmRights, cells: readonly OfferCell[]): OfferCheck['cells'] {
  // labels and sentences repeat from cell to cell: each made once
  const labels = new Map<string, string>();
  const mediaLabelOf = (leaves: number[]) => {
    const k = leaves.join(',');
    let l = labels.get(k);
    if (l === undefined) labels.set(k, (l = mediaLabel(fromIndices(MEDIA.size, leaves))));
    return l;
  };
  const messages = new Map<string, string>();
  const messageOf = (r: OfferCell['reasons'][number]) => {
    const k = `${r.code}:${r.contracts.join(',')}`;
    let m = messages.get(k);
    if (m === undefined) messages.set(k, (m = reasonMessage(r, app.contractParties)));
    return m;
  };
  const byPlace = new Map<string, OfferCell[]>();
  for (const c of cells) {
    const k = `${c.title}\u0000${c.country}`;
    const list = byPlace.get(k);
    if (list) list.push(c);
    else byPlace.set(k, [c]);
  }
  const out: OfferCheck['cells'] = [];
  for (const list of byPlace.values()) {
    const groups = new Map<string, { leaves: number[]; cell: OfferCell }>();
    for (const c of list) {
      const key = `${c.status}|${c.reasons.map((r) => `${r.code}:${r.contracts.join(',')}`).join(';')}`;
      const g = groups.get(key);
      if (g) g.leaves.push(c.media);
      else groups.set(key, { leaves: [c.media], cell: c });
    }
    let worst: OfferCellStatus = 'available';
    const media = [...groups.values()].map(({ leaves, cell }) => {
      if (SEVERITY[cell.status] > SEVERITY[worst]) worst = cell.status;
      return {
        media: leaves.map((i) => MEDIA.codeAt(i)),
        mediaLabel: mediaLabelOf(leaves),
        status: cell.status,
        reasons: cell.reasons.map((r) => ({ code: r.code, contracts: r.contracts, message: messageOf(r) })),
      };
    });
    media.sort((a, b) => SEVERITY[b.status] - SEVERITY[a.status]);
    // a place free in every medium needs no detail (most of a clear offer: a smaller answer)
    out.push({
      titleId: list[0].title,
      territory: COUNTRIES.codeAt(list[0].country),
      status: worst,
      media: worst === 'available' ? [] : media,
    });
  }
  return out;
}

/** Open offers (but `exceptOffer`) that ask for some of the same rights, with where they meet. */
export async function competingWith(app: FilmRights, parsed: ParsedOffer, exceptOffer?: string): Promise<CompetingOffer[]> {
  const out: CompetingOffer[] = [];
  for (const { terms, ...offer } of await openOffersOf(app, parsed.titles, exceptOffer)) {
    const overlap = offerOverlap(parsed, parsedOf(terms));
    if (!overlap) continue;
    out.push({
      offer,
      titles: overlap.titles.map((id) => ({ id, name: app.titleName(id) })),
      territoryLabel: territoryLabel(overlap.territories),
      mediaLabel: mediaLabel(overlap.media),
    });
  }
  return out;
}
