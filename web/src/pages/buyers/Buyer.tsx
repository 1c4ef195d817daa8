/** A buyer's page: what it buys and where, its contacts, what it bought (from us and from others), screener links, and its avails sheet. */
import { useState } from 'react';
import { api } from '../../lib/api';
import { canWrite, useAuth } from '../../lib/auth';
import { humanize } from '../../lib/format';
import { useApi } from '../../lib/hooks';
import { Link, navigate } from '../../lib/router';
import type { BuyerView, MarketWeekView } from '../../../../src/contract/index.js';
import { newOfferPath } from '../offers/links';
import { DoneNotice, Empty, ErrorNote, Loading, Section } from '../../components/ui';
import { AvailsSheet } from './AvailsSheet';
import { BuyerForm } from './BuyerForm';
import { Contacts } from './Contacts';
import { History } from './History';
import { Screeners } from './Screeners';

export default function Buyer({ params }: { params: Record<string, string> }) {
  const b = useApi<BuyerView>(`/api/buyers/${encodeURIComponent(params.id)}`);
  const week = useApi<MarketWeekView>('/api/market-week'); // the market on now prefills a new offer's market
  const { user } = useAuth();
  const writable = canWrite(user);
  const [editing, setEditing] = useState(false);
  const [flash, setFlash] = useState<string>();
  const [error, setError] = useState<Error>();
  const changed = (what: string) => {
    setFlash(what);
    setEditing(false);
    b.reload();
  };
  if (b.error)
    return (
      <div className="page">
        <p className="crumbs">
          <Link to="/buyers">Buyers</Link>
        </p>
        {b.error.status === 404 ? (
          <Empty title="This company is not a buyer.">
            It may have been removed from the buyers. <Link to="/buyers">All buyers</Link>
          </Empty>
        ) : (
          <ErrorNote error={b.error} retry={b.reload} />
        )}
      </div>
    );
  if (!b.data) return <Loading what="Loading the buyer" />;
  const d = b.data;
  async function removeProfile() {
    if (!window.confirm(`Remove ${d.name} from the buyers, with its contacts and screener links? The company stays on file.`)) return;
    try {
      await api.del(`/api/buyers/${encodeURIComponent(d.id)}`);
      navigate('/buyers');
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <div className="page page--wide">
      <p className="crumbs">
        <Link to="/buyers">Buyers</Link>
      </p>
      <div className="page-head">
        <h1>{d.name}</h1>
        <p className="muted page-sub">
          {humanize(d.kind)} · buys {d.mediaLabel} in {d.territoryLabel} ·{' '}
          <Link to={`/companies/${encodeURIComponent(d.id)}`}>company record</Link>
        </p>
        {writable && !editing && (
          <div className="page-actions">
            <Link className="btn btn--small btn--primary" to={newOfferPath({ id: d.id, name: d.name }, week.data?.market?.editionId)}>
              New offer
            </Link>
            <button type="button" className="btn btn--small" onClick={() => setEditing(true)}>
              Edit profile
            </button>
            <button type="button" className="btn btn--ghost btn--small btn--delete" onClick={() => void removeProfile()}>
              Remove from buyers
            </button>
          </div>
        )}
      </div>
      <DoneNotice message={flash} />
      <ErrorNote error={error} />
      {editing && <BuyerForm buyer={d} onSaved={() => changed('Profile saved.')} onCancel={() => setEditing(false)} />}
      <Section title="Profile">
        <dl className="deflist">
          <dt>Territories</dt>
          <dd>
            {d.territoryLabel}
            {d.territories !== d.territoryLabel && <span className="muted"> (written “{d.territories}”)</span>}
          </dd>
          <dt>Media</dt>
          <dd>{d.mediaLabel}</dd>
          <dt>Genres</dt>
          <dd>{d.genres.length ? d.genres.join(', ') : '—'}</dd>
          <dt>Dates written in</dt>
          <dd>{d.locale}</dd>
          <dt>Notes</dt>
          <dd>{d.notes ?? '—'}</dd>
        </dl>
      </Section>
      <Contacts buyerId={d.id} contacts={d.contacts} writable={writable} onChanged={changed} />
      <History history={d.history} canSeeMoney={Boolean(user?.canSeeFinancials)} />
      <Screeners buyerId={d.id} screeners={d.screeners} writable={writable} onChanged={changed} />
      <AvailsSheet buyerId={d.id} />
    </div>
  );
}
