/**
 * The deals behind an avails reason, as a reader needs them: which deal (its
 * id, to open it), with whom, until when, and whether it was read from a
 * source nobody has reviewed yet. The engine's reasons name the contract
 * references only; the end dates come from the same index blocks the engine
 * read, so the answer itself is unchanged.
 */
import type { Kysely } from 'kysely';
import { intersects } from '../domain/bitset.js';
import { dayOrNull } from '../domain/dates.js';
import type { ReasonCode } from '../domain/avails.js';
import type { BlockKind, RightsBlock } from '../domain/rights.js';
import type { Database } from '../store/index.js';
import type { FilmRights } from './app.js';
import { notReviewedOf } from './provenance.js';
import type { ReasonDeal, ReasonDeals, ReasonView } from './views.js';

/** An answer's deals are asked about in one query up to this many (bind parameters: SQLite allows 32,766, PostgreSQL 65,535). */
const DEALS_PER_QUERY = 10_000;

/** The kind of block each reason comes from. */
const KINDS: Record<ReasonCode, readonly BlockKind[]> = {
  'rights-out-exist': ['out'],
  'on-hold': ['hold'],
  holdback: ['holdback'],
  'not-yet-started': ['in'],
  expired: ['in'],
  'rights-in-non-exclusive': ['in'],
  'no-rights-in': [],
  'window-not-met': [],
  depends: ['in', 'out', 'holdback'],
};

/** A lookup for one answer: each title's blocks are read from the index once. */
export function reasonDeals(app: FilmRights): ReasonDeals {
  const blocks = new Map<string, RightsBlock[]>();
  const blocksOf = (titleId: string): RightsBlock[] => {
    let list = blocks.get(titleId);
    if (!list) blocks.set(titleId, (list = app.index.blocksOf(titleId)));
    return list;
  };
  return (reason, scope) => {
    const kinds = KINDS[reason.code] ?? [];
    const ends = new Map<string, number>();
    const wanted = new Set(reason.contracts);
    for (const titleId of scope.titles) {
      for (const b of blocksOf(titleId)) {
        if (!wanted.has(b.contract) || !kinds.includes(b.kind)) continue;
        if (!intersects(b.territories, scope.territories) || !intersects(b.media, scope.media)) continue;
        ends.set(b.contract, Math.max(ends.get(b.contract) ?? b.end, b.end));
      }
    }
    return reason.contracts.map((ref): ReasonDeal => {
      const p = app.contractParties(ref);
      const end = ends.get(ref);
      return {
        ref,
        id: p?.id ?? null,
        licensor: p?.licensor ?? null,
        licensee: p?.licensee ?? null,
        ...(end === undefined ? {} : { end: dayOrNull(end) }),
      };
    });
  };
}

/**
 * Marks the deals the reasons name (`notReviewed: true`) while a source of theirs waits for review,
 * as the deals list marks them: one query for the whole answer (the deals it names, by the fact
 * links' (table, id) index), none when it names no deal on file. The engine's answer is unchanged:
 * the flag is the service's, read from the fact links.
 */
export async function markNotReviewed(db: Kysely<Database>, reasons: Iterable<ReasonView>): Promise<void> {
  const named = new Map<string, ReasonDeal[]>();
  for (const r of reasons)
    for (const d of r.deals ?? []) {
      if (d.id === null) continue;
      let list = named.get(d.id);
      if (!list) named.set(d.id, (list = []));
      list.push(d);
    }
  if (!named.size) return;
  const waiting = await notReviewedOf(db, 'contracts', [...named.keys()], DEALS_PER_QUERY);
  for (const id of waiting) for (const d of named.get(id) ?? []) d.notReviewed = true;
}
