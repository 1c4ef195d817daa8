/** A buyer's avails sheet at a market: choose a buyer, get the market's line-up with what is free in its territories and media. */
import { useState } from 'react';
import type { BuyerList, MarketView } from '../../../../src/contract/index.js';
import { useApi } from '../../lib/hooks';
import { Link } from '../../lib/router';
import { ErrorNote, Field, Section } from '../../components/ui';
import { AvailsSheet } from '../buyers/AvailsSheet';

export function BuyerSheet({ market }: { market: MarketView }) {
  const buyers = useApi<BuyerList>('/api/buyers?pageSize=500');
  const [buyerId, setBuyerId] = useState('');
  const lineup = market.lineup.map((l) => ({ id: l.title.id, name: l.title.name }));
  if (buyers.error) return <ErrorNote error={buyers.error} retry={buyers.reload} />;
  return (
    <>
      <Section title="Avails sheet for a buyer">
        <p className="muted">
          The line-up of {market.name} ({lineup.length} title{lineup.length === 1 ? '' : 's'}) with what is free in the buyer’s territories
          and media, in the buyer’s language of dates. Holds show as on hold, never with whom.
        </p>
        {lineup.length === 0 && <p className="notice notice--warn">The line-up is empty: add titles in the Line-up view first.</p>}
        <Field label="Buyer" hint={<Link to="/buyers/new">New buyer</Link>}>
          {(p) => (
            <select {...p} value={buyerId} onChange={(e) => setBuyerId(e.target.value)}>
              <option value="">Choose a buyer</option>
              {(buyers.data?.items ?? []).map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name} — {b.territoryLabel}
                </option>
              ))}
            </select>
          )}
        </Field>
      </Section>
      {buyerId && lineup.length > 0 && <AvailsSheet key={buyerId} buyerId={buyerId} lineup={lineup} title="The sheet" />}
    </>
  );
}
