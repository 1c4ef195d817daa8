/**
 * The buyers: filter by territory (a buyer for Benelux answers "Belgium"), media, kind, a name
 * (typos forgiven) or "bought titles like this one" (with why); add a buyer with its contacts.
 */
import { useState } from 'react';
import { withQuery } from '../../lib/api';
import { canWrite, useAuth } from '../../lib/auth';
import { humanize } from '../../lib/format';
import { useApi } from '../../lib/hooks';
import { Link, navigate } from '../../lib/router';
import type { BuyerList, Ref } from '../../../../src/contract/index.js';
import { BUYER_KINDS } from '../../../../src/domain/buyers.js';
import { EntityPicker } from '../../components/EntityPicker';
import { ChoiceFilter, ListPager, SearchField, useListQuery } from '../../components/listing';
import { MediaPicker } from '../../components/MediaPicker';
import { TerritoryInput } from '../../components/TerritoryInput';
import { ColumnHeads, Empty, ErrorNote, Field, Loading } from '../../components/ui';
import { BuyerForm } from './BuyerForm';
import { MarketTabs } from '../../components/MarketTabs';

const PAGE_SIZE = 25;

export default function Buyers() {
  const { params, set, q, page, search, setSearch } = useListQuery();
  const { user } = useAuth();
  const newId = params.get('new');
  const [adding, setAdding] = useState(Boolean(newId));
  const territory = params.get('territory') ?? '';
  const media = params.get('media') ?? '';
  const kind = params.get('kind') ?? '';
  const likeTitle = params.get('like') ?? '';
  const [territoryText, setTerritoryText] = useState(territory);
  const [mediaText, setMediaText] = useState(media);
  const [like, setLike] = useState<Ref | null>(likeTitle ? { id: likeTitle, name: params.get('likeName') ?? likeTitle } : null);
  const list = useApi<BuyerList>(withQuery('/api/buyers', { q, territory, media, kind, likeTitle, page, pageSize: PAGE_SIZE }));
  const filtered = Boolean(q || territory || media || kind || likeTitle);
  return (
    <div className="page page--wide">
      <MarketTabs current="buyers" />
      <div className="page-head">
        <h1>Buyers</h1>
        <p className="muted page-sub">Who buys what, where; their contacts, history and screeners.</p>
        {canWrite(user) && !adding && (
          <div className="page-actions">
            <button type="button" className="btn btn--primary btn--small" onClick={() => setAdding(true)}>
              New buyer
            </button>
          </div>
        )}
      </div>
      {adding && (
        <BuyerForm
          company={newId ? { id: newId, name: params.get('newName') ?? newId } : null}
          onSaved={(id) => navigate(`/buyers/${encodeURIComponent(id)}`)}
          onCancel={() => (setAdding(false), set({ new: null, newName: null }))}
        />
      )}
      <form
        className="filters"
        role="search"
        aria-label="Filter buyers"
        onSubmit={(e) => {
          e.preventDefault();
          set({ territory: territoryText.trim(), media: mediaText.trim(), page: null });
        }}
      >
        <SearchField placeholder="A buyer or contact, e.g. Cineart" value={search} onChange={setSearch} />
        <Field label="Buys in">
          {(p) => (
            <TerritoryInput {...p} value={territoryText} onChange={setTerritoryText} placeholder="e.g. Belgium" showReading={false} />
          )}
        </Field>
        <Field label="Buys media">{(p) => <MediaPicker {...p} value={mediaText} onChange={setMediaText} placeholder="e.g. SVOD" />}</Field>
        <ChoiceFilter
          label="Kind"
          value={kind}
          options={BUYER_KINDS.map((k) => ({ value: k, label: humanize(k) }))}
          onChange={(v) => set({ kind: v, page: null })}
        />
        <Field label="Bought titles like">
          {(p) => (
            <EntityPicker
              {...p}
              kind="titles"
              value={like}
              onChange={(v) => {
                setLike(v);
                set({ like: v?.id ?? null, likeName: v?.name ?? null, page: null });
              }}
              placeholder="Pick a title"
            />
          )}
        </Field>
        <button type="submit" className="btn filters-clear">
          Filter
        </button>
      </form>
      <ErrorNote error={list.error} retry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && (
        <Empty title={filtered ? 'No buyer matches these filters.' : 'No buyer yet.'}>
          {filtered
            ? 'Widen the territory or media, check the spelling, or clear a filter.'
            : canWrite(user)
              ? 'Add the companies you sell to with “New buyer”: what they buy, where, and who you talk to.'
              : 'Editors add the companies we sell to here.'}
        </Empty>
      )}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="data data--stack">
            <ColumnHeads columns={['Buyer', 'Kind', 'Buys in', 'Media', 'Contacts', 'Titles bought', likeTitle && 'Why']} />
            <tbody>
              {list.data.items.map((b) => (
                <tr key={b.id}>
                  <td data-label="Buyer">
                    <Link to={`/buyers/${encodeURIComponent(b.id)}`}>{b.name}</Link>
                  </td>
                  <td data-label="Kind">{humanize(b.kind)}</td>
                  <td data-label="Buys in">{b.territoryLabel}</td>
                  <td data-label="Media">{b.mediaLabel}</td>
                  <td data-label="Contacts">{b.contacts}</td>
                  <td data-label="Titles bought">{b.titlesBought}</td>
                  {likeTitle && <td data-label="Why">{b.like?.reasons.join('; ')}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ListPager data={list.data} page={page} pageSize={PAGE_SIZE} set={set} />
    </div>
  );
}
