/** The title's contracts in full and the bars of its rights timeline. */
import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import type { Contract } from '../../../../src/contract/index.js';
import type { TimelineBar } from '../../components/RightsTimeline';

/** The contracts with their blocks (the title page lists summaries; the timeline needs the blocks). */
export function useContractDetails(contracts: Contract[] | undefined): Contract[] | undefined {
  const [full, setFull] = useState<Contract[]>();
  const key = contracts?.map((c) => `${c.id}:${c.version}`).join(',');
  useEffect(() => {
    if (!contracts) return;
    if (contracts.every((c) => c.blocks && c.holdbacks)) return setFull(contracts);
    let live = true;
    Promise.all(
      contracts
        .slice(0, 40)
        .map((c) =>
          c.blocks && c.holdbacks ? Promise.resolve(c) : api.get<Contract>(`/api/contracts/${encodeURIComponent(c.id)}`).catch(() => c),
        ),
    ).then((l) => live && setFull(l));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on ids and versions: the same contracts are not fetched again
  }, [key]);
  return full;
}

export function timelineBars(titleId: string, contracts: Contract[]): TimelineBar[] {
  const bars: TimelineBar[] = [];
  for (const c of contracts) {
    if (['draft', 'rejected'].includes(c.status)) continue;
    const kind: TimelineBar['kind'] =
      c.direction === 'in'
        ? 'in'
        : c.direction === 'third-party'
          ? 'third-party'
          : c.status === 'offer' || c.status === 'negotiating'
            ? 'hold'
            : 'out';
    const other = c.direction === 'in' ? c.licensor?.name : c.licensee?.name;
    for (const b of c.blocks ?? []) {
      if (b.titleId && b.titleId !== titleId) continue;
      bars.push({
        key: `${c.id}-${b.id ?? bars.length}`,
        territory: b.territoryLabel ?? b.territories,
        media: b.mediaLabel ?? b.media,
        kind,
        start: b.start,
        end: b.end,
        label: `${c.ref}${other ? ` · ${other}` : ''}${b.termReported === false && !b.end ? ' · term not reported' : ''}`,
        exclusive: b.exclusive,
      });
    }
    for (const h of c.holdbacks ?? []) {
      if (h.titleId && h.titleId !== titleId) continue;
      bars.push({
        key: `${c.id}-h-${h.id ?? bars.length}`,
        territory: h.territories,
        media: h.media,
        kind: 'holdback',
        start: h.start,
        end: h.end,
        label: h.description || c.ref,
      });
    }
  }
  return bars;
}
