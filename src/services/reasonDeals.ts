/**
 * The deals behind an avails reason, as a reader needs them: which deal (its
 * id, to open it), with whom, and until when. The engine's reasons name the
 * contract references only; the end dates come from the same index blocks
 * the engine read, so the answer itself is unchanged.
 */
import { intersects } from '../domain/bitset.js';
import { dayOrNull } from '../domain/dates.js';
import type { ReasonCode } from '../domain/avails.js';
import type { BlockKind, RightsBlock } from '../domain/rights.js';
import type { FilmRights } from './app.js';
import type { ReasonDeal, ReasonDeals } from './views.js';

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
