/** The offers: filtered by status, buyer, title and market; each with its buyer, rights, term, MG (when allowed) and status. */
import { withQuery } from '../../lib/api';
import { canWrite, useAuth } from '../../lib/auth';
import { formatDate, formatMoney, humanize } from '../../lib/format';
import { useApi } from '../../lib/hooks';
import { Link, useQueryState } from '../../lib/router';
import type { OfferList, Ref } from '../../../../src/contract/index.js';
import { OFFER_STATUS_LIST } from './words';
import { EntityPicker } from '../../components/EntityPicker';
import { ChoiceFilter } from '../../components/listing';
import { Badge, Empty, ErrorNote, Field, Loading } from '../../components/ui';
import './offers.css';
import { MarketTabs } from '../../components/MarketTabs';

export default function Offers() {
  const { user } = useAuth();
  const [params, set] = useQueryState();
  const status = params.get('status') ?? '';
  const buyer = params.get('buyer') ?? '';
  const title = params.get('title') ?? '';
  const market = params.get('market') ?? '';
  const list = useApi<OfferList>(withQuery('/api/offers', { status, buyer, title, market }));
  // the markets offered in, for the market filter (from the unfiltered list)
  const all = useApi<OfferList>('/api/offers');
  const markets = [...new Map((all.data?.items ?? []).filter((o) => o.market).map((o) => [o.market!.id, o.market!])).values()];
  const named = (id: string, items: Ref[]) => items.find((x) => x.id === id) ?? { id, name: id };
  const buyers = (all.data?.items ?? []).map((o) => o.buyer);
  const titles = (all.data?.items ?? []).flatMap((o) => o.titles);
  const money = list.data?.items.some((o) => o.mg !== undefined);
  return (
    <div className="page page--wide">
      <MarketTabs current="offers" />
      <div className="page-head">
        <h1>Offers</h1>
        <div className="page-actions">
          {canWrite(user) && (
            <Link to="/offers/new" className="btn btn--primary">
              New offer
            </Link>
          )}
        </div>
      </div>
      <form className="filters" role="search" aria-label="Filter offers" onSubmit={(e) => e.preventDefault()}>
        <ChoiceFilter
          label="Status"
          value={status}
          options={OFFER_STATUS_LIST.map((s) => ({ value: s, label: humanize(s) }))}
          onChange={(v) => set({ status: v || null })}
        />
        <Field label="Buyer">
          {(p) => (
            <EntityPicker
              {...p}
              kind="companies"
              value={buyer ? named(buyer, buyers) : null}
              onChange={(v) => set({ buyer: v?.id ?? null })}
              placeholder="Any buyer"
            />
          )}
        </Field>
        <Field label="Title">
          {(p) => (
            <EntityPicker
              {...p}
              kind="titles"
              value={title ? named(title, titles) : null}
              onChange={(v) => set({ title: v?.id ?? null })}
              placeholder="Any title"
            />
          )}
        </Field>
        <ChoiceFilter
          label="Market"
          value={market}
          options={markets.map((m) => ({ value: m.id, label: m.name }))}
          onChange={(v) => set({ market: v || null })}
        />
      </form>
      {list.error && <ErrorNote error={list.error} retry={list.reload} />}
      {list.loading && !list.data && <Loading what="Loading offers" />}
      {list.data && list.data.items.length === 0 && (
        <Empty title={status || buyer || title || market ? 'No offer matches these filters' : 'No offer yet'}>
          {canWrite(user) && <Link to="/offers/new">Record a buyer's offer</Link>}
        </Empty>
      )}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="data offers-table">
            <thead>
              <tr>
                <th scope="col">Offer</th>
                <th scope="col">Buyer</th>
                <th scope="col">Titles</th>
                <th scope="col">Rights</th>
                <th scope="col" className="offer-col-term">
                  Term
                </th>
                {money && <th scope="col">MG</th>}
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/offers/${o.id}`}>{o.ref}</Link>
                    <div className="muted small">v{o.version}</div>
                    <div className="offer-status-inline">
                      <Badge value={o.status} />
                    </div>
                  </td>
                  <td>
                    {o.buyer.name}
                    {o.market && <div className="muted small">{o.market.name}</div>}
                  </td>
                  <td className="cell-wrap">{o.titles.map((t) => t.name).join(', ')}</td>
                  <td className="cell-wrap">
                    {o.territoryLabel}; {o.mediaLabel}
                    {!o.exclusive && <span className="muted"> (non-exclusive)</span>}
                  </td>
                  <td className="nowrap offer-col-term">
                    {formatDate(o.start)} – {formatDate(o.end, { open: 'perpetuity' })}
                  </td>
                  {money && <td className="nowrap">{o.mg ? formatMoney(o.mg) : '—'}</td>}
                  <td>
                    <Badge value={o.status} />
                    {o.holdExpiresOn && <div className="muted small">hold until {formatDate(o.holdExpiresOn)}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
