/**
 * The catalog: a dense, sortable table of titles. Every filter, the search,
 * the sort and the page live in the URL, so a view can be shared as a link.
 */
import { useState } from 'react';
import { withQuery } from '../lib/api';
import { humanize } from '../lib/format';
import { canWrite, useAuth } from '../lib/auth';
import { useApi, useDebounced, useOnChange } from '../lib/hooks';
import { useCountries } from '../lib/reference';
import { Link } from '../lib/router';
import type { Page, TitleSummary } from '../../../src/contract/index.js';
import { MediaPicker } from '../components/MediaPicker';
import { TerritoryInput } from '../components/TerritoryInput';
import { Badge, Empty, ErrorNote, Field, Loading, SortHeader } from '../components/ui';
import { ChoiceFilter, ListPager, SearchField, useListQuery } from '../components/listing';

interface FestivalLite {
  id: string;
  name: string;
  shortName?: string | null;
}

const PAGE_SIZE = 50;

export default function Catalog() {
  const { user } = useAuth();
  // Typing is local; the URL follows after a pause (so history is not one entry per key).
  const { params, set, q, page, search, setSearch } = useListQuery();
  const status = params.get('status') ?? '';
  const country = params.get('country') ?? '';
  const festival = params.get('festival') ?? '';
  const freeTerritory = params.get('freeTerritory') ?? '';
  const freeMedia = params.get('freeMedia') ?? '';
  // a search is ranked by how well titles match (their names, then the people credited: directors first) until a column is chosen
  const sortParam = params.get('sort');
  const sort = sortParam === 'year' ? 'year' : sortParam === 'title' || !q ? 'title' : 'relevance';
  const dir = params.get('dir') === 'desc' ? 'desc' : 'asc';

  const [territory, setTerritory] = useState(freeTerritory);
  const [media, setMedia] = useState(freeMedia);
  const dTerritory = useDebounced(territory, 500);
  const dMedia = useDebounced(media, 500);
  useOnChange(JSON.stringify([dTerritory, dMedia]), () => {
    if (dTerritory !== freeTerritory || dMedia !== freeMedia) set({ freeTerritory: dTerritory, freeMedia: dMedia, page: null });
  });

  const freeBoth = freeTerritory && freeMedia;
  const list = useApi<Page<TitleSummary>>(
    withQuery('/api/titles', {
      q,
      status,
      country,
      festival,
      freeTerritory: freeBoth ? freeTerritory : '',
      freeMedia: freeBoth ? freeMedia : '',
      sort,
      dir: dir === 'desc' ? 'desc' : '',
      page,
      pageSize: PAGE_SIZE,
    }),
  );
  const countries = useCountries();
  const festivals = useApi<FestivalLite[] | Page<FestivalLite>>('/api/festivals');
  const festivalList = Array.isArray(festivals.data) ? festivals.data : (festivals.data?.items ?? []);

  // sorted (either way) and paged by the server: page 2 of a descending list follows page 1
  const items = list.data?.items ?? [];
  const filtered = Boolean(q || status || country || festival || freeBoth);

  function sortBy(col: 'title' | 'year') {
    set({ sort: col === 'title' && !q ? null : col, dir: sort === col && dir === 'asc' ? 'desc' : null, page: null });
  }

  return (
    <div className="page page--wide">
      <div className="page-head">
        <h1>Catalog</h1>
        <p className="muted page-sub">
          {list.data ? `${list.data.total} ${list.data.total === 1 ? 'title' : 'titles'}${filtered ? ' match' : ''}` : '\u00a0'}
        </p>
        {canWrite(user) && (
          <div className="page-actions">
            <Link to="/titles/new" className="btn btn--primary">
              New title
            </Link>
          </div>
        )}
      </div>
      <form className="filters" role="search" aria-label="Filter the catalog" onSubmit={(e) => e.preventDefault()}>
        <SearchField placeholder="Title, original title, director, cast… (typos forgiven)" value={search} onChange={setSearch} />
        <ChoiceFilter
          label="Status"
          value={status}
          options={['development', 'production', 'wrapped', 'released'].map((s) => ({ value: s, label: humanize(s) }))}
          onChange={(v) => set({ status: v, page: null })}
        />
        <ChoiceFilter
          label="Country of production"
          value={country}
          options={countries.data?.map((c) => ({ value: c.code, label: c.name })) ?? []}
          onChange={(v) => set({ country: v, page: null })}
        />
        <ChoiceFilter
          label="Festival"
          value={festival}
          options={festivalList.map((f) => ({ value: f.id, label: f.name }))}
          onChange={(v) => set({ festival: v, page: null })}
        />
        <Field
          label="Free in territory"
          hint={territory && !media ? 'Add the media too.' : freeBoth ? 'Exclusive, from today for twelve months.' : undefined}
        >
          {(p) => <TerritoryInput {...p} value={territory} onChange={setTerritory} placeholder="e.g. Germany" showReading={false} />}
        </Field>
        <Field label="for media" hint={media && !territory ? 'Add the territory too.' : undefined}>
          {(p) => <MediaPicker {...p} value={media} onChange={setMedia} placeholder="e.g. SVOD" />}
        </Field>
        {filtered && (
          <button
            type="button"
            className="btn btn--ghost filters-clear"
            onClick={() => {
              setSearch('');
              setTerritory('');
              setMedia('');
              set({ q: null, status: null, country: null, festival: null, freeTerritory: null, freeMedia: null, page: null });
            }}
          >
            Clear filters
          </button>
        )}
      </form>
      <ErrorNote error={list.error} retry={list.reload} />
      {list.loading && !list.data && <Loading what="Loading titles" />}
      {list.data && items.length === 0 && (
        <Empty title={filtered ? 'No title matches these filters.' : 'The catalog is empty.'}>
          {filtered
            ? 'Loosen a filter or clear them all.'
            : canWrite(user)
              ? 'Add one with “New title”, or import a catalog (Import).'
              : 'Editors add titles here or by import.'}
        </Empty>
      )}
      {items.length > 0 && (
        <div className={`table-wrap${list.loading ? ' is-stale' : ''}`}>
          <table className="data data--catalog">
            <caption className="visually-hidden">
              Titles, sorted by {sort} {dir === 'asc' ? 'ascending' : 'descending'}
            </caption>
            <thead>
              <tr>
                <SortHeader label="Title" active={sort === 'title'} dir={dir} onSort={() => sortBy('title')} />
                <SortHeader label="Year" active={sort === 'year'} dir={dir} onSort={() => sortBy('year')} />
                <th scope="col">Director</th>
                <th scope="col">Countries</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {items.map((t) => (
                <tr key={t.id}>
                  <td>
                    <Link to={`/titles/${encodeURIComponent(t.id)}`} className="title-link">
                      {t.englishTitle || t.originalTitle}
                    </Link>
                    {t.englishTitle && t.originalTitle && t.englishTitle !== t.originalTitle && (
                      <span className="muted original"> {t.originalTitle}</span>
                    )}
                  </td>
                  <td className="num">{t.year ?? '—'}</td>
                  <td>{t.directors.join(', ') || '—'}</td>
                  <td>{t.countries.map((c) => countries.byCode?.get(c) ?? c).join(', ') || '—'}</td>
                  <td>{t.productionStatus ? <Badge value={t.productionStatus} /> : '—'}</td>
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
